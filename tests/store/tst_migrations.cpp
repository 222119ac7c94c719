// SPDX-License-Identifier: MIT
#include "StoreHarness.h"
#include "store/Migrations.h"
#include "store/SqlDialect.h"
#include "store/SqlStore.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace StoreHarness;

// A database as each older program left it, rows included, opened by this one: upgraded to
// the latest version with nothing lost. A new migration adds a row to versions_data() with
// the rows a database of its version holds. Runs on SQLite, or on PostgreSQL (the global
// "database" column) when with-postgres.sh gives it one: the store_postgresql test.
class tst_Migrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void split_data();
    void split();
    void stepsAreNumbered();
    void versions_data();
    void versions();
    void newerVersionIsRefused();

private:
    // Runs fn on a plain connection to the database, as an older program would have.
    bool withDatabase(const QString &file, const std::function<bool(QSqlDatabase &)> &fn);
    // The options of a store on the data folder dir, or on PostgreSQL.
    StoreOptions options(const QString &dir) const;
};

void tst_Migrations::initTestCase_data()
{
    QTest::addColumn<QString>("database");
    for (const QString &database : sqlDatabases())
        QTest::newRow(qPrintable(database)) << database;
}

void tst_Migrations::init()
{
    QFETCH_GLOBAL(QString, database);
    QString error;
    if (database == u"postgresql"_s)
        QVERIFY2(emptyPostgres(&error), qPrintable(error));
}

StoreOptions tst_Migrations::options(const QString &dir) const
{
    QFETCH_GLOBAL(QString, database);
    StoreOptions result;
    result.dataDirectory = dir;
    return onDatabase(database, result);
}

void tst_Migrations::split_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("comments only") << u"-- one\n  -- two\n"_s << QStringList();
    QTest::newRow("one statement")
        << u"CREATE TABLE a (x INTEGER);\n"_s << QStringList({u"CREATE TABLE a (x INTEGER)"_s});
    QTest::newRow("over lines, with comments")
        << u"-- a table\nCREATE TABLE a (\n    x INTEGER -- why\n);\nINSERT INTO a VALUES (1);"_s
        << QStringList(
               {u"CREATE TABLE a (\n    x INTEGER -- why\n)"_s, u"INSERT INTO a VALUES (1)"_s});
    QTest::newRow("no final semicolon") << u"SELECT 1"_s << QStringList({u"SELECT 1"_s});
}

void tst_Migrations::split()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QCOMPARE(Migrations::split(sql), statements);
}

void tst_Migrations::stepsAreNumbered()
{
    // Every database has the same versions, whichever files replace the shared ones.
    QFETCH_GLOBAL(QString, database);
    const QList<Migrations::Step> steps =
        Migrations::steps(SqlDialect::create(options({}))->migrationVariant());
    QVERIFY(!steps.isEmpty());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps[i].version, i + 1);
        QVERIFY(!steps[i].statements.isEmpty());
    }
    QCOMPARE(Migrations::latestVersion(), steps.size());
    if (database == u"postgresql"_s)
        QVERIFY(steps.constFirst().statements != Migrations::steps().constFirst().statements);
}

bool tst_Migrations::withDatabase(const QString &file,
                                  const std::function<bool(QSqlDatabase &)> &fn)
{
    QFETCH_GLOBAL(QString, database);
    return StoreHarness::withDatabase(database, file, u"older"_s, fn);
}

