// SPDX-License-Identifier: MIT
#include "irc/IrcChatHistory.h"

#include "NameRules.h"
#include "Protocol.h"
#include "TimeAnchor.h"

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
    const bool allowed =
        inRoom ? std::any_of(rooms.begin(), rooms.end(),
                             [&room](const QString &in) { return NameRules::same(in, room); })
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
    if (!ok || limit < 1 || (!latestAll && !anchor.isValid()) || (between && !other.isValid())) {
        request.replies = fail(server, u"INVALID_PARAMS"_s, {subcommand},
                               u"References are *, msgid= (a msgid of this server) or "
                               u"timestamp=, limits a number above 0"_s);
        return request;
    }
    const int count = std::min(limit, Protocol::HistoryPageMax);
    QString range;
    if (subcommand == u"BEFORE") {
        range = u" before %1"_s.arg(anchor.anchor());
    } else if (subcommand == u"AFTER" || (subcommand == u"LATEST" && !latestAll)) {
        // LATEST after m: the lines after m, oldest first.
        range = u" after %1"_s.arg(anchor.anchor());
    } else if (subcommand == u"AROUND") {
        range = u" around %1"_s.arg(anchor.anchor());
    } else if (between) {
        // Either bound a msgid or a time; the page goes from the first toward the second.
        range = u" between %1 %2"_s.arg(anchor.anchor(), other.anchor());
    }
    // What people said alone: a client without draft/event-playback (which is not offered)
    // must not be sent other events, and topic changes would take places in its pages.
    request.command = u"@CHATHISTORY history %1 %2 messages%3"_s.arg(inRoom ? room : u'@' + target)
                          .arg(count)
                          .arg(range);
    return request;
}

QByteArray failure(const Event &error, const QString &serverName)
{
    return fail(serverName, u"MESSAGE_ERROR"_s, {u"*"_s},
                Event::errorText(error.code, error.command, error.subject));
}

} // namespace IrcChatHistory
