// SPDX-License-Identifier: MIT
#include "store/SqliteDialect.h"

#include "store/SqlConnection.h"
#include "store/Store.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {

// SQLite's primary result codes that open() and the writer tell apart.
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteNotADatabase = 26;

int sqliteCode(const QSqlError &error)
{
    // Qt gives SQLite's result code as text; extended codes keep the primary one in the low
    // byte.
    return error.nativeErrorCode().toInt() & 0xff;
}

} // namespace

SqliteDialect::SqliteDialect(const StoreOptions &options)
    : SqlDialect(options)
    , m_directory(options.dataDirectory)
{
}

QString SqliteDialect::migrationVariant() const
{
    return u"sqlite"_s;
}

bool SqliteDialect::claim(QString *error)
{
    if (m_options.sharedWriters) {
        *error = u"a database file cannot be shared by the nodes of a cluster; give them a "
                 u"PostgreSQL database"_s;
        return false;
    }
    return m_directory.prepare(error) && m_directory.lock(error) &&
           m_directory.checkDatabaseFile(error);
}

void SqliteDialect::release()
{
    m_directory.unlock();
}

QSqlDatabase SqliteDialect::add(const QString &name, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    if (!db.isValid())
        *error = u"Qt's SQLite driver is missing (Debian: libqt6sql6-sqlite)"_s;
    db.setDatabaseName(where());
    return db;
}

bool SqliteDialect::configure(SqlConnection &connection, QString *error) const
{
    const QString path = where();
    const SqlConnection::Role role = connection.role();
    QString why;
    // Reading the schema is where SQLite finds that a file is not a database.
    connection.value(u"SELECT COUNT(*) FROM sqlite_master"_s, &why);
    if (!why.isEmpty()) {
        *error = u"cannot use the database %1: %2"_s.arg(path, why);
        return false;
    }
    QStringList pragmas = {
        u"PRAGMA busy_timeout=5000"_s,
        u"PRAGMA foreign_keys=ON"_s,
        m_options.durability == StoreOptions::Durability::Full ? u"PRAGMA synchronous=FULL"_s
                                                               : u"PRAGMA synchronous=NORMAL"_s,
    };
    if (role == SqlConnection::Role::Reader)
        pragmas << u"PRAGMA query_only=ON"_s;
    for (const QString &pragma : std::as_const(pragmas)) {
        connection.value(pragma, &why);
        if (!why.isEmpty()) {
            *error = u"cannot use the database %1: %2"_s.arg(path, why);
            return false;
        }
    }
    // The size limit holds per connection, so each one that writes sets it.
    if (role != SqlConnection::Role::Reader && m_options.maxBytes > 0) {
        const qint64 pageSize = connection.value(u"PRAGMA page_size"_s, &why).toLongLong();
        if (why.isEmpty() && pageSize > 0) {
            const qint64 pages = std::max<qint64>(1, m_options.maxBytes / pageSize);
            const qint64 set =
                connection.value(u"PRAGMA max_page_count=%1"_s.arg(pages), &why).toLongLong();
            // SQLite never sets it below the file's present size.
            if (why.isEmpty() && set > pages && role == SqlConnection::Role::Setup)
                qWarning("store: %s already holds %lld bytes, more than its limit of %lld; "
                         "writes will fail until the limit is raised",
                         qPrintable(path), set * pageSize, m_options.maxBytes);
        }
        if (!why.isEmpty()) {
            *error = u"cannot limit the size of %1: %2"_s.arg(path, why);
            return false;
        }
    }
    return true;
}

bool SqliteDialect::afterMigration(SqlConnection &connection, QString *error) const
{
    // Only once the file is known to be ours: WAL changes the file.
    QString why;
    const QString mode = connection.value(u"PRAGMA journal_mode=WAL"_s, &why).toString();
    if (!why.isEmpty()) {
        *error = u"cannot use the database %1: %2"_s.arg(where(), why);
        return false;
    }
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qWarning("store: %s keeps the journal mode %s instead of WAL; reads will wait for writes",
                 qPrintable(where()), qPrintable(mode));
    return true;
}

QString SqliteDialect::explain(const QSqlError &error) const
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (sqliteCode(error)) {
    case SqliteNotADatabase:
        return u"not a chat-server database (%1)"_s.arg(text);
    case SqliteCorrupt:
        return u"the database is damaged (%1); restore it from a backup"_s.arg(text);
    case SqliteFull:
        // Store::isFullError() recognises the prefix: the server says "full" rather than "failed".
        if (m_options.maxBytes > 0)
            return Store::FullErrorPrefix +
                   u" (%1; its limit is %2 bytes)"_s.arg(text).arg(m_options.maxBytes);
        return Store::FullErrorPrefix + u" (%1)"_s.arg(text);
    default:
        return text;
    }
}
