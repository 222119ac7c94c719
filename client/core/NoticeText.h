// SPDX-License-Identifier: MIT
#pragma once

#include "MaskListKind.h"
#include "PersonInfo.h"
#include "RoomInfo.h"

#include <QCoreApplication>
#include <QStringList>

// The client's own lines in a conversation, in the person's language: who came and went, and
// the answers to /list, /who, /whowas, /help, /set, /bans, /allowed, /exempted and /modlog, one
// readable line each.
class NoticeText
{
    Q_DECLARE_TR_FUNCTIONS(NoticeText)

public:
    // A list of thousands (rooms, people) is cut to its first ones in the chat.
    static constexpr qsizetype Shown = 50;

    static QString left(const QString &nick, const QString &reason);
    // A moderation act seen in a room (ChatConnection::moderated); you: the target is us.
    static QString moderation(const QString &actor, const QString &act, const QString &target,
                              const QString &detail, bool you);
    static QStringList rooms(const RoomInfoList &rooms);
    static QString who(const PersonInfoList &people);
    // departures: as Event::Kind::Whowas's list (quintuples), newest first.
    static QStringList whowas(const QString &nick, const QStringList &departures);
    static QStringList help(const QStringList &usageSummaryPairs);
    static QString settings(const QStringList &keyValuePairs);
    // A piece of one of a room's lists of masks, entries as Event::Kind::Bans's list from index
    // first of total; a heading before the first piece.
    static QStringList masks(const QString &room, MaskListKind list, qsizetype first,
                             qsizetype total, const QStringList &entries);
    // A piece of a room's moderation log, entries as Event::Kind::Modlog's list, oldest first.
    static QStringList modlog(const QString &room, qsizetype first, qsizetype total,
                              const QStringList &entries);

private:
    // The line before a list's first entry, or the one that says it is empty.
    static QString masksHeading(const QString &room, MaskListKind list, qsizetype total);
};
