// SPDX-License-Identifier: MIT
#include "TextRenderer.h"

#include "CommandTable.h"
#include "NameRules.h"

#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

class Writer
{
public:
    explicit Writer(const TextRenderer::Options &options)
        : m_options(options)
    {
    }

    QString phrase(const char *source, int n = -1, const char *context = "TextRenderer") const
    {
        QString text;
        if (m_options.translator)
            text = m_options.translator->translate(context, source, nullptr, n);
        if (text.isEmpty())
            text = QString::fromUtf8(source);
        // QTranslator picks the plural form; filling in the number is the caller's job.
        if (n >= 0)
            text.replace("%n"_L1, QString::number(n));
        return text;
    }

    void line(const QString &text)
    {
        m_out += text.toUtf8();
        m_out += "\r\n";
    }

    // stamped: false for the pieces of a listing, which go on under their stamped heading.
    QByteArray finish(const QDateTime &time, bool stamped)
    {
        if (stamped && m_options.timestamps && !m_out.isEmpty()) {
            const QDateTime local = time.toLocalTime();
            const bool dated = m_options.datedTimestamps && local.date() != QDate::currentDate();
            m_out.prepend(
                local.toString(dated ? u"[yyyy-MM-dd HH:mm] "_s : u"[HH:mm] "_s).toUtf8());
        }
        return m_out;
    }

    // "[games] " before a line of a room, for a reader in several rooms.
    QString inRoom(const QString &room, const QString &text) const
    {
        if (!m_options.roomPrefix || room.isEmpty())
            return text;
        return u'[' + room + "] "_L1 + text;
    }

private:
    const TextRenderer::Options &m_options;
    QByteArray m_out;
};

// " (reconnecting)" after a name in a list; nothing for no flags.
QString flagsText(const Writer &w, const QString &flags)
{
    QStringList words;
    for (const QString &flag : flags.split(u',', Qt::SkipEmptyParts)) {
        if (flag == Event::ReconnectingFlag)
            words << w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "reconnecting"));
        else if (flag == Event::AwayFlag)
            words << w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "away"));
        else if (flag == Event::MutedFlag)
            words << w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "muted"));
        // Who may speak when the room is moderated.
        else if (flag == Event::VoicedFlag)
            words << w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "voice"));
        // A room's roles are for programs (the desktop client marks them); people on telnet
        // see who runs a room from what the room is told (op, kick...).
        else if (flag != Event::OwnerFlag && flag != Event::OperatorFlag &&
                 flag != Event::AdminFlag)
            words << flag;
    }
    return words.isEmpty() ? QString() : " ("_L1 + words.join(u", "_s) + u')';
}

