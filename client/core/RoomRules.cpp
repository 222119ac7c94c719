// SPDX-License-Identifier: MIT
#include "RoomRules.h"

#include <algorithm>

using namespace Qt::StringLiterals;

RoomRules RoomRules::parse(const QStringList &rulesOn)
{
    RoomRules rules;
    for (const QString &rule : rulesOn) {
        const qsizetype equals = rule.indexOf(u'=');
        rules.change(rule.left(equals), equals < 0 ? u"on"_s : rule.mid(equals + 1));
    }
    return rules;
}

void RoomRules::change(const QString &rule, const QString &value)
{
    const bool on = value != "off"_L1;
    if (rule == "invite-only"_L1)
        inviteOnly = on;
    else if (rule == "topic-lock"_L1)
        topicLock = on;
    else if (rule == "registered-only"_L1)
        registeredOnly = on;
    else if (rule == "moderated"_L1)
        moderated = on;
    else if (rule == "outside-messages"_L1)
        outsideMessages = on;
    else if (rule == "secret"_L1)
        secret = on;
    else if (rule == "limit"_L1)
        limit = on ? std::max(0, value.toInt()) : 0;
    else if (rule == "key"_L1)
        key = on ? value : QString();
}

QString RoomRules::commandTo(const RoomRules &wanted, const QString &room) const
{
    QStringList changes;
    const auto rule = [&](const char *name, const QString &value) {
        changes << QString::fromLatin1(name) << value;
    };
    const auto onOff = [&](const char *name, bool now, bool then) {
        if (now != then)
            rule(name, then ? u"on"_s : u"off"_s);
    };
    onOff("invite-only", inviteOnly, wanted.inviteOnly);
    onOff("topic-lock", topicLock, wanted.topicLock);
    onOff("registered-only", registeredOnly, wanted.registeredOnly);
    onOff("moderated", moderated, wanted.moderated);
    onOff("outside-messages", outsideMessages, wanted.outsideMessages);
    onOff("secret", secret, wanted.secret);
    if (limit != wanted.limit)
        rule("limit", wanted.limit > 0 ? QString::number(wanted.limit) : u"off"_s);
    if (key != wanted.key)
        rule("key", wanted.key.isEmpty() ? u"off"_s : wanted.key);
    if (changes.isEmpty())
        return {};
    return u"rule #%1 %2"_s.arg(room, changes.join(u' '));
}
