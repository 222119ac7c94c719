// SPDX-License-Identifier: MIT
#include "store/SqlStartState.h"

#include "store/SqlConnection.h"
#include "store/SqlRoomRules.h"
#include "store/SqlRooms.h"
#include "store/SqlValues.h"
#include "store/Store.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

bool SqlStartState::load(SqlConnection &connection, QString *error)
{
    QSqlDatabase &db = connection.database();
    QSqlQuery query(db);
    auto fail = [&](const QSqlError &why) {
        *error = connection.describe(why);
        query.finish();
        db.rollback();
        return false;
    };
    if (!db.transaction())
        return fail(db.lastError());

    if (!query.exec(u"UPDATE meta SET value = value + 1 WHERE name = 'boot_count'"_s))
        return fail(query.lastError());
    if (!query.exec(u"SELECT name, value FROM meta"_s))
        return fail(query.lastError());
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (name == u"boot_count"_s)
            bootNumber = quint32(query.value(1).toLongLong());
        else if (name == u"last_message_id"_s)
            lastMessageId = quint64(query.value(1).toLongLong());
    }
    if (query.lastError().isValid())
        return fail(query.lastError());

    // The meta row and the rows are written in the same transactions, so they agree; if a
    // hand-edited database says otherwise, an id is still never given twice.
    if (!query.exec(u"SELECT MAX(id) FROM messages"_s))
        return fail(query.lastError());
    if (query.next())
        lastMessageId = std::max(lastMessageId, quint64(query.value(0).toLongLong()));
    if (query.lastError().isValid())
        return fail(query.lastError());

    if (!SqlRooms::read(query, &rooms)) {
        *error = connection.describe(query.lastError());
        db.rollback();
        return false;
    }

    if (!query.exec(u"SELECT name_key, name, password_hash, created_ms FROM accounts "
                    u"ORDER BY name_key"_s))
        return fail(query.lastError());
    while (query.next()) {
        StoredAccount account;
        account.key = query.value(0).toString();
        account.name = query.value(1).toString();
        account.passwordHash = query.value(2).toString();
        account.created = SqlValues::timeFromMs(query.value(3));
        accounts.append(account);
    }
    if (query.lastError().isValid())
        return fail(query.lastError());
    if (!SqlRoomRules::load(query, &roles, &sanctions) ||
        !SqlRoomRules::loadModeration(query, Store::ModerationKept, &moderation))
        return fail(query.lastError());
    query.finish();
    if (!db.commit())
        return fail(db.lastError());
    if (bootNumber == 0) {
        *error = u"the database has no boot count"_s;
        return false;
    }
    return true;
}
