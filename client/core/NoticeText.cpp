// SPDX-License-Identifier: MIT
#include "NoticeText.h"

#include "Event.h"
#include "NameRules.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

QString NoticeText::left(const QString &nick, const QString &reason)
{
    if (reason == "quit"_L1)
        return tr("%1 logged out.").arg(nick);
    if (reason == "lost"_L1)
        return tr("%1 lost the connection.").arg(nick);
    if (reason == "kick"_L1 || reason == "ban"_L1)
        return tr("%1 was put out of the room.").arg(nick);
    return tr("%1 left.").arg(nick);
}

QString NoticeText::moderation(const QString &actor, const QString &act, const QString &target,
                               const QString &detail, bool you)
{
    const QString why = detail.trimmed();
    if (act == "op"_L1)
        return you ? tr("%1 made you an operator of this room.").arg(actor)
                   : tr("%1 made %2 an operator of this room.").arg(actor, target);
    // A deop of oneself is an operator or the owner stepping down.
    if (act == "deop"_L1 && NameRules::same(actor, target))
        return you ? tr("You stepped down from running this room.")
                   : tr("%1 stepped down from running this room.").arg(actor);
    if (act == "deop"_L1)
        return you ? tr("%1 took your operator rights in this room.").arg(actor)
                   : tr("%1 took the operator rights of %2.").arg(actor, target);
    if (act == "mute"_L1) {
        const int seconds = why.toInt();
        if (you)
            return seconds > 0 ? tr("%1 muted you for %n second(s): you may read, but not speak.",
                                    nullptr, seconds)
                                     .arg(actor)
                               : tr("%1 muted you: you may read, but not speak until you are "
                                    "unmuted.")
                                     .arg(actor);
        return seconds > 0
                   ? tr("%1 muted %2 for %n second(s).", nullptr, seconds).arg(actor, target)
                   : tr("%1 muted %2.").arg(actor, target);
    }
    if (act == "unmute"_L1)
        return you ? tr("%1 unmuted you: you may speak again.").arg(actor)
                   : tr("%1 unmuted %2.").arg(actor, target);
    if (act == "voice"_L1)
        return you ? tr("%1 gave you a voice: you may speak when the room is moderated.").arg(actor)
                   : tr("%1 gave %2 a voice.").arg(actor, target);
    if (act == "devoice"_L1)
        return you ? tr("%1 took back your voice.").arg(actor)
                   : tr("%1 took back the voice of %2.").arg(actor, target);
    // A rule's name is the target; on, off, or a limit's or a key's value the detail.
    if (act == "rule"_L1 && why == "on"_L1)
        return tr("%1 turned the rule %2 on.").arg(actor, target);
    if (act == "rule"_L1 && why == "off"_L1)
        return tr("%1 turned the rule %2 off.").arg(actor, target);
    if (act == "rule"_L1)
        return tr("%1 set the room's %2 to %3.").arg(actor, target, why);
    if (act == "kick"_L1) {
        if (you)
            return why.isEmpty() ? tr("%1 put you out of the room.").arg(actor)
                                 : tr("%1 put you out of the room: %2").arg(actor, why);
        return why.isEmpty() ? tr("%1 put %2 out of the room.").arg(actor, target)
                             : tr("%1 put %2 out of the room: %3").arg(actor, target, why);
    }
    if (act == "ban"_L1) {
        // The seconds it lasts (0: for good), then the reason if there is one.
        const qsizetype space = why.indexOf(u' ');
        const int seconds = (space < 0 ? why : why.left(space)).toInt();
        const QString reason = space < 0 ? QString() : why.sliced(space + 1);
        QString text;
        if (you)
            text = seconds > 0
                       ? tr("%1 banned you from the room for %n second(s).", nullptr, seconds)
                             .arg(actor)
                       : tr("%1 banned you from the room.").arg(actor);
        else
            text = seconds > 0
                       ? tr("%1 banned %2 from the room for %n second(s).", nullptr, seconds)
                             .arg(actor, target)
                       : tr("%1 banned %2 from the room.").arg(actor, target);
        return reason.isEmpty() ? text : tr("%1 Reason: %2").arg(text, reason);
    }
    if (act == "unban"_L1)
        return tr("%1 lifted the ban on %2.").arg(actor, target);
    if (act == "allow"_L1)
        return tr("%1 lets %2 into the room without an invitation.").arg(actor, target);
    if (act == "disallow"_L1)
        return tr("%1 took back %2's entry without an invitation.").arg(actor, target);
    if (act == "exempt"_L1)
        return tr("%1 lets %2 into the room even when a ban catches them.").arg(actor, target);
    if (act == "unexempt"_L1)
        return tr("%1 took back %2's exemption from the room's bans.").arg(actor, target);
    if (act == "invite"_L1)
        return you ? tr("%1 invited you into the room.").arg(actor)
                   : tr("%1 invited %2 into the room.").arg(actor, target);
    if (act == "close"_L1)
        return why.isEmpty() ? tr("%1 closed the room.").arg(actor)
                             : tr("%1 closed the room: %2").arg(actor, why);
    return tr("%1 acted on %2 (%3).").arg(actor, target, act);
}

QStringList NoticeText::rooms(const RoomInfoList &rooms)
{
    // One line per room: topics may hold any punctuation, so no separator is safe.
    QStringList lines{tr("%n room(s) on this server:", nullptr, int(rooms.size()))};
    for (const RoomInfo &room : rooms.first(std::min(rooms.size(), Shown))) {
        const QString people =
            room.members == 0 ? tr("nobody in it") : tr("%n people", nullptr, room.members);
        lines << (room.topic.isEmpty() ? tr("%1 — %2").arg(room.name, people)
                                       : tr("%1 — %2 — %3").arg(room.name, people, room.topic));
    }
    if (rooms.size() > Shown)
        lines << tr("… and %n more: the Rooms window has them all.", nullptr,
                    int(rooms.size() - Shown));
    return lines;
}

