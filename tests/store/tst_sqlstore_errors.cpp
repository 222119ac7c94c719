// SPDX-License-Identifier: MIT
#include "StoreHarness.h"
#include "store/Migrations.h"
#include "store/PostgresUrl.h"
#include "store/SqlStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace StoreHarness;

namespace {

enum class Setup {
    ParentIsFile,
    DirectoryIsFile,
    DirectoryNotWritable,
    FileUnreadable,
    DatabaseIsDirectory,
    RandomBytes,
    ShortGarbage,
    Truncated,
    DamagedPages,
    NewerSchema,
    ForeignTables,
    LockedByStore,
    LockedByProcess,
    WrongPassword,
    NoSuchDatabase,
};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

mode_t modeOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 07777;
}

// Private, as the store makes them, so that it has nothing to tighten (and to warn about).
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() &&
           f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

bool makeDir(const QString &path)
{
    return QDir().mkpath(path) &&
           QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QByteArray randomBytes(qsizetype n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator gen(42);
    gen.fillRange(reinterpret_cast<quint32 *>(bytes.data()), n / 4);
    return bytes;
}

} // namespace

Q_DECLARE_METATYPE(Setup)

// SqlStore's open() refuses what it cannot use, with words that name the problem, and never
// replaces a file it refused with a fresh database. On PostgreSQL (the store_postgresql test)
// the rows that are not about a file: a newer or foreign schema, a refused login, a missing
// database; the words name the host and the database, never the password.
class tst_SqlStoreErrors : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void openFails_data();
    void openFails();
    void staleLockIsTakenOver();
    void modesOfNewFiles();
    void modesAreTightened();
    void fullDatabase();

private:
    bool onPostgres() const { return !postgresUrl().isEmpty(); }
    QString database() const { return onPostgres() ? u"postgresql"_s : u"sqlite"_s; }
    // A store on the data directory with lines in it, closed again.
    bool makeDatabase(int lines, const StoreOptions &options);

    std::unique_ptr<QTemporaryDir> m_dir;
    StoreOptions m_options;
    QString m_data;
    QString m_file;
    QProcess m_holder;
};

void tst_SqlStoreErrors::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_data = m_dir->filePath(u"data"_s);
    m_file = m_data + u"/chat.db"_s;
    m_options = {};
    m_options.dataDirectory = m_data;
    m_options.durability = StoreOptions::Durability::Normal;
    if (onPostgres()) {
        QString error;
        QVERIFY2(emptyPostgres(&error), qPrintable(error));
        m_options = onDatabase(u"postgresql"_s, m_options);
    }
}

void tst_SqlStoreErrors::cleanup()
{
    if (m_holder.state() != QProcess::NotRunning) {
        m_holder.closeWriteChannel(); // cat ends at end of input
        m_holder.waitForFinished();
    }
    // Let QTemporaryDir remove what the tests locked away.
    ::chmod(QFile::encodeName(m_data).constData(), 0700);
    ::chmod(QFile::encodeName(m_file).constData(), 0600);
    m_dir.reset();
}

bool tst_SqlStoreErrors::makeDatabase(int lines, const StoreOptions &options)
{
    SqlStore store(options);
    if (!store.open())
        return false;
    if (!createRoom(store, room(1, u"hall"_s)).error.isEmpty())
        return false;
    QList<StoredMessage> batch;
    for (int i = 0; i < lines; ++i)
        batch.append(line(1, u"line %1 "_s.arg(i) + QString(200, u'x')));
    const QList<Written> written = appendAll(store, batch);
    store.close();
    return written.size() == lines;
}

