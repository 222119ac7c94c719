// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/LatencyHistogram.h"

#include <QString>

// How a store keeps what it is given. ChatServer fills it from ServerConfig, where each field
// has its option and its line in the documentation.
struct StoreOptions
{
    enum class Durability {
        Full,   // a commit survives a power cut (the database syncs to disk on every commit)
        Normal, // a commit survives the server being killed; a power cut may lose the last ones
    };

    // SqlStore: the folder that holds the database file (made 0700, the file 0600).
    QString dataDirectory;
    // SqlStore on PostgreSQL instead: postgresql://user:password@host:port/dbname (see
    // PostgresUrl). Empty: SQLite in dataDirectory.
    QString databaseUrl;
    Durability durability = Durability::Full;
    // The database file may not grow past this; a write that would is refused. 0: no limit.
    // SQLite only: a PostgreSQL database has no limit of its own.
    qint64 maxBytes = 0;
    // Several servers write to this database at once (the nodes of a cluster, PostgreSQL only):
    // each transaction takes the message id and sequence counters from the database under row
    // locks instead of trusting its own memory, so that ids stay unique and each room's
    // sequence numbers gap-free and in commit order whichever node commits.
    bool sharedWriters = false;

    // Retention: lines older than this many days, and a room's lines beyond its newest
    // maxLinesPerRoom, are removed in small batches, every pruneIntervalMs. 0: no limit.
    int historyDays = 30;
    qint64 maxLinesPerRoom = 100000;
    int pruneIntervalMs = 60 * 1000;
    int pruneBatch = 1000; // rows per transaction, so that pruning never holds a long lock
};

// What a store has done since it opened, for the log and the benchmark.
struct StoreStats
{
    qint64 committedLines = 0;
    qint64 transactions = 0;
    qint64 failedWrites = 0;
    // Time from a line's arrival to its commit, in microseconds (lines only).
    qint64 commitLatencyTotalUs = 0;
    qint64 commitLatencyMaxUs = 0;
    LatencyHistogram commitLatency; // the same, in buckets, for /metrics
    qint64 prunedLines = 0;
};
