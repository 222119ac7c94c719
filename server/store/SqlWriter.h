// SPDX-License-Identifier: MIT
#pragma once

#include "store/SqlCommitter.h"
#include "store/SqlStartState.h"
#include "store/SqlThread.h"
#include "store/StoreOptions.h"
#include "store/WorkQueue.h"

#include <QMutex>

class SqlDialect;

#include <chrono>
#include <functional>

// The thread that writes, with its own connection. Writes queue up while it commits; it then
// takes all of them and commits them in one transaction (group commit), so that many lines
// share the cost of one sync to disk. Between batches it runs the retention steps that are
// due. Results go to deliver(), on this thread, once per batch, in write order.
class SqlWriter : public SqlThread
{
public:
    using Write = SqlCommitter::Write;
    using Result = SqlCommitter::Result;
    using Deliver = std::function<void(QList<Result> results)>;

    // The dialect outlives the writer.
    SqlWriter(const SqlDialect &dialect, const StoreOptions &options, const SqlStartState &state,
              Deliver deliver);
    ~SqlWriter() override;

    // The writes of one pass of the event loop, in order: one wake-up of the writer for all
    // of them, and the list itself is what it commits (no write is moved again on the way).
    void enqueue(QList<Write> writes);
    // Commits what is queued, then ends the thread; wait() for it.
    void stop() { m_queue.stop(); }

    StoreStats stats() const;

protected:
    void run() override;

private:
    using Clock = std::chrono::steady_clock;
    // A pass's writes and when they came: their commit latency starts there.
    struct Queued
    {
        QList<Write> writes;
        Clock::time_point at;
    };

    void commitBatch(SqlCommitter &committer, QList<Queued> passes);

    const SqlDialect &m_dialect;
    StoreOptions m_options;
    SqlStartState m_state;
    Deliver m_deliver;
    WorkQueue<Queued> m_queue;

    mutable QMutex m_statsMutex;
    StoreStats m_stats;
};
