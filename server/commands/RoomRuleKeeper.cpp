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
        if (!room)
            continue;
        qint64 untilMs = 0;
        if (sanction.until.isValid()) {
            const qint64 leftMs = now.msecsTo(sanction.until);
            // It ended while the server was down: nobody needs to be told.
            if (leftMs <= 0) {
                m_store.deleteSanction(sanction, written);
                continue;
            }
            untilMs = m_clock.nowMs() + leftMs;
        }
        if (sanction.kind == StoredSanction::Kind::Invite) {
            room->modes().invite(sanction.mask);
            continue;
        }
        if (sanction.kind == StoredSanction::Kind::Rule) {
            if (const std::optional<RoomModes::Rule> rule = RoomModes::parse(sanction.mask))
                room->modes().set(*rule, true);
            continue;
        }
        if (sanction.kind == StoredSanction::Kind::Mute) {
            room->roles().restoreMute(sanction.mask, untilMs);
            continue;
        }
        RoomBans::Ban ban;
        ban.mask = BanMask::parse(sanction.mask);
        ban.untilMs = untilMs;
        ban.setter = sanction.setter;
        ban.reason = sanction.reason;
        ban.created = sanction.created;
        // A mask a later version wrote and this one cannot read is left alone.
        if (ban.mask.isValid())
            room->bans().add(ban);
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
    stored.until = wallTime(untilMs);
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

void RoomRuleKeeper::invite(const Room *room, const QString &key, const QString &setter)
{
    // An unregistered person's key is a person id, which means nothing after a restart.
    if (!RoomRoles::isAccountKey(key))
        return;
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Invite;
    stored.mask = key;
    stored.created = QDateTime::currentDateTimeUtc();
    stored.setter = setter;
    m_store.saveSanction(stored, written);
}

void RoomRuleKeeper::setRule(const Room *room, RoomModes::Rule rule, bool on, const QString &setter)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Rule;
    stored.mask = RoomModes::name(rule);
    if (!on)
        return m_store.deleteSanction(stored, written);
    stored.created = QDateTime::currentDateTimeUtc();
    stored.setter = setter;
    m_store.saveSanction(stored, written);
}

void RoomRuleKeeper::ban(const Room *room, const RoomBans::Ban &ban)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Ban;
    stored.mask = ban.mask.text();
    stored.created = ban.created;
    stored.until = wallTime(ban.untilMs);
    stored.setter = ban.setter;
    stored.reason = ban.reason;
    m_store.saveSanction(stored, written);
}

void RoomRuleKeeper::unban(const Room *room, const BanMask &mask)
{
    ended(room, StoredSanction::Kind::Ban, mask.text());
}

void RoomRuleKeeper::ended(const Room *room, StoredSanction::Kind kind, const QString &mask)
{
    if ((kind == StoredSanction::Kind::Mute || kind == StoredSanction::Kind::Invite) &&
        !RoomRoles::isAccountKey(mask))
        return;
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = kind;
    stored.mask = mask;
    m_store.deleteSanction(stored, written);
}

QDateTime RoomRuleKeeper::wallTime(qint64 untilMs) const
{
    if (untilMs == 0)
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(untilMs - m_clock.nowMs());
}

void RoomRuleKeeper::written(const QString &error)
{
    // The rule holds in memory already; only the next restart would forget it.
    if (!error.isEmpty())
        qCWarning(lcServer, "a room's rule could not be stored: %s", qUtf8Printable(error));
}
