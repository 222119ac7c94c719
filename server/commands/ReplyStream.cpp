// SPDX-License-Identifier: MIT
#include "commands/ReplyStream.h"

#include "Protocol.h"
#include "core/Directory.h"
#include "core/MessageLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

#include <QPointer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

Event labelled(Event event, const ReplyStream::HistoryPart &part)
{
    event.label = part.label;
    return event;
}

// A page around a point from the lines up to it (oldest first, as many as the page may hold)
// and those after it: half of limit after the point and the rest up to it, the one side taking
// what the other lacks, so that a page near either end of the history is still full. More
// lines are older ones, as for any page going back.
HistoryPage aroundPage(const HistoryPage &upTo, const HistoryPage &after, int limit)
{
    HistoryPage page;
    if (!upTo.error.isEmpty() || !after.error.isEmpty()) {
        page.error = upTo.error.isEmpty() ? after.error : upTo.error;
        return page;
    }
    const qsizetype afterCount = std::min(
        after.messages.size(), std::max<qsizetype>(limit / 2, limit - upTo.messages.size()));
    const qsizetype upToCount = std::min(upTo.messages.size(), limit - afterCount);
    page.messages = upTo.messages.last(upToCount) + after.messages.first(afterCount);
    page.more = upTo.more || upToCount < upTo.messages.size();
    return page;
}

// Events made when they were asked for, a piece each: their lists hold names shared with
// the people and rooms, so keeping them costs little until they are rendered.
class Events : public ReplySource
{
public:
    explicit Events(const QList<Event> &events)
        : m_events(events)
    {
    }
    QByteArray next(const Render &render) override
    {
        // An event a reader is shown nothing for is skipped: empty means the reply is over.
        while (!m_events.isEmpty()) {
            QByteArray bytes = render(m_events.takeFirst());
            if (!bytes.isEmpty())
                return bytes;
        }
        return {};
    }

private:
    QList<Event> m_events;
};

} // namespace

ReplyStream::ReplyStream(Session *session, const MessageLog &log)
    : QObject(session)
    , m_session(session)
    , m_log(log)
{
}

void ReplyStream::addHistory(const HistoryPart &part)
{
    Item item;
    item.history = part;
    add(std::move(item), QueuedReplyCost);
}

void ReplyStream::addSource(std::shared_ptr<ReplySource> source)
{
    Item item;
    item.source = std::move(source);
    add(std::move(item), QueuedReplyCost);
}

void ReplyStream::addEvents(const QList<Event> &events)
{
    qint64 charge = QueuedReplyCost;
    for (const Event &event : events)
        charge += event.list.size() * QueuedItemCost;
    Item item;
    item.source = std::make_shared<Events>(events);
    add(std::move(item), charge);
}

void ReplyStream::addRead(std::function<void(Deliver)> start)
{
    Item item;
    item.read = std::move(start);
    add(std::move(item), QueuedReplyCost);
}

void ReplyStream::add(Item item, qint64 charge)
{
    if (!m_active) {
        m_active = true;
        m_session->pauseOutput();
    } else {
        m_items.append({std::nullopt, {}, {}, m_session->takePaused(), 0});
        // A reader who asks and asks without reading is a reader who does not read.
        if (!m_session->chargeHeld(charge))
            return;
        item.charge = charge;
    }
    m_items.append(std::move(item));
    pump();
}

void ReplyStream::pump()
{
    if (m_pumping || !m_active)
        return;
    m_pumping = true;
    for (;;) {
        if (m_written < m_lines.size()) {
            const QByteArray &line = m_lines.at(m_written++);
            const bool more = m_session->writePaced(line, m_linesReply);
            if (m_linesHeld)
                m_session->releaseHeld(line.size());
            if (!more) {
                m_session->whenDrained([self = QPointer<ReplyStream>(this)] {
                    if (self)
                        self->pump();
                });
                break;
            }
            continue;
        }
        m_lines.clear();
        m_written = 0;
        if (m_reading)
            break; // pageRead() brings us back
        if (!fill()) {
            // Whatever waited meanwhile goes out in order with the rest. The stream goes with
            // its last reply: a session keeps none between replies (a member list's worth of
            // items per idle session adds up over thousands of them).
            m_active = false;
            m_done = true;
            deleteLater();
            m_session->resumeOutput();
            break;
        }
    }
    m_pumping = false;
}

