// SPDX-License-Identifier: MIT
#include "core/RemotePeople.h"

#include "NameRules.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/User.h"

#include <QSet>

using namespace Qt::StringLiterals;

RemotePeople::RemotePeople(Directory &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
    // A room that goes takes its remote members' places in it along.
    connect(&m_directory, &Directory::roomRemoved, this, [this](Room *room) {
        for (RemotePerson *person : room->remoteMembers())
            person->rooms.removeOne(room);
    });
}

RemotePeople::~RemotePeople() = default;

RemotePerson *RemotePeople::find(const QString &nick) const
{
    return m_byNick.value(NameRules::key(nick), nullptr);
}

QList<QByteArray> RemotePeople::nodes() const
{
    QSet<QByteArray> nodes;
    for (const auto &person : m_people)
        nodes.insert(person->node);
    return {nodes.cbegin(), nodes.cend()};
}

void RemotePeople::apply(const QByteArray &node, const ClusterPerson &change)
{
    std::shared_ptr<RemotePerson> person = m_people.value(change.id);
    if (change.gone && !change.movedTo.isEmpty()) {
        // Their new node may have told of them first.
        if (person && person->node == node)
            person->node = change.movedTo;
        return;
    }
    if (change.gone) {
        if (person)
            remove(person.get(),
                   change.reason.isEmpty() ? QString(Event::QuitReason) : change.reason);
        return;
    }
    if (!person)
        person = insert(node, change);
    else if (person->nick != change.nick)
        rename(person.get(), change.nick);
    person->node = node;
    person->account = change.account;
    person->invisible = change.invisible;
    // Rooms left first: someone who logged out (their connection gone, so reconnecting, and
    // out of every room) is seen to leave, not to be reconnecting first. Rooms entered last:
    // an arrival comes with the away state it has now.
    const QList<Room *> now = roomsOf(change);
    const QList<Room *> before = person->rooms;
    const QString reason = change.reason.isEmpty() ? u"part"_s : change.reason;
    // Out of every room at once (logged out, lost): IRC hears it once, as QUIT.
    QSet<const Endpoint *> toldIrc;
    const bool quits = now.isEmpty() && reason != "part"_L1;
    for (Room *room : before) {
        if (!now.contains(room))
            room->leaveRemote(person.get(), reason, quits ? &toldIrc : nullptr);
    }
    setAway(person.get(), change.away, change.awayText);
    setReconnecting(person.get(), change.reconnecting);
    for (Room *room : std::as_const(now)) {
        if (!person->rooms.contains(room))
            room->enterRemote(person.get());
    }
}

void RemotePeople::replace(const QByteArray &node, const QList<ClusterPerson> &people,
                           const QString &reason)
{
    QSet<quint64> listed;
    for (const ClusterPerson &person : people)
        listed.insert(person.id);
    QList<RemotePerson *> missing;
    for (const auto &person : std::as_const(m_people)) {
        if (person->node == node && !listed.contains(person->id))
            missing.append(person.get());
    }
    for (RemotePerson *person : missing)
        remove(person, reason);
    for (ClusterPerson person : people) {
        // A state, not a change: rooms it does not name were left for reason.
        person.previousNick.clear();
        person.reason = reason;
        apply(node, person);
    }
}

void RemotePeople::drop(const QByteArray &node, const QString &reason)
{
    replace(node, {}, reason);
}

void RemotePeople::adopt(const QByteArray &node, const ClusterPerson &change)
{
    forget(change.id);
    const std::shared_ptr<RemotePerson> person = insert(node, change);
    person->account = change.account;
    person->away = change.away;
    person->awayText = change.awayText;
    person->reconnecting = change.reconnecting;
    person->invisible = change.invisible;
    for (Room *room : roomsOf(change))
        room->placeRemote(person.get());
}

void RemotePeople::forget(quint64 id)
{
    const std::shared_ptr<RemotePerson> person = take(id);
    if (!person)
        return;
    const QList<Room *> rooms = person->rooms;
    for (Room *room : rooms)
        room->unplaceRemote(person.get());
}

void RemotePeople::remove(RemotePerson *person, const QString &reason)
{
    // Kept alive while its rooms are told: it is still named in their lists until then.
    const std::shared_ptr<RemotePerson> keep = take(person->id);
    const QList<Room *> rooms = person->rooms;
    QSet<const Endpoint *> toldIrc;
    for (Room *room : rooms)
        room->leaveRemote(person, reason, &toldIrc);
}

std::shared_ptr<RemotePerson> RemotePeople::insert(const QByteArray &node,
                                                   const ClusterPerson &change)
{
    auto person = std::make_shared<RemotePerson>();
    person->id = change.id;
    person->node = node;
    person->nick = change.nick;
    m_people.insert(change.id, person);
    m_byNick.insert(NameRules::key(change.nick), person.get());
    return person;
}

std::shared_ptr<RemotePerson> RemotePeople::take(quint64 id)
{
    std::shared_ptr<RemotePerson> person = m_people.take(id);
    if (!person)
        return person;
    const QString key = NameRules::key(person->nick);
    if (m_byNick.value(key) == person.get())
        m_byNick.remove(key);
    return person;
}

QList<Room *> RemotePeople::roomsOf(const ClusterPerson &change) const
{
    QList<Room *> rooms;
    for (qint64 id : change.rooms) {
        // A room this node does not know yet (made on another node a moment ago) is skipped:
        // the person's next change names it again.
        if (Room *room = m_directory.roomById(id); room && !room->isPending())
            rooms.append(room);
    }
    return rooms;
}

void RemotePeople::rename(RemotePerson *person, const QString &nick)
{
    const QString oldKey = NameRules::key(person->nick);
    if (m_byNick.value(oldKey) == person)
        m_byNick.remove(oldKey);
    m_byNick.insert(NameRules::key(nick), person);
    const Event event = Event::nickChange(person->nick, nick);
    person->nick = nick;
    // Everyone here who shares a room with the person hears it once.
    QSet<const User *> told;
    for (const Room *room : std::as_const(person->rooms)) {
        for (User *member : room->members()) {
            if (!told.contains(member)) {
                told.insert(member);
                member->send(event);
            }
        }
    }
}

void RemotePeople::setAway(RemotePerson *person, bool away, const QString &text)
{
    if (person->away == away && person->awayText == text)
        return;
    person->away = away;
    person->awayText = text;
    person->awayTold.clear();
    for (Room *room : std::as_const(person->rooms))
        room->announceRemotePresence(person, away ? Event::AwayState : Event::HereState, text);
}

void RemotePeople::setReconnecting(RemotePerson *person, bool reconnecting)
{
    if (person->reconnecting == reconnecting)
        return;
    person->reconnecting = reconnecting;
    // The states the person's own node announces (CommandProcessor, AccessCommands' resume).
    for (Room *room : std::as_const(person->rooms))
        room->announceRemotePresence(person, reconnecting ? u"reconnecting"_s : u"back"_s, {});
}
