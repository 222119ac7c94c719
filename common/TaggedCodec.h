// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QByteArray>
#include <QStringView>

// The tagged rendering: one line per event, for programs.
//
//   line   = kind SP time SP label *( SP field )
//   kind   = "message" / "join" / ... (one word per Event::Kind, see the layout table)
//   time   = UTC, ISO 8601 with milliseconds: 2026-11-22T19:30:00.123Z
//   label  = the label of the command that caused the event, or "\-" for none
//   field  = escaped text: "\\" backslash, "\s" space, "\r" CR, "\n" LF, "\t" TAB,
//            "\xHH" any other control character, "\-" the empty string
//
// Each kind has a fixed list of fields; kinds with a list (users, who, rooms, help, settings,
// ok) end with its items, in groups of one, two or three fields. Every UTF-8 string
// survives format() then parse() unchanged.
namespace TaggedCodec {

// The line for event, without the line terminator.
QByteArray format(const Event &event);

// The event in line (without terminator); Kind::Invalid when the line is not tagged.
Event parse(QStringView line);

// The word that names kind on the wire, e.g. "message".
QString kindWord(Event::Kind kind);

QString escape(QStringView field);
// Returns false when field holds an escape that is not defined above.
bool unescape(QStringView field, QString &out);

} // namespace TaggedCodec
