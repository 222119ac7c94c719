// SPDX-License-Identifier: MIT
#include "store/StoreRules.h"

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace StoreRules {

QString checkRoom(const StoredRoom &room)
{
    if (room.id <= 0)
        return u"a room needs an id above 0"_s;
    if (room.name.isEmpty())
        return u"a room needs a name"_s;
    if (room.lastSeq > MaxKey)
        return u"the room's last sequence number is too large"_s;
    return {};
}

QString checkMessage(const StoredMessage &message)
{
    switch (message.kind) {
    case StoredMessage::Kind::Message:
    case StoredMessage::Kind::Action:
    case StoredMessage::Kind::Note:
    case StoredMessage::Kind::Topic:
        if (message.roomId == 0)
            return u"a room line needs a room"_s;
        break;
    case StoredMessage::Kind::Private:
    case StoredMessage::Kind::PrivateNote:
        if (message.roomId != 0)
            return u"a private message belongs to no room"_s;
        break;
    default:
        return u"unknown kind of line %1"_s.arg(int(message.kind));
    }
    if (!message.time.isValid())
        return u"a line needs a time"_s;
    // Person ids are stored as signed 64-bit numbers.
    if (message.senderPerson > MaxKey || message.recipientPerson > MaxKey)
        return u"a person id is too large"_s;
    return {};
}

QString checkRequest(const HistoryRequest &request)
{
    if (request.roomId == 0 && request.person == 0)
        return u"a history request names a room or a person"_s;
    return {};
}

QString checkAccount(const StoredAccount &account)
{
    if (account.name.isEmpty())
        return u"an account needs a name"_s;
    if (account.passwordHash.isEmpty())
        return u"an account needs a password hash"_s;
    if (!account.created.isValid())
        return u"an account needs a time of creation"_s;
    return {};
}

QString checkRole(const StoredRole &role)
{
    if (role.account.isEmpty())
        return u"a role needs an account"_s;
    return {};
}

QString checkSanction(const StoredSanction &sanction)
{
    if (sanction.mask.isEmpty())
        return u"a sanction needs a mask"_s;
    if (!sanction.created.isValid())
        return u"a sanction needs a time of creation"_s;
    return {};
}

QString roleName(StoredRole::Role role)
{
    return role == StoredRole::Role::Owner ? u"owner"_s : u"operator"_s;
}

bool parseRole(const QString &name, StoredRole::Role *role)
{
    for (StoredRole::Role r : {StoredRole::Role::Operator, StoredRole::Role::Owner}) {
        if (name == roleName(r)) {
            *role = r;
            return true;
        }
    }
    return false;
}

QString kindName(StoredSanction::Kind kind)
{
    switch (kind) {
    case StoredSanction::Kind::Ban:
        return u"ban"_s;
    case StoredSanction::Kind::Rule:
        return u"rule"_s;
    case StoredSanction::Kind::Invite:
        return u"invite"_s;
    case StoredSanction::Kind::Voice:
        return u"voice"_s;
    case StoredSanction::Kind::Allow:
        return u"allow"_s;
    case StoredSanction::Kind::Exempt:
        return u"exempt"_s;
    case StoredSanction::Kind::Mute:
        break;
    }
    return u"mute"_s;
}

bool parseKind(const QString &name, StoredSanction::Kind *kind)
{
    for (StoredSanction::Kind k :
         {StoredSanction::Kind::Mute, StoredSanction::Kind::Ban, StoredSanction::Kind::Rule,
          StoredSanction::Kind::Invite, StoredSanction::Kind::Voice, StoredSanction::Kind::Allow,
          StoredSanction::Kind::Exempt}) {
        if (name == kindName(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString noSuchAccount(const QString &key)
{
    return u"there is no account %1"_s.arg(key);
}

QString noSuchRoom(qint64 roomId)
{
    return u"there is no room %1"_s.arg(roomId);
}

QString roomIdTaken(qint64 roomId)
{
    return u"room %1 already exists"_s.arg(roomId);
}

QString roomNameTaken(const QString &name)
{
    return u"a room named %1 already exists"_s.arg(name);
}

int clampLimit(int limit)
{
    return std::clamp(limit, 1, MaxPageLines);
}

Range range(const HistoryRequest &request)
{
    Range r;
    r.limit = clampLimit(request.limit);
    r.high = request.upTo != 0 ? std::min(request.upTo, MaxKey) : MaxKey;
    if (request.afterMs != 0)
        r.afterMs = request.afterMs;
    if (request.beforeMs != 0)
        r.beforeMs = request.beforeMs;
    switch (request.direction) {
    case HistoryRequest::Direction::Latest:
        // Only the lines above the anchor (0: all of them); nothing lies above MaxKey.
        if (request.anchor >= MaxKey)
            r.high = 0;
        else
            r.low = request.anchor + 1;
        break;
    case HistoryRequest::Direction::Before:
        // Nothing lies below 1; an anchor of 0 asks for nothing.
        if (request.anchor == 0)
            r.high = 0;
        else
            r.high = std::min(r.high, request.anchor - 1);
        break;
    case HistoryRequest::Direction::After:
        r.newestFirst = false;
        r.low = request.anchor >= MaxKey ? MaxKey : request.anchor + 1;
        if (request.anchor >= MaxKey)
            r.high = 0;
        break;
    }
    return r;
}

Range range(const TargetsRequest &request)
{
    HistoryRequest times;
    times.afterMs = request.afterMs;
    times.beforeMs = request.beforeMs;
    times.limit = request.limit;
    return range(times);
}

void keepFirst(QList<StoredTarget> &targets, int limit, bool oldestFirst)
{
    // Oldest first is newest first read backwards, ties included.
    const auto newer = [](const StoredTarget &a, const StoredTarget &b) {
        return std::tuple(b.latest, a.roomId, a.peer) < std::tuple(a.latest, b.roomId, b.peer);
    };
    std::sort(targets.begin(), targets.end(), [&](const StoredTarget &a, const StoredTarget &b) {
        return oldestFirst ? newer(b, a) : newer(a, b);
    });
    if (targets.size() > limit)
        targets.resize(limit);
}

qint64 ageCutoffMs(const StoreOptions &options, qint64 nowMs)
{
    if (options.historyDays <= 0)
        return 0;
    return nowMs - qint64(options.historyDays) * 24 * 60 * 60 * 1000;
}

quint64 countCutoffSeq(const StoreOptions &options, quint64 lastSeq)
{
    if (options.maxLinesPerRoom <= 0 || lastSeq <= quint64(options.maxLinesPerRoom))
        return 0;
    return lastSeq - quint64(options.maxLinesPerRoom);
}

bool prunes(const StoreOptions &options)
{
    return options.pruneIntervalMs > 0 && options.pruneBatch > 0 &&
           (options.historyDays > 0 || options.maxLinesPerRoom > 0);
}

} // namespace StoreRules
