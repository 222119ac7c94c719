// SPDX-License-Identifier: MIT
#include "core/PresenceFeed.h"

#include "cluster/Bus.h"
#include "cluster/RedisBus.h"
#include "config/ServerLog.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/User.h"

#include <QSet>

using namespace Qt::StringLiterals;

PresenceFeed::PresenceFeed(Bus &bus, Directory &directory, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_directory(directory)
{
    connect(&m_directory, &Directory::personAdded, this, &PresenceFeed::watch);
    m_leaseWatch.setInterval(DefaultLeaseWatchMs);
    connect(&m_leaseWatch, &QTimer::timeout, this, &PresenceFeed::checkLeases);
    m_leaseWatch.start();
}

void PresenceFeed::watch(User *user)
{
    connect(user, &User::changed, this, [this, user](const QString &why) { changed(user, why); });
    connect(user, &User::handedOver, this,
            [this, user](const QByteArray &node) { movedAway(user, node); });
    connect(user, &QObject::destroyed, this, [this, user, id = user->personId()] {
        m_dirty.remove(user);
        ended(id);
    });
    changed(user, {});
}

void PresenceFeed::changed(User *user, const QString &why)
{
    if (m_dirty.isEmpty())
        QMetaObject::invokeMethod(this, &PresenceFeed::flush, Qt::QueuedConnection);
    QString &reason = m_dirty[user];
    if (!why.isEmpty())
        reason = why;
}

ClusterPerson PresenceFeed::stateOf(const User *user)
{
    ClusterPerson person;
    person.id = user->personId();
    person.nick = user->nick();
    person.account = user->account();
    person.away = user->isAway();
    person.awayText = user->awayText();
    person.reconnecting = user->isReconnecting();
    person.invisible = user->isInvisible();
    for (const Room *room : user->rooms())
        person.rooms.append(room->id());
    return person;
}

void PresenceFeed::flush()
{
    const QHash<User *, QString> dirty = std::exchange(m_dirty, {});
    for (auto it = dirty.cbegin(); it != dirty.cend(); ++it) {
        ClusterPerson person = stateOf(it.key());
        const auto before = m_published.constFind(person.id);
        if (before != m_published.cend()) {
            ClusterPerson same = person;
            same.version = before->version;
            if (same == *before)
                continue;
            if (before->nick != person.nick)
                person.previousNick = before->nick;
        }
        person.version = ++m_version;
        person.reason = it.value();
        m_bus.publishPerson(person);
        person.previousNick.clear();
        person.reason.clear();
        m_published.insert(person.id, person);
    }
}

void PresenceFeed::ended(quint64 id)
{
    const auto it = m_published.constFind(id);
    if (it == m_published.cend())
        return; // never told: nobody knows of them
    ClusterPerson person = *it;
    m_published.erase(it);
    // Why they left their rooms (the last leave), which is why they ended.
    person.gone = true;
    person.version = ++m_version;
    m_bus.publishPerson(person);
}

void PresenceFeed::movedAway(User *user, const QByteArray &node)
{
    disconnect(user, nullptr, this, nullptr);
    m_dirty.remove(user);
    // Their last state, as the others know it, so that a node that missed changes still moves
    // the right person.
    ClusterPerson person = stateOf(user);
    person.version = ++m_version;
    person.gone = true;
    person.movedTo = node;
    m_published.remove(person.id);
    m_bus.publishPerson(person);
}

void PresenceFeed::resync(const QByteArray &owner)
{
    m_owner = owner;
    m_nodeId = RedisBus::nodeOf(owner);
    flush();
    m_bus.publishPeople(m_published.values(), ++m_version);
    readAll();
}

void PresenceFeed::arrived(const ClusterEvent &event)
{
    const QByteArray node = RedisBus::nodeOf(event.origin);
    if (node.isEmpty() || node == m_nodeId)
        return;
    Node &state = m_nodes[node];
    if (event.type == ClusterEvent::Type::People) {
        if (!state.reading)
            read(node);
        return;
    }
    if (state.reading || state.owner != event.origin) {
        // Its list first: what came before this change may have gone by unheard.
        state.waiting.append(event);
        if (!state.reading)
            read(node);
        return;
    }
    apply(node, state, event);
}

void PresenceFeed::apply(const QByteArray &node, Node &state, const ClusterEvent &event)
{
    if (event.origin != state.owner || event.person.version <= state.version)
        return; // older than what the list said, or of an epoch the node left
    state.version = event.person.version;
    // Moved here: this node takes them (ResumeHandover), or took them already.
    if (event.person.gone && event.person.movedTo == m_nodeId)
        return m_directory.remote().forget(event.person.id);
    m_directory.remote().apply(node, event.person);
}

void PresenceFeed::read(const QByteArray &node)
{
    m_nodes[node].reading = true;
    m_bus.readPeople(
        node, [this, node](bool ok, const QList<NodePeople> &lists) { readDone(node, ok, lists); });
}

void PresenceFeed::readAll()
{
    for (Node &state : m_nodes)
        state.reading = true;
    m_bus.readPeople({},
                     [this](bool ok, const QList<NodePeople> &lists) { readDone({}, ok, lists); });
}

void PresenceFeed::readDone(const QByteArray &asked, bool ok, const QList<NodePeople> &lists)
{
    if (!ok) {
        // Read again at the next lease watch: an unknown owner makes it so.
        for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
            if (asked.isEmpty() || it.key() == asked) {
                it->reading = false;
                it->owner.clear();
            }
        }
        return;
    }
    QSet<QByteArray> listed;
    for (const NodePeople &list : lists) {
        if (list.node == m_nodeId)
            continue;
        listed.insert(list.node);
        Node &state = m_nodes[list.node];
        state.reading = false;
        if (!list.written) {
            // Alive but not written yet: its People news comes once it has.
            state.owner.clear();
            continue;
        }
        m_directory.remote().replace(list.node, list.people, Event::LostReason);
        state.owner = list.owner;
        state.version = list.version;
        const QList<ClusterEvent> waiting = std::exchange(state.waiting, {});
        for (const ClusterEvent &event : waiting)
            apply(list.node, state, event);
    }
    // A node not listed has no lease: its people are gone.
    const QList<QByteArray> known = m_nodes.keys();
    for (const QByteArray &node : known) {
        if ((asked.isEmpty() || node == asked) && !listed.contains(node))
            forget(node);
    }
}

void PresenceFeed::forget(const QByteArray &node)
{
    m_nodes.remove(node);
    if (m_directory.remote().nodes().contains(node)) {
        qCInfo(lcServer, "cluster: node %s is gone; its people left", node.constData());
        m_directory.remote().drop(node, Event::LostReason);
    }
}

void PresenceFeed::checkLeases()
{
    QList<QByteArray> nodes = m_nodes.keys();
    for (const QByteArray &node : m_directory.remote().nodes()) {
        if (!nodes.contains(node))
            nodes.append(node);
    }
    if (nodes.isEmpty())
        return;
    m_bus.readLeases(nodes, [this, nodes](bool ok, const QList<QByteArray> &owners) {
        if (!ok)
            return;
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            if (owners[i].isEmpty()) {
                forget(nodes[i]);
                continue;
            }
            Node &state = m_nodes[nodes[i]];
            if (state.owner != owners[i] && !state.reading)
                read(nodes[i]);
        }
    });
}