void renderList(Writer &w, const Event &event)
{
    const QStringList &l = event.list;
    switch (event.kind) {
    case Event::Kind::Users: {
        const qsizetype total = event.userCount();
        if (total > l.size() / 2)
            w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer",
                                                "Users in %1 (%n, the first %2 listed):"),
                            int(total))
                       .arg(event.room)
                       .arg(l.size() / 2));
        else
            w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Users in %1 (%n):"), int(total))
                       .arg(event.room));
        for (qsizetype i = 0; i + 1 < l.size(); i += 2)
            w.line("  "_L1 + l[i] + flagsText(w, l[i + 1]));
        break;
    }
    // A piece of a listing: the heading and what follows are the listing's start and end.
    case Event::Kind::Who:
        for (qsizetype i = 0; i + 2 < l.size(); i += 3) {
            const QString who = l[i] + flagsText(w, l[i + 2]);
            if (l[i + 1].isEmpty())
                w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "  %1 (in no room)")).arg(who));
            else
                w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "  %1 in %2"))
                           .arg(who, l[i + 1].split(u',').join(u", "_s)));
        }
        break;
    case Event::Kind::Rooms:
        for (qsizetype i = 0; i + 2 < l.size(); i += 3) {
            QString entry =
                w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "  %1 (%n users)"), l[i + 1].toInt())
                    .arg(l[i]);
            if (!l[i + 2].isEmpty())
                entry += ": "_L1 + l[i + 2];
            w.line(entry);
        }
        break;
    case Event::Kind::Help:
        if (l.size() == 2) {
            w.line(l[0] + "  "_L1 + w.phrase(l[1].toUtf8().constData(), -1, "CommandTable"));
            break;
        }
        w.line(w.phrase(QT_TRANSLATE_NOOP(
            "TextRenderer",
            "Commands (a leading / is optional; plain text is said to the room):")));
        for (qsizetype i = 0; i + 1 < l.size(); i += 2)
            w.line("  "_L1 + l[i].leftJustified(32) +
                   w.phrase(l[i + 1].toUtf8().constData(), -1, "CommandTable"));
        break;
    case Event::Kind::Bans:
        if (event.seq == 0 && event.count == 0)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Nobody is banned from %1."))
                       .arg(event.room));
        else if (event.seq == 0)
            w.line(
                w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Bans in %1 (%n):"), int(event.count))
                    .arg(event.room));
        for (qsizetype i = 0; i + 3 < l.size(); i += 4) {
            QString entry =
                l[i + 1].isEmpty()
                    ? w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "  %1 (by %2)"))
                          .arg(l[i], l[i + 2])
                    : w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "  %1 (by %2, %n seconds left)"),
                               l[i + 1].toInt())
                          .arg(l[i], l[i + 2]);
            if (!l[i + 3].isEmpty())
                entry += ": "_L1 + l[i + 3];
            w.line(entry);
        }
        break;
    case Event::Kind::Allowed:
    case Event::Kind::Exempted: {
        const bool allowed = event.kind == Event::Kind::Allowed;
        if (event.seq == 0 && event.count == 0)
            w.line((allowed ? w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                                         "Nobody enters %1 without an invitation."))
                            : w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                                         "The bans of %1 hold for everyone.")))
                       .arg(event.room));
        else if (event.seq == 0)
            w.line((allowed ? w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer",
                                                           "Enter %1 without an invitation (%n):"),
                                       int(event.count))
                            : w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer",
                                                           "Let into %1 despite its bans (%n):"),
                                       int(event.count)))
                       .arg(event.room));
        // Neither has an end or a reason.
        for (qsizetype i = 0; i + 3 < l.size(); i += 4)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "  %1 (by %2)")).arg(l[i], l[i + 2]));
        break;
    }
    case Event::Kind::Modlog:
        if (event.seq == 0 && event.count == 0)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Nothing was done in %1 yet."))
                       .arg(event.room));
        else if (event.seq == 0)
            w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Moderation in %1 (%n):"),
                            int(event.count))
                       .arg(event.room));
        for (qsizetype i = 0; i + 4 < l.size(); i += 5) {
            const QDateTime time = QDateTime::fromString(l[i], Qt::ISODateWithMs).toLocalTime();
            QString entry = "  ["_L1 + time.toString(u"yyyy-MM-dd HH:mm"_s) + "] "_L1 + l[i + 1] +
                            u' ' + l[i + 2] + u' ' + l[i + 3];
            if (!l[i + 4].isEmpty())
                entry += ": "_L1 + l[i + 4];
            w.line(entry);
        }
        break;
    case Event::Kind::Conversations:
        if (event.seq == 0 && event.count == 0)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Nothing was said then.")));
        else if (event.seq == 0)
            w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Conversations (%n):"),
                            int(event.count)));
        // The time as the history command takes it, so that it can be copied into one.
        for (qsizetype i = 0; i + 1 < l.size(); i += 2)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "  %1, last at %2"))
                       .arg(l[i], l[i + 1]));
        break;
    case Event::Kind::Rules:
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Rules of %1: %2"))
                   .arg(event.room, l.join(u", "_s)));
        break;
    case Event::Kind::Settings:
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Your settings:")));
        for (qsizetype i = 0; i + 1 < l.size(); i += 2)
            w.line("  "_L1 + l[i] + " "_L1 + l[i + 1]);
        break;
    default:
        break;
    }
}

