// SPDX-License-Identifier: MIT
#pragma once

#include "store/PostgresUrl.h"
#include "store/SqlDialect.h"

// PostgreSQL through Qt's QPSQL driver, at the URL of StoreOptions::databaseUrl. The server
// owns its files, so there is no folder to lock and no file to check: an advisory lock keeps
// a second chat-server off the database instead. Durability is the session's
// synchronous_commit, and the reader's sessions are read-only. A PostgreSQL
// database has no size limit of its own: StoreOptions::maxBytes is not applied (a warning
// says so).
class PostgresDialect : public SqlDialect
{
public:
    explicit PostgresDialect(const StoreOptions &options);

    QString where() const override { return m_url.where(); }
    QString migrationVariant() const override;
    bool claim(QString *error) override;
    void release() override {}
    QSqlDatabase add(const QString &name, QString *error) const override;
    bool configure(SqlConnection &connection, QString *error) const override;
    bool afterMigration(SqlConnection &, QString *) const override { return true; }
    QString explain(const QSqlError &error) const override;
    void beforeClose(SqlConnection &connection) const override;

private:
    PostgresUrl m_url;
};
