// SPDX-License-Identifier: MIT
#pragma once

#include "IrcMessage.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// The IRCv3 capabilities of one IRC connection: what the server offers, what the client turned
// on, and the CAP command (LS, LIST, REQ, END) that negotiates them, before registration and
// after it.
class IrcCapabilities
{
public:
    struct Offer
    {
        QString name;
        QString value; // shown to clients of CAP LS 302 and later ("PLAIN" for sasl); may be empty
    };

    explicit IrcCapabilities(QList<Offer> offered);

    // The replies to one CAP message. serverName is their source, nick the client's name so far
    // ("*" before it has one).
    QList<IrcMessage> handle(const IrcMessage &cap, const QString &serverName, const QString &nick);

    bool isEnabled(const QString &name) const { return m_enabled.contains(name); }
    // CAP LS or REQ started a negotiation that CAP END has not finished: registration waits.
    bool isNegotiating() const { return m_negotiating; }

    // Replies longer than this are split over several CAP lines (RFC 2812's 512 bytes, less
    // room for the source, the nick and the command).
    static constexpr qsizetype MaxListBytes = 380;

private:
    QList<IrcMessage> listReplies(const QString &subcommand, const QStringList &items,
                                  const QString &serverName, const QString &nick,
                                  bool continuation) const;
    bool offers(const QString &name) const;

    QList<Offer> m_offered;
    QSet<QString> m_enabled;
    int m_version = 0; // of the client's CAP LS: 302 and later show values
    bool m_negotiating = false;
};
