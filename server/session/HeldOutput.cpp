// SPDX-License-Identifier: MIT
#include "session/HeldOutput.h"

bool HeldOutput::isCaughtUpLater(const Origin &origin) const
{
    if (origin.isRoomLine())
        return m_catchUp.rooms.contains(origin.roomId);
    return origin.privateId != 0 && m_catchUp.privateFrom != 0;
}

bool HeldOutput::hold(const QByteArray &bytes, const Origin &origin, qint64 queued)
{
    // Once a room's lines are let go, its later lines come from the store too, in order.
    if (isCaughtUpLater(origin))
        return true;
    m_items.append({bytes, origin});
    m_bytes += bytes.size();
    if (queued + m_taken + m_bytes <= m_budget)
        return true;
    letLinesGo();
    return queued + m_taken + m_bytes <= m_budget;
}

bool HeldOutput::charge(qint64 bytes, qint64 queued)
{
    m_taken += bytes;
    if (queued + m_taken + m_bytes <= m_budget)
        return true;
    letLinesGo();
    return queued + m_taken + m_bytes <= m_budget;
}

void HeldOutput::letLinesGo()
{
    QList<Item> kept;
    qint64 keptBytes = 0;
    for (Item &item : m_items) {
        const Origin &o = item.origin;
        if (o.isRoomLine()) {
            auto it = m_catchUp.rooms.find(o.roomId);
            if (it == m_catchUp.rooms.end())
                m_catchUp.rooms.insert(o.roomId, o.seq);
            else
                *it = std::min(*it, o.seq);
        } else if (o.privateId != 0) {
            m_catchUp.privateFrom = m_catchUp.privateFrom == 0
                                        ? o.privateId
                                        : std::min(m_catchUp.privateFrom, o.privateId);
        } else {
            keptBytes += item.bytes.size();
            kept.append(std::move(item));
        }
    }
    m_items = std::move(kept);
    m_bytes = keptBytes;
}

QList<QByteArray> HeldOutput::take()
{
    QList<QByteArray> bytes;
    bytes.reserve(m_items.size());
    for (Item &item : m_items)
        bytes.append(std::move(item.bytes));
    m_items.clear();
    m_taken += m_bytes;
    m_bytes = 0;
    return bytes;
}

void HeldOutput::clear()
{
    m_items.clear();
    m_bytes = 0;
    m_taken = 0;
    m_catchUp = {};
}