void tst_SqlStoreErrors::openFails_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("error"); // a regular expression

    const QString newer =
        u"database schema version %1 is newer than this server's %2; use a newer chat-server$"_s
            .arg(Migrations::latestVersion() + 1)
            .arg(Migrations::latestVersion());
    if (onPostgres()) {
        const PostgresUrl url(postgresUrl());
        const QString where = QRegularExpression::escape(url.where());
        const QString elsewhere = QRegularExpression::escape(
            url.where().replace(url.databaseName(), u"no_such_database"_s));
        // clang-format off
        QTest::newRow("newer schema") << Setup::NewerSchema << u"^cannot use the database %1: "_s.arg(where) + newer;
        QTest::newRow("someone else's tables") << Setup::ForeignTables << u"^cannot use the database %1: it holds tables, but not those of a chat-server$"_s.arg(where);
        QTest::newRow("wrong password") << Setup::WrongPassword << u"^cannot open the database %1: .*password authentication failed"_s.arg(where);
        QTest::newRow("no such database") << Setup::NoSuchDatabase << u"^cannot open the database %1: .*does not exist"_s.arg(elsewhere);
        QTest::newRow("locked by another store") << Setup::LockedByStore << u"^the database %1 is in use by another chat-server; stop it first$"_s.arg(where);
        // clang-format on
        return;
    }
    const QString pid = QString::number(QCoreApplication::applicationPid());
    // clang-format off
    QTest::newRow("directory cannot be created") << Setup::ParentIsFile << u"^cannot create the data directory .*/parent/data: .*/parent is not a folder$"_s;
    QTest::newRow("directory is a file") << Setup::DirectoryIsFile << u"^the data directory .*/data is not a directory$"_s;
    QTest::newRow("directory not writable") << Setup::DirectoryNotWritable << u"^the data directory .*/data is not writable: Permission denied$"_s;
    QTest::newRow("file unreadable") << Setup::FileUnreadable << u"^cannot read and write the database .*/chat.db: Permission denied$"_s;
    QTest::newRow("database is a directory") << Setup::DatabaseIsDirectory << u"^the database .*/chat.db is not a file$"_s;
    QTest::newRow("not a database") << Setup::RandomBytes << u"^.*/chat.db is not a chat-server database \\(it is not a SQLite file\\)$"_s;
    QTest::newRow("a few bytes") << Setup::ShortGarbage << u"^.*/chat.db is not a chat-server database"_s;
    QTest::newRow("truncated") << Setup::Truncated << u"^the database .*/chat.db is damaged: it is cut short \\(\\d+ bytes of \\d+\\); restore it from a backup$"_s;
    QTest::newRow("damaged pages") << Setup::DamagedPages << u"^cannot use the database .*/chat.db: the database is damaged \\(.*\\); restore it from a backup$"_s;
    QTest::newRow("newer schema") << Setup::NewerSchema << u"^cannot use the database .*/chat.db: "_s + newer;
    QTest::newRow("someone else's tables") << Setup::ForeignTables << u"^cannot use the database .*/chat.db: it holds tables, but not those of a chat-server$"_s;
    QTest::newRow("locked by another store") << Setup::LockedByStore << u"^the data directory .*/data is in use by another chat-server \\(pid %1, .*\\); stop it first"_s.arg(pid);
    QTest::newRow("locked by another process") << Setup::LockedByProcess << u"^the data directory .*/data is in use by another chat-server \\(pid \\d+, cat on .*\\)"_s;
    // clang-format on
}

