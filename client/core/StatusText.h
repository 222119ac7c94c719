// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"

#include <QCoreApplication>

// The words a person reads about the connection, shared by the login and chat windows.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)

public:
    // Why connecting or logging in failed, in plain words; nick and address fill them in.
    static QString failure(ChatConnection::Failure reason, const QString &nick,
                           const QString &address);
    static QString state(const ChatConnection &connection);
    // Why a TLS handshake failed, one sentence per error.
    static QString tlsErrors(const QList<QSslError> &errors);
    // A server error reply, translated by its code. Refusals a person meets in a room (muted,
    // banned, invite-only, registered only, not an operator) and the account errors are said
    // in the client's own plain words, by number, so that codes newer than common/ErrorCode.h
    // are explained too.
    static QString commandError(ErrorCode code, const QString &command, const QString &subject);
    // The server is adding these; the client knows them by number.
    static constexpr ErrorCode InviteOnly = ErrorCode(473);
    static constexpr ErrorCode Banned = ErrorCode(474);
    static constexpr ErrorCode RegisteredOnly = ErrorCode(477);
};