// The heading of a listing: "Rooms (2):", with the filter and the page when there are any.
void renderListingStart(Writer &w, const Event &event)
{
    const int total = int(event.count);
    const int page = int(event.seq);
    const QString &pattern = event.text;
    const bool rooms = event.subject == Event::ListingRooms;
    QString heading;
    if (pattern.isEmpty() && page <= 1)
        heading = rooms
                      ? w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Rooms (%n):"), total)
                      : w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Users online (%n):"), total);
    else if (page <= 1)
        heading =
            (rooms ? w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Rooms matching %1 (%n):"), total)
                   : w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Users online matching %1 (%n):"),
                              total))
                .arg(pattern);
    else if (pattern.isEmpty())
        heading =
            (rooms ? w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Rooms (%n), page %1:"), total)
                   : w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Users online (%n), page %1:"),
                              total))
                .arg(page);
    else
        heading =
            (rooms
                 ? w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "Rooms matching %1 (%n), page %2:"),
                            total)
                 : w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer",
                                                "Users online matching %1 (%n), page %2:"),
                            total))
                .arg(pattern)
                .arg(page);
    w.line(heading);
}

// After a page that is not the last: how many more there are and how to see them.
void renderListingEnd(Writer &w, const Event &event)
{
    const int more = int(event.id);
    if (more <= 0 || event.seq == 0)
        return;
    QString command = event.subject == Event::ListingRooms ? u"/list"_s : u"/who"_s;
    if (!event.text.isEmpty())
        command += u' ' + event.text;
    command += u' ' + QString::number(event.seq);
    w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "--- %n more: %1 ---"), more).arg(command));
}

