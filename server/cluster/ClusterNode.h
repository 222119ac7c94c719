// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/NameClaims.h"
#include "cluster/NodeLease.h"
#include "cluster/RedisBus.h"
#include "cluster/RedisConnection.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

// A server's membership of a cluster (docs/CLUSTER.md): its two connections to Redis, one for
// commands and one subscribed to the bus, made again after any loss; the node's lease; its
// name claims; and the bus its lines go through. Nodes never talk to each other: everything
// they share goes through Redis and the shared store.
class ClusterNode : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString host;
        quint16 port = DefaultPort;
        QByteArray nodeId; // stable across restarts: a restarted node waits for its old lease
        NodeLease::Timing timing;
        int reconnectMs = DefaultReconnectMs;
    };
    static constexpr quint16 DefaultPort = 6379;
    // The wait before connecting again after a loss, doubled after each failed attempt up to
    // MaxReconnectMs.
    static constexpr int DefaultReconnectMs = 500;
    static constexpr int MaxReconnectMs = 8000;

    // Reads redis://host[:port] into options; false, with error, for anything else.
    static bool parseUrl(const QString &url, Options *options, QString *error);

    explicit ClusterNode(const Options &options, QObject *parent = nullptr);
    ~ClusterNode() override;

    // Connects, and keeps connecting again after every loss, until destroyed.
    void start();

    Bus &bus() { return m_bus; }
    NodeLease &lease() { return m_lease; }
    NameClaims &claims() { return m_claims; }
    // Both connections are up and the bus is listening.
    bool isConnected() const;

signals:
    // Both connections are up (again) and the bus is listening.
    void connected();
    // A connection ended; the node connects again after the reconnect wait.
    void connectionLost(const QString &why);

private:
    void connectNow();
    void lost(const QString &why);

    Options m_options;
    NodeLease m_lease;
    NameClaims m_claims;
    RedisBus m_bus;
    QPointer<RedisConnection> m_commands;
    QPointer<RedisConnection> m_subscriber;
    int m_up = 0;           // connections of the current pair that are connected
    bool m_failing = false; // lost, and not connected again since (the loss was logged)
    QTimer m_retry;
    int m_nextRetryMs; // the wait before the next attempt after a loss
};
