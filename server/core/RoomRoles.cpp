// SPDX-License-Identifier: MIT
#include "core/RoomRoles.h"

#include "Event.h"
#include "core/User.h"

using namespace Qt::StringLiterals;

QString RoomRoles::keyOf(const User *user)
{
    // '#' cannot start an account key (a nickname's), so the two never meet.
    return user->account().isEmpty() ? u"#"_s + QString::number(user->personId()) : user->account();
}

RoomRoles::Role RoomRoles::role(const User *user) const
{
    // Every line said asks: most rooms have no roles, and then no key is made.
    if (m_roles.isEmpty())
        return Role::Member;
    return m_roles.value(keyOf(user), Role::Member);
}

void RoomRoles::setRole(const User *user, Role role)
{
    if (role == Role::Member)
        m_roles.remove(keyOf(user));
    else
        m_roles.insert(keyOf(user), role);
}

void RoomRoles::mute(const User *user, qint64 untilMs)
{
    m_mutedUntil.insert(keyOf(user), untilMs);
}

void RoomRoles::unmute(const User *user)
{
    m_mutedUntil.remove(keyOf(user));
}

bool RoomRoles::isMuted(const User *user, qint64 nowMs) const
{
    if (m_mutedUntil.isEmpty())
        return false;
    const auto it = m_mutedUntil.constFind(keyOf(user));
    return it != m_mutedUntil.cend() && (*it == 0 || nowMs < *it);
}

bool RoomRoles::hasMute(const User *user) const
{
    return !m_mutedUntil.isEmpty() && m_mutedUntil.contains(keyOf(user));
}

QString RoomRoles::flags(const User *user) const
{
    QStringList words;
    switch (role(user)) {
    case Role::Owner:
        words << QString(Event::OwnerFlag);
        break;
    case Role::Operator:
        words << QString(Event::OperatorFlag);
        break;
    case Role::Member:
        break;
    }
    if (hasMute(user))
        words << QString(Event::MutedFlag);
    return words.join(u',');
}

qint64 RoomRoles::nextMuteEnd() const
{
    qint64 next = 0;
    for (const qint64 until : m_mutedUntil) {
        if (until != 0 && (next == 0 || until < next))
            next = until;
    }
    return next;
}

QStringList RoomRoles::expireMutes(qint64 nowMs)
{
    QStringList ended;
    for (auto it = m_mutedUntil.begin(); it != m_mutedUntil.end();) {
        if (*it != 0 && nowMs >= *it) {
            ended.append(it.key());
            it = m_mutedUntil.erase(it);
        } else {
            ++it;
        }
    }
    return ended;
}

void RoomRoles::left(const User *user)
{
    if (user->account().isEmpty())
        m_roles.remove(keyOf(user));
}
