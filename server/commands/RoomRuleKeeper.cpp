// SPDX-License-Identifier: MIT
#include "commands/RoomRuleKeeper.h"

#include "cluster/Bus.h"
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
            apply(room, role, false);
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
                m_store.deleteSanction(sanction, warn);
                continue;
            }
            untilMs = m_clock.nowMs() + leftMs;
        }
        put(room, sanction, untilMs);
    }
}

void RoomRuleKeeper::put(Room *room, const StoredSanction &sanction, qint64 untilMs)
{
    if (sanction.kind == StoredSanction::Kind::Invite)
        return room->modes().invite(sanction.mask);
    if (sanction.kind == StoredSanction::Kind::Voice)
        return room->roles().voice(sanction.mask);
    if (sanction.kind == StoredSanction::Kind::Rule) {
        // A valued rule's value is kept in the reason; one this version cannot read is left.
        const std::optional<RoomModes::Rule> rule = RoomModes::parse(sanction.mask);
        if (!rule)
            return;
        if (!RoomModes::takesValue(*rule))
            room->modes().set(*rule, true);
        else if (const std::optional<QString> value = RoomModes::valueOf(*rule, sanction.reason))
            room->modes().set(*rule, true, *value);
        return;
    }
    if (sanction.kind == StoredSanction::Kind::Mute)
        return room->roles().restoreMute(sanction.mask, untilMs);
    MaskList::Entry entry;
    entry.mask = BanMask::parse(sanction.mask);
    entry.untilMs = untilMs;
    entry.setter = sanction.setter;
    entry.reason = sanction.reason;
    entry.created = sanction.created;
    // A mask a later version wrote and this one cannot read is left alone.
    if (entry.mask.isValid())
        maskList(room, sanction.kind).add(entry);
}

MaskList &RoomRuleKeeper::maskList(Room *room, StoredSanction::Kind kind)
{
    switch (kind) {
    case StoredSanction::Kind::Allow:
        return room->allowed();
    case StoredSanction::Kind::Exempt:
        return room->exempted();
    default:
        return room->bans();
    }
}

void RoomRuleKeeper::apply(Room *room, const StoredSanction &sanction, bool removed) const
{
    if (!removed) {
        const qint64 leftMs = QDateTime::currentDateTimeUtc().msecsTo(sanction.until);
        if (sanction.until.isValid() && leftMs <= 0)
            return; // over before it came
        return put(room, sanction, sanction.until.isValid() ? m_clock.nowMs() + leftMs : 0);
    }
    switch (sanction.kind) {
    case StoredSanction::Kind::Invite:
        return room->modes().useInvitation(sanction.mask);
    case StoredSanction::Kind::Voice:
        return room->roles().devoice(sanction.mask);
    case StoredSanction::Kind::Rule:
        if (const std::optional<RoomModes::Rule> rule = RoomModes::parse(sanction.mask))
            room->modes().set(*rule, false);
        return;
    case StoredSanction::Kind::Mute:
        return room->roles().forgetMute(sanction.mask);
    case StoredSanction::Kind::Ban:
    case StoredSanction::Kind::Allow:
    case StoredSanction::Kind::Exempt:
        maskList(room, sanction.kind).remove(BanMask::parse(sanction.mask));
        return;
    }
}

void RoomRuleKeeper::apply(Room *room, const StoredRole &role, bool removed) const
{
    if (removed)
        return room->roles().forgetAccount(role.account);
    room->roles().restoreRole(role.account, role.role == StoredRole::Role::Owner
                                                ? RoomRoles::Role::Owner
                                                : RoomRoles::Role::Operator);
}

void RoomRuleKeeper::setRole(const Room *room, const QString &key, RoomRoles::Role role)
{
    StoredRole stored;
    stored.roomId = room->id();
    stored.account = key;
    const bool removed = role == RoomRoles::Role::Member;
    if (!removed)
        stored.role =
            role == RoomRoles::Role::Owner ? StoredRole::Role::Owner : StoredRole::Role::Operator;
    if (!RoomRoles::isAccountKey(key))
        return tell(stored, removed);
    if (removed)
        return m_store.deleteRole(stored, written(stored, true));
    m_store.saveRole(stored, written(stored, false));
}

