// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1StringView>
#include <QtGlobal>

// Constants of the wire protocol that server, client, tests and benchmark share.
// docs/PROTOCOL.md is the prose version of this file; change both together.
namespace Protocol {

// Bumped when the tagged rendering changes incompatibly; sent in the tagged welcome. Version 3:
// list and who come as several rooms/who lines between a listing and a listingend line.
inline constexpr QLatin1StringView Version{"3"};

inline constexpr quint16 DefaultPort = 5005;
// IRC's registered port: the IRC front end's listener (docs/IRC.md).
inline constexpr quint16 DefaultIrcPort = 6667;
inline constexpr quint16 DefaultIrcTlsPort = 6697; // IRC over TLS, when TLS is configured
// The web front end's HTTP and WebSocket listener (docs/WEB.md): apart from the chat, IRC and
// metrics ports, and above 1024 so that nobody needs root to run it.
inline constexpr quint16 DefaultWebPort = 5080;

// Longest line a peer may send, in bytes, without its line terminator.
inline constexpr qsizetype DefaultMaxLineBytes = 4096;

// Limits on names, counted in Unicode code points so that Chinese names get the same room.
inline constexpr int NickMaxLength = 24;
inline constexpr int RoomMaxLength = 32;
inline constexpr int TopicMaxLength = 300;
// A room's key (`rule key <word>`, typed as `join <room> <key>`): RFC 2812's, one word of
// printable ASCII.
inline constexpr int RoomKeyMaxLength = 23;
// The largest limit of people a room may be given (`rule limit <count>`): far above any room,
// small enough to stay a plain number.
inline constexpr int RoomLimitMax = 1'000'000;

// Passwords of registered nicknames, in code points: one word (no spaces), so that
// "password <old> <new>" and "login <nick> <password>" read unambiguously. The shortest is the
// server's --min-password-length (this by default; error 492 says it). The longest leaves
// room for what password managers make (the hash takes any length alike); two of them in
// ASCII still fit "password <old> <new>" in a line (DefaultMaxLineBytes).
inline constexpr int PasswordMinLength = 8;
inline constexpr int PasswordMaxLength = 1024;

// Label prefix that tagged clients put in front of a command to match its replies.
inline constexpr int LabelMaxLength = 32;

// Most lines one history request returns.
inline constexpr int HistoryPageMax = 1000;
// Lines a history request without a count returns.
inline constexpr int HistoryPageDefault = 50;

// Rooms or people per page of list and who (the server's --list-page-size). People on telnet
// get the first page and a line that says how to ask for the next; programs get every item
// unless they ask for a page.
inline constexpr int DefaultListPageSize = 100;
// Bytes of items in one tagged rooms or who line: a long list is several lines, each well
// under a client's line limit (DefaultMaxLineBytes). A line takes items until it holds
// ListLineBytes; an item that would take it past ListLineMaxBytes starts the next line.
inline constexpr qsizetype ListLineBytes = 2048;
inline constexpr qsizetype ListLineMaxBytes = 3072;
// Longest filter of list and who, in code points.
inline constexpr int ListPatternMaxLength = 64;

// The room every session enters after logging in; it always exists.
inline constexpr QLatin1StringView HallName{"hall"};

} // namespace Protocol