QString NoticeText::who(const PersonInfoList &people)
{
    QStringList lines;
    for (const PersonInfo &person : people.first(std::min(people.size(), Shown))) {
        const QString who = person.reconnecting ? tr("%1 (reconnecting)").arg(person.nick)
                            : person.away       ? tr("%1 (away)").arg(person.nick)
                                                : person.nick;
        lines << (person.rooms.isEmpty() ? tr("%1 (in no room)").arg(who)
                                         : tr("%1 in %2").arg(who, person.rooms.join(u", "_s)));
    }
    if (people.size() > Shown)
        lines << tr("… and %n more", nullptr, int(people.size() - Shown));
    return tr("Online: %1").arg(lines.join(u"; "_s));
}

QStringList NoticeText::whowas(const QString &nick, const QStringList &departures)
{
    if (departures.isEmpty())
        return {tr("Nobody called %1 has left lately.").arg(nick)};
    QStringList lines;
    for (qsizetype i = 0; i + 4 < departures.size(); i += 5) {
        const QString &account = departures.at(i + 1);
        const QString who = account.isEmpty()
                                ? departures.at(i)
                                : tr("%1 (account %2)").arg(departures.at(i), account);
        const QDateTime left =
            QDateTime::fromString(departures.at(i + 2), Qt::ISODateWithMs).toLocalTime();
        const QString when = QLocale().toString(left, QLocale::ShortFormat);
        const QString &why = departures.at(i + 3);
        if (why == Event::NickDeparture)
            lines << tr("%1 took the name %2 on %3.").arg(who, departures.at(i + 4), when);
        else if (why == Event::QuitReason)
            lines << tr("%1 logged out on %2.").arg(who, when);
        else if (why == Event::LostReason)
            lines << tr("%1 lost the connection on %2.").arg(who, when);
        else if (why == Event::DisconnectReason)
            lines << tr("%1 was disconnected on %2.").arg(who, when);
        else
            lines << tr("%1 left on %2.").arg(who, when);
    }
    return lines;
}

QString NoticeText::masksHeading(const QString &room, MaskListKind list, qsizetype total)
{
    switch (list) {
    case MaskListKind::Bans:
        return total == 0 ? tr("Nobody is banned from %1.").arg(room)
                          : tr("Banned from %1 (%n):", nullptr, int(total)).arg(room);
    case MaskListKind::Allowed:
        return total == 0
                   ? tr("Nobody enters %1 without an invitation.").arg(room)
                   : tr("Let into %1 without an invitation (%n):", nullptr, int(total)).arg(room);
    case MaskListKind::Exempted:
        return total == 0 ? tr("The bans of %1 hold for everyone.").arg(room)
                          : tr("Let into %1 despite its bans (%n):", nullptr, int(total)).arg(room);
    }
    return {};
}

QStringList NoticeText::masks(const QString &room, MaskListKind list, qsizetype first,
                              qsizetype total, const QStringList &entries)
{
    QStringList lines;
    if (first == 0)
        lines << masksHeading(room, list, total);
    for (qsizetype i = 0; i + 3 < entries.size(); i += 4) {
        const QString &mask = entries.at(i);
        const QString &setter = entries.at(i + 2);
        const QString &reason = entries.at(i + 3);
        QString line = entries.at(i + 1).isEmpty()
                           ? tr("%1, by %2").arg(mask, setter)
                           : tr("%1, by %2, %n second(s) left", nullptr, entries.at(i + 1).toInt())
                                 .arg(mask, setter);
        lines << (reason.isEmpty() ? line : tr("%1: %2").arg(line, reason));
    }
    return lines;
}

QStringList NoticeText::modlog(const QString &room, qsizetype first, qsizetype total,
                               const QStringList &entries)
{
    QStringList lines;
    if (first == 0 && total == 0)
        return {tr("Nothing was done in %1 yet.").arg(room)};
    if (first == 0)
        lines << tr("Moderation in %1 (%n):", nullptr, int(total)).arg(room);
    for (qsizetype i = 0; i + 4 < entries.size(); i += 5) {
        const QDateTime time =
            QDateTime::fromString(entries.at(i), Qt::ISODateWithMs).toLocalTime();
        lines << tr("%1: %2").arg(QLocale().toString(time, QLocale::ShortFormat),
                                  moderation(entries.at(i + 1), entries.at(i + 2),
                                             entries.at(i + 3), entries.at(i + 4), false));
    }
    return lines;
}

QStringList NoticeText::help(const QStringList &usageSummaryPairs)
{
    QStringList lines;
    for (qsizetype i = 0; i + 1 < usageSummaryPairs.size(); i += 2) {
        const QByteArray summary = usageSummaryPairs.at(i + 1).toUtf8();
        lines << u"/%1 — %2"_s.arg(
            usageSummaryPairs.at(i),
            QCoreApplication::translate("CommandTable", summary.constData()));
    }
    return lines;
}

QString NoticeText::settings(const QStringList &keyValuePairs)
{
    QStringList settings;
    for (qsizetype i = 0; i + 1 < keyValuePairs.size(); i += 2)
        settings << u"%1=%2"_s.arg(keyValuePairs.at(i), keyValuePairs.at(i + 1));
    return tr("Settings: %1").arg(settings.join(u", "_s));
}
