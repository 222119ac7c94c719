// SPDX-License-Identifier: MIT
#include "core/RoomSequence.h"

#include "config/ServerLog.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "store/Store.h"

#include <QPointer>
#include <QTimer>

namespace {

// Lines read from the store in one go while closing a gap.
constexpr int FetchPage = 1000;

} // namespace

RoomSequence::RoomSequence(Store &store, const Directory &directory, ShowStored showStored,
                           QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_directory(directory)
    , m_showStored(std::move(showStored))
{
}

RoomSequence::~RoomSequence() = default;

void RoomSequence::committed(Room *room, quint64 seq, std::function<void()> show)
{
    if (seq <= room->lastSeq())
        return;
    if (seq == room->lastSeq() + 1 && !m_waiting.count(room->id())) {
        room->setLastSeq(seq);
        show();
        return;
    }
    Waiting &waiting = m_waiting[room->id()];
    waiting.lines.try_emplace(seq, std::move(show));
    drain(room->id());
}

void RoomSequence::reaches(Room *room, quint64 seq)
{
    if (seq <= room->lastSeq())
        return;
    Waiting &waiting = m_waiting[room->id()];
    waiting.reaches = std::max(waiting.reaches, seq);
    drain(room->id());
}

void RoomSequence::catchUp()
{
    for (Room *room : m_directory.rooms())
        fetch(room->id(), 0);
}

void RoomSequence::drain(qint64 roomId)
{
    for (;;) {
        const auto it = m_waiting.find(roomId);
        if (it == m_waiting.end())
            return;
        Room *room = m_directory.roomById(roomId);
        if (!room) {
            m_waiting.erase(it);
            return;
        }
        auto &lines = it->second.lines;
        while (!lines.empty() && lines.begin()->first <= room->lastSeq())
            lines.erase(lines.begin());
        if (lines.empty() || lines.begin()->first != room->lastSeq() + 1)
            break;
        std::function<void()> show = std::move(lines.begin()->second);
        room->setLastSeq(lines.begin()->first);
        lines.erase(lines.begin());
        // show may reach back here (not today, but a broadcast is a long way): look the room's
        // lines up again afterwards.
        show();
    }
    const auto it = m_waiting.find(roomId);
    Room *room = m_directory.roomById(roomId);
    if (it->second.lines.empty() && it->second.reaches <= room->lastSeq()) {
        if (!it->second.reading)
            m_waiting.erase(it);
        return;
    }
    if (!it->second.timer) {
        it->second.timer = std::make_unique<QTimer>();
        it->second.timer->setSingleShot(true);
        connect(it->second.timer.get(), &QTimer::timeout, this, [this, roomId] {
            const auto waiting = m_waiting.find(roomId);
            if (waiting == m_waiting.end())
                return;
            const quint64 upTo = waiting->second.lines.empty()
                                     ? waiting->second.reaches
                                     : waiting->second.lines.begin()->first - 1;
            fetch(roomId, upTo);
        });
    }
    if (!it->second.timer->isActive() && !it->second.reading)
        it->second.timer->start(m_gapWaitMs);
}

void RoomSequence::fetch(qint64 roomId, quint64 upTo)
{
    Room *room = m_directory.roomById(roomId);
    if (!room) {
        m_waiting.erase(roomId); // gone (closed, deleted) while its lines waited
        return;
    }
    Waiting &waiting = m_waiting[roomId];
    if (waiting.reading)
        return;
    waiting.reading = true;
    HistoryRequest request;
    request.roomId = roomId;
    request.direction = HistoryRequest::Direction::After;
    request.anchor = room->lastSeq();
    request.upTo = upTo;
    request.limit = FetchPage;
    m_store.read(request, [this, self = QPointer<RoomSequence>(this), roomId,
                           upTo](const HistoryPage &page) {
        if (self)
            fetched(roomId, page, upTo);
    });
}

void RoomSequence::fetched(qint64 roomId, const HistoryPage &page, quint64 upTo)
{
    const auto it = m_waiting.find(roomId);
    if (it == m_waiting.end())
        return;
    it->second.reading = false;
    Room *room = m_directory.roomById(roomId);
    if (!room) {
        m_waiting.erase(it);
        return;
    }
    if (!page.error.isEmpty()) {
        qCWarning(lcServer, "cluster: cannot read the lines room %s missed: %s",
                  qPrintable(room->name()), qPrintable(page.error));
        drain(roomId); // tries again after the gap wait
        return;
    }
    for (const StoredMessage &line : page.messages) {
        it->second.lines.try_emplace(line.seq, [this, roomId, line] {
            if (Room *r = m_directory.roomById(roomId))
                m_showStored(r, line);
        });
    }
    // The store has no line for a gap it should close (retention took it): the lines after it
    // must not wait for ever.
    if (!page.more && !it->second.lines.empty() &&
        it->second.lines.begin()->first > room->lastSeq() + 1) {
        qCWarning(lcServer,
                  "cluster: room %s skips lines %llu to %llu, which the store no "
                  "longer has",
                  qPrintable(room->name()), room->lastSeq() + 1,
                  it->second.lines.begin()->first - 1);
        room->setLastSeq(it->second.lines.begin()->first - 1);
    }
    if (!page.more && it->second.lines.empty() && it->second.reaches > room->lastSeq())
        room->setLastSeq(it->second.reaches);
    drain(roomId);
    const auto again = m_waiting.find(roomId);
    if (page.more && again != m_waiting.end() && !again->second.reading)
        fetch(roomId, upTo);
}
