// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "Rendering.h"

#include <QByteArray>
#include <QString>

// One connection of a person, as the chat model sees it: where that person's events go. A
// Session is one; tests use a fake. Rooms render an event once per distinct rendering and hand
// every endpoint that reads it that way the same bytes.
//
// Sending never reports a failure and never changes a room's members before it returns:
// rooms call it in the middle of a broadcast.
class Endpoint
{
public:
    virtual ~Endpoint() = default;

    // RenderingCatalog's copy: endpoints that read alike return the same object, which rooms
    // use to share bytes among them.
    virtual const Rendering &rendering() const = 0;
    // Bytes already rendered with rendering().
    virtual void sendRendered(const QByteArray &bytes) = 0;
    // Who else a room's line goes to, as sendLine() is told.
    enum class LineFor {
        Readers, // every endpoint that reads alike gets these bytes (rendered with rendering())
        Actor,   // the person who caused it, rendered for them alone ("You ...")
        Reply,   // the same, answering this endpoint's own command (with the command's label)
    };
    // The same for a line of a room, which the store also holds (roomId, seq): a connection
    // that holds its output back may read it from there again instead of keeping it.
    virtual void sendLine(const QByteArray &bytes, qint64 roomId, quint64 seq,
                          LineFor lineFor = LineFor::Readers)
    {
        Q_UNUSED(roomId);
        Q_UNUSED(seq);
        Q_UNUSED(lineFor);
        sendRendered(bytes);
    }
    // Several lines of a room at once, the first with sequence number firstSeq, for every
    // endpoint that reads alike (LineFor::Readers): a batch of lines committed together.
    virtual void sendLines(const QByteArray &bytes, qint64 roomId, quint64 firstSeq,
                           qsizetype lines)
    {
        Q_UNUSED(lines);
        sendLine(bytes, roomId, firstSeq);
    }
    // label: the label of the command that caused the event, if any; actor: this endpoint's
    // person caused the event (text reads "You ...").
    virtual void send(Event event, const QString &label = {}, bool actor = false) = 0;
};
