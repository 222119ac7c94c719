// SPDX-License-Identifier: MIT
#include "commands/RoomRuleKeeper.h"

#include "config/ServerLog.h"
#include "core/Clock.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/User.h"
#include "store/Store.h"

RoomRuleKeeper::RoomRuleKeeper(Store &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{
}

void RoomRuleKeeper::restore(Directory &directory) const
{
    for (const StoredRole &role : m_store.roles()) {
        if (Room *room = directory.roomById(role.roomId))
            room->roles().restoreRole(role.account, role.role == StoredRole::Role::Owner
                                                        ? RoomRoles::Role::Owner
                                                        : RoomRoles::Role::Operator);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const StoredSanction &sanction : m_store.sanctions()) {
        Room *room = directory.roomById(sanction.roomId);
        if (!room || sanction.kind != StoredSanction::Kind::Mute)
            continue;
        if (!sanction.until.isValid()) {
            room->roles().restoreMute(sanction.mask, 0);
            continue;
        }
        const qint64 leftMs = now.msecsTo(sanction.until);
        // An ended mute stays in the store until lifted; nobody needs to be told.
        if (leftMs > 0)
            room->roles().restoreMute(sanction.mask, m_clock.nowMs() + leftMs);
    }
}

void RoomRuleKeeper::setRole(const Room *room, const User *user, RoomRoles::Role role)
{
    if (user->account().isEmpty())
        return;
    StoredRole stored;
    stored.roomId = room->id();
    stored.account = user->account();
    if (role == RoomRoles::Role::Member)
        return m_store.deleteRole(stored, written);
    stored.role =
        role == RoomRoles::Role::Owner ? StoredRole::Role::Owner : StoredRole::Role::Operator;
    m_store.saveRole(stored, written);
}

void RoomRuleKeeper::mute(const Room *room, const User *user, qint64 untilMs, const QString &setter)
{
    if (user->account().isEmpty())
        return;
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Mute;
    stored.mask = user->account();
    stored.created = QDateTime::currentDateTimeUtc();
    if (untilMs != 0)
        stored.until = stored.created.addMSecs(untilMs - m_clock.nowMs());
    stored.setter = setter;
    m_store.saveSanction(stored, written);
}

void RoomRuleKeeper::unmute(const Room *room, const User *user)
{
    if (user->account().isEmpty())
        return;
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Mute;
    stored.mask = user->account();
    m_store.deleteSanction(stored, written);
}

void RoomRuleKeeper::written(const QString &error)
{
    // The rule holds in memory already; only the next restart would forget it.
    if (!error.isEmpty())
        qCWarning(lcServer, "a room's rule could not be stored: %s", qUtf8Printable(error));
}
