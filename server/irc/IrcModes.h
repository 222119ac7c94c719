// SPDX-License-Identifier: MIT
#pragma once

#include "IrcMessage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// MODE and TBAN in the chat's moderation commands. A mute is what InspIRCd and UnrealIRCd
// make of it, where q is an owner: an extended ban, "+b m:<nick>" (InspIRCd's mute extban;
// ISUPPORT EXTBAN=,m), listed with the bans. TBAN is InspIRCd's timed ban (m_timedbans), onto the
// chat's timed ban, or its timed mute for an "m:" mask.
//
//   MODE <channel> [("+" | "-") ("o" nick | "v" nick | "b" mask | "i" | "t" | "R" | "m")
//                   | "+l" count | "-l"
//                   | "+k" key | "-k" [key]] | MODE <channel> b
//   TBAN <channel> <duration> <mask>
//   mask     = ban-mask | "m:" nick ["!*@*"]   ; ban-mask: the chat's (nick, account:, address)
//   duration = 1*(1*DIGIT ["y" | "w" | "d" | "h" | "m" | "s"])  ; "1h30m"; bare digits: seconds
namespace IrcModes {

struct Translation
{
    QByteArray replies;   // answered here, at once
    QStringList commands; // chat lines to run, labelled with the verb ("@MODE ban #g bob")
};

// me: the client's nickname, for numerics; serverName: their source.
Translation mode(const IrcMessage &message, const QString &me, const QString &serverName);
Translation timedBan(const IrcMessage &message, const QString &me, const QString &serverName);

// InspIRCd's duration in seconds; nothing when word is none or no time at all.
std::optional<qint64> seconds(QStringView word);
// The nickname a mute mask names ("m:bob", "m:bob!*@*"), or nothing when mask is a ban's.
std::optional<QString> mutedNick(const QString &mask);

} // namespace IrcModes
