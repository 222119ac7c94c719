// SPDX-License-Identifier: MIT
#include "store/SqlWriter.h"

#include "store/SqlConnection.h"
#include "store/SqlPruner.h"
#include "store/StoreRules.h"

#include <QDateTime>

SqlWriter::SqlWriter(const SqlDialect &dialect, const StoreOptions &options,
                     const SqlStartState &state, Deliver deliver)
    : m_dialect(dialect)
    , m_options(options)
    , m_state(state)
    , m_deliver(std::move(deliver))
{
    setObjectName(QStringLiteral("chat-store-writer"));
}

SqlWriter::~SqlWriter()
{
    stop();
    wait();
}

void SqlWriter::enqueue(QList<Write> writes)
{
    m_queue.push({std::move(writes), Clock::now()});
}

StoreStats SqlWriter::stats() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_stats;
}

void SqlWriter::run()
{
    SqlConnection connection(m_dialect, SqlConnection::Role::Writer);
    SqlCommitter committer(connection, m_state, m_options.sharedWriters);
    SqlPruner pruner(connection, m_options);
    QString error;
    if (!connection.open(&error) || !committer.prepare(&error) || !pruner.prepare(&error)) {
        reportReady(error);
        return;
    }
    reportReady({});

    // Retention waits one interval after open(), so a restart does not start with a delete.
    const bool prunes = StoreRules::prunes(m_options);
    QDeadlineTimer nextRound = prunes ? QDeadlineTimer(m_options.pruneIntervalMs)
                                      : QDeadlineTimer(QDeadlineTimer::Forever);
    for (;;) {
        bool stopping = false;
        // While a round is under way, only look at the queue: each turn commits what came
        // in, then deletes one batch.
        QList<Queued> batch =
            m_queue.takeAll(pruner.isActive() ? QDeadlineTimer(0) : nextRound, &stopping);
        if (!batch.isEmpty())
            commitBatch(committer, std::move(batch));
        if (stopping)
            break;
        if (prunes && !pruner.isActive() && nextRound.hasExpired()) {
            pruner.start(QDateTime::currentMSecsSinceEpoch(), committer.lastSeqs());
            nextRound.setRemainingTime(m_options.pruneIntervalMs);
        }
        if (pruner.isActive()) {
            if (const qint64 pruned = pruner.step(); pruned >= 0) {
                QMutexLocker lock(&m_statsMutex);
                m_stats.prunedLines += pruned;
                ++m_stats.transactions;
            }
        }
    }
}

void SqlWriter::commitBatch(SqlCommitter &committer, QList<Queued> passes)
{
    // One transaction for every pass that queued up during the last commit. A single pass
    // (the usual case under load) is committed as it came; several are joined by moving.
    QList<qsizetype> sizes; // each pass's, for the latency of its writes
    sizes.reserve(passes.size());
    qsizetype total = 0;
    for (const Queued &pass : std::as_const(passes)) {
        sizes.append(pass.writes.size());
        total += pass.writes.size();
    }
    QList<Write> writes = std::move(passes.first().writes);
    writes.reserve(total);
    for (qsizetype p = 1; p < passes.size(); ++p) {
        for (Write &write : passes[p].writes)
            writes.append(std::move(write));
    }
    int transactions = 0;
    QList<Result> results = committer.commit(std::move(writes), &transactions);

    const Clock::time_point now = Clock::now();
    {
        QMutexLocker lock(&m_statsMutex);
        m_stats.transactions += transactions;
        qsizetype pass = 0;
        qsizetype passEnd = sizes.first();
        for (qsizetype i = 0; i < results.size(); ++i) {
            while (i >= passEnd)
                passEnd += sizes[++pass];
            if (!results[i].error.isEmpty()) {
                ++m_stats.failedWrites;
                continue;
            }
            // The latency is a line's: what a person waits for between saying and seeing. Of
            // the writes, only a line has an id.
            if (results[i].committed.id == 0)
                continue;
            ++m_stats.committedLines;
            const qint64 us =
                std::chrono::duration_cast<std::chrono::microseconds>(now - passes[pass].at)
                    .count();
            m_stats.commitLatencyTotalUs += us;
            m_stats.commitLatencyMaxUs = std::max(m_stats.commitLatencyMaxUs, us);
            m_stats.commitLatency.observe(us);
        }
    }
    m_deliver(std::move(results));
}