QString leaveText(const Writer &w, const Event &event, bool self)
{
    if (self)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* You have left %1.")).arg(event.room);
    // Their own words, when they gave some (part, quit), end the line.
    if (event.subject == "quit"_L1 && !event.text.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 has left the chat: %2"))
            .arg(event.nick, event.text);
    if (event.subject == "quit"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 has left the chat."))
            .arg(event.nick);
    if (event.subject == "lost"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 lost the connection."))
            .arg(event.nick);
    if (event.subject == "shutdown"_L1)
        return w
            .phrase(
                QT_TRANSLATE_NOOP("TextRenderer", "* %1 has left: the server is shutting down."))
            .arg(event.nick);
    if (event.subject == "ban"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 was banned from the room."))
            .arg(event.nick);
    if (event.subject == "close"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 has left: the room was closed."))
            .arg(event.nick);
    if (event.subject == "part"_L1 && !event.text.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 has left the room: %2"))
            .arg(event.nick, event.text);
    return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 has left the room.")).arg(event.nick);
}

// A ban's text is its seconds (0: for good), then its reason if there is one.
QString banText(const Writer &w, const Event &event)
{
    const qsizetype space = event.text.indexOf(u' ');
    const QString seconds = space < 0 ? event.text : event.text.left(space);
    const QString reason = space < 0 ? QString() : event.text.sliced(space + 1);
    QString text;
    if (seconds.isEmpty() || seconds == "0"_L1)
        text = w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 banned %2 from the room."))
                   .arg(event.nick, event.target);
    else
        text = w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                          "* %1 banned %2 from the room for %3 seconds."))
                   .arg(event.nick, event.target, seconds);
    if (!reason.isEmpty())
        text += u' ' + w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Reason: %1")).arg(reason);
    return text;
}

// The acts told as "who did it to whom" and nothing else.
struct ActPhrase
{
    QLatin1StringView act;
    const char *phrase;
};
constexpr ActPhrase NickTargetPhrases[] = {
    {"op"_L1, QT_TRANSLATE_NOOP("TextRenderer", "* %1 made %2 an operator.")},
    {"deop"_L1, QT_TRANSLATE_NOOP("TextRenderer", "* %1 took operator rights from %2.")},
    {"unban"_L1, QT_TRANSLATE_NOOP("TextRenderer", "* %1 lifted the ban on %2.")},
    {"allow"_L1,
     QT_TRANSLATE_NOOP("TextRenderer", "* %1 lets %2 into the room without an invitation.")},
    {"disallow"_L1,
     QT_TRANSLATE_NOOP("TextRenderer", "* %1 took back %2's entry without an invitation.")},
    {"exempt"_L1,
     QT_TRANSLATE_NOOP("TextRenderer", "* %1 lets %2 into the room even when a ban catches them.")},
    {"unexempt"_L1,
     QT_TRANSLATE_NOOP("TextRenderer", "* %1 took back %2's exemption from the room's bans.")},
    {"voice"_L1, QT_TRANSLATE_NOOP("TextRenderer", "* %1 gave %2 a voice in the room.")},
    {"devoice"_L1, QT_TRANSLATE_NOOP("TextRenderer", "* %1 took back %2's voice.")},
    {"invite"_L1, QT_TRANSLATE_NOOP("TextRenderer", "* %1 invited %2 into the room.")},
};

QString moderationText(const Writer &w, const Event &event)
{
    const QString &act = event.subject;
    if (act == "deop"_L1 && NameRules::same(event.nick, event.target))
        return w
            .phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 stepped down from running the room."))
            .arg(event.nick);
    if (act == "kick"_L1 && event.text.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 kicked %2 out of the room."))
            .arg(event.nick, event.target);
    if (act == "kick"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 kicked %2 out of the room: %3"))
            .arg(event.nick, event.target, event.text);
    if (act == "mute"_L1 && event.text.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 muted %2."))
            .arg(event.nick, event.target);
    if (act == "mute"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 muted %2 for %3 seconds."))
            .arg(event.nick, event.target, event.text);
    if (act == "ban"_L1)
        return banText(w, event);
    if (act == "close"_L1 && event.text.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 closed the room.")).arg(event.nick);
    if (act == "close"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 closed the room: %2"))
            .arg(event.nick, event.text);
    if (act == "rule"_L1 && event.text == "on"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 turned the rule %2 on."))
            .arg(event.nick, event.target);
    if (act == "rule"_L1 && event.text == "off"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 turned the rule %2 off."))
            .arg(event.nick, event.target);
    if (act == "rule"_L1) // a limit or a key, with its value
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 set the room's %2 to %3."))
            .arg(event.nick, event.target, event.text);
    for (const ActPhrase &row : NickTargetPhrases) {
        if (act == row.act)
            return w.phrase(row.phrase).arg(event.nick, event.target);
    }
    return w
        .phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 let %2 speak again.")) // unmute
        .arg(event.nick, event.target);
}

// A few names are listed; a crowd is counted, so that a line stays readable.
QString joinsText(const Writer &w, const QStringList &nicks)
{
    constexpr qsizetype Named = 3;
    if (nicks.size() <= Named + 1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 have entered the room."))
            .arg(nicks.join(u", "_s));
    return w
        .phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "* %1 and %n others have entered the room."),
                int(nicks.size() - Named))
        .arg(nicks.first(Named).join(u", "_s));
}

QString byeText(const Writer &w, const Event &event)
{
    if (event.subject == "logout"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Goodbye!"));
    if (event.subject == "shutdown"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "The server is shutting down. Goodbye!"));
    if (event.subject == "flood"_L1)
        return w.phrase(
            QT_TRANSLATE_NOOP("TextRenderer", "You sent too many lines too fast; disconnected."));
    if (event.subject == "login-timeout"_L1)
        return w.phrase(
            QT_TRANSLATE_NOOP("TextRenderer", "You did not log in in time; disconnected."));
    if (event.subject == "ping-timeout"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "No answer to ping; disconnected."));
    if (event.subject == "resumed"_L1)
        return w.phrase(QT_TRANSLATE_NOOP(
            "TextRenderer", "You came back on another connection; this one is closed."));
    if (event.subject == "resume"_L1)
        return w.phrase(
            QT_TRANSLATE_NOOP("TextRenderer", "Too many wrong resume tokens; disconnected."));
    if (event.subject == "collision"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                          "Someone on another node of this cluster took your name "
                                          "while this node was cut off from it; log in again."));
    if (event.subject == "password"_L1)
        return w.phrase(
            QT_TRANSLATE_NOOP("TextRenderer", "Too many wrong passwords; disconnected."));
    return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Disconnected by the server: %1"))
        .arg(event.subject);
}

// When a line of history was said: the time today, the date and time before.
QString whenText(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    return local.toString(local.date() == QDate::currentDate() ? u"HH:mm"_s
                                                               : u"yyyy-MM-dd HH:mm"_s);
}

// Who went by a nickname, newest first: a line for each time someone left it.
void renderWhowas(Writer &w, const Event &event)
{
    const QStringList &l = event.list;
    if (l.isEmpty())
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Nobody called %1 has left lately."))
                   .arg(event.nick));
    for (qsizetype i = 0; i + 4 < l.size(); i += 5) {
        const QString who = l[i + 1].isEmpty()
                                ? l[i]
                                : w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "%1 (account %2)"))
                                      .arg(l[i], l[i + 1]);
        const QString when = whenText(QDateTime::fromString(l[i + 2], Qt::ISODateWithMs));
        const QString &why = l[i + 3];
        const char *text = QT_TRANSLATE_NOOP("TextRenderer", "%1 left at %2.");
        if (why == Event::NickDeparture)
            text = QT_TRANSLATE_NOOP("TextRenderer", "%1 took the name %3 at %2.");
        else if (why == Event::QuitReason)
            text = QT_TRANSLATE_NOOP("TextRenderer", "%1 logged out at %2.");
        else if (why == Event::LostReason)
            text = QT_TRANSLATE_NOOP("TextRenderer", "%1 lost the connection at %2.");
        else if (why == Event::DisconnectReason)
            text = QT_TRANSLATE_NOOP("TextRenderer", "%1 was disconnected at %2.");
        w.line(why == Event::NickDeparture ? w.phrase(text).arg(who, when, l[i + 4])
                                           : w.phrase(text).arg(who, when));
    }
}

// What a history batch is of: "hall", or "@bob" for private messages with bob.
QString historySubject(const Event &event)
{
    if (!event.nick.isEmpty())
        return u'@' + event.nick;
    return event.room;
}

void renderHistoryStart(Writer &w, const Event &event)
{
    const int n = int(event.count);
    const QString since = whenText(event.time);
    const bool isPrivate = event.room.isEmpty();
    if (event.subject == "join"_L1) {
        if (n > 0)
            w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer",
                                                "--- %n earlier messages, since %1 ---"),
                            n)
                       .arg(since));
    } else if (event.subject == "resume"_L1) {
        const QString where =
            isPrivate ? w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "private")) : event.room;
        if (n == 0)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "--- nothing new in %1 ---"))
                       .arg(where));
        else
            w.line(w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer",
                                                "--- %n messages in %1 while you were away, "
                                                "since %2 ---"),
                            n)
                       .arg(where, since));
    } else if (n == 0) {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "--- no messages in %1 ---"))
                   .arg(historySubject(event)));
    } else {
        w.line(
            w.phrase(QT_TRANSLATE_N_NOOP("TextRenderer", "--- %n messages in %1, since %2 ---"), n)
                .arg(historySubject(event), since));
    }
}

