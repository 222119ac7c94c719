// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlQuery>
#include <QString>

class SqlConnection;
struct sqlite3_stmt;

// A prepared statement that the writer runs for every line, bound value by value. On SQLite it
// binds and steps through SQLite's own functions on the statement Qt prepared: per value,
// QSqlQuery::bindValue() formats a placeholder name and looks it up in a hash, and each exec()
// copies the values and makes error objects: together as much of the writer's time as SQLite's
// insert itself (perf on W1, docs/PERFORMANCE.md). On the other databases (PostgreSQL) it is
// QSqlQuery, bound as before.
//
// Positions start at 0, as QSqlQuery's. A bound string must live until exec() returns: SQLite
// reads it in place. Errors read as QSqlQuery's would, through SqlConnection::describe().
class SqlStatement
{
public:
    explicit SqlStatement(SqlConnection &connection)
        : m_connection(connection)
    {
    }

    bool prepare(const QString &sql, QString *error);

    void bind(int position, qint64 value);
    void bindNull(int position);                  // an integer column's NULL
    void bind(int position, const QString &text); // a null string binds '', as the columns hold

    // Runs the statement with the values bound (a statement that returns no rows); false with
    // *error when the database failed. Either way the statement is ready to be bound again.
    bool exec(QString *error);

private:
    SqlConnection &m_connection;
    QSqlQuery m_query;
    sqlite3_stmt *m_sqlite = nullptr; // Qt's statement, when the connection is SQLite
};
