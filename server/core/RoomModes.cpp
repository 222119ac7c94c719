// SPDX-License-Identifier: MIT
#include "core/RoomModes.h"

using namespace Qt::StringLiterals;

QLatin1StringView RoomModes::name(Rule rule)
{
    switch (rule) {
    case Rule::InviteOnly:
        return "invite-only"_L1;
    case Rule::TopicLock:
        return "topic-lock"_L1;
    case Rule::RegisteredOnly:
        break;
    }
    return "registered-only"_L1;
}

const QList<RoomModes::Rule> &RoomModes::every()
{
    static const QList<Rule> rules = {Rule::InviteOnly, Rule::TopicLock, Rule::RegisteredOnly};
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

bool RoomModes::set(Rule rule, bool on)
{
    if (isOn(rule) == on)
        return false;
    m_on ^= bit(rule);
    return true;
}

QStringList RoomModes::namesOn() const
{
    QStringList names;
    for (Rule rule : every()) {
        if (isOn(rule))
            names.append(QString(name(rule)));
    }
    return names;
}