void tst_SqlStoreErrors::openFails()
{
    QFETCH(Setup, setup);
    QFETCH(QString, error);
    const bool root = ::geteuid() == 0;
    std::unique_ptr<SqlStore> holder;

    switch (setup) {
    case Setup::ParentIsFile:
        QVERIFY(writeFile(m_dir->filePath(u"parent"_s), "a file"));
        m_options.dataDirectory = m_dir->filePath(u"parent/data"_s);
        break;
    case Setup::DirectoryIsFile:
        QVERIFY(writeFile(m_data, "a file"));
        break;
    case Setup::DirectoryNotWritable:
        if (root)
            QSKIP("root writes to any directory: run as another user to test this");
        QVERIFY(makeDir(m_data));
        QVERIFY(::chmod(QFile::encodeName(m_data).constData(), 0500) == 0);
        break;
    case Setup::FileUnreadable:
        if (root)
            QSKIP("root reads any file: run as another user to test this ('database is a "
                  "directory' covers the path)");
        QVERIFY(makeDatabase(10, m_options));
        QVERIFY(::chmod(QFile::encodeName(m_file).constData(), 0) == 0);
        break;
    case Setup::DatabaseIsDirectory:
        QVERIFY(makeDir(m_data));
        QVERIFY(QDir().mkpath(m_file));
        break;
    case Setup::RandomBytes:
        QVERIFY(makeDir(m_data));
        QVERIFY(writeFile(m_file, randomBytes(8192)));
        break;
    case Setup::ShortGarbage:
        QVERIFY(makeDir(m_data));
        QVERIFY(writeFile(m_file, "hello"));
        break;
    case Setup::Truncated:
    case Setup::DamagedPages: {
        QVERIFY(makeDatabase(2000, m_options));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 100 * 1024);
        if (setup == Setup::Truncated) {
            QVERIFY(f.resize(size / 2));
        } else {
            // The header stays; every page after the first is noise.
            QVERIFY(f.seek(4096));
            QCOMPARE(f.write(randomBytes(size - 4096)), size - 4096);
        }
        break;
    }
    case Setup::NewerSchema:
        QVERIFY(makeDatabase(1, m_options));
        QVERIFY(withDatabase(database(), m_file, u"newer"_s, [](QSqlDatabase &db) {
            return QSqlQuery(db).exec(
                u"UPDATE meta SET value = value + 1 WHERE name = 'schema_version'"_s);
        }));
        break;
    case Setup::ForeignTables:
        QVERIFY(onPostgres() || makeDir(m_data));
        QVERIFY(withDatabase(database(), m_file, u"foreign"_s, [](QSqlDatabase &db) {
            return QSqlQuery(db).exec(u"CREATE TABLE recipes (name TEXT)"_s);
        }));
        QVERIFY(onPostgres() ||
                QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner));
        break;
    case Setup::WrongPassword: {
        QUrl url(m_options.databaseUrl);
        url.setPassword(u"not-the-password"_s);
        m_options.databaseUrl = url.toString();
        break;
    }
    case Setup::NoSuchDatabase: {
        QUrl url(m_options.databaseUrl);
        url.setPath(u"/no_such_database"_s);
        m_options.databaseUrl = url.toString();
        break;
    }
    case Setup::LockedByStore:
        holder = std::make_unique<SqlStore>(m_options);
        QVERIFY(holder->open());
        break;
    case Setup::LockedByProcess: {
        // A live process that is not us, holding the lock as QLockFile writes it (pid,
        // program name, host): cat, waiting for input that comes when the test ends.
        QVERIFY(makeDir(m_data));
        m_holder.start(u"cat"_s, {});
        QVERIFY(m_holder.waitForStarted());
        const QByteArray info = QByteArray::number(m_holder.processId()) + "\ncat\n" +
                                QSysInfo::machineHostName().toUtf8() + "\n";
        QVERIFY(writeFile(m_data + u"/chat.lock"_s, info));
        break;
    }
    }

    const bool fileExisted = QFileInfo(m_file).isFile();
    const QByteArray hashBefore = fileHash(m_file);
    const qint64 sizeBefore = QFileInfo(m_file).size();

    SqlStore store(m_options);
    QVERIFY(!store.open());
    QVERIFY2(QRegularExpression(error).match(store.errorString()).hasMatch(),
             qPrintable(store.errorString()));
    if (onPostgres()) {
        for (const QString &url : {postgresUrl(), m_options.databaseUrl})
            QVERIFY(!store.errorString().contains(PostgresUrl(url).password()));
    }
    // Still refused the second time, and nothing replaced or made instead.
    QVERIFY(!store.open());
    QCOMPARE(QFileInfo(m_file).isFile(), fileExisted);
    QCOMPARE(fileHash(m_file), hashBefore);
    QCOMPARE(QFileInfo(m_file).size(), sizeBefore);
    store.close(); // harmless on a store that never opened

    if (holder) {
        // Once the other store is gone, the directory is free.
        holder.reset();
        QVERIFY2(store.open(), qPrintable(store.errorString()));
    }
}

void tst_SqlStoreErrors::staleLockIsTakenOver()
{
    if (onPostgres())
        QSKIP("a SQLite file's folder, lock and size: not PostgreSQL's");
    // A lock left by a process that is gone: a finished child's pid.
    QProcess gone;
    gone.start(u"true"_s, {});
    QVERIFY(gone.waitForStarted());
    const qint64 pid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(makeDir(m_data));
    QVERIFY(writeFile(m_data + u"/chat.lock"_s, QByteArray::number(pid) + "\ntrue\n" +
                                                    QSysInfo::machineHostName().toUtf8() + "\n"));
    SqlStore store(m_options);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
}

void tst_SqlStoreErrors::modesOfNewFiles()
{
    if (onPostgres())
        QSKIP("a SQLite file's folder, lock and size: not PostgreSQL's");
    const mode_t old = ::umask(0);
    SqlStore store(m_options);
    const bool opened = store.open();
    ::umask(old);
    QVERIFY2(opened, qPrintable(store.errorString()));
    QCOMPARE(modeOf(m_data), mode_t(0700));
    QCOMPARE(modeOf(m_file), mode_t(0600));
    QCOMPARE(createRoom(store, room(1, u"hall"_s)).error, QString());
    // SQLite gives its companions the database's mode.
    QCOMPARE(modeOf(m_file + u"-wal"_s), mode_t(0600));
}

