// SPDX-License-Identifier: MIT
#pragma once

#include "store/SqlCommitter.h"
#include "store/SqlDialect.h"
#include "store/SqlReader.h"
#include "store/SqlStartState.h"
#include "store/Store.h"

#include <QMutex>

#include <deque>
#include <memory>
#include <variant>

class SqlWriter;

// The Store in a SQL database, with one writer thread (group commit, retention) and one reader
// thread, each on a connection of its own. The database is SQLite's <dataDirectory>/chat.db,
// or PostgreSQL's at StoreOptions::databaseUrl; SqlDialect holds what differs between them. The
// Store's thread only queues work and runs callbacks; the callbacks never leave it (not even to be
// destroyed), whatever the threads do.
//
// close() commits what is queued and runs, before it returns, the callbacks of everything
// committed and read: every write gets its answer. Destroying an open store without close()
// also commits what is queued, but drops the callbacks, since their owners may be going too.
class SqlStore : public Store
{
    Q_OBJECT

public:
    explicit SqlStore(const StoreOptions &options, QObject *parent = nullptr);
    ~SqlStore() override;

    bool open() override;
    quint32 bootNumber() const override { return m_state.bootNumber; }
    QList<StoredRoom> rooms() const override { return m_state.rooms; }
    QList<StoredAccount> accounts() const override { return m_state.accounts; }
    QList<StoredRole> roles() const override { return m_state.roles; }
    QList<StoredSanction> sanctions() const override { return m_state.sanctions; }
    QList<StoredModeration> moderation() const override { return m_state.moderation; }

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

    StoreStats stats() const override;
    void close() override;

    // The database, for messages: SQLite's file, or PostgreSQL's host and name.
    QString where() const { return m_dialect->where(); }

private:
    struct PendingWrite
    {
        WriteDone roomDone;
        AppendDone lineDone;
    };

    bool start(QString *error);
    // Queues a write whose callback takes only the error.
    void write(SqlCommitter::Write write, WriteDone done);
    void stopThreads();
    // From the worker threads: keep the results and, once per batch at most, ask the Store's
    // thread to deliver them.
    void handOver(SqlCommitter::Write write);
    void handOverPass();
    void writesDone(QList<SqlCommitter::Result> results);
    void readsDone(QList<SqlReader::Answer> answers);
    // Queues a read, or answers it with an error when the store is not open.
    void enqueueRead(const SqlReader::Job &job, SqlReader::Answer notOpen);
    // On the Store's thread: run the callbacks, in order.
    void deliverWrites();
    void deliverReads();

    StoreOptions m_options;
    std::unique_ptr<SqlDialect> m_dialect;
    SqlStartState m_state;
    std::unique_ptr<SqlWriter> m_writer;
    std::unique_ptr<SqlReader> m_reader;
    StoreStats m_closedStats;
    bool m_open = false;

    // The Store's thread only.
    std::deque<PendingWrite> m_writeCallbacks;
    std::deque<std::variant<ReadDone, TargetsDone, RoomsDone>> m_readCallbacks;

    // Shared with the worker threads.
    QMutex m_doneMutex;
    std::deque<SqlCommitter::Result> m_doneWrites;
    std::deque<SqlReader::Answer> m_doneReads;
    bool m_writesPosted = false;
    QList<SqlCommitter::Write> m_outgoing; // written in this pass, for the writer at its end
    qsizetype m_lastPassWrites = 0;        // how many the last pass with writes had
    bool m_handOverPosted = false;
    bool m_readsPosted = false;
};
