// SPDX-License-Identifier: MIT
#pragma once

#include "IrcMessage.h"

#include <QByteArray>
#include <QList>
#include <QString>

// SASL PLAIN by AUTHENTICATE (IRCv3 sasl 3.1): the exchange that ends in an account name and a
// password. Whether they are right is the chat model's decision (a login of that account),
// which the dialect asks for and answers with 903 or 904.
class IrcSasl
{
public:
    struct Step
    {
        QList<IrcMessage> replies;
        bool done = false; // account and password are here (they may still be wrong)
        QString account;
        QString password;
    };

    // One AUTHENTICATE line; target is the client's nickname so far ("*" before it has one).
    Step handle(const IrcMessage &message, const QString &serverName, const QString &target);

    // The credentials, base64-encoded, may take this many bytes (several 400-byte lines).
    static constexpr qsizetype MaxEncodedBytes = 1200;
    // An AUTHENTICATE line of this many characters says another one follows.
    static constexpr qsizetype ChunkBytes = 400;

private:
    bool m_started = false; // PLAIN was chosen; the credentials come next
    QByteArray m_encoded;
};
