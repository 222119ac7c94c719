// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// A PostgreSQL connection URL, as libpq writes it:
//   postgresql://[user[:password]@][host][:port]/dbname[?param=value&...]
// ("postgres://" too). User and password are percent-decoded; the parameters (sslmode,
// passfile, connect_timeout...) go to libpq as they are. where() names the database for
// messages and never holds the password.
class PostgresUrl
{
public:
    PostgresUrl() = default;
    explicit PostgresUrl(const QString &text);

    // Whether text is meant as a PostgreSQL URL (its scheme), valid or not.
    static bool isPostgres(const QString &text);
    // text for a log: a PostgreSQL URL's password replaced by "****"; anything else as it is.
    static QString redacted(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    // Why the URL cannot be used; it quotes no part of the URL, which may hold a password.
    QString errorString() const { return m_error; }

    QString host() const { return m_host; }
    int port() const { return m_port; } // -1: libpq's default
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }
    // The parameters as Qt's QPSQL driver takes them: "name=value;name=value".
    QString connectOptions() const { return m_connectOptions; }

    // "user@host:port/dbname", for messages.
    QString where() const;

private:
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_databaseName;
    QString m_connectOptions;
    QString m_error = QStringLiteral("no database URL");
};
