// SPDX-License-Identifier: MIT
#include "EventWaits.h"

#include "LineClient.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

QStringList EventWaits::roomLines(LineClient &client, int count)
{
    QStringList lines;
    QElapsedTimer elapsed;
    elapsed.start();
    while (lines.size() < count && elapsed.elapsed() < TimeoutMs) {
        const Event event = client.readEvent(int(TimeoutMs - elapsed.elapsed()));
        if (!event.isValid())
            break;
        if (event.kind == Event::Kind::Message)
            lines << u"%1 %2"_s.arg(event.seq).arg(event.text);
    }
    return lines;
}

Event EventWaits::answer(LineClient &client, const QString &command, const QString &room)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < TimeoutMs) {
        const Event event = client.readEvent(int(TimeoutMs - elapsed.elapsed()));
        if (!event.isValid())
            break;
        if ((event.kind == Event::Kind::Ok || event.kind == Event::Kind::Error) &&
            event.command == command)
            return event;
        // A rename's answer is the news of it, which the renamed read first; a join's or a new
        // room's, the join.
        if (event.kind == Event::Kind::NickChange && command == "nick"_L1)
            return event;
        if (event.kind == Event::Kind::Join && (command == "join"_L1 || command == "create"_L1) &&
            (room.isEmpty() || event.room == room))
            return event;
    }
    return {};
}

bool EventWaits::sendUntil(LineClient &client, const QString &line, const QString &command,
                           Event::Kind wanted, int ms)
{
    const bool entering = command == "join"_L1 || command == "create"_L1;
    const QString room = entering ? line.section(u' ', 1, 1) : QString();
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < ms) {
        client.send(line);
        if (answer(client, command, room).kind == wanted)
            return true;
    }
    return false;
}

Event EventWaits::waitFor(LineClient &client, const std::function<bool(const Event &)> &matches,
                          int ms)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < ms) {
        const Event event = client.readEvent(int(ms - elapsed.elapsed()));
        if (!event.isValid())
            break;
        if (matches(event))
            return event;
    }
    return {};
}

Event EventWaits::waitFor(LineClient &client, Event::Kind kind, const QString &nick, int ms)
{
    return waitFor(
        client, [&](const Event &event) { return event.kind == kind && event.nick == nick; }, ms);
}

Event EventWaits::look(LineClient &client, const QString &room)
{
    static int asked = 0;
    const QString label = u"look%1"_s.arg(++asked);
    client.send(u"@%1 look %2"_s.arg(label, room.isEmpty() ? QString() : u'#' + room).trimmed());
    return waitFor(client, [&](const Event &event) {
        return event.kind == Event::Kind::Users && event.label == label;
    });
}

QStringList EventWaits::membersOf(LineClient &client, const QString &room)
{
    const Event users = look(client, room);
    QStringList nicks;
    for (qsizetype i = 0; i + 1 < users.list.size(); i += 2)
        nicks << users.list.at(i);
    nicks.sort();
    return nicks;
}

bool EventWaits::listsSoon(LineClient &client, const QString &room, QStringList nicks, int ms)
{
    nicks.sort();
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < ms) {
        if (membersOf(client, room) == nicks)
            return true;
        QTest::qWait(50);
    }
    return false;
}
