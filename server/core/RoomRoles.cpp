// SPDX-License-Identifier: MIT
#include "core/RoomRoles.h"

#include "core/User.h"

using namespace Qt::StringLiterals;

QString RoomRoles::who(const User *user)
{
    // '#' cannot start an account key (a nickname's), so the two never meet.
    return user->account().isEmpty() ? u"#"_s + QString::number(user->personId()) : user->account();
}

RoomRoles::Role RoomRoles::role(const User *user) const
{
    // Every line said asks: most rooms have no roles, and then no key is made.
    if (m_roles.isEmpty())
        return Role::Member;
    return m_roles.value(who(user), Role::Member);
}

void RoomRoles::setRole(const User *user, Role role)
{
    if (role == Role::Member)
        m_roles.remove(who(user));
    else
        m_roles.insert(who(user), role);
}

void RoomRoles::mute(const User *user, qint64 untilMs)
{
    m_mutedUntil.insert(who(user), untilMs);
}

void RoomRoles::unmute(const User *user)
{
    m_mutedUntil.remove(who(user));
}

bool RoomRoles::isMuted(const User *user, qint64 nowMs) const
{
    if (m_mutedUntil.isEmpty())
        return false;
    const auto it = m_mutedUntil.constFind(who(user));
    return it != m_mutedUntil.cend() && (*it == 0 || nowMs < *it);
}

void RoomRoles::left(const User *user)
{
    if (user->account().isEmpty())
        m_roles.remove(who(user));
}
