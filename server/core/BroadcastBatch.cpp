// SPDX-License-Identifier: MIT
#include "core/BroadcastBatch.h"

#include "core/Room.h"

thread_local BroadcastBatch *BroadcastBatch::t_gathering = nullptr;

void BroadcastBatch::add(Room *room, Line line)
{
    if (m_room != room)
        send();
    m_room = room;
    m_lines.append(std::move(line));
}

void BroadcastBatch::send()
{
    if (m_lines.isEmpty())
        return;
    // Taken first: sending may gather again (a batch of its own) or send() again.
    const QList<Line> lines = std::exchange(m_lines, {});
    if (Room *room = std::exchange(m_room, nullptr))
        room->broadcastLines(lines);
}
