// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1StringView>
#include <QSet>
#include <QStringList>

#include <optional>

// The rules a room's operators turn on and off (`rule invite-only on`, `rule limit 20`), and
// the invitations that let someone into an invite-only room. What each rule allows or refuses
// is decided in Permissions; this only holds which are on. An invitation is for one person (known
// as RoomRoles::keyOf() knows them) and lets them in once.
//
// Moderated: only those with a voice (RoomRoles), operators and the owner speak.
// Outside messages: people who are not in the room may say things in it (notification bots);
// otherwise only its members speak in it.
// Secret: the room is left out of the room list and of the rooms a person is listed in, for
// anyone who is not in it (administrators see it); whoever knows its name may still join.
// Two rules carry a value instead of on: limit (the most members the room takes; a newcomer
// beyond it is refused) and key (a word a newcomer must give to join).
class RoomModes
{
public:
    enum class Rule {
        InviteOnly,
        TopicLock,
        RegisteredOnly,
        Moderated,
        OutsideMessages,
        Secret,
        Limit,
        Key
    };

    // The word of a rule, as typed and as listed.
    static QLatin1StringView name(Rule rule);
    static std::optional<Rule> parse(const QString &word);
    static const QList<Rule> &every();
    static bool takesValue(Rule rule) { return rule == Rule::Limit || rule == Rule::Key; }
    // A valued rule's value as it is kept (a limit's number without padding), or nothing when
    // word is not one: a limit is a whole number of 1 to Protocol::RoomLimitMax, a key one word of
    // printable ASCII of up to Protocol::RoomKeyMaxLength characters, not "off" (which turns it
    // off).
    static std::optional<QString> valueOf(Rule rule, const QString &word);

    bool isOn(Rule rule) const { return m_on & bit(rule); }
    // Turns rule on (a valued one with value, which valueOf() has checked) or off. False when
    // the rule already stood so.
    bool set(Rule rule, bool on, const QString &value = {});
    // A valued rule's value; empty when it is off.
    QString value(Rule rule) const;
    // The rules that are on, in the order of every(): a name, or "name=value" for a valued one.
    QStringList namesOn() const;

    // Whether the room takes no more members: its limit is on and count reached it.
    bool isFull(qsizetype count) const { return isOn(Rule::Limit) && count >= m_limit; }
    // Whether given opens the room: it has no key, or given is it.
    bool opensWith(const QString &given) const { return !isOn(Rule::Key) || given == m_key; }

    void invite(const QString &who) { m_invited.insert(who); }
    bool isInvited(const QString &who) const { return m_invited.contains(who); }
    // The invitation is used: the person entered.
    void useInvitation(const QString &who) { m_invited.remove(who); }

private:
    static unsigned bit(Rule rule) { return 1u << unsigned(rule); }

    unsigned m_on = 0; // a bit() per rule that is on
    int m_limit = 0;
    QString m_key;
    QSet<QString> m_invited;
};
