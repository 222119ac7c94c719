// SPDX-License-Identifier: MIT
#include "core/RoomModes.h"

#include "Protocol.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QLatin1StringView RoomModes::name(Rule rule)
{
    switch (rule) {
    case Rule::InviteOnly:
        return "invite-only"_L1;
    case Rule::TopicLock:
        return "topic-lock"_L1;
    case Rule::RegisteredOnly:
        return "registered-only"_L1;
    case Rule::Moderated:
        return "moderated"_L1;
    case Rule::OutsideMessages:
        return "outside-messages"_L1;
    case Rule::Secret:
        return "secret"_L1;
    case Rule::Limit:
        return "limit"_L1;
    case Rule::Key:
        break;
    }
    return "key"_L1;
}

const QList<RoomModes::Rule> &RoomModes::every()
{
    static const QList<Rule> rules = {
        Rule::InviteOnly,      Rule::TopicLock, Rule::RegisteredOnly, Rule::Moderated,
        Rule::OutsideMessages, Rule::Secret,    Rule::Limit,          Rule::Key};
    return rules;
}

std::optional<RoomModes::Rule> RoomModes::parse(const QString &word)
{
    for (Rule rule : every()) {
        if (word.compare(name(rule), Qt::CaseInsensitive) == 0)
            return rule;
    }
    return std::nullopt;
}

std::optional<QString> RoomModes::valueOf(Rule rule, const QString &word)
{
    if (rule == Rule::Limit) {
        // Digits only: toInt() would also take "+5" and " 5".
        const bool digits = !word.isEmpty() && std::all_of(word.cbegin(), word.cend(), [](QChar c) {
            return c >= u'0' && c <= u'9';
        });
        const int limit = digits && word.size() <= 7 ? word.toInt() : 0;
        if (limit < 1 || limit > Protocol::RoomLimitMax)
            return std::nullopt;
        return QString::number(limit);
    }
    if (rule == Rule::Key) {
        // RFC 2812's key: printable ASCII without spaces; typed after the room in a join.
        const bool printable = std::all_of(word.cbegin(), word.cend(), [](QChar c) {
            return c.unicode() > 0x20 && c.unicode() < 0x7f && c != u',';
        });
        if (word.isEmpty() || word.size() > Protocol::RoomKeyMaxLength || !printable ||
            word.compare("off"_L1, Qt::CaseInsensitive) == 0)
            return std::nullopt;
        return word;
    }
    return std::nullopt;
}

bool RoomModes::set(Rule rule, bool on, const QString &value)
{
    if (isOn(rule) == on && (!on || this->value(rule) == value))
        return false;
    if (on)
        m_on |= bit(rule);
    else
        m_on &= ~bit(rule);
    if (rule == Rule::Limit)
        m_limit = on ? value.toInt() : 0;
    else if (rule == Rule::Key)
        m_key = on ? value : QString();
    return true;
}

QString RoomModes::value(Rule rule) const
{
    if (!isOn(rule))
        return {};
    if (rule == Rule::Limit)
        return QString::number(m_limit);
    if (rule == Rule::Key)
        return m_key;
    return {};
}

QStringList RoomModes::namesOn() const
{
    QStringList names;
    for (Rule rule : every()) {
        if (isOn(rule))
            names.append(takesValue(rule) ? name(rule) + u'=' + value(rule) : QString(name(rule)));
    }
    return names;
}
