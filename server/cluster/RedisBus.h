// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/Bus.h"

#include <QHash>
#include <QPointer>

class RedisConnection;

// The bus through Redis's publish and subscribe: every line on one channel, which every node
// subscribes to. ClusterNode hands it the connections it makes and makes again after a loss.
//
// A line published while there is no connection to publish on is not queued (the store has
// it): its room is remembered, and once a connection is back a mark per such room tells the
// other nodes how far it went.
class RedisBus : public Bus
{
    Q_OBJECT

public:
    static constexpr QByteArrayView Channel = "chat:lines";

    explicit RedisBus(QObject *parent = nullptr);

    // The connection to publish on, and the one to subscribe on (both connected), or null
    // while there are none. A new subscription is followed by missedLines() once it is in
    // place, unless it is the first.
    void setConnections(RedisConnection *commands, RedisConnection *subscriber);
    // The owner whose lines this node publishes (NodeLease::owner()).
    void setOrigin(const QByteArray &origin) { m_origin = origin; }

    void publish(const ClusterEvent &line) override;
    void publishPerson(const ClusterPerson &person) override;
    void publishPeople(const QList<ClusterPerson> &people, quint64 version) override;
    void readPeople(const QByteArray &node, PeopleRead done) override;
    void readLeases(const QList<QByteArray> &nodes, LeasesRead done) override;
    // The Redis key of a node's list of its people (a hash: "epoch", "version", and an entry
    // per person id).
    static QByteArray peopleKeyOf(const QByteArray &node);
    // "<node>:<epoch>" split in two; false if owner is not of that shape.
    static bool splitOwner(const QByteArray &owner, QByteArray *node, QByteArray *epoch);
    // The node of owner, or empty if owner is not of that shape.
    static QByteArray nodeOf(const QByteArray &owner);
    // The subscription is in place: lines published from now on arrive.
    bool isListening() const { return m_listening; }

signals:
    void listening();

private:
    void received(const QByteArray &channel, const QByteArray &payload);
    void publishMarks();
    bool canWrite() const;

    QPointer<RedisConnection> m_commands;
    QPointer<RedisConnection> m_subscriber;
    QByteArray m_origin;
    bool m_subscribedBefore = false;
    bool m_listening = false;
    QHash<qint64, quint64> m_unpublished; // room id → the highest seq not published
};
