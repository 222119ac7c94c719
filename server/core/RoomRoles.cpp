// SPDX-License-Identifier: MIT
#include "core/RoomRoles.h"

#include "Event.h"
#include "core/User.h"

using namespace Qt::StringLiterals;

QString RoomRoles::keyOf(const User *user)
{
    return keyOf(user->account(), user->personId());
}

QString RoomRoles::keyOf(const QString &account, quint64 personId)
{
    // '#' cannot start an account key (a nickname's), so the two never meet.
    return account.isEmpty() ? u"#"_s + QString::number(personId) : account;
}

RoomRoles::Role RoomRoles::role(const QString &key) const
{
    return m_roles.value(key, Role::Member);
}

void RoomRoles::setRole(const QString &key, Role role)
{
    if (role == Role::Member)
        m_roles.remove(key);
    else
        m_roles.insert(key, role);
}

bool RoomRoles::isMuted(const User *user, qint64 nowMs) const
{
    if (m_mutedUntil.isEmpty())
        return false;
    const auto it = m_mutedUntil.constFind(keyOf(user));
    return it != m_mutedUntil.cend() && (*it == 0 || nowMs < *it);
}

bool RoomRoles::hasMute(const QString &key) const
{
    return m_mutedUntil.contains(key);
}

QString RoomRoles::flags(const QString &key) const
{
    QStringList words;
    switch (role(key)) {
    case Role::Owner:
        words << QString(Event::OwnerFlag);
        break;
    case Role::Operator:
        words << QString(Event::OperatorFlag);
        break;
    case Role::Member:
        break;
    }
    if (isVoiced(key))
        words << QString(Event::VoicedFlag);
    if (hasMute(key))
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

void RoomRoles::left(const QString &key)
{
    if (!isAccountKey(key)) {
        m_roles.remove(key);
        m_voiced.remove(key);
    }
}
