// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreOptions.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlError;
class SqlConnection;

// What differs between the databases SqlStore runs on, in one place: how a connection is
// made and set up, what must happen before the first one and after the schema is ours, which
// migration files replace the shared ones, and what an error means. Everything else (the
// statements of SqlCommitter, SqlHistory, SqlPruner...) is the same SQL for all of them.
//
// claim() and release() run on the store's thread; the const functions on any connection's
// thread, so they only read.
class SqlDialect
{
public:
    // PostgreSQL when the options name a database URL, else SQLite in the data directory.
    static std::unique_ptr<SqlDialect> create(const StoreOptions &options);

    explicit SqlDialect(const StoreOptions &options)
        : m_options(options)
    {
    }
    virtual ~SqlDialect() = default;
    SqlDialect(const SqlDialect &) = delete;
    SqlDialect &operator=(const SqlDialect &) = delete;

    // The database for messages: a file, or host, port and name. Never a password.
    virtual QString where() const = 0;
    // The folder under store/migrations/ whose files replace the shared ones of the same name.
    virtual QString migrationVariant() const = 0;

    // Before the first connection: SQLite makes and locks its folder and checks the file.
    virtual bool claim(QString *error) = 0;
    virtual void release() = 0;

    // A connection called name to the database, not yet opened.
    virtual QSqlDatabase add(const QString &name, QString *error) const = 0;
    // Once the connection is open: the settings of its role (durability, read-only, size).
    virtual bool configure(SqlConnection &connection, QString *error) const = 0;
    // On the setup connection, once the schema is known to be ours.
    virtual bool afterMigration(SqlConnection &connection, QString *error) const = 0;
    // The connection is about to close: what it holds must be let go of now, not when the
    // database notices it has gone (the next connection may want it at once).
    virtual void beforeClose(SqlConnection &connection) const { Q_UNUSED(connection); }

    // Words for a failed statement: the database's own message and what it means here.
    virtual QString explain(const QSqlError &error) const = 0;

protected:
    const StoreOptions m_options;
};
