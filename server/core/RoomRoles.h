// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

class User;

// Who runs a room and who may or may not speak in it: its owner (whoever created it), the
// operators the owner names, the muted with the time their mute ends, and those with a voice
// (who speak when the room is moderated). A person is known by their
// account when they have one (a registered owner is the owner again on a new connection) and
// by their person id otherwise: an unregistered person's role ends when they leave the room,
// a mute does not (leaving and coming back must not lift it).
class RoomRoles
{
public:
    enum class Role { Member, Operator, Owner };

    // Each by the person's key (keyOf()), whichever node of a cluster they are on, or by this
    // node's person.
    Role role(const QString &key) const;
    // Every line said asks: most rooms have no roles, and then no key is made.
    Role role(const User *user) const
    {
        return m_roles.isEmpty() ? Role::Member : role(keyOf(user));
    }
    void setRole(const QString &key, Role role);
    void setRole(const User *user, Role role) { setRole(keyOf(user), role); }

    // Muted until untilMs on the server's clock; 0: until unmuted.
    void mute(const QString &key, qint64 untilMs) { m_mutedUntil.insert(key, untilMs); }
    void unmute(const QString &key) { m_mutedUntil.remove(key); }
    bool isMuted(const User *user, qint64 nowMs) const;
    // A voice, until taken back; an unregistered person's ends as they leave, like a role.
    void voice(const QString &key) { m_voiced.insert(key); }
    void devoice(const QString &key) { m_voiced.remove(key); }
    bool isVoiced(const QString &key) const { return m_voiced.contains(key); }

    // Whether a mute is set on the person, ended or not (an ended one goes at once:
    // SanctionExpiry).
    bool hasMute(const QString &key) const;
    // The flags of the person in this room's member list: "owner" or "op", "voice" and "muted"
    // (comma-separated; empty when none).
    QString flags(const QString &key) const;
    QString flags(const User *user) const { return isEmpty() ? QString() : flags(keyOf(user)); }
    // When the next timed mute ends (on the server's clock), or 0 when none does.
    qint64 nextMuteEnd() const;
    // Lifts the mutes that have ended by nowMs; returns the keys (see keyOf()) they were on.
    QStringList expireMutes(qint64 nowMs);

    // No roles, voices or mutes: nobody has a flag here.
    bool isEmpty() const
    {
        return m_roles.isEmpty() && m_mutedUntil.isEmpty() && m_voiced.isEmpty();
    }

    // How a person is known here: their account key, or '#' and their person id.
    static QString keyOf(const User *user);
    static QString keyOf(const QString &account, quint64 personId);
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

    // The person (of any node) left the room.
    void left(const QString &key);
    void left(const User *user) { left(keyOf(user)); }

private:
    QHash<QString, Role> m_roles;
    QHash<QString, qint64> m_mutedUntil;
    QSet<QString> m_voiced;
};
