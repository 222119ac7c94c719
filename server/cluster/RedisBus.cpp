// SPDX-License-Identifier: MIT
#include "cluster/RedisBus.h"

#include "cluster/NodeLease.h"
#include "cluster/RedisConnection.h"

#include "config/ServerLog.h"

namespace {

// The set of nodes that wrote a list of their people: where readPeople() looks.
constexpr QByteArrayView NodesKey = "cluster:nodes";

// KEYS[1] the node's list, KEYS[2] its lease; ARGV[1] its epoch, ARGV[2] the person's id,
// ARGV[3] their entry ('' when gone), ARGV[4] the version, ARGV[5] the channel, ARGV[6] the
// change. Only under the node's live lease, and into a list written under it.
const QByteArray PersonScript = R"lua(
if redis.call('GET', KEYS[2]) ~= ARGV[1] or redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then
  return 0
end
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], ARGV[2])
else
  redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
end
redis.call('HSET', KEYS[1], 'version', ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return 1
)lua";

// KEYS[1] the node's list, KEYS[2] its lease, KEYS[3] the set of nodes; ARGV[1] the node,
// ARGV[2] its epoch, ARGV[3] the version, ARGV[4] the channel, ARGV[5] the news; then a person
// id and entry each.
const QByteArray PeopleScript = R"lua(
if redis.call('GET', KEYS[2]) ~= ARGV[2] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'epoch', ARGV[2], 'version', ARGV[3])
for i = 6, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
)lua";

// KEYS[1] the set of nodes; ARGV[1] one node, or '' for every node in the set. For each node
// with a live lease: {node, epoch, version or '' when its list is not written under that
// epoch, {id, entry, ...}}. The list of a node whose lease is gone is deleted.
const QByteArray ReadScript = R"lua(
local nodes = {ARGV[1]}
if ARGV[1] == '' then
  nodes = redis.call('SMEMBERS', KEYS[1])
end
local out = {}
for _, node in ipairs(nodes) do
  local epoch = redis.call('GET', 'node:' .. node)
  local list = 'people:' .. node
  if not epoch then
    redis.call('DEL', list)
    redis.call('SREM', KEYS[1], node)
  elseif redis.call('HGET', list, 'epoch') == epoch then
    local entries = {}
    local all = redis.call('HGETALL', list)
    for i = 1, #all, 2 do
      if all[i] ~= 'epoch' and all[i] ~= 'version' then
        entries[#entries + 1] = all[i + 1]
      end
    end
    out[#out + 1] = {node, epoch, redis.call('HGET', list, 'version'), entries}
  else
    out[#out + 1] = {node, epoch, '', {}}
  end
end
return out
)lua";

} // namespace

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

QByteArray RedisBus::peopleKeyOf(const QByteArray &node)
{
    return "people:" + node;
}

QByteArray RedisBus::nodeOf(const QByteArray &owner)
{
    QByteArray node;
    QByteArray epoch;
    return splitOwner(owner, &node, &epoch) ? node : QByteArray();
}

bool RedisBus::splitOwner(const QByteArray &owner, QByteArray *node, QByteArray *epoch)
{
    const qsizetype colon = owner.lastIndexOf(':');
    if (colon <= 0 || colon + 1 >= owner.size())
        return false;
    bool ok = false;
    owner.mid(colon + 1).toULongLong(&ok);
    if (!ok)
        return false;
    *node = owner.left(colon);
    *epoch = owner.mid(colon + 1);
    return true;
}

bool RedisBus::canWrite() const
{
    return m_commands && m_commands->isConnected() && !m_origin.isEmpty();
}

void RedisBus::publishPerson(const ClusterPerson &person)
{
    QByteArray node;
    QByteArray epoch;
    if (!canWrite() || !splitOwner(m_origin, &node, &epoch))
        return;
    ClusterEvent change = ClusterEvent::changed(person);
    change.origin = m_origin;
    // The list keeps the state; what the change was is news only.
    ClusterEvent state = change;
    state.person.previousNick.clear();
    state.person.reason.clear();
    m_commands->send({"EVAL", PersonScript, "2", peopleKeyOf(node), NodeLease::keyOf(node), epoch,
                      QByteArray::number(person.id), person.gone ? QByteArray() : state.encode(),
                      QByteArray::number(person.version), Channel.toByteArray(), change.encode()});
}

void RedisBus::publishPeople(const QList<ClusterPerson> &people, quint64 version)
{
    QByteArray node;
    QByteArray epoch;
    if (!canWrite() || !splitOwner(m_origin, &node, &epoch))
        return;
    ClusterEvent news = ClusterEvent::people(version);
    news.origin = m_origin;
    QList<QByteArray> command{"EVAL",
                              PeopleScript,
                              "3",
                              peopleKeyOf(node),
                              NodeLease::keyOf(node),
                              NodesKey.toByteArray(),
                              node,
                              epoch,
                              QByteArray::number(version),
                              Channel.toByteArray(),
                              news.encode()};
    command.reserve(command.size() + 2 * people.size());
    for (const ClusterPerson &person : people) {
        ClusterEvent state = ClusterEvent::changed(person);
        state.origin = m_origin;
        command << QByteArray::number(person.id) << state.encode();
    }
    m_commands->send(command);
}

void RedisBus::readPeople(const QByteArray &node, PeopleRead done)
{
    if (!m_commands || !m_commands->isConnected()) {
        QMetaObject::invokeMethod(
            this, [done] { done(false, {}); }, Qt::QueuedConnection);
        return;
    }
    m_commands->send(
        {"EVAL", ReadScript, "1", NodesKey.toByteArray(), node}, [done](const RespValue &reply) {
            if (!reply.isList())
                return done(false, {});
            QList<NodePeople> lists;
            for (const RespValue &item : reply.elements) {
                if (!item.isList() || item.elements.size() != 4)
                    return done(false, {});
                NodePeople list;
                list.node = item.elements[0].bytes;
                list.owner = list.node + ':' + item.elements[1].bytes;
                list.written = !item.elements[2].bytes.isEmpty();
                list.version = item.elements[2].bytes.toULongLong();
                for (const RespValue &entry : item.elements[3].elements) {
                    const std::optional<ClusterEvent> person = ClusterEvent::decode(entry.bytes);
                    // What a node wrote under another owner is not its list.
                    if (person && person->type == ClusterEvent::Type::Person &&
                        person->origin == list.owner)
                        list.people.append(person->person);
                }
                lists.append(list);
            }
            done(true, lists);
        });
}

void RedisBus::readLeases(const QList<QByteArray> &nodes, LeasesRead done)
{
    if (!m_commands || !m_commands->isConnected() || nodes.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done, ok = nodes.isEmpty()] { done(ok, {}); }, Qt::QueuedConnection);
        return;
    }
    QList<QByteArray> command{"MGET"};
    for (const QByteArray &node : nodes)
        command << NodeLease::keyOf(node);
    m_commands->send(command, [done, nodes](const RespValue &reply) {
        if (!reply.isList() || reply.elements.size() != nodes.size())
            return done(false, {});
        QList<QByteArray> owners;
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const RespValue &epoch = reply.elements[i];
            owners << (epoch.isNull() ? QByteArray() : nodes[i] + ':' + epoch.bytes);
        }
        done(true, owners);
    });
}
