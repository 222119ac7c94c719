// SPDX-License-Identifier: MIT
#include "ScratchPostgres.h"

#include "store/PostgresUrl.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QString ScratchPostgres::url()
{
    return qEnvironmentVariable("CHAT_TEST_POSTGRESQL_URL");
}

bool ScratchPostgres::empty(QString *error)
{
    bool ok = false;
    {
        const PostgresUrl url(ScratchPostgres::url());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"empty"_s);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.user());
        db.setPassword(url.password());
        db.setDatabaseName(url.databaseName());
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : {u"DROP SCHEMA public CASCADE"_s, u"CREATE SCHEMA public"_s})
            ok = ok && q.exec(sql);
        if (!ok)
            *error = q.lastError().isValid() ? q.lastError().text() : db.lastError().text();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"empty"_s);
    return ok;
}
