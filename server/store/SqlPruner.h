// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreOptions.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>

class SqlConnection;

// Retention on the writer thread: a round, started every pruneIntervalMs, removes the lines
// older than historyDays and each room's lines beyond its newest maxLinesPerRoom, in steps of
// at most pruneBatch rows per transaction. The writer runs one step per turn of its loop, so
// lines keep being committed between steps and no delete holds the database for long.
class SqlPruner
{
public:
    SqlPruner(SqlConnection &connection, const StoreOptions &options);

    bool prepare(QString *error);

    // Plans a round: what is too old as of nowMs, and the rooms whose last sequence number
    // leaves lines beyond their count.
    void start(qint64 nowMs, const QHash<qint64, quint64> &lastSeqs);
    bool isActive() const { return !m_tasks.isEmpty(); }
    // One transaction of at most pruneBatch deletions; returns how many lines went. A failed
    // step is rolled back and ends the round; the next round tries again.
    qint64 step();

private:
    struct Task
    {
        qint64 roomId = 0; // 0: lines of any room or none older than the cutoff
        qint64 cutoff = 0; // a time in ms (age) or a sequence number (a room's count)
    };

    SqlConnection &m_connection;
    StoreOptions m_options;
    QList<Task> m_tasks;
    QSqlQuery m_oldest;
    QSqlQuery m_deleteUpTo;
    QSqlQuery m_deleteBeyond;
};
