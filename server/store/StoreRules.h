// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreOptions.h"
#include "store/StoredAccount.h"
#include "store/StoredMessage.h"
#include "store/StoredRoomRule.h"

#include <limits>

// What every Store does the same way, whatever keeps the lines: which writes are refused and
// with what words, which lines a history request means, and which lines retention removes.
// SqlStore and MemoryStore both follow these rules, so that tst_store can hold them to one
// behaviour.
namespace StoreRules {

// Ids and sequence numbers are quint64 in the interface and BIGINT in SQL; none may pass this.
inline constexpr quint64 MaxKey = quint64(std::numeric_limits<qint64>::max());
// A history page never holds more than this many lines, however many were asked for.
inline constexpr int MaxPageLines = 1000;

// Empty when the store may try to keep it; otherwise why not.
QString checkRoom(const StoredRoom &room);
QString checkMessage(const StoredMessage &message);
QString checkRequest(const HistoryRequest &request);
QString checkAccount(const StoredAccount &account);
// Whether the room exists is each store's own check (noSuchRoom).
QString checkRole(const StoredRole &role);
QString checkSanction(const StoredSanction &sanction);

// The words the database keeps for roles and sanction kinds; parsing an unknown word gives
// false.
QString roleName(StoredRole::Role role);
bool parseRole(const QString &name, StoredRole::Role *role);
QString kindName(StoredSanction::Kind kind);
bool parseKind(const QString &name, StoredSanction::Kind *kind);

QString noSuchRoom(qint64 roomId);
QString roomIdTaken(qint64 roomId);
QString roomNameTaken(const QString &name);
QString noSuchAccount(const QString &key);

// The lines a request means: keys (sequence numbers of a room, or message ids) from low to
// high, both included; a page takes the newest of them (Latest, Before) or the oldest (After).
struct Range
{
    quint64 low = 1;
    quint64 high = MaxKey;
    bool newestFirst = true;
    int limit = 50;
    // Times (milliseconds since the epoch) the lines lie strictly between.
    qint64 afterMs = std::numeric_limits<qint64>::min();
    qint64 beforeMs = std::numeric_limits<qint64>::max();

    bool isEmpty() const { return low > high || afterMs >= beforeMs; }
    bool contains(qint64 timeMs) const { return timeMs > afterMs && timeMs < beforeMs; }
};
Range range(const HistoryRequest &request);
// A targets request's times and limit (its keys are unbounded).
Range range(const TargetsRequest &request);
int clampLimit(int limit);
// The first limit of targets in the order asked: newest first (ties by room, then peer, so that
// both stores give the same answer), or exactly the reverse.
void keepFirst(QList<StoredTarget> &targets, int limit, bool oldestFirst);

// Retention. A line older than this (milliseconds since the epoch) goes; 0: none goes by age.
qint64 ageCutoffMs(const StoreOptions &options, qint64 nowMs);
// A room line whose seq is at or below this goes, so that the newest maxLinesPerRoom sequence
// numbers stay; 0: none goes by count.
quint64 countCutoffSeq(const StoreOptions &options, quint64 lastSeq);
bool prunes(const StoreOptions &options);

} // namespace StoreRules
