// SPDX-License-Identifier: MIT
#include "store/SqlStatement.h"

#include "store/SqlConnection.h"

#include <QSqlError>
#include <QSqlResult>

// Qt's SQLite driver on Debian uses the system's libsqlite3 (libqt6sql6-sqlite depends on
// libsqlite3-0), the library linked here: the statement handle Qt gives belongs to it.
#include <sqlite3.h>

using namespace Qt::StringLiterals;

bool SqlStatement::prepare(const QString &sql, QString *error)
{
    m_query = QSqlQuery(m_connection.database());
    m_sqlite = nullptr;
    if (!m_query.prepare(sql)) {
        *error = m_connection.describe(m_query.lastError());
        return false;
    }
    const QVariant handle = m_query.result()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3_stmt*") == 0)
        m_sqlite = *static_cast<sqlite3_stmt *const *>(handle.constData());
    return true;
}

void SqlStatement::bind(int position, qint64 value)
{
    if (m_sqlite)
        sqlite3_bind_int64(m_sqlite, position + 1, value);
    else
        m_query.bindValue(position, value);
}

void SqlStatement::bindNull(int position)
{
    if (m_sqlite)
        sqlite3_bind_null(m_sqlite, position + 1);
    else
        m_query.bindValue(position, QVariant(QMetaType::fromType<qint64>()));
}

void SqlStatement::bind(int position, const QString &text)
{
    if (m_sqlite) {
        // Never a null pointer: SQLite binds that as NULL. Static: the caller keeps text alive.
        static const char16_t empty[] = u"";
        const void *data = text.isEmpty() ? static_cast<const void *>(empty) : text.utf16();
        sqlite3_bind_text16(m_sqlite, position + 1, data, int(text.size() * sizeof(char16_t)),
                            SQLITE_STATIC);
    } else {
        m_query.bindValue(position, text.isNull() ? QString::fromLatin1("") : text);
    }
}

bool SqlStatement::exec(QString *error)
{
    if (!m_sqlite) {
        if (m_query.exec())
            return true;
        *error = m_connection.describe(m_query.lastError());
        m_query.finish();
        return false;
    }
    const int result = sqlite3_step(m_sqlite);
    if (result == SQLITE_DONE || result == SQLITE_ROW) {
        sqlite3_reset(m_sqlite);
        return true;
    }
    // As Qt's driver reports a failed step: SQLite's message and its result code.
    const auto *message =
        static_cast<const char16_t *>(sqlite3_errmsg16(sqlite3_db_handle(m_sqlite)));
    const QSqlError failed(u"Unable to fetch row"_s, QString::fromUtf16(message),
                           QSqlError::ConnectionError, QString::number(result));
    sqlite3_reset(m_sqlite);
    *error = m_connection.describe(failed);
    return false;
}
