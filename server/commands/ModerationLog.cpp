// SPDX-License-Identifier: MIT
#include "commands/ModerationLog.h"

#include "cluster/Bus.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "store/Store.h"

ModerationLog::ModerationLog(Store &store)
    : m_store(store)
{
    for (const StoredModeration &entry : store.moderation())
        m_byRoom[entry.roomId].append(entry);
}

Event ModerationLog::record(const Room *room, const User *actor, const QString &act,
                            const QString &target, const QString &detail,
                            const QStringList &together, qint64 place)
{
    StoredModeration entry;
    entry.roomId = room->id();
    entry.time = QDateTime::currentDateTimeUtc();
    entry.actor = actor->nick();
    entry.act = act;
    entry.target = target;
    entry.detail = detail;
    remember(entry);
    const QString account = actor->account();
    m_store.logModeration(entry, [this, entry, account, together, place](const QString &error) {
        // The act is done and announced; only its line in the log is missing.
        if (!error.isEmpty())
            qCWarning(lcServer, "a moderation act could not be logged: %s", qUtf8Printable(error));
        else if (m_bus)
            m_bus->publish(ClusterEvent::moderated(entry, account, together, place));
    });
    return announcement(room->name(), entry, account, together, place);
}

Event ModerationLog::announcement(const QString &room, const StoredModeration &entry,
                                  const QString &account, const QStringList &together, qint64 place)
{
    Event event = Event::moderation(room, entry.actor, entry.act, entry.target, entry.detail);
    event.accounts = {account};
    if (!together.isEmpty()) {
        event.list = together;
        event.count = place;
    }
    return event;
}

void ModerationLog::remember(const StoredModeration &entry)
{
    QList<StoredModeration> &kept = m_byRoom[entry.roomId];
    kept.append(entry);
    if (kept.size() > Store::ModerationKept)
        kept.removeFirst();
}

QList<StoredModeration> ModerationLog::latest(const Room *room, int count) const
{
    const QList<StoredModeration> kept = m_byRoom.value(room->id());
    return kept.mid(std::max<qsizetype>(kept.size() - count, 0));
}
