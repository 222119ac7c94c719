// SPDX-License-Identifier: MIT
#include "LineFramer.h"

LineFramer::LineFramer(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
}

QList<LineFramer::Frame> LineFramer::push(QByteArrayView data)
{
    QList<Frame> frames;
    while (!data.isEmpty()) {
        const qsizetype lf = data.indexOf('\n');
        if (lf < 0) {
            appendPartial(data, frames);
            break;
        }
        appendPartial(data.first(lf), frames);
        data = data.sliced(lf + 1);
        if (m_discarding) {
            m_discarding = false;
            continue;
        }
        if (m_partial.endsWith('\r'))
            m_partial.chop(1);
        if (m_partial.size() > m_maxLineBytes)
            frames.append({{}, true});
        else
            frames.append({m_partial, false});
        m_partial.clear();
    }
    return frames;
}

void LineFramer::appendPartial(QByteArrayView bytes, QList<Frame> &frames)
{
    if (m_discarding)
        return;
    // One byte of slack for the CR of a CRLF that ends a line of exactly the maximum length.
    if (m_partial.size() + bytes.size() > m_maxLineBytes + 1) {
        m_partial.clear();
        m_discarding = true;
        frames.append({{}, true});
        return;
    }
    m_partial.append(bytes);
}
