// SPDX-License-Identifier: MIT
#include "core/RoomBans.h"

bool RoomBans::add(const Ban &ban)
{
    for (Ban &existing : m_bans) {
        if (existing.mask == ban.mask) {
            existing = ban;
            return true;
        }
    }
    if (m_bans.size() >= MaxBans)
        return false;
    m_bans.append(ban);
    return true;
}

bool RoomBans::remove(const BanMask &mask)
{
    return m_bans.removeIf([&mask](const Ban &ban) { return ban.mask == mask; }) > 0;
}

const RoomBans::Ban *RoomBans::find(const QString &nickKey, const QString &accountKey,
                                    const QList<QHostAddress> &addresses, qint64 nowMs) const
{
    for (const Ban &ban : m_bans) {
        const bool running = ban.untilMs == 0 || nowMs < ban.untilMs;
        if (running && ban.mask.matches(nickKey, accountKey, addresses))
            return &ban;
    }
    return nullptr;
}

qint64 RoomBans::nextEnd() const
{
    qint64 next = 0;
    for (const Ban &ban : m_bans) {
        if (ban.untilMs != 0 && (next == 0 || ban.untilMs < next))
            next = ban.untilMs;
    }
    return next;
}

QList<RoomBans::Ban> RoomBans::expire(qint64 nowMs)
{
    QList<Ban> ended;
    m_bans.removeIf([&](const Ban &ban) {
        if (ban.untilMs == 0 || nowMs < ban.untilMs)
            return false;
        ended.append(ban);
        return true;
    });
    return ended;
}