void tst_Migrations::versions_data()
{
    QTest::addColumn<int>("version");
    // Statements that fill a database of that version as its program would have.
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QList<StoredRoom>>("rooms");
    QTest::addColumn<QStringList>("roomLines");    // room 1's, oldest first
    QTest::addColumn<QStringList>("privateLines"); // person 1's
    QTest::addColumn<quint32>("bootNumber");
    QTest::addColumn<quint64>("nextId");
    QTest::addColumn<QList<StoredAccount>>("accounts");
    QTest::addColumn<QList<StoredRole>>("roles");
    QTest::addColumn<QList<StoredSanction>>("sanctions");
    QTest::addColumn<QList<StoredModeration>>("moderation");

    QTest::newRow("version 0: an empty file")
        << 0 << QStringList() << QList<StoredRoom>() << QStringList() << QStringList() << 1u << 1ull
        << QList<StoredAccount>() << QList<StoredRole>() << QList<StoredSanction>()
        << QList<StoredModeration>();

    StoredRoom hall;
    hall.id = 1;
    hall.name = u"Hall"_s;
    hall.key = u"hall"_s;
    hall.created = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    hall.topic = u"welcome"_s;
    hall.topicSetter = u"alice"_s;
    hall.topicTime = QDateTime::fromMSecsSinceEpoch(1700000001000, Qt::UTC);
    hall.lastSeq = 3;
    StoredRoom den;
    den.id = 4;
    den.name = u"Den"_s;
    den.key = u"den"_s;
    den.creator = u"bob"_s;
    // clang-format off
    const QStringList version1 = {
        u"UPDATE meta SET value = 6 WHERE name = 'boot_count'"_s,
        u"UPDATE meta SET value = 12 WHERE name = 'last_message_id'"_s,
        u"INSERT INTO rooms VALUES (1, 'Hall', 'hall', '', 1700000000000, 'welcome', 'alice', 1700000001000, 3)"_s,
        u"INSERT INTO rooms VALUES (4, 'Den', 'den', 'bob', NULL, '', '', NULL, 0)"_s,
        // seq 1 was removed by retention
        u"INSERT INTO messages VALUES (5, 1, 1, 2, 1700000002000, 'alice', 'alice', 1, '', '', 0, 'hello')"_s,
        u"INSERT INTO messages VALUES (7, 3, 1, 3, 1700000003000, 'alice', 'alice', 1, '', '', 0, 'welcome')"_s,
        u"INSERT INTO messages VALUES (9, 4, NULL, NULL, 1700000004000, 'bob', 'bob', 2, 'alice', 'alice', 1, 'psst')"_s,
    };
    // clang-format on
    QTest::newRow("version 1") << 1 << version1 << QList<StoredRoom>({hall, den})
                               << QStringList({u"hello"_s, u"welcome"_s})
                               << QStringList({u"psst"_s}) << 7u << 13ull << QList<StoredAccount>()
                               << QList<StoredRole>() << QList<StoredSanction>()
                               << QList<StoredModeration>();

    StoredAccount alice;
    alice.name = u"Alice"_s;
    alice.key = u"alice"_s;
    alice.passwordHash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_s;
    alice.created = QDateTime::fromMSecsSinceEpoch(1700000005000, Qt::UTC);
    // clang-format off
    const QStringList version2 = version1 + QStringList{
        u"INSERT INTO accounts VALUES ('alice', 'Alice', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 1700000005000)"_s,
    };
    // clang-format on
    QTest::newRow("version 2") << 2 << version2 << QList<StoredRoom>({hall, den})
                               << QStringList({u"hello"_s, u"welcome"_s})
                               << QStringList({u"psst"_s}) << 7u << 13ull
                               << QList<StoredAccount>({alice}) << QList<StoredRole>()
                               << QList<StoredSanction>() << QList<StoredModeration>();

    const StoredRole owner{1, u"alice"_s, StoredRole::Role::Owner};
    StoredSanction ban;
    ban.roomId = 1;
    ban.kind = StoredSanction::Kind::Ban;
    ban.mask = u"203.0.113.0/24"_s;
    ban.setter = u"Alice"_s;
    ban.reason = u"spam"_s;
    ban.created = QDateTime::fromMSecsSinceEpoch(1700000006000, Qt::UTC);
    StoredSanction mute;
    mute.roomId = 1;
    mute.mask = u"bob"_s;
    mute.until = QDateTime::fromMSecsSinceEpoch(1700000600000, Qt::UTC);
    mute.setter = u"Alice"_s;
    mute.created = QDateTime::fromMSecsSinceEpoch(1700000007000, Qt::UTC);
    // clang-format off
    const QStringList version3 = version2 + QStringList{
        u"INSERT INTO room_roles VALUES (1, 'alice', 'owner')"_s,
        u"INSERT INTO room_sanctions VALUES (1, 'ban', '203.0.113.0/24', NULL, 'Alice', 'spam', 1700000006000)"_s,
        u"INSERT INTO room_sanctions VALUES (1, 'mute', 'bob', 1700000600000, 'Alice', '', 1700000007000)"_s,
    };
    // clang-format on
    QTest::newRow("version 3") << 3 << version3 << QList<StoredRoom>({hall, den})
                               << QStringList({u"hello"_s, u"welcome"_s})
                               << QStringList({u"psst"_s}) << 7u << 13ull
                               << QList<StoredAccount>({alice}) << QList<StoredRole>({owner})
                               << QList<StoredSanction>({ban, mute}) << QList<StoredModeration>();

    StoredModeration banned{1,
                            QDateTime::fromMSecsSinceEpoch(1700000006000, Qt::UTC),
                            u"Alice"_s,
                            u"ban"_s,
                            u"203.0.113.0/24"_s,
                            u"0 spam"_s};
    StoredModeration muted{1,          QDateTime::fromMSecsSinceEpoch(1700000007000, Qt::UTC),
                           u"Alice"_s, u"mute"_s,
                           u"bob"_s,   u"600"_s};
    // clang-format off
    const QStringList version4 = version3 + QStringList{
        u"INSERT INTO moderation_log VALUES (1, 1700000007000, 'Alice', 'mute', 'bob', '600')"_s,
        u"INSERT INTO moderation_log VALUES (1, 1700000006000, 'Alice', 'ban', '203.0.113.0/24', '0 spam')"_s,
    };
    // clang-format on
    QTest::newRow("version 4") << 4 << version4 << QList<StoredRoom>({hall, den})
                               << QStringList({u"hello"_s, u"welcome"_s})
                               << QStringList({u"psst"_s}) << 7u << 13ull
                               << QList<StoredAccount>({alice}) << QList<StoredRole>({owner})
                               << QList<StoredSanction>({ban, mute})
                               << QList<StoredModeration>({banned, muted});

    // Version 5's program writes a line's client tags too: SQLite takes no row without them.
    QStringList version5;
    for (const QString &row : version4) {
        version5 << (row.startsWith(u"INSERT INTO messages "_s) ? row.chopped(1) + u", '')"_s
                                                                : row);
    }
    // clang-format off
    version5 += QStringList{
        u"INSERT INTO messages VALUES (11, 1, 1, 4, 1700000008000, 'bob', 'bob', 2, '', '', 0, 'tagged', '+draft/reply=5-2')"_s,
        u"UPDATE rooms SET last_seq = 4 WHERE id = 1"_s,
    };
    // clang-format on
    StoredRoom hall5 = hall;
    hall5.lastSeq = 4;
    QTest::newRow("version 5") << 5 << version5 << QList<StoredRoom>({hall5, den})
                               << QStringList({u"hello"_s, u"welcome"_s, u"tagged"_s})
                               << QStringList({u"psst"_s}) << 7u << 13ull
                               << QList<StoredAccount>({alice}) << QList<StoredRole>({owner})
                               << QList<StoredSanction>({ban, mute})
                               << QList<StoredModeration>({banned, muted});
}

