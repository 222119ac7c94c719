// SPDX-License-Identifier: MIT
#pragma once

#include "store/Store.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>

// Waits for a store's callbacks, so that a test reads as a sequence of steps. Each call
// serves the event loop until its callback ran (QTest::qWaitFor: no fixed sleeps); answered
// is false if it never did.
namespace StoreHarness {

// The PostgreSQL database the tests may use, from CHAT_TEST_POSTGRESQL_URL (set by
// with-postgres.sh, which starts a PostgreSQL of its own); empty: none.
QString postgresUrl();
// The SQL databases to run a test on: PostgreSQL alone when postgresUrl() names one (the
// store_postgresql test), SQLite otherwise ("sqlite", "postgresql").
QStringList sqlDatabases();
// Options for a SqlStore on that database: PostgreSQL's URL, or SQLite's folder as given.
StoreOptions onDatabase(const QString &database, StoreOptions options);
// Drops every table of the PostgreSQL database, so that each test starts empty as a new
// SQLite folder does.
bool emptyPostgres(QString *error);
// A connection to the database as an older program would have made it, for fn; named name.
bool withDatabase(const QString &database, const QString &sqliteFile, const QString &name,
                  const std::function<bool(QSqlDatabase &)> &fn);

// "sqlite", "postgresql" (SqlStore on that database) or "memory".
std::unique_ptr<Store> make(const QString &backend, const StoreOptions &options);

struct Written
{
    bool answered = false;
    StoredMessage committed;
    QString error;
};

Written createRoom(Store &store, const StoredRoom &room);
Written append(Store &store, const StoredMessage &message);
Written deleteRoom(Store &store, qint64 roomId);
Written saveAccount(Store &store, const StoredAccount &account);
Written deleteAccount(Store &store, const QString &key);
// Any write whose callback takes only the error: write(store, done) starts it.
Written written(Store &store, const std::function<void(Store &, Store::WriteDone)> &write);
// Appends all without waiting in between (so that they share transactions), then waits for
// every callback; the results are in callback order.
QList<Written> appendAll(Store &store, const QList<StoredMessage> &messages);
HistoryPage read(Store &store, const HistoryRequest &request, bool *answered);
TargetsPage readTargets(Store &store, const TargetsRequest &request, bool *answered);

StoredRoom room(qint64 id, const QString &name, const QString &creator = {});
StoredAccount account(const QString &name, const QString &passwordHash);
StoredMessage line(qint64 roomId, const QString &text, const QDateTime &time = {});
StoredMessage privateLine(const QString &from, quint64 fromPerson, const QString &to,
                          quint64 toPerson, const QString &text, const QDateTime &time = {});

// The texts of a page's lines, in order: what most checks compare.
QStringList texts(const HistoryPage &page);

} // namespace StoreHarness
