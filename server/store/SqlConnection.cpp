// SPDX-License-Identifier: MIT
#include "store/SqlConnection.h"

#include "store/Store.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

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

QString uniqueName(SqlConnection::Role role)
{
    static QAtomicInteger<quint64> counter;
    static const char *const roles[] = {"setup", "writer", "reader"};
    return u"chat-store-%1-%2"_s.arg(counter.fetchAndAddRelaxed(1) + 1)
        .arg(QLatin1StringView(roles[int(role)]));
}

} // namespace

SqlConnection::SqlConnection(const QString &path, const StoreOptions &options, Role role)
    : m_path(path)
    , m_name(uniqueName(role))
    , m_options(options)
    , m_role(role)
{
}

SqlConnection::~SqlConnection()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool SqlConnection::open(QString *error)
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    if (!m_db.isValid()) {
        *error = u"Qt's SQLite driver is missing (Debian: libqt6sql6-sqlite)"_s;
        return false;
    }
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        *error = u"cannot open the database %1: %2"_s.arg(m_path, describe(m_db.lastError()));
        return false;
    }
    return setPragmas(error);
}

bool SqlConnection::useWal(QString *error)
{
    QString why;
    const QString mode = value(u"PRAGMA journal_mode=WAL"_s, &why).toString();
    if (!why.isEmpty()) {
        *error = u"cannot use the database %1: %2"_s.arg(m_path, why);
        return false;
    }
    if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qWarning("store: %s keeps the journal mode %s instead of WAL; reads will wait for writes",
                 qPrintable(m_path), qPrintable(mode));
    return true;
}

bool SqlConnection::setPragmas(QString *error)
{
    QString why;
    value(u"SELECT COUNT(*) FROM sqlite_master"_s, &why);
    if (!why.isEmpty()) {
        *error = u"cannot use the database %1: %2"_s.arg(m_path, why);
        return false;
    }
    QStringList pragmas = {
        u"PRAGMA busy_timeout=5000"_s,
        u"PRAGMA foreign_keys=ON"_s,
        m_options.durability == StoreOptions::Durability::Full ? u"PRAGMA synchronous=FULL"_s
                                                               : u"PRAGMA synchronous=NORMAL"_s,
    };
    if (m_role == Role::Reader)
        pragmas << u"PRAGMA query_only=ON"_s;
    for (const QString &pragma : std::as_const(pragmas)) {
        value(pragma, &why);
        if (!why.isEmpty()) {
            *error = u"cannot use the database %1: %2"_s.arg(m_path, why);
            return false;
        }
    }
    // The size limit holds per connection, so each one that writes sets it.
    if (m_role != Role::Reader && m_options.maxBytes > 0) {
        const qint64 pageSize = value(u"PRAGMA page_size"_s, &why).toLongLong();
        if (why.isEmpty() && pageSize > 0) {
            const qint64 pages = std::max<qint64>(1, m_options.maxBytes / pageSize);
            const qint64 set = value(u"PRAGMA max_page_count=%1"_s.arg(pages), &why).toLongLong();
            // SQLite never sets it below the file's present size.
            if (why.isEmpty() && set > pages && m_role == Role::Setup)
                qWarning("store: %s already holds %lld bytes, more than its limit of %lld; "
                         "writes will fail until the limit is raised",
                         qPrintable(m_path), set * pageSize, m_options.maxBytes);
        }
        if (!why.isEmpty()) {
            *error = u"cannot limit the size of %1: %2"_s.arg(m_path, why);
            return false;
        }
    }
    return true;
}

QVariant SqlConnection::value(const QString &sql, QString *error)
{
    error->clear();
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        *error = describe(query.lastError());
        return {};
    }
    const QVariant result = query.next() ? query.value(0) : QVariant();
    if (query.lastError().isValid())
        *error = describe(query.lastError());
    return result;
}

QString SqlConnection::explain(const QSqlError &error, qint64 maxBytes)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (sqliteCode(error)) {
    case SqliteNotADatabase:
        return u"not a chat-server database (%1)"_s.arg(text);
    case SqliteCorrupt:
        return u"the database is damaged (%1); restore it from a backup"_s.arg(text);
    case SqliteFull:
        // Store::isFullError() recognises the prefix: the server says "full" rather than "failed".
        if (maxBytes > 0)
            return Store::FullErrorPrefix +
                   u" (%1; its limit is %2 bytes)"_s.arg(text).arg(maxBytes);
        return Store::FullErrorPrefix + u" (%1)"_s.arg(text);
    default:
        return text;
    }
}
