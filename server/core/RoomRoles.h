// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

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
    // Whether a mute is set on user, ended or not (an ended one goes at once: SanctionExpiry).
    bool hasMute(const User *user) const;
    // The flags of user in this room's member list: "owner" or "op", and "muted"
    // (comma-separated; empty when none).
    QString flags(const User *user) const;
    // When the next timed mute ends (on the server's clock), or 0 when none does.
    qint64 nextMuteEnd() const;
    // Lifts the mutes that have ended by nowMs; returns the keys (see keyOf()) they were on.
    QStringList expireMutes(qint64 nowMs);

    // How a person is known here: their account key, or '#' and their person id.
    static QString keyOf(const User *user);
    static bool isAccountKey(const QString &key) { return !key.startsWith(u'#'); }

    // What the store kept, by account key (see RoomRuleKeeper).
    void restoreRole(const QString &account, Role role) { m_roles.insert(account, role); }
    void restoreMute(const QString &account, qint64 untilMs)
    {
        m_mutedUntil.insert(account, untilMs);
    }

    // The account is gone (unregistered): its roles go too, so that a later holder of the name
    // does not inherit them. Its mutes stay: unregistering must not lift one.
    void forgetAccount(const QString &account) { m_roles.remove(account); }
    // A mute lifted elsewhere (another node of a cluster), by key.
    void forgetMute(const QString &key) { m_mutedUntil.remove(key); }

    // The person left the room.
    void left(const User *user);

private:
    QHash<QString, Role> m_roles;
    QHash<QString, qint64> m_mutedUntil;
};