void renderHistoryEnd(Writer &w, const Event &event)
{
    if (event.count == 0)
        return;
    if (event.subject != "request"_L1) {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "--- now ---")));
    } else if (event.target == "before"_L1 && event.text == "messages"_L1) {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                          "--- older: history %1 messages before %2 ---"))
                   .arg(historySubject(event))
                   .arg(event.seq));
    } else if (event.target == "before"_L1) {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "--- older: history %1 before %2 ---"))
                   .arg(historySubject(event))
                   .arg(event.seq));
    } else if (event.target == "after"_L1 && event.text == "messages"_L1) {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                          "--- newer: history %1 messages after %2 ---"))
                   .arg(historySubject(event))
                   .arg(event.seq));
    } else if (event.target == "after"_L1) {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "--- newer: history %1 after %2 ---"))
                   .arg(historySubject(event))
                   .arg(event.seq));
    } else {
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "--- end of history ---")));
    }
}

QString presenceText(const Writer &w, const Event &event)
{
    if (event.subject == "back"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 is back.")).arg(event.nick);
    return w
        .phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                  "* %1 lost the connection; their place is kept for a while."))
        .arg(event.nick);
}

QString okText(const Writer &w, const Event &event)
{
    const QStringList &d = event.list;
    if (event.command == "login"_L1 && !d.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "You are logged in as %1.")).arg(d[0]);
    if (event.command == "resume"_L1 && !d.isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Welcome back, %1.")).arg(d[0]);
    if (event.command == "switch"_L1 && d.size() == 1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "You are now talking in %1.")).arg(d[0]);
    if (event.command == "register"_L1 && d.size() == 1)
        return w
            .phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                      "The nickname %1 is registered: from now on, log in "
                                      "with login %1 <password>."))
            .arg(d[0]);
    if (event.command == "password"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Your password is changed."));
    if (event.command == "unregister"_L1 && d.size() == 1)
        return w
            .phrase(QT_TRANSLATE_NOOP("TextRenderer", "The nickname %1 is no longer registered."))
            .arg(d[0]);
    if (event.command == "away"_L1 && d.value(0).isEmpty())
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "You are marked as away."));
    if (event.command == "away"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "You are marked as away: %1")).arg(d[0]);
    if (event.command == "back"_L1)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "You are no longer marked as away."));
    if (event.command == "oper"_L1 && d.size() == 1)
        return w
            .phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                      "You now act as the server's administrator %1, under "
                                      "your nickname."))
            .arg(d[0]);
    if (event.command == "pass"_L1)
        return w.phrase(
            QT_TRANSLATE_NOOP("TextRenderer", "Password accepted: now log in with login <nick>."));
    if (event.command == "set"_L1 && d.size() == 2)
        return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Setting %1 is now %2.")).arg(d[0], d[1]);
    return w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "OK: %1"))
        .arg((QStringList{event.command} + d).join(u' '));
}

} // namespace

