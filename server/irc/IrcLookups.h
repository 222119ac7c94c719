// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "IrcRendering.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// WHOIS, ISON and USERHOST, answered from the chat's who listing. The listing finds names by a
// piece of them; these answer for exactly the nicknames asked about, ISON and USERHOST in one
// line for all of them. The listings come back in the order they were asked for (ReplyStream),
// so the questions wait in that order.
class IrcLookups
{
public:
    struct Asked
    {
        QByteArray replies;   // for names that cannot be anyone's
        QStringList commands; // the chat's who listings to run
    };
    // verb: WHOIS, ISON or USERHOST; options: the reader's (serverName, me).
    Asked ask(const QString &verb, const QStringList &nicks, const IrcRendering::Options &options);

    // Whether event answers one of these questions (its label is one of the verbs).
    static bool answers(const Event &event);
    // What the reader is shown of a piece of a listing that answers: maybe nothing.
    QByteArray answer(const Event &event, const IrcRendering::Options &options);

    // ISON and USERHOST answer for at most this many nicknames (RFC 2812 says 5 for USERHOST).
    static constexpr qsizetype MaxNicks = 20;

private:
    struct Question
    {
        QString verb;
        QString nick;
        bool last = true; // of an ISON's or USERHOST's nicknames: the reply follows it
    };

    QList<Question> m_questions;
    QStringList m_found; // the answers to the question being answered so far
};
