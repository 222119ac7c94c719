// SPDX-License-Identifier: MIT
#include "commands/SanctionExpiry.h"

#include "commands/RoomRuleKeeper.h"
#include "config/ServerLog.h"
#include "core/Clock.h"
#include "core/Directory.h"
#include "core/Room.h"

#include <limits>

SanctionExpiry::SanctionExpiry(Directory &directory, RoomRuleKeeper &keeper, const Clock &clock,
                               QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_keeper(keeper)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SanctionExpiry::expire);
}

void SanctionExpiry::schedule()
{
    qint64 next = 0;
    for (const Room *room : m_directory.rooms()) {
        for (const qint64 end : {room->bans().nextEnd(), room->roles().nextMuteEnd()}) {
            if (end != 0 && (next == 0 || end < next))
                next = end;
        }
    }
    if (next == 0) {
        m_timer.stop();
        return;
    }
    // A year at most (MaxMuteSeconds) is more than a QTimer's int of milliseconds: wait as
    // long as it can, then look again.
    const qint64 waitMs =
        std::clamp<qint64>(next - m_clock.nowMs(), 0, std::numeric_limits<int>::max());
    m_timer.start(int(waitMs));
}

int SanctionExpiry::expire()
{
    const qint64 now = m_clock.nowMs();
    int count = 0;
    for (Room *room : m_directory.rooms()) {
        for (const MaskList::Entry &ban : room->bans().expire(now)) {
            qCInfo(lcServer, "%s: the ban on %s ended", qUtf8Printable(room->name()),
                   qUtf8Printable(ban.mask.text()));
            m_keeper.ended(room, StoredSanction::Kind::Ban, ban.mask.text());
            ++count;
        }
        for (const QString &key : room->roles().expireMutes(now)) {
            m_keeper.ended(room, StoredSanction::Kind::Mute, key);
            ++count;
        }
    }
    schedule();
    return count;
}
