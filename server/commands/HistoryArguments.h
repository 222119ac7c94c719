// SPDX-License-Identifier: MIT
#pragma once

#include "Protocol.h"
#include "store/StoredMessage.h"

#include <QString>
#include <QStringList>

#include <optional>

// The history command's arguments taken apart, and the reads from the store they mean:
//
//   history [room|#room|@nick] [count] ["messages"] [range]   ; messages: no topic changes
//   range = ("before" | "after") point [("after" | "before") time]  ; a time on the other side
//         | "around" point
//         | "between" point point
//   point = number | time   ; a room's sequence number (with @nick a message id), or a time as
//                           ; TimeAnchor reads it
//
// The words are matched in any case. Every bound is exclusive except around's point, which
// the page holds when it is a line.
struct HistoryArguments
{
    struct Point
    {
        quint64 key = 0;
        std::optional<qint64> time; // a time (milliseconds since the epoch) instead of a key
    };
    enum class Range { Latest, Before, After, Around, Between };

    // What one history page reads (see ReplyStream::HistoryPart): request, and when it finds
    // nothing otherWay, or with it following.
    struct Reads
    {
        HistoryRequest request;
        std::optional<HistoryRequest> otherWay;
        std::optional<HistoryRequest> following;
    };

    bool valid = false;
    QString room; // without its '#'
    QString peer; // without its '@'
    qint64 count = Protocol::HistoryPageDefault;
    Range range = Range::Latest;
    Point point; // before, after, around, and between's first point
    Point other; // between's second point
    // before or after a point: a time on the other side, the page holding the lines between.
    std::optional<qint64> otherSide;
    bool messagesOnly = false; // what people said, without the topic changes

    static HistoryArguments parse(const QStringList &words);
    // The reads of a page of count lines, without the room or person they are of.
    Reads reads() const;
};
