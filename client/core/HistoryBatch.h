// SPDX-License-Identifier: MIT
#pragma once

#include "ChatLine.h"

#include <QList>

// A batch of lines said before now, as one history … historyend exchange brought them.
struct HistoryBatch
{
    enum class Reason {
        Join,   // a room's recent lines on entering it
        Resume, // what was said while the connection was down, replayed by a resume
        Gap,    // the same, asked for after logging in anew
        Older,  // an older page asked for with ChatConnection::requestOlder()
    };

    QString room; // empty: private lines (of peer, or of everyone after a resume)
    QString peer;
    Reason reason = Reason::Join;
    // Oldest first. Except for Older pages, only the lines this connection had not shown.
    QList<ChatLine> lines;
    // More lines are before this sequence number (private: message id); 0: there are none.
    quint64 olderFrom = 0;
};

Q_DECLARE_METATYPE(HistoryBatch)
