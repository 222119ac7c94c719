// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class SqlDialect;

// The schema's versions: SQL files compiled into the program (store/migrations/NNN_*.sql,
// numbered from 1 without gaps), applied in order, each in one transaction, with the version
// reached kept in the meta table (not PRAGMA user_version: the SQL stays the same for
// another database). A new version is one new file.
//
// Where a database needs other SQL, a file of the same name in store/migrations/<variant>/
// (SqlDialect::migrationVariant(), e.g. postgresql/) replaces the shared one for it, so that
// every database has the same numbered versions.
class Migrations
{
public:
    struct Step
    {
        int version = 0;
        QString name; // the file's name, for messages
        QStringList statements;
    };

    // The steps compiled in for a variant, in order; without one, the shared files.
    static QList<Step> steps(const QString &variant = {});
    static int latestVersion();

    // The schema version of an open database: 0 when it holds no schema yet. -1 with *error
    // when it cannot be read.
    static int currentVersion(QSqlDatabase &db, const SqlDialect &dialect, QString *error);

    // Brings the database to the latest version; refuses one newer than this program knows.
    static bool migrate(QSqlDatabase &db, const SqlDialect &dialect, QString *error);
    // Applies the steps after the current version up to version only; for tests that need a
    // database as an older program left it.
    static bool applyUpTo(QSqlDatabase &db, const SqlDialect &dialect, int version, QString *error);

    // Splits a file into its statements, each ending with ';' at the end of a line; drops
    // comment lines.
    static QStringList split(const QString &sql);

private:
    static QHash<QString, QList<Step>> load();
    static bool apply(QSqlDatabase &db, const SqlDialect &dialect, const Step &step,
                      QString *error);
};
