// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "commands/ReplySource.h"
#include "store/StoredMessage.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class MessageLog;
class Session;
struct StoredMessage;

// Sends the long replies of one session at the pace its reader takes them, in one queue, in
// the order they were asked for: pages of history (each one page from the store, framed by a
// history start and end line), listings (list, who: made a piece at a time, see Listing) and
// other replies. While replies are under way the session's other output waits
// (Session::pauseOutput), so that a room's history always comes before what was said in it
// since, a listing is never cut by a line said meanwhile, and nothing comes twice: a page goes
// up to the room's last committed line at the moment it was asked for, and every later line is
// live output that waited. A reply of megabytes is written as the connection drains, never all
// at once, so it cannot push a reader who reads past the output cap; a reader who asks for
// reply after reply without reading is charged for each one waiting (QueuedReplyCost, or its
// size) against the same cap.
class ReplyStream : public QObject
{
    Q_OBJECT

public:
    // What a reply waiting its turn counts against the output cap: about what it costs to
    // keep, and for an event each item of its list (a QString sharing its text).
    static constexpr qint64 QueuedReplyCost = 256;
    static constexpr qint64 QueuedItemCost = 24;

    struct HistoryPart
    {
        HistoryRequest request;
        QString room;   // the room the lines are of; empty for private messages
        QString peer;   // private history with one person; empty otherwise
        QString reason; // "join", "resume" or "request" (see Event::Kind::HistoryStart)
        QString label;
        // A resume whose gap is larger than one page: send the newest page instead, and say
        // where the older lines are, rather than lines from the start of the gap.
        bool newestIfMore = false;
        // Lines that were live, read back from the store after the session's held output ran
        // out of room (see HeldOutput): no history markers, and page after page up to upTo.
        bool catchUp = false;
        // A page between a line and a time, whose direction only the stored lines tell: when
        // request finds no line, otherWay (the same bounds the other way round) is read.
        std::optional<HistoryRequest> otherWay;
        // A page around a point: request reads the lines up to it, following those after it,
        // and the page keeps about as many of each (see aroundPage()).
        std::optional<HistoryRequest> following;
    };

    // A child of session: it ends with it, or once its replies are all written.
    ReplyStream(Session *session, const MessageLog &log);

    void addHistory(const HistoryPart &part);
    void addSource(std::shared_ptr<ReplySource> source);
    // Replies made now (a member list as it is now), rendered when their turn comes, that must
    // not come before the replies asked for before them. Charged for the items they hold.
    void addEvents(const QList<Event> &events);
    // Replies made from a read that starts when their turn comes: start(deliver) begins it, and
    // deliver(events) (later, on this thread) gives the replies; nothing after them goes out
    // before.
    using Deliver = std::function<void(const QList<Event> &events)>;
    void addRead(std::function<void(Deliver deliver)> start);
    // Its replies are all written and it is about to be deleted: later replies take a new one.
    bool isDone() const { return m_done; }

private:
    // Parts to send, and between them the output that waited before each was added.
    struct Item
    {
        std::optional<HistoryPart> history;
        std::shared_ptr<ReplySource> source;
        std::function<void(Deliver)> read;
        QList<QByteArray> waited;
        qint64 charge = 0; // counted against the output cap while it waits
    };

    void add(Item item, qint64 charge);
    // Writes while the connection takes it; the one loop that moves the stream on, so that a
    // reply of many pieces never recurses.
    void pump();
    // Sets up what comes next (lines to write, or a read under way); false when nothing does.
    bool fill();
    void read(const HistoryPart &part, const HistoryRequest &request);
    // One read from the store, or none when the request can find nothing; done is called on
    // this thread, at once or later, and not at all once this stream is gone.
    void fetch(const HistoryRequest &request, std::function<void(const HistoryPage &)> done);
    // A read of a part is done: on to its second read, if it has one, or to its page.
    void received(HistoryPart part, const HistoryPage &page);
    void pageRead(const HistoryPart &part, const HistoryPage &page);
    // held: the session's held output, released as written; reply: lines that answer the
    // session's command (not held output, nor live lines read back).
    void setLines(QList<QByteArray> lines, bool held, bool reply);
    // After the parts: what the session let go while they were written, read back.
    bool addCatchUp();

    Session *m_session;
    const MessageLog &m_log;
    QList<Item> m_items;
    std::shared_ptr<ReplySource> m_source; // being written, a piece at a time
    QList<QByteArray> m_lines;             // being written
    qsizetype m_written = 0;
    bool m_linesHeld = false; // m_lines is the session's held output: released as written
    bool m_linesReply = false;
    bool m_reading = false;
    bool m_active = false;
    bool m_pumping = false;
    bool m_done = false;
};
