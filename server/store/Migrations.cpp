// SPDX-License-Identifier: MIT
#include "store/Migrations.h"

#include "store/SqlConnection.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString ResourceFolder = u":/store/migrations"_s;

QString errorText(const QSqlError &error)
{
    return SqlConnection::explain(error);
}

} // namespace

QList<Migrations::Step> Migrations::steps()
{
    // Read once: the files are part of the program.
    static const QList<Step> all = [] {
        QList<Step> result;
        const QStringList files =
            QDir(ResourceFolder).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            QFile f(ResourceFolder + u'/' + file);
            if (!f.open(QIODevice::ReadOnly))
                qFatal("store: cannot read the compiled-in migration %s", qPrintable(file));
            const int version = file.section(u'_', 0, 0).toInt();
            // A gap or a duplicate would make the version numbers lie.
            if (version != result.size() + 1)
                qFatal("store: migration %s is out of sequence (expected number %lld)",
                       qPrintable(file), qsizetype(result.size() + 1));
            result.append({version, file, split(QString::fromUtf8(f.readAll()))});
        }
        return result;
    }();
    return all;
}

int Migrations::latestVersion()
{
    return int(steps().size());
}

QStringList Migrations::split(const QString &sql)
{
    QStringList statements;
    QString current;
    const QStringList lines = sql.split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u"--"_s))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            current = current.trimmed();
            current.chop(1);
            statements.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

int Migrations::currentVersion(QSqlDatabase &db, QString *error)
{
    // tables() hides errors; SqlConnection::open() has already read the file, so an empty
    // list means an empty database.
    const QStringList tables = db.tables();
    if (!tables.contains(u"meta"_s)) {
        if (!tables.isEmpty()) {
            *error = u"it holds tables, but not those of a chat-server"_s;
            return -1;
        }
        return 0;
    }
    QSqlQuery query(db);
    if (!query.exec(u"SELECT value FROM meta WHERE name = 'schema_version'"_s)) {
        *error = errorText(query.lastError());
        return -1;
    }
    // Version 1 creates meta; a database interrupted before recording it never committed.
    return query.next() ? query.value(0).toInt() : 0;
}

bool Migrations::migrate(QSqlDatabase &db, QString *error)
{
    const int current = currentVersion(db, error);
    if (current < 0)
        return false;
    if (current > latestVersion()) {
        *error = u"database schema version %1 is newer than this server's %2; use a newer "
                 u"chat-server"_s.arg(current)
                     .arg(latestVersion());
        return false;
    }
    return applyUpTo(db, latestVersion(), error);
}

bool Migrations::applyUpTo(QSqlDatabase &db, int version, QString *error)
{
    const int current = currentVersion(db, error);
    if (current < 0)
        return false;
    const QList<Step> all = steps();
    for (const Step &step : all) {
        if (step.version > current && step.version <= version && !apply(db, step, error))
            return false;
    }
    return true;
}

bool Migrations::apply(QSqlDatabase &db, const Step &step, QString *error)
{
    if (!db.transaction()) {
        *error = u"cannot start migration %1: %2"_s.arg(step.name, errorText(db.lastError()));
        return false;
    }
    QSqlQuery query(db);
    auto fail = [&](const QString &what) {
        *error = u"migration %1 failed: %2"_s.arg(step.name, what);
        query.finish();
        db.rollback();
        return false;
    };
    for (const QString &statement : step.statements) {
        if (!query.exec(statement))
            return fail(errorText(query.lastError()));
    }
    query.prepare(u"UPDATE meta SET value = :version WHERE name = 'schema_version'"_s);
    query.bindValue(u":version"_s, step.version);
    if (!query.exec())
        return fail(errorText(query.lastError()));
    if (query.numRowsAffected() == 0) {
        query.prepare(u"INSERT INTO meta (name, value) VALUES ('schema_version', :version)"_s);
        query.bindValue(u":version"_s, step.version);
        if (!query.exec())
            return fail(errorText(query.lastError()));
    }
    query.finish();
    if (!db.commit())
        return fail(errorText(db.lastError()));
    return true;
}
