// SPDX-License-Identifier: MIT
#include "commands/HistoryStream.h"

#include "Protocol.h"
#include "core/Directory.h"
#include "core/MessageLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace {

Event labelled(Event event, const HistoryStream::Part &part)
{
    event.label = part.label;
    return event;
}

} // namespace

HistoryStream::HistoryStream(Session *session, const MessageLog &log)
    : QObject(session)
    , m_session(session)
    , m_log(log)
{
    connect(session, &Session::drained, this, &HistoryStream::writeSome);
}

void HistoryStream::add(const Part &part)
{
    if (!m_active) {
        m_active = true;
        m_session->pauseOutput();
    } else {
        m_items.append({std::nullopt, m_session->takePaused()});
    }
    m_items.append({part, {}});
    if (!m_reading && m_lines.isEmpty())
        next();
}

void HistoryStream::next()
{
    for (;;) {
        while (!m_items.isEmpty()) {
            Item item = m_items.takeFirst();
            if (item.part) {
                read(*item.part, item.part->request);
                return;
            }
            if (!item.waited.isEmpty()) {
                writeLines(std::move(item.waited), true);
                return;
            }
        }
        if (!addCatchUp())
            break;
    }
    // Whatever waited meanwhile goes out in order with the rest.
    m_active = false;
    m_session->resumeOutput();
}

bool HistoryStream::addCatchUp()
{
    const HeldOutput::CatchUp missed = m_session->takeCatchUp();
    if (missed.isEmpty())
        return false;
    // What was held before the first line let go comes first.
    m_items.append({std::nullopt, m_session->takePaused()});
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
        Part part{request, room->name(), {}, {}, {}, false};
        part.catchUp = true;
        m_items.append({part, {}});
    }
    if (missed.privateFrom != 0 && m_session->user()) {
        HistoryRequest request;
        request.person = m_session->user()->personId();
        request.direction = HistoryRequest::Direction::After;
        request.anchor = missed.privateFrom - 1;
        request.upTo = m_log.lastPrivateId();
        request.limit = Protocol::HistoryPageMax;
        Part part{request, {}, {}, {}, {}, false};
        part.catchUp = true;
        m_items.append({part, {}});
    }
    return true;
}

void HistoryStream::read(const Part &part, const HistoryRequest &request)
{
    // A replay with nothing in the gap: upTo 0 would mean "no bound" to the store.
    if (request.direction == HistoryRequest::Direction::After &&
        (request.upTo == 0 || request.anchor >= request.upTo)) {
        pageRead(part, {});
        return;
    }
    m_reading = true;
    m_log.store().read(request,
                       [self = QPointer<HistoryStream>(this), part](const HistoryPage &page) {
                           if (self)
                               self->pageRead(part, page);
                       });
}

void HistoryStream::pageRead(const Part &part, const HistoryPage &page)
{
    if (part.newestIfMore && page.more &&
        part.request.direction == HistoryRequest::Direction::After) {
        Part newest = part;
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
            Part rest = part;
            const StoredMessage &last = page.messages.last();
            rest.request.anchor = part.request.roomId != 0 ? last.seq : last.id;
            m_items.prepend({rest, {}});
        }
        writeLines(std::move(lines), false);
        return;
    }
    if (!page.error.isEmpty()) {
        // The markers still come, empty, so that a program waiting for them goes on.
        m_lines = {m_session->rendering().render(
                       labelled(Event::historyStart(part.room, part.peer, part.reason, 0), part)),
                   m_session->rendering().render(labelled(
                       Event::error(ErrorCode::StorageFailed, u"history"_s, u"failed"_s), part)),
                   m_session->rendering().render(labelled(
                       Event::historyEnd(part.room, part.peer, part.reason, 0, {}, 0), part))};
        m_linesHeld = false;
        m_written = 0;
        writeSome();
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
    const Rendering &plain = m_session->rendering();
    Rendering rendering = plain;
    rendering.text.timestamps = true;
    rendering.text.datedTimestamps = true;
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
        lines.append(rendering.forActor(me != 0 && message.senderPerson == me).render(event));
    }
    Event end =
        Event::historyEnd(part.room, part.peer, part.reason, page.messages.size(), next, from);
    end.label = part.label;
    lines.append(plain.render(end));
    writeLines(std::move(lines), false);
}

void HistoryStream::writeLines(QList<QByteArray> lines, bool held)
{
    m_lines = std::move(lines);
    m_linesHeld = held;
    m_written = 0;
    if (m_lines.isEmpty())
        next();
    else
        writeSome();
}

void HistoryStream::writeSome()
{
    if (m_lines.isEmpty())
        return;
    while (m_written < m_lines.size()) {
        const QByteArray &line = m_lines.at(m_written++);
        const bool more = m_session->writePaced(line);
        if (m_linesHeld)
            m_session->releaseHeld(line.size());
        if (!more)
            return; // drained() brings us back
    }
    m_lines.clear();
    m_written = 0;
    next();
}
