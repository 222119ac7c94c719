// SPDX-License-Identifier: MIT
#include "store/PostgresDialect.h"

#include "store/SqlConnection.h"
#include "store/Store.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {

// SQLSTATEs (PostgreSQL's appendix "Error Codes") that the writer and open() tell apart.
const QString DiskFull = u"53100"_s;
const QString DataCorrupted = u"XX001"_s;
const QString IndexCorrupted = u"XX002"_s;

// The advisory lock that keeps a second chat-server off the database (its key: "chat" in
// ASCII). Advisory locks are per database, so servers on other databases of one PostgreSQL
// do not meet. The nodes of a cluster hold it shared: together they keep off a lone server,
// and a lone server keeps them off.
constexpr qint64 ServerLock = 0x63686174;
// Held by the nodes of a cluster while they check and upgrade the schema and count their boot,
// one node at a time ("chaT").
constexpr qint64 SetupLock = 0x63686154;

} // namespace

PostgresDialect::PostgresDialect(const StoreOptions &options)
    : SqlDialect(options)
    , m_url(options.databaseUrl)
{
}

QString PostgresDialect::migrationVariant() const
{
    return u"postgresql"_s;
}

bool PostgresDialect::claim(QString *error)
{
    if (!m_url.isValid()) {
        *error = m_url.errorString();
        return false;
    }
    return true;
}

QSqlDatabase PostgresDialect::add(const QString &name, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    if (!db.isValid())
        *error = u"Qt's PostgreSQL driver is missing (Debian: libqt6sql6-psql)"_s;
    db.setHostName(m_url.host());
    db.setPort(m_url.port());
    db.setUserName(m_url.user());
    db.setPassword(m_url.password());
    db.setDatabaseName(m_url.databaseName());
    db.setConnectOptions(m_url.connectOptions());
    return db;
}

bool PostgresDialect::configure(SqlConnection &connection, QString *error) const
{
    // Full: a commit returns once PostgreSQL has flushed it to disk, whatever the server's
    // default. Normal: once it is committed in PostgreSQL's memory, which outlives this
    // process but not a crash of PostgreSQL's machine (its WAL writer flushes within
    // wal_writer_delay).
    QStringList settings = {
        m_options.durability == StoreOptions::Durability::Full ? u"SET synchronous_commit TO on"_s
                                                               : u"SET synchronous_commit TO off"_s,
    };
    if (connection.role() == SqlConnection::Role::Reader)
        settings << u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s;
    QString why;
    for (const QString &setting : std::as_const(settings)) {
        connection.value(setting, &why);
        if (!why.isEmpty()) {
            *error = u"cannot use the database %1: %2"_s.arg(where(), why);
            return false;
        }
    }
    // A lone server keeps ids and sequence numbers in memory (SqlCommitter), so one server per
    // database, as the lock file does for SQLite: the setup connection holds the lock while
    // it migrates, the writer's for the store's life. The reader needs none.
    if (connection.role() != SqlConnection::Role::Reader) {
        if (m_options.sharedWriters && connection.role() == SqlConnection::Role::Setup) {
            // Waits for a node that is upgrading the schema: a start-up may block.
            connection.value(u"SELECT pg_advisory_lock(%1)"_s.arg(SetupLock), &why);
            if (!why.isEmpty()) {
                *error = u"cannot use the database %1: %2"_s.arg(where(), why);
                return false;
            }
        }
        const QString take = m_options.sharedWriters ? u"SELECT pg_try_advisory_lock_shared(%1)"_s
                                                     : u"SELECT pg_try_advisory_lock(%1)"_s;
        const QVariant locked = connection.value(take.arg(ServerLock), &why);
        if (!why.isEmpty()) {
            *error = u"cannot use the database %1: %2"_s.arg(where(), why);
            return false;
        }
        if (!locked.toBool()) {
            *error = m_options.sharedWriters
                         ? u"the database %1 is in use by a chat-server that is not in a cluster; "
                           u"stop it first"_s.arg(where())
                         : u"the database %1 is in use by another chat-server; stop it first"_s.arg(
                               where());
            return false;
        }
    }
    if (connection.role() == SqlConnection::Role::Setup && m_options.maxBytes > 0)
        qWarning("store: %s is a PostgreSQL database, which has no size limit of its own; the "
                 "limit of %lld bytes is not applied (give PostgreSQL's disk a quota instead)",
                 qPrintable(where()), m_options.maxBytes);
    return true;
}

void PostgresDialect::beforeClose(SqlConnection &connection) const
{
    // PostgreSQL lets a session's advisory locks go when its backend has exited, which happens
    // after the client closed the connection: a store opened again at once (a restart, the
    // writer after the set-up connection) would find the server's lock still held.
    if (connection.role() == SqlConnection::Role::Reader)
        return;
    QString error;
    connection.value(u"SELECT pg_advisory_unlock_all()"_s, &error);
}

QString PostgresDialect::explain(const QSqlError &error) const
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString state = error.nativeErrorCode();
    if (state == DiskFull)
        // Store::isFullError() recognises the prefix: the server says "full" rather than "failed".
        return Store::FullErrorPrefix + u" (%1)"_s.arg(text.trimmed());
    if (state == DataCorrupted || state == IndexCorrupted)
        return u"the database is damaged (%1); restore it from a backup"_s.arg(text.trimmed());
    return text.trimmed();
}
