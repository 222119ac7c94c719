// SPDX-License-Identifier: MIT
#include "cluster/ClusterNode.h"

#include "cluster/RedisConnection.h"
#include "config/ServerLog.h"

#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

bool ClusterNode::parseUrl(const QString &text, Options *options, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != "redis"_L1 || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != "/"_L1) ||
        url.hasQuery() || url.hasFragment()) {
        *error = u"not a Redis URL (redis://host:port)"_s;
        return false;
    }
    options->host = url.host();
    options->port = quint16(url.port(DefaultPort));
    if (url.port(DefaultPort) <= 0) {
        *error = u"not a Redis URL (redis://host:port)"_s;
        return false;
    }
    return true;
}

ClusterNode::ClusterNode(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_lease(options.nodeId, options.timing)
    , m_claims(m_lease)
    , m_nextRetryMs(options.reconnectMs)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ClusterNode::connectNow);
    connect(&m_lease, &NodeLease::acquired, this, [this] { m_bus.setOrigin(m_lease.owner()); });
    connect(&m_bus, &RedisBus::listening, this, &ClusterNode::connected);
}

ClusterNode::~ClusterNode()
{
    // A node that stops frees its names for the others now, not within its lease.
    m_lease.release();
    if (m_commands)
        m_commands->flush();
    for (RedisConnection *redis : {m_commands.data(), m_subscriber.data()}) {
        if (redis) {
            redis->disconnect(this);
            delete redis;
        }
    }
}

void ClusterNode::start()
{
    connectNow();
}

bool ClusterNode::isConnected() const
{
    return m_commands && m_subscriber && m_up == 2 && m_bus.isListening();
}

void ClusterNode::connectNow()
{
    m_up = 0;
    m_commands = new RedisConnection(this);
    m_subscriber = new RedisConnection(this);
    for (RedisConnection *redis : {m_commands.data(), m_subscriber.data()}) {
        connect(redis, &RedisConnection::connected, this, [this] {
            if (++m_up < 2)
                return;
            qCInfo(lcServer, "cluster: connected to Redis at %s:%u as node %s",
                   qPrintable(m_options.host), m_options.port, m_options.nodeId.constData());
            m_nextRetryMs = m_options.reconnectMs;
            m_failing = false;
            m_lease.setConnection(m_commands);
            m_claims.setConnection(m_commands);
            m_bus.setConnections(m_commands, m_subscriber);
        });
        connect(redis, &RedisConnection::disconnected, this, &ClusterNode::lost);
        redis->connectToServer(m_options.host, m_options.port);
    }
}

void ClusterNode::lost(const QString &why)
{
    // One connection's end ends the pair: the lease, the claims and the bus start again on a
    // new one, and the bus catches up on what the subscription missed.
    if (m_retry.isActive())
        return;
    // Said once a spell: a Redis that stays away would otherwise fill the log.
    if (!m_failing)
        qCWarning(lcServer, "cluster: lost Redis at %s:%u (%s); connecting again until it is back",
                  qPrintable(m_options.host), m_options.port, qPrintable(why));
    m_failing = true;
    m_bus.setConnections(nullptr, nullptr);
    m_claims.setConnection(nullptr);
    m_lease.setConnection(nullptr);
    for (RedisConnection *redis : {m_commands.data(), m_subscriber.data()}) {
        if (!redis)
            continue;
        redis->disconnect(this);
        redis->close(why);
        redis->deleteLater();
    }
    m_commands = nullptr;
    m_subscriber = nullptr;
    m_up = 0;
    // The first wait after a loss is short, for a restart or a dropped connection; each next
    // one longer, up to MaxReconnectMs, so that a Redis that stays down is not hammered.
    m_retry.start(m_nextRetryMs);
    m_nextRetryMs = std::min(m_nextRetryMs * 2, MaxReconnectMs);
    emit connectionLost(why);
}
