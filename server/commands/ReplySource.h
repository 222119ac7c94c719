// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <functional>

class Event;

// A long reply made a piece at a time, as its reader takes them (see ReplyStream): what it
// holds between pieces is where it stands, not the reply.
class ReplySource
{
public:
    virtual ~ReplySource() = default;
    // Renders an event for the reader (Session::renderReply: its rendering and dialect); may
    // give nothing for an event the reader is not shown.
    using Render = std::function<QByteArray(const Event &)>;
    // The next piece, rendered by render; empty when the reply is over.
    virtual QByteArray next(const Render &render) = 0;
};
