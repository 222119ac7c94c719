// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class RedisConnection;

// A node's right to speak for its people in a cluster: a key in Redis, "node:<id>", that holds
// the node's epoch and expires unless the node renews it. Names and presence belong to a
// lease, so that a node that dies or is cut off loses them within leaseMs, without anyone
// having to notice it first.
//
// The node's own view is the stricter one: it counts its lease from the moment it sent the
// last renewal that Redis accepted (Redis started the expiry at or after that moment), and a
// tenth shorter, so it believes itself lost before Redis does, and stops taking logins and renames
// before its names can be claimed by another node. When it can reach Redis again it takes a new
// epoch (never reused: a counter in Redis), so that whatever it said under the old one is
// told apart from what it says now.
class NodeLease : public QObject
{
    Q_OBJECT

public:
    struct Timing
    {
        int leaseMs = 3000; // how long a lease lasts without renewal
        int renewMs = 1000; // how often it is renewed
    };

    NodeLease(const QByteArray &nodeId, const Timing &timing, QObject *parent = nullptr);

    // The connection to renew on; renewing stops while there is none or it has ended (the
    // lease then runs out). Starts taking and renewing the lease.
    void setConnection(RedisConnection *redis);

    bool isHeld() const { return m_held; }
    // Gives the lease up (the node is stopping): its names come free at once instead of when
    // the lease would have run out. Sent, not waited for.
    void release();
    quint64 epoch() const { return m_epoch; }
    QByteArray nodeId() const { return m_nodeId; }
    // What a claim made under this lease holds: "<node id>:<epoch>".
    QByteArray owner() const;
    // The Redis key of a node's lease.
    static QByteArray keyOf(const QByteArray &nodeId);

signals:
    // The lease is held, under a new epoch (the first time, or again after it was lost).
    void acquired(quint64 epoch);
    // The lease ran out or was found gone: stop taking logins and renames.
    void lost(const QString &why);

private:
    void tick();
    void acquire();
    void renew();
    void renewed(qint64 sentAtMs);
    // Lost against the node's will (said in the log), or ended: no longer held.
    void lose(const QString &why);
    void end(const QString &why);

    QByteArray m_nodeId;
    Timing m_timing;
    QPointer<RedisConnection> m_redis;
    QTimer m_renewTimer;
    QTimer m_expiry; // fires when the lease runs out by the node's own count
    QElapsedTimer m_clock;
    bool m_held = false;
    bool m_busy = false; // a take or renewal is on the way
    quint64 m_epoch = 0;
};
