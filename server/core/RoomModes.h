// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1StringView>
#include <QSet>
#include <QStringList>

#include <optional>

// The rules a room's operators turn on and off (`rule invite-only on`), and the invitations
// that let someone into an invite-only room. What each rule allows or refuses is decided in
// Permissions; this only holds which are on. An invitation is for one person (known as
// RoomRoles::keyOf() knows them) and lets them in once.
class RoomModes
{
public:
    enum class Rule { InviteOnly, TopicLock, RegisteredOnly };

    // The word of a rule, as typed and as listed.
    static QLatin1StringView name(Rule rule);
    static std::optional<Rule> parse(const QString &word);
    static const QList<Rule> &every();

    bool isOn(Rule rule) const { return m_on & bit(rule); }
    // False when the rule already stood so.
    bool set(Rule rule, bool on);
    // The names of the rules that are on, in the order of every().
    QStringList namesOn() const;

    void invite(const QString &who) { m_invited.insert(who); }
    bool isInvited(const QString &who) const { return m_invited.contains(who); }
    // The invitation is used: the person entered.
    void useInvitation(const QString &who) { m_invited.remove(who); }

private:
    static unsigned bit(Rule rule) { return 1u << unsigned(rule); }

    unsigned m_on = 0; // a bit() per rule that is on
    QSet<QString> m_invited;
};
