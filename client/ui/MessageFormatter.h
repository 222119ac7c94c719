// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// Turns chat events into the HTML of one line of the message pane. Text from other people is
// always escaped: nothing anyone types can become markup; only web addresses become links.
class MessageFormatter
{
    Q_DECLARE_TR_FUNCTIONS(MessageFormatter)

public:
    static QString message(const QDateTime &time, const QString &nick, const QString &text,
                           bool own);
    static QString action(const QDateTime &time, const QString &nick, const QString &text);
    static QString privateMessage(const QDateTime &time, const QString &from, const QString &to,
                                  const QString &text, bool own);
    // A line from the client or about the room (joins, topic, errors): already translated
    // plain text, which is escaped too.
    static QString system(const QDateTime &time, const QString &text);
    static QString error(const QDateTime &time, const QString &text);
    // A line across the pane where lines from before begin ("12 new messages").
    static QString divider(const QString &text);

    // The colour a nickname is always drawn in, the same in every session.
    static QString nickColor(const QString &nick);
    // Escapes text and turns http(s) and www addresses into links.
    static QString linkified(const QString &text);
};