void tst_SqlStoreErrors::modesAreTightened()
{
    if (onPostgres())
        QSKIP("a SQLite file's folder, lock and size: not PostgreSQL's");
    QVERIFY(makeDatabase(1, m_options));
    QVERIFY(::chmod(QFile::encodeName(m_data).constData(), 0755) == 0);
    QVERIFY(::chmod(QFile::encodeName(m_file).constData(), 0644) == 0);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^store: .*/data was open to other users \\(mode "
                                            u"0755\\); made it 0700$"_s));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"^store: .*/chat.db was open to other users \\(mode "
                                            u"0644\\); made it 0600$"_s));
    SqlStore store(m_options);
    QVERIFY2(store.open(), qPrintable(store.errorString()));
    QCOMPARE(modeOf(m_data), mode_t(0700));
    QCOMPARE(modeOf(m_file), mode_t(0600));
    QCOMPARE(store.rooms().size(), 1);
}

// A database at its size limit refuses each write that does not fit, cleanly (nothing half
// kept, no gap in the sequence), serves reads, and writes again once the limit is raised.
void tst_SqlStoreErrors::fullDatabase()
{
    if (onPostgres())
        QSKIP("a SQLite file's folder, lock and size: not PostgreSQL's");
    m_options.maxBytes = 160 * 1024;
    auto store = std::make_unique<SqlStore>(m_options);
    QVERIFY2(store->open(), qPrintable(store->errorString()));
    QCOMPARE(createRoom(*store, room(1, u"hall"_s)).error, QString());
    QList<StoredMessage> lines;
    for (int i = 0; i < 150; ++i)
        lines.append(line(1, u"%1 "_s.arg(i) + QString(1500, u'x')));
    const QList<Written> written = appendAll(*store, lines);
    QCOMPARE(written.size(), lines.size());

    quint64 kept = 0;
    int refused = 0;
    for (qsizetype i = 0; i < written.size(); ++i) {
        const Written &w = written[i];
        if (w.error.isEmpty()) {
            // Every line kept got the next number: none was lost to a failed one. Tried again
            // one by one after the batch failed, each comes back whole.
            QCOMPARE(w.committed.seq, kept + 1);
            QCOMPARE(w.committed.text, lines[i].text);
            QCOMPARE(w.committed.roomId, 1);
            ++kept;
        } else {
            QVERIFY2(Store::isFullError(w.error), qPrintable(w.error));
            QVERIFY2(w.error.contains(u"163840 bytes"_s), qPrintable(w.error));
            QCOMPARE(w.committed, StoredMessage());
            ++refused;
        }
    }
    QVERIFY2(kept > 10, qPrintable(QString::number(kept)));
    QVERIFY(refused > 0);
    QCOMPARE(store->stats().failedWrites, refused);
    QCOMPARE(store->stats().committedLines, qint64(kept));

    // What is there reads back whole.
    bool answered = false;
    HistoryRequest all;
    all.roomId = 1;
    all.limit = 1000;
    const HistoryPage page = read(*store, all, &answered);
    QCOMPARE(page.error, QString());
    QCOMPARE(quint64(page.messages.size()), kept);
    QCOMPARE(page.messages.constLast().seq, kept);

    // The same limit after a restart: still full, still clean.
    store.reset();
    store = std::make_unique<SqlStore>(m_options);
    QVERIFY2(store->open(), qPrintable(store->errorString()));
    QCOMPARE(store->rooms().value(0).lastSeq, kept);
    QVERIFY(!append(*store, lines.constLast()).error.isEmpty());

    // Raised: the next line gets the next number.
    store->close();
    m_options.maxBytes = 0;
    store = std::make_unique<SqlStore>(m_options);
    QVERIFY2(store->open(), qPrintable(store->errorString()));
    const Written next = append(*store, lines.constLast());
    QCOMPARE(next.error, QString());
    QCOMPARE(next.committed.seq, kept + 1);
}

QTEST_GUILESS_MAIN(tst_SqlStoreErrors)
#include "tst_sqlstore_errors.moc"
