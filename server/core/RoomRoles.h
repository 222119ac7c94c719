// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

class User;

// Who runs a room and who may not speak in it: its owner (whoever created it), the operators
// the owner names, and the muted with the time their mute ends. A person is known by their
// account when they have one (a registered owner is the owner again on a new connection) and
// by their person id otherwise: an unregistered person's role ends when they leave the room,
// a mute does not (leaving and coming back must not lift it).
class RoomRoles
{
public:
    enum class Role { Member, Operator, Owner };

    Role role(const User *user) const;
    void setRole(const User *user, Role role);

    // Muted until untilMs on the server's clock; 0: until unmuted.
    void mute(const User *user, qint64 untilMs);
    void unmute(const User *user);
    bool isMuted(const User *user, qint64 nowMs) const;

    // What the store kept, by account key (see RoomRuleKeeper).
    void restoreRole(const QString &account, Role role) { m_roles.insert(account, role); }
    void restoreMute(const QString &account, qint64 untilMs)
    {
        m_mutedUntil.insert(account, untilMs);
    }

    // The account is gone (unregistered): its roles go too, so that a later holder of the name
    // does not inherit them. Its mutes stay: unregistering must not lift one.
    void forgetAccount(const QString &account) { m_roles.remove(account); }

    // The person left the room.
    void left(const User *user);

private:
    static QString who(const User *user);

    QHash<QString, Role> m_roles;
    QHash<QString, qint64> m_mutedUntil;
};
