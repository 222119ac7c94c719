// SPDX-License-Identifier: MIT
#include "store/Migrations.h"

#include "store/SqlDialect.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString ResourceFolder = u":/store/migrations"_s;

QList<Migrations::Step> readFolder(const QString &folder)
{
    QList<Migrations::Step> result;
    const QStringList files = QDir(folder).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        QFile f(folder + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("store: cannot read the compiled-in migration %s", qPrintable(file));
        result.append({file.section(u'_', 0, 0).toInt(), file,
                       Migrations::split(QString::fromUtf8(f.readAll()))});
    }
    return result;
}

} // namespace

QHash<QString, QList<Migrations::Step>> Migrations::load()
{
    QHash<QString, QList<Step>> variants;
    const QList<Step> shared = readFolder(ResourceFolder);
    for (qsizetype i = 0; i < shared.size(); ++i) {
        // A gap or a duplicate would make the version numbers lie.
        if (shared[i].version != i + 1)
            qFatal("store: migration %s is out of sequence (expected number %lld)",
                   qPrintable(shared[i].name), i + 1);
    }
    variants.insert(QString(), shared);
    const QStringList folders = QDir(ResourceFolder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &variant : folders) {
        QList<Step> steps = shared;
        const QList<Step> own = readFolder(ResourceFolder + u'/' + variant);
        for (const Step &step : own) {
            // A variant replaces a shared file; it never adds a version of its own, so that
            // the numbers mean the same schema everywhere.
            if (step.version < 1 || step.version > steps.size() ||
                steps[step.version - 1].name != step.name)
                qFatal("store: migration %s/%s replaces no shared file of the same name",
                       qPrintable(variant), qPrintable(step.name));
            steps[step.version - 1] = step;
        }
        variants.insert(variant, steps);
    }
    return variants;
}

QList<Migrations::Step> Migrations::steps(const QString &variant)
{
    // Read once: the files are part of the program.
    static const QHash<QString, QList<Step>> all = load();
    return all.value(variant, all.value(QString()));
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

int Migrations::currentVersion(QSqlDatabase &db, const SqlDialect &dialect, QString *error)
{
    // tables() hides errors; SqlConnection::open() has already reached the database, so an
    // empty list means an empty database.
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
        *error = dialect.explain(query.lastError());
        return -1;
    }
    // Version 1 creates meta; a database interrupted before recording it never committed.
    return query.next() ? query.value(0).toInt() : 0;
}

bool Migrations::migrate(QSqlDatabase &db, const SqlDialect &dialect, QString *error)
{
    const int current = currentVersion(db, dialect, error);
    if (current < 0)
        return false;
    if (current > latestVersion()) {
        *error = u"database schema version %1 is newer than this server's %2; use a newer "
                 u"chat-server"_s.arg(current)
                     .arg(latestVersion());
        return false;
    }
    return applyUpTo(db, dialect, latestVersion(), error);
}

bool Migrations::applyUpTo(QSqlDatabase &db, const SqlDialect &dialect, int version, QString *error)
{
    const int current = currentVersion(db, dialect, error);
    if (current < 0)
        return false;
    const QList<Step> all = steps(dialect.migrationVariant());
    for (const Step &step : all) {
        if (step.version > current && step.version <= version && !apply(db, dialect, step, error))
            return false;
    }
    return true;
}

bool Migrations::apply(QSqlDatabase &db, const SqlDialect &dialect, const Step &step,
                       QString *error)
{
    if (!db.transaction()) {
        *error = u"cannot start migration %1: %2"_s.arg(step.name, dialect.explain(db.lastError()));
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
            return fail(dialect.explain(query.lastError()));
    }
    query.prepare(u"UPDATE meta SET value = :version WHERE name = 'schema_version'"_s);
    query.bindValue(u":version"_s, step.version);
    if (!query.exec())
        return fail(dialect.explain(query.lastError()));
    if (query.numRowsAffected() == 0) {
        query.prepare(u"INSERT INTO meta (name, value) VALUES ('schema_version', :version)"_s);
        query.bindValue(u":version"_s, step.version);
        if (!query.exec())
            return fail(dialect.explain(query.lastError()));
    }
    query.finish();
    if (!db.commit())
        return fail(dialect.explain(db.lastError()));
    return true;
}
