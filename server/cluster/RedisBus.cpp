// SPDX-License-Identifier: MIT
#include "cluster/RedisBus.h"

#include "cluster/RedisConnection.h"

#include "config/ServerLog.h"

RedisBus::RedisBus(QObject *parent)
    : Bus(parent)
{
}

void RedisBus::setConnections(RedisConnection *commands, RedisConnection *subscriber)
{
    if (m_subscriber)
        m_subscriber->disconnect(this);
    m_commands = commands;
    m_subscriber = subscriber;
    m_listening = false;
    if (!m_subscriber)
        return;
    connect(m_subscriber, &RedisConnection::message, this, &RedisBus::received);
    connect(m_subscriber, &RedisConnection::subscribed, this, [this](const QByteArray &channel) {
        if (channel != Channel)
            return;
        // Whatever was published between the loss and now went by unheard.
        if (m_subscribedBefore)
            emit missedLines();
        m_subscribedBefore = true;
        m_listening = true;
        emit listening();
    });
    m_subscriber->subscribe({Channel.toByteArray()});
    publishMarks();
}

void RedisBus::publish(const ClusterEvent &line)
{
    ClusterEvent sent = line;
    sent.origin = m_origin;
    if (!m_commands || !m_commands->isConnected()) {
        if (line.type == ClusterEvent::Type::Line && line.message.roomId != 0) {
            quint64 &highest = m_unpublished[line.message.roomId];
            highest = std::max(highest, line.message.seq);
        }
        return;
    }
    // A reply that says it failed means the connection is ending: ClusterNode makes a new one,
    // and the marks sent then cover this line.
    const qint64 roomId = line.message.roomId;
    const quint64 seq = line.message.seq;
    m_commands->send({"PUBLISH", Channel.toByteArray(), sent.encode()},
                     [this, self = QPointer<RedisBus>(this), roomId, seq](const RespValue &reply) {
                         if (!self || reply.type != RespValue::Type::Error || roomId == 0)
                             return;
                         quint64 &highest = m_unpublished[roomId];
                         highest = std::max(highest, seq);
                     });
}

void RedisBus::received(const QByteArray &channel, const QByteArray &payload)
{
    if (channel != Channel)
        return;
    const std::optional<ClusterEvent> line = ClusterEvent::decode(payload);
    if (!line) {
        qCWarning(lcServer, "cluster: ignored a malformed message of %lld bytes on %s",
                  qint64(payload.size()), Channel.data());
        return;
    }
    emit arrived(*line);
}

void RedisBus::publishMarks()
{
    if (!m_commands || !m_commands->isConnected())
        return;
    const QHash<qint64, quint64> marks = std::exchange(m_unpublished, {});
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        publish(ClusterEvent::mark(it.key(), it.value()));
    }
}
