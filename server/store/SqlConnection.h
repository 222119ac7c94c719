// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreOptions.h"

#include <QSqlDatabase>
#include <QVariant>

class QSqlError;

// One connection to the database file, opened, used and closed on one thread: Qt allows a
// connection only on the thread that made it. Each gets a name of its own, so that several
// stores in one process (the tests open many) and the threads of one store never share one.
//
// Destroy every QSqlQuery made on it before the connection: they hold the database open.
class SqlConnection
{
public:
    enum class Role {
        Setup,  // open(): checks and upgrades the schema, counts the boot
        Writer, // the writer thread: the only one that writes lines
        Reader, // the reader thread: reads only (SQLite enforces it with query_only)
    };

    SqlConnection(const QString &path, const StoreOptions &options, Role role);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    // Opens the file and sets the connection's PRAGMAs. Reads the schema first: that is where
    // SQLite finds that a file is not a database. Changes nothing in the file.
    bool open(QString *error);
    // Setup: switches the file to WAL, which lets the reader read while the writer commits.
    // Only once the file is known to be ours: it changes the file.
    bool useWal(QString *error);
    QSqlDatabase &database() { return m_db; }
    QString path() const { return m_path; }

    // Runs one statement and gives the first column of its first row.
    QVariant value(const QString &sql, QString *error);

    // Words for a failed statement: the database's own message and what it means here.
    QString describe(const QSqlError &error) const { return explain(error, m_options.maxBytes); }
    static QString explain(const QSqlError &error, qint64 maxBytes = 0);

private:
    bool setPragmas(QString *error);

    QString m_path;
    QString m_name;
    StoreOptions m_options;
    Role m_role;
    QSqlDatabase m_db;
};