bool ReplyStream::fill()
{
    for (;;) {
        if (!m_session->isWritable()) {
            // Nobody will read the rest: it is not worth making.
            m_items.clear();
            m_source.reset();
            return false;
        }
        if (m_source) {
            QByteArray piece = m_source->next(
                [this](const Event &event) { return m_session->renderReply(event); });
            if (!piece.isEmpty()) {
                setLines({std::move(piece)}, false, true);
                return true;
            }
            m_source.reset();
        }
        if (m_items.isEmpty() && !addCatchUp())
            return false;
        while (!m_items.isEmpty()) {
            Item item = m_items.takeFirst();
            m_session->releaseHeld(item.charge);
            if (item.history) {
                read(*item.history, item.history->request);
                return true;
            }
            if (item.source) {
                m_source = std::move(item.source);
                break;
            }
            if (item.read) {
                m_reading = true;
                item.read([self = QPointer<ReplyStream>(this)](const QList<Event> &events) {
                    if (!self)
                        return;
                    self->m_reading = false;
                    self->m_source = std::make_shared<Events>(events);
                    self->pump();
                });
                return true;
            }
            if (!item.waited.isEmpty()) {
                setLines(std::move(item.waited), true, false);
                return true;
            }
        }
    }
}

void ReplyStream::setLines(QList<QByteArray> lines, bool held, bool reply)
{
    m_lines = std::move(lines);
    m_linesHeld = held;
    m_linesReply = reply;
    m_written = 0;
}

bool ReplyStream::addCatchUp()
{
    const HeldOutput::CatchUp missed = m_session->takeCatchUp();
    if (missed.isEmpty())
        return false;
    // What was held before the first line let go comes first.
    m_items.append({std::nullopt, {}, {}, m_session->takePaused(), 0});
    for (auto it = missed.rooms.cbegin(); it != missed.rooms.cend(); ++it) {
        const Room *room = m_log.directory().roomById(it.key());
        if (!room)
            continue;
        HistoryRequest request;
        request.roomId = room->id();
        request.direction = HistoryRequest::Direction::After;
        request.anchor = it.value() - 1;
        request.upTo = room->lastSeq();
        request.limit = Protocol::HistoryPageMax;
        HistoryPart part{request, room->name(), {}, {}, {}, false, true, {}, {}};
        m_items.append({part, {}, {}, {}, 0});
    }
    if (missed.privateFrom != 0 && m_session->user()) {
        HistoryRequest request;
        request.person = m_session->user()->personId();
        request.direction = HistoryRequest::Direction::After;
        request.anchor = missed.privateFrom - 1;
        request.upTo = m_log.lastPrivateId();
        request.limit = Protocol::HistoryPageMax;
        HistoryPart part{request, {}, {}, {}, {}, false, true, {}, {}};
        m_items.append({part, {}, {}, {}, 0});
    }
    return true;
}

void ReplyStream::read(const HistoryPart &part, const HistoryRequest &request)
{
    m_reading = true;
    fetch(request, [this, part](const HistoryPage &page) { received(part, page); });
}

void ReplyStream::fetch(const HistoryRequest &request,
                        std::function<void(const HistoryPage &)> done)
{
    // A replay with nothing in the gap: upTo 0 would mean "no bound" to the store.
    if (request.direction == HistoryRequest::Direction::After &&
        (request.upTo == 0 || request.anchor >= request.upTo)) {
        done({});
        return;
    }
    m_log.store().read(request, [self = QPointer<ReplyStream>(this),
                                 done = std::move(done)](const HistoryPage &page) {
        if (self)
            done(page);
    });
}

