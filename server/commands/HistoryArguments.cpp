// SPDX-License-Identifier: MIT
#include "commands/HistoryArguments.h"

#include "TimeAnchor.h"
#include "store/StoreRules.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Direction = HistoryRequest::Direction;

bool isNumber(const QString &word, quint64 *value)
{
    if (word.isEmpty() || !std::all_of(word.begin(), word.end(),
                                       [](QChar c) { return c.isDigit() && c.unicode() < 0x80; }))
        return false;
    bool ok = false;
    *value = word.toULongLong(&ok);
    return ok;
}

bool isWord(const QString &word, QLatin1StringView expected)
{
    return word.compare(expected, Qt::CaseInsensitive) == 0;
}

bool parsePoint(const QString &word, HistoryArguments::Point *point)
{
    if (isNumber(word, &point->key))
        return true;
    point->time = TimeAnchor::parse(word);
    return point->time.has_value();
}

// A bound of 0 is none to the store: the epoch itself reads as its next millisecond, which no
// line was said at.
qint64 beforeTime(qint64 ms)
{
    return std::max<qint64>(ms, 1);
}

// The lines strictly between two points, from the first toward the second: the oldest of them
// when the page goes forward, the newest when it goes back.
HistoryRequest toward(const HistoryArguments::Point &from, const HistoryArguments::Point &to,
                      bool forward, int limit)
{
    HistoryRequest request;
    request.limit = limit;
    request.direction = forward ? Direction::After : Direction::Latest;
    const HistoryArguments::Point &low = forward ? from : to;
    const HistoryArguments::Point &high = forward ? to : from;
    if (low.time)
        request.afterMs = *low.time;
    else
        request.anchor = low.key;
    if (high.time) {
        request.beforeMs = beforeTime(*high.time);
    } else if (high.key > 1) {
        request.upTo = high.key - 1;
    } else {
        // Nothing lies below 1, and upTo 0 would be no bound: no millisecond lies strictly
        // between these two, so the store reads nothing.
        request.afterMs = 1;
        request.beforeMs = 1;
    }
    return request;
}

} // namespace

HistoryArguments HistoryArguments::parse(const QStringList &words)
{
    HistoryArguments args;
    qsizetype i = 0;
    quint64 number = 0;
    static const QLatin1StringView ranges[] = {"before"_L1, "after"_L1, "around"_L1, "between"_L1};
    const auto rangeOf = [](const QString &word) {
        const auto *found = std::find_if(std::begin(ranges), std::end(ranges),
                                         [&](QLatin1StringView r) { return isWord(word, r); });
        return found == std::end(ranges) ? Range::Latest
                                         : Range(int(Range::Before) + (found - ranges));
    };
    if (i < words.size() && words[i].startsWith(u'@')) {
        args.peer = words[i++].sliced(1);
        if (args.peer.isEmpty())
            return args;
    } else if (i < words.size() && !isNumber(words[i], &number) &&
               rangeOf(words[i]) == Range::Latest) {
        args.room = words[i].startsWith(u'#') ? words[i].sliced(1) : words[i];
        ++i;
    }
    if (i < words.size() && isNumber(words[i], &number)) {
        args.count = qint64(std::min<quint64>(number, quint64(1) << 40));
        ++i;
    }
    if (i < words.size() && isWord(words[i], "messages"_L1)) {
        args.messagesOnly = true;
        ++i;
    }
    if (i < words.size() && rangeOf(words[i]) != Range::Latest) {
        args.range = rangeOf(words[i]);
        if (i + 1 >= words.size() || !parsePoint(words[i + 1], &args.point))
            return args;
        i += 2;
        if (args.range == Range::Between) {
            if (i >= words.size() || !parsePoint(words[i], &args.other))
                return args;
            ++i;
        } else if (args.range != Range::Around && i < words.size() &&
                   isWord(words[i], args.range == Range::Before ? "after"_L1 : "before"_L1)) {
            if (i + 1 >= words.size() || !(args.otherSide = TimeAnchor::parse(words[i + 1])))
                return args;
            i += 2;
        }
    }
    args.valid = i == words.size() && args.count > 0;
    return args;
}

HistoryArguments::Reads HistoryArguments::reads() const
{
    Reads reads;
    HistoryRequest &request = reads.request;
    request.limit = int(std::min<qint64>(count, StoreRules::MaxPageLines));
    switch (range) {
    case Range::Latest:
        break;
    case Range::Before:
        if (point.time) {
            request.beforeMs = beforeTime(*point.time); // the newest lines below the time
        } else {
            request.direction = Direction::Before;
            request.anchor = point.key;
        }
        if (otherSide)
            request.afterMs = *otherSide;
        break;
    case Range::After:
        request.direction = Direction::After; // the oldest lines above it, from the first
        if (point.time)
            request.afterMs = *point.time;
        else
            request.anchor = point.key;
        if (otherSide)
            request.beforeMs = beforeTime(*otherSide);
        break;
    case Range::Around: {
        // The lines up to the point, the line at it included, and those after it.
        if (point.time) {
            request.beforeMs = *point.time + 1;
        } else if (point.key < StoreRules::MaxKey) {
            request.direction = Direction::Before;
            request.anchor = point.key + 1;
        }
        HistoryRequest following;
        following.limit = request.limit;
        following.direction = Direction::After;
        if (point.time)
            following.afterMs = *point.time;
        else
            following.anchor = point.key;
        reads.following = following;
        break;
    }
    case Range::Between:
        if (point.time.has_value() == other.time.has_value()) {
            // Two keys or two times: which comes first is plain. Two equal ones have nothing
            // between them, whichever way.
            const bool forward = point.time ? *point.time < *other.time : point.key < other.key;
            request = toward(point, other, forward, request.limit);
        } else {
            // A key and a time: the lines alone tell which comes first. Ids and sequence
            // numbers follow time, so at most one way finds lines: forward first.
            request = toward(point, other, true, request.limit);
            reads.otherWay = toward(point, other, false, request.limit);
        }
        break;
    }
    for (HistoryRequest *each : {&reads.request, reads.otherWay ? &*reads.otherWay : nullptr,
                                 reads.following ? &*reads.following : nullptr}) {
        if (each)
            each->withTopics = !messagesOnly;
    }
    return reads;
}
