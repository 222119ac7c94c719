// SPDX-License-Identifier: MIT
#include "cluster/NodeLease.h"

#include "cluster/RedisConnection.h"
#include "config/ServerLog.h"

using namespace Qt::StringLiterals;

namespace {

// Extends the lease only if it is still this epoch's: a lease that expired and was taken again
// (by this node after a restart, under another epoch) is not revived by a late renewal.
const QByteArray RenewScript = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
)lua";

} // namespace

NodeLease::NodeLease(const QByteArray &nodeId, const Timing &timing, QObject *parent)
    : QObject(parent)
    , m_nodeId(nodeId)
    , m_timing(timing)
{
    m_clock.start();
    m_renewTimer.setInterval(m_timing.renewMs);
    connect(&m_renewTimer, &QTimer::timeout, this, &NodeLease::tick);
    m_expiry.setSingleShot(true);
    // Not a coarse timer, which may fire 5 % late: the node must count itself lost before
    // Redis frees its names.
    m_expiry.setTimerType(Qt::PreciseTimer);
    connect(&m_expiry, &QTimer::timeout, this,
            [this] { lose(u"the lease was not renewed within %1 ms"_s.arg(m_timing.leaseMs)); });
}

QByteArray NodeLease::keyOf(const QByteArray &nodeId)
{
    return "node:" + nodeId;
}

QByteArray NodeLease::owner() const
{
    return m_nodeId + ':' + QByteArray::number(m_epoch);
}

void NodeLease::setConnection(RedisConnection *redis)
{
    m_redis = redis;
    m_busy = false;
    if (!m_renewTimer.isActive())
        m_renewTimer.start();
    tick();
}

void NodeLease::tick()
{
    if (m_busy || !m_redis || !m_redis->isConnected())
        return;
    if (m_held)
        renew();
    else
        acquire();
}

void NodeLease::acquire()
{
    m_busy = true;
    // Replies may come after this lease is gone (its connection outlives it): self tells.
    QPointer<NodeLease> self(this);
    QPointer<RedisConnection> redis = m_redis;
    redis->send({"INCR", "cluster:epoch"}, [this, self, redis](const RespValue &epoch) {
        if (!self)
            return;
        if (redis != m_redis || epoch.type != RespValue::Type::Integer) {
            m_busy = false;
            return;
        }
        const qint64 sentAt = m_clock.elapsed();
        const QByteArray value = QByteArray::number(epoch.integer);
        // NX: the lease of this node's previous life (a restart within leaseMs) must run out
        // first, so that names it held come free before this life claims any.
        redis->send(
            {"SET", keyOf(m_nodeId), value, "PX", QByteArray::number(m_timing.leaseMs), "NX"},
            [this, self, redis, sentAt, epoch](const RespValue &reply) {
                if (!self)
                    return;
                m_busy = false;
                if (redis != m_redis || reply.bytes != "OK")
                    return; // tried again at the next tick
                m_epoch = quint64(epoch.integer);
                m_held = true;
                // What decides whether the node takes people (/readyz): scripts and tests that
                // start a node wait for this line.
                qCInfo(lcServer, "cluster: node %s holds its lease (epoch %llu): taking logins",
                       m_nodeId.constData(), static_cast<unsigned long long>(m_epoch));
                renewed(sentAt);
                emit acquired(m_epoch);
            });
    });
}

void NodeLease::renew()
{
    m_busy = true;
    const qint64 sentAt = m_clock.elapsed();
    QPointer<NodeLease> self(this);
    QPointer<RedisConnection> redis = m_redis;
    redis->send({"EVAL", RenewScript, "1", keyOf(m_nodeId), QByteArray::number(m_epoch),
                 QByteArray::number(m_timing.leaseMs)},
                [this, self, redis, sentAt](const RespValue &reply) {
                    if (!self)
                        return;
                    m_busy = false;
                    if (redis != m_redis || !m_held)
                        return;
                    if (reply.type == RespValue::Type::Integer && reply.integer == 1)
                        return renewed(sentAt);
                    if (reply.type == RespValue::Type::Integer)
                        lose(u"the lease had run out in Redis"_s);
                    // An error (the connection ended): the lease runs out on its own count.
                });
}

void NodeLease::release()
{
    if (!m_held)
        return;
    if (m_redis && m_redis->isConnected())
        m_redis->send({"EVAL", RedisConnection::DeleteIfHolds, "1", keyOf(m_nodeId),
                       QByteArray::number(m_epoch)});
    m_renewTimer.stop();
    end(u"released"_s);
}

void NodeLease::renewed(qint64 sentAtMs)
{
    // A tenth short of Redis's count: room for a late timer and a clock a little fast.
    const qint64 left = sentAtMs + m_timing.leaseMs * 9 / 10 - m_clock.elapsed();
    if (left <= 0)
        return lose(u"the renewal came back after the lease had run out"_s);
    m_expiry.start(int(left));
}

void NodeLease::lose(const QString &why)
{
    if (!m_held)
        return;
    qCWarning(lcServer,
              "cluster: node %s lost its lease (%s): no logins or renames until it holds one again",
              m_nodeId.constData(), qUtf8Printable(why));
    end(why);
}

void NodeLease::end(const QString &why)
{
    m_held = false;
    m_expiry.stop();
    emit lost(why);
}