void tst_Migrations::versions()
{
    QFETCH(int, version);
    QFETCH(QStringList, rows);
    QFETCH(QList<StoredRoom>, rooms);
    QFETCH(QStringList, roomLines);
    QFETCH(QStringList, privateLines);
    QFETCH(quint32, bootNumber);
    QFETCH(quint64, nextId);
    QFETCH(QList<StoredAccount>, accounts);
    QFETCH(QList<StoredRole>, roles);
    QFETCH(QList<StoredSanction>, sanctions);
    QFETCH(QList<StoredModeration>, moderation);
    QVERIFY(version <= Migrations::latestVersion());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath(u"data"_s)));
    const QString file = dir.filePath(u"data/chat.db"_s);
    QFile empty(file);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    const StoreOptions options = this->options(dir.filePath(u"data"_s));
    const std::unique_ptr<SqlDialect> dialect = SqlDialect::create(options);
    QVERIFY(withDatabase(file, [&](QSqlDatabase &db) {
        QString error;
        if (!Migrations::applyUpTo(db, *dialect, version, &error)) {
            qWarning("applyUpTo: %s", qPrintable(error));
            return false;
        }
        if (Migrations::currentVersion(db, *dialect, &error) != version)
            return false;
        QSqlQuery q(db);
        for (const QString &row : rows) {
            if (!q.exec(row)) {
                qWarning("%s: %s", qPrintable(row), qPrintable(q.lastError().text()));
                return false;
            }
        }
        return true;
    }));

    SqlStore store(options);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QCOMPARE(store.bootNumber(), bootNumber);
    QCOMPARE(store.rooms(), rooms);
    QCOMPARE(store.accounts(), accounts);
    QCOMPARE(store.roles(), roles);
    QCOMPARE(store.sanctions(), sanctions);
    QCOMPARE(store.moderation(), moderation);
    bool answered = false;
    HistoryRequest request;
    request.roomId = 1;
    QCOMPARE(texts(read(store, request, &answered)), roomLines);
    // Lines from before version 5 have no client tags; a later one keeps its own.
    for (const StoredMessage &m : read(store, request, &answered).messages)
        QCOMPARE(m.clientTags, m.text == u"tagged"_s ? u"+draft/reply=5-2"_s : QString());
    request.roomId = 0;
    request.person = 1;
    QCOMPARE(texts(read(store, request, &answered)), privateLines);
    // Ids go on from the highest ever given; the room's numbers from its last.
    if (!rooms.isEmpty()) {
        const Written next = append(store, line(1, u"next"_s));
        QCOMPARE(next.error, QString());
        QCOMPARE(next.committed.id, nextId);
        QCOMPARE(next.committed.seq, rooms.constFirst().lastSeq + 1);
        // The upgraded database takes a moderation act.
        const StoredModeration act{
            1, QDateTime::currentDateTimeUtc(), u"alice"_s, u"kick"_s, u"bob"_s, QString()};
        QCOMPARE(
            written(store, [&act](Store &s,
                                  Store::WriteDone done) { s.logModeration(act, std::move(done)); })
                .error,
            QString());
    }
    store.close();

    QVERIFY(withDatabase(file, [&](QSqlDatabase &db) {
        QString error;
        return Migrations::currentVersion(db, *dialect, &error) == Migrations::latestVersion();
    }));
}

void tst_Migrations::newerVersionIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"data"_s)));
    const QString file = dir.filePath(u"data/chat.db"_s);
    const int newer = Migrations::latestVersion() + 1;
    const StoreOptions options = this->options(dir.filePath(u"data"_s));
    const std::unique_ptr<SqlDialect> dialect = SqlDialect::create(options);
    QVERIFY(withDatabase(file, [&](QSqlDatabase &db) {
        QString error;
        QSqlQuery q(db);
        return Migrations::applyUpTo(db, *dialect, Migrations::latestVersion(), &error) &&
               q.exec(u"UPDATE meta SET value = %1 WHERE name = 'schema_version'"_s.arg(newer));
    }));
    SqlStore store(options);
    QVERIFY(!store.open());
    QVERIFY2(store.errorString().endsWith(
                 u"database schema version %1 is newer than this server's %2; use a newer "
                 u"chat-server"_s.arg(newer)
                     .arg(Migrations::latestVersion())),
             qPrintable(store.errorString()));
    QString error;
    QVERIFY(withDatabase(file, [&](QSqlDatabase &db) {
        return Migrations::currentVersion(db, *dialect, &error) == newer;
    }));
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