void ReplyStream::received(HistoryPart part, const HistoryPage &page)
{
    if (part.otherWay && page.error.isEmpty() && page.messages.isEmpty()) {
        // Ids and sequence numbers follow time: when the lines after a line and before a time
        // are none, the time is before the line, and the page goes back from the line.
        part.request = *std::exchange(part.otherWay, std::nullopt);
        read(part, part.request);
        return;
    }
    if (part.following && page.error.isEmpty()) {
        const HistoryRequest following = *std::exchange(part.following, std::nullopt);
        fetch(following, [this, part, upToPoint = page](const HistoryPage &after) {
            pageRead(part, aroundPage(upToPoint, after, part.request.limit));
        });
        return;
    }
    pageRead(part, page);
}

void ReplyStream::pageRead(const HistoryPart &part, const HistoryPage &page)
{
    if (part.newestIfMore && page.more &&
        part.request.direction == HistoryRequest::Direction::After) {
        HistoryPart newest = part;
        newest.request.direction = HistoryRequest::Direction::Latest;
        read(newest, newest.request);
        return;
    }
    m_reading = false;
    if (part.catchUp) {
        // Live lines read back: as they would have been sent, and on to upTo page by page.
        QList<QByteArray> lines;
        const quint64 me = m_session->user() ? m_session->user()->personId() : 0;
        for (const StoredMessage &message : page.messages) {
            lines.append(m_session->rendering()
                             .forActor(me != 0 && message.senderPerson == me)
                             .render(m_log.eventFor(message)));
        }
        if (page.more && !page.messages.isEmpty()) {
            HistoryPart rest = part;
            const StoredMessage &last = page.messages.last();
            rest.request.anchor = part.request.roomId != 0 ? last.seq : last.id;
            m_items.prepend({rest, {}, {}, {}, 0});
        }
        setLines(std::move(lines), false, false);
        pump();
        return;
    }
    if (!page.error.isEmpty()) {
        // The markers still come, empty, so that a program waiting for them goes on.
        setLines({m_session->renderReply(
                      labelled(Event::historyStart(part.room, part.peer, part.reason, 0), part)),
                  m_session->renderReply(labelled(
                      Event::error(ErrorCode::StorageFailed, u"history"_s, u"failed"_s), part)),
                  m_session->renderReply(labelled(
                      Event::historyEnd(part.room, part.peer, part.reason, 0, {}, 0), part))},
                 false, true);
        pump();
        return;
    }
    const bool isPrivate = part.request.roomId == 0;
    QString next;
    quint64 from = 0;
    if (page.more && !page.messages.isEmpty()) {
        const bool newer = part.request.direction == HistoryRequest::Direction::After;
        next = newer ? u"after"_s : u"before"_s;
        const StoredMessage &edge = newer ? page.messages.last() : page.messages.first();
        from = isPrivate ? edge.id : edge.seq;
    }
    // People see when each earlier line was said; the dividers read as the session reads.
    const Rendering plain = m_session->replyRendering();
    Rendering rendering = plain;
    rendering.text.timestamps = true;
    rendering.text.datedTimestamps = true;
    // What you said yourself is history too, even to an IRC client that takes no echoes.
    Rendering own = rendering.forActor(true);
    own.irc.self = false;
    const quint64 me = m_session->user() ? m_session->user()->personId() : 0;

    Event start = Event::historyStart(part.room, part.peer, part.reason, page.messages.size());
    if (!page.messages.isEmpty())
        start.time = page.messages.first().time;
    start.label = part.label;
    QList<QByteArray> lines;
    lines.reserve(page.messages.size() + 2);
    lines.append(plain.render(start));
    for (const StoredMessage &message : page.messages) {
        Event event = m_log.eventFor(message);
        event.label = part.label;
        lines.append((me != 0 && message.senderPerson == me ? own : rendering).render(event));
    }
    Event end =
        Event::historyEnd(part.room, part.peer, part.reason, page.messages.size(), next, from);
    if (!next.isEmpty() && !part.request.withTopics)
        end.text = u"messages"_s; // the next page is asked for as this one was
    end.label = part.label;
    lines.append(plain.render(end));
    setLines(std::move(lines), false, true);
    pump();
}
