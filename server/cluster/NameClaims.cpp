// SPDX-License-Identifier: MIT
#include "cluster/NameClaims.h"

#include "cluster/NodeLease.h"
#include "cluster/RedisConnection.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// KEYS[1] the name, ARGV[1] the claiming owner "<node>:<epoch>". The holder's lease is
// "node:<node>" holding its epoch; a holder whose lease is gone or renewed under another epoch
// (it restarted) no longer holds anything.
const QByteArray ClaimScript = R"lua(
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  local node, epoch = string.match(holder, '^(.*):(%d+)$')
  if node and redis.call('GET', 'node:' .. node) == epoch then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1])
return 1
)lua";

// KEYS[1] the name, ARGV[1] this node's owner, ARGV[2] the receiving node's.
const QByteArray HandOverScript = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
)lua";

} // namespace

NameClaims::NameClaims(const NodeLease &lease, QObject *parent)
    : QObject(parent)
    , m_lease(lease)
{
}

void NameClaims::setConnection(RedisConnection *redis)
{
    m_redis = redis;
}

QByteArray NameClaims::redisKey(const QString &key)
{
    return "name:" + key.toUtf8();
}

void NameClaims::claim(const QString &key, Done done)
{
    if (!m_lease.isHeld() || !m_redis || !m_redis->isConnected()) {
        // Never inside the call, as when Redis answers.
        QTimer::singleShot(0, this, [done] { done(false, u"the cluster cannot be reached"_s); });
        return;
    }
    m_redis->send({"EVAL", ClaimScript, "1", redisKey(key), m_lease.owner()},
                  [done](const RespValue &reply) {
                      if (reply.type != RespValue::Type::Integer)
                          return done(false, QString::fromUtf8(reply.bytes));
                      done(reply.integer == 1, {});
                  });
}

void NameClaims::handOver(const QString &key, const QByteArray &owner)
{
    if (m_redis && m_redis->isConnected())
        m_redis->send({"EVAL", HandOverScript, "1", redisKey(key), m_lease.owner(), owner});
}

void NameClaims::release(const QString &key)
{
    if (m_redis && m_redis->isConnected())
        m_redis->send(
            {"EVAL", RedisConnection::DeleteIfHolds, "1", redisKey(key), m_lease.owner()});
}