void RoomRuleKeeper::mute(const Room *room, const QString &key, qint64 untilMs,
                          const QString &setter)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Mute;
    stored.mask = key;
    stored.created = QDateTime::currentDateTimeUtc();
    stored.until = wallTime(untilMs);
    stored.setter = setter;
    if (!RoomRoles::isAccountKey(key))
        return tell(stored, false);
    m_store.saveSanction(stored, written(stored, false));
}

void RoomRuleKeeper::unmute(const Room *room, const QString &key)
{
    ended(room, StoredSanction::Kind::Mute, key);
}

void RoomRuleKeeper::invite(const Room *room, const QString &key, const QString &setter)
{
    keep(room, StoredSanction::Kind::Invite, key, setter);
}

void RoomRuleKeeper::voice(const Room *room, const QString &key, const QString &setter)
{
    keep(room, StoredSanction::Kind::Voice, key, setter);
}

void RoomRuleKeeper::keep(const Room *room, StoredSanction::Kind kind, const QString &key,
                          const QString &setter)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = kind;
    stored.mask = key;
    stored.created = QDateTime::currentDateTimeUtc();
    stored.setter = setter;
    // An unregistered person's key is a person id, which means nothing after a restart.
    if (!RoomRoles::isAccountKey(key))
        return tell(stored, false);
    m_store.saveSanction(stored, written(stored, false));
}

void RoomRuleKeeper::setRule(const Room *room, RoomModes::Rule rule, bool on, const QString &setter,
                             const QString &value)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = StoredSanction::Kind::Rule;
    stored.mask = RoomModes::name(rule);
    if (!on)
        return m_store.deleteSanction(stored, written(stored, true));
    stored.created = QDateTime::currentDateTimeUtc();
    stored.setter = setter;
    stored.reason = value;
    m_store.saveSanction(stored, written(stored, false));
}

void RoomRuleKeeper::addMask(const Room *room, StoredSanction::Kind kind,
                             const MaskList::Entry &entry)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = kind;
    stored.mask = entry.mask.text();
    stored.created = entry.created;
    stored.until = wallTime(entry.untilMs);
    stored.setter = entry.setter;
    stored.reason = entry.reason;
    m_store.saveSanction(stored, written(stored, false));
}

void RoomRuleKeeper::ended(const Room *room, StoredSanction::Kind kind, const QString &mask)
{
    StoredSanction stored;
    stored.roomId = room->id();
    stored.kind = kind;
    stored.mask = mask;
    if ((kind == StoredSanction::Kind::Mute || kind == StoredSanction::Kind::Invite ||
         kind == StoredSanction::Kind::Voice) &&
        !RoomRoles::isAccountKey(mask))
        return tell(stored, true);
    m_store.deleteSanction(stored, written(stored, true));
}

QDateTime RoomRuleKeeper::wallTime(qint64 untilMs) const
{
    if (untilMs == 0)
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(untilMs - m_clock.nowMs());
}

std::function<void(const QString &)> RoomRuleKeeper::written(const StoredSanction &sanction,
                                                             bool removed)
{
    return [this, sanction, removed](const QString &error) {
        warn(error);
        if (error.isEmpty() && m_bus)
            m_bus->publish(ClusterEvent::sanctioned(sanction, removed));
    };
}

std::function<void(const QString &)> RoomRuleKeeper::written(const StoredRole &role, bool removed)
{
    return [this, role, removed](const QString &error) {
        warn(error);
        if (error.isEmpty() && m_bus)
            m_bus->publish(ClusterEvent::roleSet(role, removed));
    };
}

void RoomRuleKeeper::tell(const StoredSanction &sanction, bool removed)
{
    if (m_bus)
        m_bus->publish(ClusterEvent::sanctioned(sanction, removed));
}

void RoomRuleKeeper::tell(const StoredRole &role, bool removed)
{
    if (m_bus)
        m_bus->publish(ClusterEvent::roleSet(role, removed));
}

void RoomRuleKeeper::warn(const QString &error)
{
    // The rule holds in memory already; only the next restart would forget it.
    if (!error.isEmpty())
        qCWarning(lcServer, "a room's rule could not be stored: %s", qUtf8Printable(error));
}
