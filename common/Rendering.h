// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "TextRenderer.h"

#include <QByteArray>

// How one reader wants events rendered: tagged lines for programs, or text for people with
// their own options. render() is the one way from an Event to the bytes on the wire.
struct Rendering
{
    bool tagged = false;
    TextRenderer::Options text;

    bool operator==(const Rendering &) const = default;

    // The same rendering as seen by the event's actor (only text distinguishes "You ...").
    Rendering forActor(bool actor) const;

    // The event's lines, each ending in CRLF.
    QByteArray render(const Event &event) const;
};
