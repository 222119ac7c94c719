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
//   MODE <channel> [modes *argument]
//   modes    = 1*(["+" | "-"] 1*letter)  ; "+it-m", "+ov alice bob"; no sign at first: "+"
//   letter   = "o" | "v" | "b" | "I" | "e" | "i" | "t" | "R" | "m" | "l" | "k"
//   o and v take a nick, b, I and e a mask (none: the list), +l a count, k a key (-k's is not
//   checked); I is the invite exception list, the chat's allow; e the ban exception list, the
//   chat's exempt;
//   at most MaxModesWithArgument of them per line (ISUPPORT MODES), the rest once each.
//   TBAN <channel> <duration> <mask>
//   mask     = ban-mask | "m:" nick ["!*@*"]   ; ban-mask: the chat's (nick, account:, address)
//   duration = 1*(1*DIGIT ["y" | "w" | "d" | "h" | "m" | "s"])  ; "1h30m"; bare digits: seconds
namespace IrcModes {

struct Translation
{
    QByteArray replies;   // answered here, at once
    QStringList commands; // chat lines to run, labelled with the verb ("@MODE ban #g bob")
};

// How many changes with an argument one MODE line makes (ISUPPORT MODES); those beyond are
// dropped, as other servers do. Letters without one count once each.
constexpr int MaxModesWithArgument = 4;

// One change of a MODE line: adds (or takes off) letter, with its argument if it takes one.
struct Change
{
    bool plus = true;
    QChar letter;
    QString argument;
    bool operator==(const Change &) const = default;
};

// The changes a mode string and its arguments make, in order; missing is set when an o or v
// had no nick (those are dropped).
QList<Change> changes(const QString &modes, const QStringList &arguments, bool *missing);

// me: the client's nickname, for numerics; serverName: their source.
Translation mode(const IrcMessage &message, const QString &me, const QString &serverName);
Translation timedBan(const IrcMessage &message, const QString &me, const QString &serverName);

// InspIRCd's duration in seconds; nothing when word is none or no time at all.
std::optional<qint64> seconds(QStringView word);
// The nickname a mute mask names ("m:bob", "m:bob!*@*"), or nothing when mask is a ban's.
std::optional<QString> mutedNick(const QString &mask);

} // namespace IrcModes
