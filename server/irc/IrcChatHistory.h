// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "IrcMessage.h"
#include "IrcRendering.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// CHATHISTORY (IRCv3 draft/chathistory) in the chat's own history command, so that an IRC
// client pages through exactly the history the other clients see. References are msgids
// (IrcRendering::messageId): a room line's carries its sequence number, a private message's
// is its id, which is what the chat's history counts by; or timestamps, which the chat's
// history takes as they are. TARGETS is the chat's conversations command.
namespace IrcChatHistory {

struct Request
{
    QByteArray replies; // a FAIL, or an empty batch: nothing to ask the chat
    QString command;    // the chat's history command (labelled CHATHISTORY), or empty
};

// rooms: the rooms the client is in (the channels it may ask about); options: its rendering.
Request translate(const IrcMessage &message, const QStringList &rooms,
                  const IrcRendering::Options &options);

// The FAIL line for an error the chat answered the history command with.
QByteArray failure(const Event &error, const QString &serverName);

} // namespace IrcChatHistory
