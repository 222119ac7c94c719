// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <deque>

class User;

// Who recently used a nickname and is no longer known by it (`whowas`, IRC's WHOWAS): people
// who left the server and names given up for another. A bounded memory on this server alone:
// the newest `size` departures in all and the newest `perNick` of one name (both knobs of
// ServerConfig), forgotten when the server stops. It holds what everyone could see of the
// person while they were here, never their address.
class Departures
{
public:
    struct Entry
    {
        QString nick; // as it was spelled
        QString account;
        QString userName; // an IRC client's USER, else empty
        QString realName;
        QDateTime left;  // UTC
        QString why;     // a leave's reason (Event::QuitReason, ...) or Event::NickDeparture
        QString newNick; // the name they took, for Event::NickDeparture
    };

    // size: entries kept in all (0: none); perNick: entries of one name (0: none).
    void setLimits(qsizetype size, qsizetype perNick);
    // Remembers that user is no longer known by their present nick, for why (newNick: the name
    // they took instead).
    void record(const User &user, const QString &why, const QDateTime &left,
                const QString &newNick = {});
    // The entries of nick (compared as NameRules::key() does), newest first; at most count of
    // them (count < 1: all that are kept).
    QList<Entry> of(const QString &nick, qsizetype count) const;
    qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    void trim();

    struct Kept
    {
        QString key; // NameRules::key() of the nick
        Entry entry;
    };
    std::deque<Kept> m_entries; // oldest first
    qsizetype m_size = 0;
    qsizetype m_perNick = 0;
};
