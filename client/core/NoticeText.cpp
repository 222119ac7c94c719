// SPDX-License-Identifier: MIT
#include "NoticeText.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QString NoticeText::left(const QString &nick, const QString &reason)
{
    if (reason == "quit"_L1)
        return tr("%1 logged out.").arg(nick);
    if (reason == "lost"_L1)
        return tr("%1 lost the connection.").arg(nick);
    return tr("%1 left.").arg(nick);
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
        const QString who =
            person.reconnecting ? tr("%1 (reconnecting)").arg(person.nick) : person.nick;
        lines << (person.rooms.isEmpty() ? tr("%1 (in no room)").arg(who)
                                         : tr("%1 in %2").arg(who, person.rooms.join(u", "_s)));
    }
    if (people.size() > Shown)
        lines << tr("… and %n more", nullptr, int(people.size() - Shown));
    return tr("Online: %1").arg(lines.join(u"; "_s));
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
