// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class NodeLease;
class RedisConnection;

// Nicknames claimed across a cluster: a key "name:<name key>" in Redis holds the lease owner
// ("<node>:<epoch>") that claimed it. A claim wins only if the key is free or its owner's
// lease is no longer alive, checked and written in one script, so that of two nodes racing for
// a name exactly one wins, and a name held by a dead or cut-off node is free as soon as that
// node's lease runs out.
class NameClaims : public QObject
{
    Q_OBJECT

public:
    // claimed: the name is this node's now (or was already); error: Redis could not be asked,
    // so nothing was claimed.
    using Done = std::function<void(bool claimed, const QString &error)>;

    explicit NameClaims(const NodeLease &lease, QObject *parent = nullptr);

    void setConnection(RedisConnection *redis);

    // Claims key (NameRules::key() of a nickname) for this node. Refused with an error while
    // the lease is not held: a node that may be cut off must not take names.
    void claim(const QString &key, Done done);
    // Lets key go, if this node's lease still holds it.
    void release(const QString &key);
    // Gives key to the node whose lease owner is owner, if this node's lease still holds it, in
    // one step: no third node can take the name between (a person moving, ClusterHandover).
    void handOver(const QString &key, const QByteArray &owner);

    static QByteArray redisKey(const QString &key);

private:
    const NodeLease &m_lease;
    QPointer<RedisConnection> m_redis;
};
