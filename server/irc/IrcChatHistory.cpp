// SPDX-License-Identifier: MIT
#include "irc/IrcChatHistory.h"

#include "NameRules.h"
#include "Protocol.h"
#include "TimeAnchor.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace IrcChatHistory {

namespace {

QByteArray fail(const QString &serverName, const QString &code, QStringList context,
                const QString &text)
{
    context.prepend(code);
    context.prepend(u"CHATHISTORY"_s);
    context << text;
    return IrcMessage(u"FAIL"_s, context, serverName).toLine();
}

// What a reference names as the chat's history counts: a msgid's key (0 when it is not one of
// ours), or a time (timestamp=..., as the chat's history command writes it too).
struct Reference
{
    quint64 key = 0;
    QString time;

    bool isValid() const { return key != 0 || !time.isEmpty(); }
    bool isTime() const { return !time.isEmpty(); }
    QString anchor() const { return isTime() ? time : QString::number(key); }
};

Reference referenceOf(const QString &reference, bool inRoom)
{
    if (reference.startsWith(u"timestamp="_s)) {
        const QString time = reference.mid(10);
        return TimeAnchor::parse(time) ? Reference{0, time} : Reference{};
    }
    if (!reference.startsWith(u"msgid="_s))
        return {};
    const QStringView msgid = QStringView(reference).mid(6);
    return {inRoom ? IrcRendering::roomSeqOf(msgid) : IrcRendering::privateIdOf(msgid), {}};
}

// The millisecond after time, written as the chat reads it.
QString nextMillisecond(const QString &time)
{
    const qint64 ms = TimeAnchor::parse(time).value_or(0) + 1;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// TARGETS <timestamp> <timestamp> <limit>: the chat's conversations command, which takes the
// two times in either order as TARGETS does.
Request targets(const IrcMessage &message, const QString &server)
{
    Request request;
    if (message.paramCount() < 4) {
        request.replies =
            fail(server, u"NEED_MORE_PARAMS"_s, {u"TARGETS"_s}, u"Missing parameters"_s);
        return request;
    }
    const Reference first = referenceOf(message.param(1), false);
    const Reference second = referenceOf(message.param(2), false);
    bool ok = false;
    const int limit = message.param(3).toInt(&ok);
    if (!first.isTime() || !second.isTime() || !ok || limit < 1) {
        request.replies = fail(server, u"INVALID_PARAMS"_s, {u"TARGETS"_s},
                               u"TARGETS takes two timestamps and a limit above 0"_s);
        return request;
    }
    request.command = u"@CHATHISTORY conversations %1 %2 %3"_s.arg(
        first.time, second.time, QString::number(std::min(limit, Protocol::HistoryPageMax)));
    return request;
}

} // namespace

Request translate(const IrcMessage &message, const QStringList &rooms,
                  const IrcRendering::Options &options)
{
    Request request;
    const QString &server = options.serverName;
    const QString subcommand = message.param(0).toUpper();
    if (subcommand == u"TARGETS")
        return targets(message, server);
    static const QStringList known{u"LATEST"_s, u"BEFORE"_s, u"AFTER"_s, u"AROUND"_s, u"BETWEEN"_s};
    if (!known.contains(subcommand)) {
        request.replies =
            fail(server, u"UNKNOWN_COMMAND"_s,
                 {message.param(0).isEmpty() ? u"*"_s : message.param(0)}, u"Unknown subcommand"_s);
        return request;
    }
    const bool between = subcommand == u"BETWEEN";
    if (message.paramCount() < (between ? 5 : 4)) {
        request.replies =
            fail(server, u"NEED_MORE_PARAMS"_s, {subcommand}, u"Missing parameters"_s);
        return request;
    }
    const QString target = message.param(1);
    const QString room = IrcRendering::room(target);
    const bool inRoom = !room.isEmpty();
    const bool allowed = inRoom ? std::any_of(rooms.begin(), rooms.end(),
                                              [&room](const QString &in) {
                                                  return NameRules::key(in) == NameRules::key(room);
                                              })
                                : NameRules::isValidNick(target);
    if (!allowed) {
        request.replies = fail(server, u"INVALID_TARGET"_s, {subcommand, target},
                               u"You are not in that channel"_s);
        return request;
    }
    bool ok = false;
    const int limit = message.param(between ? 4 : 3).toInt(&ok);
    const bool latestAll = subcommand == u"LATEST" && message.param(2) == u"*";
    const Reference anchor = latestAll ? Reference{} : referenceOf(message.param(2), inRoom);
    const Reference other = between ? referenceOf(message.param(3), inRoom) : Reference{};
    // Which of a msgid and a time comes first is not known before the store is read: BETWEEN
    // takes two of a kind.
    const bool mixed =
        between && anchor.isValid() && other.isValid() && anchor.isTime() != other.isTime();
    if (!ok || limit < 1 || (!latestAll && !anchor.isValid()) || (between && !other.isValid()) ||
        mixed) {
        request.replies = fail(server, u"INVALID_PARAMS"_s, {subcommand},
                               mixed ? u"BETWEEN takes two msgids or two timestamps"_s
                                     : u"References are *, msgid= (a msgid of this server) or "
                                       u"timestamp=, limits a number above 0"_s);
        return request;
    }
    int count = std::min(limit, Protocol::HistoryPageMax);
    QString range;
    if (subcommand == u"BEFORE") {
        range = u" before %1"_s.arg(anchor.anchor());
    } else if (subcommand == u"AFTER" || (subcommand == u"LATEST" && !latestAll)) {
        // LATEST after m: the lines after m, oldest first.
        range = u" after %1"_s.arg(anchor.anchor());
    } else if (subcommand == u"AROUND" && anchor.isTime()) {
        // The page that ends at the time, the line said at it included.
        range = u" before %1"_s.arg(nextMillisecond(anchor.time));
    } else if (subcommand == u"AROUND") {
        // A room's lines are numbered without gaps: the page that ends count/2 after the
        // anchor. Private messages are not: the page that ends at it.
        range = u" before %1"_s.arg(inRoom ? anchor.key + count / 2 + 1 : anchor.key + 1);
    } else if (between && anchor.isTime()) {
        // The lines between the two times, from the first: oldest first when it is the earlier.
        const bool forward = anchor.time < other.time; // the one spelling sorts as time does
        range = (forward ? u" after %1 before %2"_s : u" before %1 after %2"_s)
                    .arg(anchor.time, other.time);
    } else if (between) {
        const quint64 gap =
            anchor.key < other.key ? other.key - anchor.key : anchor.key - other.key;
        if (inRoom) // exactly the lines between; in private, count after (or before) the first
            count = int(std::min<quint64>(quint64(count), gap == 0 ? 0 : gap - 1));
        if (count == 0) {
            // Nothing between them: an empty batch, as any page without lines.
            const Event start =
                Event::historyStart(room, inRoom ? QString() : target, u"request"_s, 0);
            request.replies =
                IrcRendering::render(start, options) +
                IrcRendering::render(Event::historyEnd({}, {}, {}, 0, {}, 0), options);
            return request;
        }
        range = (anchor.key < other.key ? u" after %1"_s : u" before %1"_s).arg(anchor.key);
    }
    request.command =
        u"@CHATHISTORY history %1 %2%3"_s.arg(inRoom ? room : u'@' + target).arg(count).arg(range);
    return request;
}

QByteArray failure(const Event &error, const QString &serverName)
{
    return fail(serverName, u"MESSAGE_ERROR"_s, {u"*"_s},
                Event::errorText(error.code, error.subject));
}

} // namespace IrcChatHistory
