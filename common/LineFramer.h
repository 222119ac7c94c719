// SPDX-License-Identifier: MIT
#pragma once

#include "Protocol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Splits a byte stream into lines.
//
// A line ends at LF; one CR right before the LF is dropped, so CRLF (telnet) and bare LF (nc)
// both work. A line longer than the limit is reported once as soon as the limit is passed,
// and the rest of it is discarded up to its LF: the bytes held never exceed the limit, whatever
// the peer sends.
class LineFramer
{
public:
    struct Frame
    {
        QByteArray line;      // without its terminator; empty when tooLong
        bool tooLong = false; // the line passed the limit and was dropped
    };

    explicit LineFramer(qsizetype maxLineBytes = Protocol::DefaultMaxLineBytes);

    // Adds data and returns the frames it completed, in order.
    QList<Frame> push(QByteArrayView data);

    // Bytes of an unfinished line held until its LF arrives.
    qsizetype bufferedBytes() const { return m_partial.size(); }
    qsizetype maxLineBytes() const { return m_maxLineBytes; }

private:
    void appendPartial(QByteArrayView bytes, QList<Frame> &frames);

    QByteArray m_partial;
    qsizetype m_maxLineBytes;
    bool m_discarding = false;
};
