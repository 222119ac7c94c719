// SPDX-License-Identifier: MIT
#include "core/MaskList.h"

void MaskList::add(const Entry &entry)
{
    for (Entry &existing : m_entries) {
        if (existing.mask == entry.mask) {
            existing = entry;
            return;
        }
    }
    m_entries.append(entry);
}

bool MaskList::remove(const BanMask &mask)
{
    return m_entries.removeIf([&mask](const Entry &entry) { return entry.mask == mask; }) > 0;
}

const MaskList::Entry *MaskList::find(const QString &nickKey, const QString &accountKey,
                                      const QList<QHostAddress> &addresses, qint64 nowMs) const
{
    for (const Entry &entry : m_entries) {
        const bool running = entry.untilMs == 0 || nowMs < entry.untilMs;
        if (running && entry.mask.matches(nickKey, accountKey, addresses))
            return &entry;
    }
    return nullptr;
}

qsizetype MaskList::countNew(const QList<BanMask> &masks) const
{
    return std::count_if(masks.cbegin(), masks.cend(), [this](const BanMask &mask) {
        return std::none_of(m_entries.cbegin(), m_entries.cend(),
                            [&mask](const Entry &entry) { return entry.mask == mask; });
    });
}

qint64 MaskList::nextEnd() const
{
    qint64 next = 0;
    for (const Entry &entry : m_entries) {
        if (entry.untilMs != 0 && (next == 0 || entry.untilMs < next))
            next = entry.untilMs;
    }
    return next;
}

QList<MaskList::Entry> MaskList::expire(qint64 nowMs)
{
    QList<Entry> ended;
    m_entries.removeIf([&](const Entry &entry) {
        if (entry.untilMs == 0 || nowMs < entry.untilMs)
            return false;
        ended.append(entry);
        return true;
    });
    return ended;
}
