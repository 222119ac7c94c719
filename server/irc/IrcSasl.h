// SPDX-License-Identifier: MIT
#pragma once

#include "IrcMessage.h"
#include "Protocol.h"

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

    // An AUTHENTICATE line of this many characters says another one follows; a longer one is
    // 905.
    static constexpr qsizetype ChunkBytes = 400;
    // The most the credentials take base64-encoded (several lines): the account name twice
    // (authzid and authcid) and the longest password, four bytes to a code point at worst.
    // More is not credentials: 904.
    static constexpr qsizetype MaxEncodedBytes =
        (2 * 4 * Protocol::NickMaxLength + 2 + 4 * Protocol::PasswordMaxLength + 2) / 3 * 4;

private:
    bool m_started = false; // PLAIN was chosen; the credentials come next
    QByteArray m_encoded;
};
