// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "IrcRendering.h"
#include "TextRenderer.h"

#include <QByteArray>

// How one reader wants events rendered: tagged lines for programs, text for people with their
// own options, or IRC lines for IRC clients. render() is the one way from an Event to the bytes on
// the wire.
struct Rendering
{
    bool tagged = false;
    TextRenderer::Options text;
    IrcRendering::Options irc; // irc.enabled: IRC lines (neither text nor tagged)

    bool operator==(const Rendering &) const = default;

    // The same rendering as seen by the event's actor (text reads "You ...", IRC leaves out
    // a sender's own message unless it asked for echoes).
    Rendering forActor(bool actor) const;

    // The event's lines, each ending in CRLF.
    QByteArray render(const Event &event) const;
};
