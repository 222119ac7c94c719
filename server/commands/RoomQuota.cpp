// SPDX-License-Identifier: MIT
#include "commands/RoomQuota.h"

#include "config/ServerConfig.h"
#include "core/Clock.h"

RoomQuota::RoomQuota(const ServerConfig &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
{
}

RoomQuota::Verdict RoomQuota::take(quint64 person, qsizetype rooms)
{
    if (rooms >= m_config.maxRooms)
        return {ErrorCode::ServerRoomLimit, QString::number(m_config.maxRooms)};
    const int rate = m_config.roomsPerMinute;
    if (rate <= 0)
        return {};
    const qint64 now = m_clock.nowMs();
    QList<qint64> &made = m_made[person];
    while (!made.isEmpty() && made.first() <= now - WindowMs)
        made.removeFirst();
    if (made.size() >= rate) {
        // Whole seconds, rounded up, until the oldest leaves the window.
        const qint64 waitMs = made.first() + WindowMs - now;
        return {ErrorCode::TryAgain, QString::number((waitMs + 999) / 1000)};
    }
    made.append(now);
    return {};
}
