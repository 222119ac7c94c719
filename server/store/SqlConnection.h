// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QVariant>

class QSqlError;
class SqlDialect;

// One connection to the database, opened, used and closed on one thread: Qt allows a
// connection only on the thread that made it. Each gets a name of its own, so that several
// stores in one process (the tests open many) and the threads of one store never share one.
// What differs between databases is the dialect's; it outlives the connection.
//
// Destroy every QSqlQuery made on it before the connection: they hold the database open.
class SqlConnection
{
public:
    enum class Role {
        Setup,  // open(): checks and upgrades the schema, counts the boot
        Writer, // the writer thread: the only one that writes lines
        Reader, // the reader thread: reads only (the dialect makes the database enforce it)
    };

    SqlConnection(const SqlDialect &dialect, Role role);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    // Opens the database and sets up the connection for its role. Changes nothing in the
    // database.
    bool open(QString *error);
    QSqlDatabase &database() { return m_db; }
    Role role() const { return m_role; }
    const SqlDialect &dialect() const { return m_dialect; }

    // Runs one statement and gives the first column of its first row.
    QVariant value(const QString &sql, QString *error);

    // Words for a failed statement: the database's own message and what it means here.
    QString describe(const QSqlError &error) const;

private:
    const SqlDialect &m_dialect;
    QString m_name;
    Role m_role;
    QSqlDatabase m_db;
};
