// SPDX-License-Identifier: MIT
#include "RoomState.h"

#include "NameRules.h"

using namespace Qt::StringLiterals;

RoomState::RoomState(const QString &room, QObject *parent)
    : QObject(parent)
    , m_room(room)
{
}

bool RoomState::isHere(const QString &room) const
{
    return NameRules::same(room, m_room);
}

MemberFlags RoomState::flags(const QString &nick) const
{
    return m_flags.value(NameRules::key(nick));
}

void RoomState::apply(const Event &event, bool self)
{
    if (event.kind == Event::Kind::NickChange) {
        QStringList users = m_users;
        for (QString &user : users) {
            if (NameRules::same(user, event.nick))
                user = event.target;
        }
        setUsers(users);
        MemberFlagsMap flags = m_flags;
        if (const auto found = flags.find(NameRules::key(event.nick)); found != flags.end()) {
            const MemberFlags moved = *found;
            flags.erase(found);
            flags.insert(NameRules::key(event.target), moved);
        }
        setFlags(flags);
        return;
    }
    if (!isHere(event.room))
        return;
    switch (event.kind) {
    case Event::Kind::Join:
        // Our own join (entering, or coming back after a resume) is followed by the topic, if
        // any, and the users event that fills the list.
        if (self)
            setTopic({});
        else if (!m_users.contains(event.nick))
            setUsers(m_users + QStringList{event.nick}, m_userCount + 1);
        if (!self) { // a newcomer stands as a member until told otherwise
            MemberFlagsMap flags = m_flags;
            flags.remove(NameRules::key(event.nick));
            setFlags(flags);
        }
        break;
    case Event::Kind::Leave:
        if (!self) {
            QStringList users = m_users;
            users.removeIf([&](const QString &user) { return NameRules::same(user, event.nick); });
            setUsers(users, m_userCount - 1);
            MemberFlagsMap flags = m_flags;
            flags.remove(NameRules::key(event.nick));
            setFlags(flags);
        }
        break;
    case Event::Kind::Topic:
    case Event::Kind::TopicChanged:
        setTopic(event.text);
        break;
    case Event::Kind::Users: {
        MemberFlagsMap flags;
        for (qsizetype i = 0; i + 1 < event.list.size(); i += 2) {
            const MemberFlags parsed = MemberFlags::parse(event.list.at(i + 1));
            if (parsed != MemberFlags())
                flags.insert(NameRules::key(event.list.at(i)), parsed);
        }
        setUsers(event.userNicks(), event.userCount());
        setFlags(flags);
        break;
    }
    case Event::Kind::Presence:
        if (event.subject == Event::AwayState || event.subject == Event::HereState)
            changeFlags(event.nick, {&MemberFlags::away}, event.subject == Event::AwayState);
        else
            changeFlags(event.nick, {&MemberFlags::reconnecting},
                        event.subject == "reconnecting"_L1);
        break;
    case Event::Kind::Moderation:
        // subject: the act, target: on whom. A kick or ban is followed by the person's leave.
        if (event.subject == "op"_L1)
            changeFlags(event.target, {&MemberFlags::op}, true);
        // The server makes a plain member of whoever loses the role: the owner who steps down
        // (the room has no owner then) or is deopped by an administrator too.
        else if (event.subject == "deop"_L1)
            changeFlags(event.target, {&MemberFlags::op, &MemberFlags::owner}, false);
        else if (event.subject == "mute"_L1 || event.subject == "unmute"_L1)
            changeFlags(event.target, {&MemberFlags::muted}, event.subject == "mute"_L1);
        else if (event.subject == "voice"_L1 || event.subject == "devoice"_L1)
            changeFlags(event.target, {&MemberFlags::voiced}, event.subject == "voice"_L1);
        else if (event.subject == "rule"_L1) {
            RoomRules rules = m_rules;
            rules.change(event.target, event.text);
            setRules(rules);
        }
        break;
    case Event::Kind::Rules:
        setRules(RoomRules::parse(event.list));
        break;
    default:
        break;
    }
}

void RoomState::changeFlags(const QString &nick, std::initializer_list<bool MemberFlags::*> fields,
                            bool on)
{
    MemberFlagsMap flags = m_flags;
    MemberFlags &person = flags[NameRules::key(nick)];
    for (bool MemberFlags::*field : fields)
        person.*field = on;
    if (person == MemberFlags())
        flags.remove(NameRules::key(nick));
    setFlags(flags);
}

void RoomState::setFlags(const MemberFlagsMap &flags)
{
    if (m_flags == flags)
        return;
    m_flags = flags;
    emit flagsChanged();
}

void RoomState::setRules(const RoomRules &rules)
{
    if (m_rules == rules)
        return;
    m_rules = rules;
    emit rulesChanged();
}

void RoomState::setTopic(const QString &topic)
{
    if (m_topic == topic)
        return;
    m_topic = topic;
    emit topicChanged(topic);
}

void RoomState::setUsers(const QStringList &users, qsizetype count)
{
    setUsers(users);
    if (m_userCount == count)
        return;
    m_userCount = count;
    emit userCountChanged(count);
}

void RoomState::setUsers(const QStringList &users)
{
    if (m_users == users)
        return;
    m_users = users;
    emit usersChanged(users);
}
