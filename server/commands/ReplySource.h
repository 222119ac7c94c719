// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

struct Rendering;

// A long reply made a piece at a time, as its reader takes them (see ReplyStream): what it
// holds between pieces is where it stands, not the reply.
class ReplySource
{
public:
    virtual ~ReplySource() = default;
    // The next piece, rendered for rendering; empty when the reply is over.
    virtual QByteArray next(const Rendering &rendering) = 0;
};
