// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QByteArray>

class QTranslator;

// The text rendering: what a person on telnet or nc reads, in the style of the chat-room
// tutorials ("alice: hello", "* bob has entered the room.", lists under a heading).
// Every line ends with CRLF. The phrases are marked for translation in context
// "TextRenderer"; a session that chose another language passes its translator.
namespace TextRenderer {

struct Options
{
    bool timestamps = false;                 // prefix each event with [HH:mm], local time
    const QTranslator *translator = nullptr; // nullptr: English
    bool self = false;                       // the reader is the event's actor ("You ...")
    bool roomPrefix = false;                 // the reader is in several rooms: "[games] alice: hi"
    bool datedTimestamps = false;            // history: a line of another day shows its date too

    bool operator==(const Options &) const = default;
};

QByteArray render(const Event &event, const Options &options);

} // namespace TextRenderer
