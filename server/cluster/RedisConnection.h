// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/RespReader.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

class QTcpSocket;

// One connection to Redis, on the event loop: commands are written at once, several may be
// on the way (pipelined), and each reply goes to its command's callback in the order the
// commands were sent. Once subscribe() is called the connection is a subscriber: Redis then
// sends messages whenever they are published, and they arrive through message().
//
// Nothing here reconnects: a connection that ended stays ended, and its owner decides when to
// try again (a cluster node must also fill the gap its subscription missed). Every way of
// ending (refused, reset, a reply that breaks the protocol, Redis too slow to answer)
// comes out once, through disconnected(); the callbacks still waiting get an error reply
// first, so no caller waits for ever.
class RedisConnection : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const RespValue &reply)>;

    // A Lua script (EVAL, one key and one argument) that deletes the key only while it holds
    // the argument: how a lease or a claim is given up without taking one that has since passed
    // to someone else.
    static const QByteArray DeleteIfHolds;

    // How long Redis may take to answer the oldest command on the way before the connection is
    // given up (a paused or cut-off Redis must not hold a node's leases and names in limbo).
    static constexpr int DefaultReplyTimeoutMs = 3000;
    // Commands queued and not yet taken by the kernel: beyond it Redis is not keeping up.
    static constexpr qint64 MaxQueuedBytes = 64 * 1024 * 1024;

    explicit RedisConnection(QObject *parent = nullptr);
    ~RedisConnection() override;

    void setReplyTimeout(int ms) { m_replyTimeoutMs = ms; }

    // Connects; connected() or disconnected() follows. Commands sent before connected() wait
    // in the socket's queue and go once it is up.
    void connectToServer(const QString &host, quint16 port);
    bool isConnected() const { return m_state == State::Connected; }

    // Sends a command (its words, e.g. {"SET", key, value}); reply, if given, runs with the
    // answer (an error reply when Redis refused it or the connection ended). Ignored after the
    // connection ended, but reply still runs, later, with an error.
    void send(const QList<QByteArray> &command, Reply reply = {});
    // Subscribes to channels; subscribed() follows for each. From now on only subscribing,
    // unsubscribing and PING may be sent on this connection, as Redis requires.
    void subscribe(const QList<QByteArray> &channels);

    // Hands what is queued to the kernel now, without waiting for Redis: what a process that is
    // about to exit sends last still leaves.
    void flush();
    // Ends the connection now; disconnected() follows, from the event loop.
    void close(const QString &why);
    QString errorString() const { return m_error; }

signals:
    void connected();
    void subscribed(const QByteArray &channel);
    void message(const QByteArray &channel, const QByteArray &payload);
    // The connection ended, for the reason given; emitted once.
    void disconnected(const QString &why);

private:
    enum class State { Idle, Connecting, Connected, Ended };

    void readReplies();
    void deliver(const RespValue &reply);
    bool deliverPush(const RespValue &reply);
    void end(const QString &why);
    void armTimeout();

    QTcpSocket *m_socket = nullptr;
    RespReader m_reader;
    std::deque<Reply> m_waiting;   // one per command on the way, in the order sent
    int m_subscriptionsWaited = 0; // subscribe acknowledgements still to come
    bool m_subscriber = false;
    State m_state = State::Idle;
    QString m_error;
    int m_replyTimeoutMs = DefaultReplyTimeoutMs;
    QTimer m_replyTimer;
};
