// SPDX-License-Identifier: MIT
#include "irc/IrcChatHistory.h"

#include "NameRules.h"
#include "Protocol.h"

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

// What a reference (msgid=...) names, as the chat's history counts: 0 when it is not one.
quint64 anchorOf(const QString &reference, bool inRoom)
{
    if (!reference.startsWith(u"msgid="_s))
        return 0;
    const QStringView msgid = QStringView(reference).mid(6);
    return inRoom ? IrcRendering::roomSeqOf(msgid) : IrcRendering::privateIdOf(msgid);
}

} // namespace

Request translate(const IrcMessage &message, const QStringList &rooms,
                  const IrcRendering::Options &options)
{
    Request request;
    const QString &server = options.serverName;
    const QString subcommand = message.param(0).toUpper();
    static const QStringList known{u"LATEST"_s, u"BEFORE"_s, u"AFTER"_s, u"AROUND"_s, u"BETWEEN"_s};
    if (!known.contains(subcommand)) {
        // TARGETS lists conversations by time, and references here are msgids.
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
    const quint64 anchor = latestAll ? 0 : anchorOf(message.param(2), inRoom);
    const quint64 other = between ? anchorOf(message.param(3), inRoom) : 0;
    if (!ok || limit < 1 || (!latestAll && anchor == 0) || (between && other == 0)) {
        // Timestamps are not references here: ISUPPORT says MSGREFTYPES=msgid.
        request.replies =
            fail(server, u"INVALID_PARAMS"_s, {subcommand},
                 u"References are * or msgid= (a msgid of this server), limits a number above 0"_s);
        return request;
    }
    int count = std::min(limit, Protocol::HistoryPageMax);
    QString range;
    if (subcommand == u"BEFORE") {
        range = u" before %1"_s.arg(anchor);
    } else if (subcommand == u"AFTER" || (subcommand == u"LATEST" && !latestAll)) {
        range = u" after %1"_s.arg(anchor); // LATEST after m: the lines after m, oldest first
    } else if (subcommand == u"AROUND") {
        // A room's lines are numbered without gaps: the page that ends count/2 after the
        // anchor. Private messages are not: the page that ends at it.
        range = u" before %1"_s.arg(inRoom ? anchor + count / 2 + 1 : anchor + 1);
    } else if (between) {
        const quint64 gap = anchor < other ? other - anchor : anchor - other;
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
        range = (anchor < other ? u" after %1"_s : u" before %1"_s).arg(anchor);
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
