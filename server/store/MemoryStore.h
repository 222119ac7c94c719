// SPDX-License-Identifier: MIT
#pragma once

#include "store/MemoryHistory.h"
#include "store/Store.h"

#include <QMap>
#include <QTimer>

#include <deque>
#include <functional>
#include <tuple>
#include <utility>

// The Store in memory, for as long as the object lives: `--database memory`, benchmarks and
// tests. It behaves as SqlStore does (ids, sequence numbers, refusals, pages, retention, and
// callbacks run later, in order, once per batch) except that nothing reaches a disk: a write
// is kept at once, and its callback runs on a later turn of the event loop.
//
// open() after close() finds what the object kept, and counts one more boot; a new object
// starts empty at boot 1. It has no size limit (StoreOptions::maxBytes is ignored).
class MemoryStore : public Store
{
    Q_OBJECT

public:
    explicit MemoryStore(const StoreOptions &options = {}, QObject *parent = nullptr);
    ~MemoryStore() override;

    bool open() override;
    quint32 bootNumber() const override { return m_bootNumber; }
    QList<StoredRoom> rooms() const override { return m_roomsAtOpen; }
    QList<StoredAccount> accounts() const override { return m_accountsAtOpen; }
    QList<StoredRole> roles() const override { return m_rolesAtOpen; }
    QList<StoredSanction> sanctions() const override { return m_sanctionsAtOpen; }
    QList<StoredModeration> moderation() const override { return m_moderationAtOpen; }

    void createRoom(const StoredRoom &room, WriteDone done) override;
    void append(const StoredMessage &message, AppendDone done) override;
    void deleteRoom(qint64 roomId, WriteDone done) override;
    void saveAccount(const StoredAccount &account, WriteDone done) override;
    void deleteAccount(const QString &key, WriteDone done) override;
    void saveRole(const StoredRole &role, WriteDone done) override;
    void deleteRole(const StoredRole &role, WriteDone done) override;
    void saveSanction(const StoredSanction &sanction, WriteDone done) override;
    void deleteSanction(const StoredSanction &sanction, WriteDone done) override;
    void logModeration(const StoredModeration &entry, WriteDone done) override;
    void read(const HistoryRequest &request, ReadDone done) override;
    void readTargets(const TargetsRequest &request, TargetsDone done) override;
    void readRooms(RoomsDone done) override;

    StoreStats stats() const override { return m_stats; }
    void close() override;

private:
    void countWrite(const QString &error);
    // Counts a write and answers it later.
    void written(const QString &error, WriteDone done);
    // Empty when a rule for roomId may be kept; otherwise why not.
    QString checkRule(qint64 roomId, const QString &ruleError) const;
    // Runs later, with the other callbacks of the same batch.
    // roomLine: the callback answers a room's line committed (see DeliveryListener).
    void answer(std::function<void()> callback, bool roomLine = false);
    void deliver();
    void pruneStep();

    StoreOptions m_options;
    MemoryHistory m_history;
    QList<StoredRoom> m_roomsAtOpen;
    QMap<QString, StoredAccount> m_accounts; // by key
    QList<StoredAccount> m_accountsAtOpen;
    // Keyed and so ordered as SqlStore reads them: by room, then (kind name,) account or mask.
    QMap<std::pair<qint64, QString>, StoredRole> m_roles;
    QMap<std::tuple<qint64, QString, QString>, StoredSanction> m_sanctions;
    QList<StoredRole> m_rolesAtOpen;
    QList<StoredSanction> m_sanctionsAtOpen;
    QList<StoredModeration> m_moderation;
    QList<StoredModeration> m_moderationAtOpen;
    quint32 m_bootNumber = 0;
    bool m_open = false;
    StoreStats m_stats;
    struct Answer
    {
        std::function<void()> callback;
        bool roomLine;
    };
    std::deque<Answer> m_callbacks;
    bool m_deliveryPosted = false;
    bool m_batchCounted = false;
    QTimer m_pruneTimer;
    bool m_pruneStepPosted = false;
};
