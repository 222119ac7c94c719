// SPDX-License-Identifier: MIT
#pragma once

#include "store/DataDirectory.h"
#include "store/SqlDialect.h"

// SQLite: one file, <dataDirectory>/chat.db, in a private folder that one server locks. The
// connection's PRAGMAs carry durability (synchronous), the size limit (max_page_count) and
// the reader's read-only promise (query_only); WAL lets the reader read while the writer
// commits.
class SqliteDialect : public SqlDialect
{
public:
    explicit SqliteDialect(const StoreOptions &options);

    QString where() const override { return m_directory.databasePath(); }
    QString migrationVariant() const override;
    bool claim(QString *error) override;
    void release() override;
    QSqlDatabase add(const QString &name, QString *error) const override;
    bool configure(SqlConnection &connection, QString *error) const override;
    bool afterMigration(SqlConnection &connection, QString *error) const override;
    QString explain(const QSqlError &error) const override;

private:
    DataDirectory m_directory;
};