namespace TextRenderer {

QByteArray render(const Event &event, const Options &options)
{
    using K = Event::Kind;
    Writer w(options);
    const bool self = options.self;
    switch (event.kind) {
    case K::Invalid:
        break;
    case K::Welcome:
        w.line(
            w.phrase(QT_TRANSLATE_NOOP(
                         "TextRenderer",
                         "Welcome to %1! Log in with: login <nick>    (help lists the commands)"))
                .arg(event.text));
        break;
    case K::Ok:
        w.line(okText(w, event));
        // The resume token is shown once, with what to do with it.
        if ((event.command == "login"_L1 || event.command == "resume"_L1) && event.list.size() == 3)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                              "If your connection drops, connect again within "
                                              "%1 seconds and type: resume %2"))
                       .arg(event.list[2], event.list[1]));
        break;
    case K::Error: {
        const char *source = Event::errorTemplate(event.code, event.command, event.subject);
        const QString text =
            Event::fillErrorTemplate(w.phrase(source, -1, "Event"), event.code, event.subject);
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Error: %1")).arg(text));
        break;
    }
    case K::Message:
        w.line(w.inRoom(event.room, event.nick + ": "_L1 + event.text));
        break;
    case K::Action:
        w.line(w.inRoom(event.room, "* "_L1 + event.nick + u' ' + event.text));
        break;
    case K::Private:
    case K::PrivateNote: {
        // Notes as IRC clients show notices: the writer between dashes, not stars.
        const QChar mark = event.kind == K::Private ? u'*' : u'-';
        if (self)
            w.line(u"-> "_s + mark + event.target + mark + u' ' + event.text);
        else
            w.line(mark + event.nick + mark + u' ' + event.text);
        break;
    }
    case K::Note:
        w.line(w.inRoom(event.room, u'-' + event.nick + "- "_L1 + event.text));
        break;
    case K::Join:
        if (self)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* You have entered %1."))
                       .arg(event.room));
        else
            w.line(w.inRoom(event.room, w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                                                   "* %1 has entered the room."))
                                            .arg(event.nick)));
        break;
    case K::Joins:
        w.line(w.inRoom(event.room, joinsText(w, event.list)));
        break;
    case K::Leave:
        w.line(self ? leaveText(w, event, self) : w.inRoom(event.room, leaveText(w, event, self)));
        break;
    case K::Presence:
        // Going away and coming back are flags in look and who: announced, they would be noise
        // to read (programs and IRC's away-notify take them).
        if (event.subject != Event::AwayState && event.subject != Event::HereState)
            w.line(w.inRoom(event.room, presenceText(w, event)));
        break;
    case K::Moderation:
        w.line(w.inRoom(event.room, moderationText(w, event)));
        break;
    case K::HistoryStart:
        renderHistoryStart(w, event);
        break;
    case K::HistoryEnd:
        renderHistoryEnd(w, event);
        break;
    case K::ListingStart:
        renderListingStart(w, event);
        break;
    case K::ListingEnd:
        renderListingEnd(w, event);
        break;
    case K::NickChange:
        if (self)
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* You are now known as %1."))
                       .arg(event.target));
        else
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 is now known as %2."))
                       .arg(event.nick, event.target));
        break;
    case K::Topic:
        if (event.text.isEmpty())
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "No topic is set in %1."))
                       .arg(event.room));
        else
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Topic of %1: %2 (set by %3)"))
                       .arg(event.room, event.text, event.nick));
        break;
    case K::TopicChanged:
        if (event.text.isEmpty())
            w.line(w.inRoom(event.room,
                            w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "* %1 cleared the topic."))
                                .arg(event.nick)));
        else
            w.line(w.inRoom(event.room, w.phrase(QT_TRANSLATE_NOOP("TextRenderer",
                                                                   "* %1 changed the topic to: %2"))
                                            .arg(event.nick, event.text)));
        break;
    case K::Users:
    case K::Who:
    case K::Rooms:
    case K::Help:
    case K::Settings:
    case K::Bans:
    case K::Allowed:
    case K::Exempted:
    case K::Rules:
    case K::Modlog:
    case K::Conversations:
        renderList(w, event);
        break;
    case K::Away:
        if (event.text.isEmpty())
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "%1 is away.")).arg(event.nick));
        else
            w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "%1 is away: %2"))
                       .arg(event.nick, event.text));
        break;
    case K::Whowas:
        renderWhowas(w, event);
        break;
    case K::Notice:
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "*** Notice from %1: %2"))
                   .arg(event.nick, event.text));
        break;
    case K::Wallops:
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "*** To the administrators from %1: %2"))
                   .arg(event.nick, event.text));
        break;
    case K::TagMessage: // an IRC client's tags, which only IRC clients show
        break;
    case K::Bye:
        w.line(byeText(w, event));
        break;
    case K::Ping:
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Ping %1")).arg(event.subject));
        break;
    case K::Pong:
        w.line(w.phrase(QT_TRANSLATE_NOOP("TextRenderer", "Pong %1")).arg(event.subject));
        break;
    }
    // The pieces of a listing go on under their stamped heading.
    const bool piece =
        event.kind == K::Rooms || event.kind == K::Who ||
        ((event.kind == K::Bans || event.kind == K::Allowed || event.kind == K::Exempted ||
          event.kind == K::Modlog || event.kind == K::Conversations) &&
         event.seq > 0);
    return w.finish(event.time, !piece);
}

} // namespace TextRenderer
