// SPDX-License-Identifier: MIT
#include "StoreHarness.h"

#include "NameRules.h"
#include "store/MemoryStore.h"
#include "store/PostgresUrl.h"
#include "store/SqlStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace StoreHarness {

namespace {

// Generous: a commit syncs to disk, and the sanitizer builds are slow.
constexpr int TimeoutMs = 30000;

QDateTime now()
{
    // Millisecond precision, as stores keep it.
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

} // namespace

QString postgresUrl()
{
    return qEnvironmentVariable("CHAT_TEST_POSTGRESQL_URL");
}

QStringList sqlDatabases()
{
    return postgresUrl().isEmpty() ? QStringList{u"sqlite"_s} : QStringList{u"postgresql"_s};
}

StoreOptions onDatabase(const QString &database, StoreOptions options)
{
    if (database == u"postgresql"_s)
        options.databaseUrl = postgresUrl();
    return options;
}

bool withDatabase(const QString &database, const QString &sqliteFile, const QString &name,
                  const std::function<bool(QSqlDatabase &)> &fn)
{
    bool ok = false;
    {
        QSqlDatabase db;
        if (database == u"postgresql"_s) {
            const PostgresUrl url(postgresUrl());
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.user());
            db.setPassword(url.password());
            db.setDatabaseName(url.databaseName());
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(sqliteFile);
        }
        ok = db.open() && fn(db);
        if (!ok)
            qWarning("%s: %s", qPrintable(name), qPrintable(db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool emptyPostgres(QString *error)
{
    return withDatabase(u"postgresql"_s, {}, u"empty-postgres"_s, [error](QSqlDatabase &db) {
        QSqlQuery q(db);
        for (const QString &sql : {u"DROP SCHEMA public CASCADE"_s, u"CREATE SCHEMA public"_s}) {
            if (!q.exec(sql)) {
                *error = q.lastError().text();
                return false;
            }
        }
        return true;
    });
}

std::unique_ptr<Store> make(const QString &backend, const StoreOptions &options)
{
    if (backend == u"memory"_s)
        return std::make_unique<MemoryStore>(options);
    return std::make_unique<SqlStore>(onDatabase(backend, options));
}

Written createRoom(Store &store, const StoredRoom &room)
{
    Written result;
    store.createRoom(room, [&result](const QString &error) {
        result.answered = true;
        result.error = error;
    });
    // The caller sees a timeout as an unanswered call.
    (void)QTest::qWaitFor([&] { return result.answered; }, TimeoutMs);
    return result;
}

Written deleteRoom(Store &store, qint64 roomId)
{
    Written result;
    store.deleteRoom(roomId, [&result](const QString &error) {
        result.answered = true;
        result.error = error;
    });
    // The caller sees a timeout as an unanswered call.
    (void)QTest::qWaitFor([&] { return result.answered; }, TimeoutMs);
    return result;
}

Written saveAccount(Store &store, const StoredAccount &account)
{
    Written result;
    store.saveAccount(account, [&result](const QString &error) {
        result.answered = true;
        result.error = error;
    });
    (void)QTest::qWaitFor([&] { return result.answered; }, TimeoutMs);
    return result;
}

Written deleteAccount(Store &store, const QString &key)
{
    Written result;
    store.deleteAccount(key, [&result](const QString &error) {
        result.answered = true;
        result.error = error;
    });
    (void)QTest::qWaitFor([&] { return result.answered; }, TimeoutMs);
    return result;
}

Written written(Store &store, const std::function<void(Store &, Store::WriteDone)> &write)
{
    Written result;
    write(store, [&result](const QString &error) {
        result.answered = true;
        result.error = error;
    });
    (void)QTest::qWaitFor([&] { return result.answered; }, TimeoutMs);
    return result;
}

StoredAccount account(const QString &name, const QString &passwordHash)
{
    StoredAccount result;
    result.name = name;
    result.key = NameRules::key(name);
    result.passwordHash = passwordHash;
    result.created = now();
    return result;
}

Written append(Store &store, const StoredMessage &message)
{
    const QList<Written> results = appendAll(store, {message});
    return results.value(0);
}

QList<Written> appendAll(Store &store, const QList<StoredMessage> &messages)
{
    QList<Written> results;
    for (const StoredMessage &message : messages) {
        store.append(message, [&results](const StoredMessage &committed, const QString &error) {
            results.append({true, committed, error});
        });
    }
    // The caller sees a timeout as an unanswered call.
    (void)QTest::qWaitFor([&] { return results.size() == messages.size(); }, TimeoutMs);
    return results;
}

HistoryPage read(Store &store, const HistoryRequest &request, bool *answered)
{
    HistoryPage result;
    *answered = false;
    store.read(request, [&](const HistoryPage &page) {
        result = page;
        *answered = true;
    });
    // The caller sees a timeout as an unanswered call.
    (void)QTest::qWaitFor([&] { return *answered; }, TimeoutMs);
    return result;
}

TargetsPage readTargets(Store &store, const TargetsRequest &request, bool *answered)
{
    TargetsPage result;
    *answered = false;
    store.readTargets(request, [&](const TargetsPage &page) {
        result = page;
        *answered = true;
    });
    (void)QTest::qWaitFor([&] { return *answered; }, TimeoutMs);
    return result;
}

StoredRoom room(qint64 id, const QString &name, const QString &creator)
{
    StoredRoom r;
    r.id = id;
    r.name = name;
    r.key = NameRules::key(name);
    r.creator = creator;
    r.created = now();
    return r;
}

StoredMessage line(qint64 roomId, const QString &text, const QDateTime &time)
{
    StoredMessage m;
    m.kind = StoredMessage::Kind::Message;
    m.roomId = roomId;
    m.time = time.isValid() ? time : now();
    m.sender = u"alice"_s;
    m.senderPerson = 1;
    m.text = text;
    return m;
}

StoredMessage privateLine(const QString &from, quint64 fromPerson, const QString &to,
                          quint64 toPerson, const QString &text, const QDateTime &time)
{
    StoredMessage m;
    m.kind = StoredMessage::Kind::Private;
    m.time = time.isValid() ? time : now();
    m.sender = from;
    m.senderPerson = fromPerson;
    m.recipient = to;
    m.recipientPerson = toPerson;
    m.text = text;
    return m;
}

QStringList texts(const HistoryPage &page)
{
    QStringList result;
    for (const StoredMessage &m : page.messages)
        result.append(m.text);
    return result;
}

} // namespace StoreHarness
