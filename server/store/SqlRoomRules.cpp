// SPDX-License-Identifier: MIT
#include "store/SqlRoomRules.h"

#include "store/SqlConnection.h"
#include "store/SqlValues.h"
#include "store/StoreRules.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

SqlRoomRules::SqlRoomRules(SqlConnection &connection)
    : m_connection(connection)
{
}

bool SqlRoomRules::prepare(QString *error)
{
    const QSqlDatabase &db = m_connection.database();
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_insertRole, u"INSERT INTO room_roles (room_id, account_key, role) VALUES (?, ?, ?)"_s},
        {&m_deleteRole, u"DELETE FROM room_roles WHERE room_id = ? AND account_key = ?"_s},
        {&m_insertSanction, u"INSERT INTO room_sanctions (room_id, kind, mask, until_ms, setter, "
                            u"reason, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"_s},
        {&m_deleteSanction,
         u"DELETE FROM room_sanctions WHERE room_id = ? AND kind = ? AND mask = ?"_s},
        {&m_deleteRoomRoles, u"DELETE FROM room_roles WHERE room_id = ?"_s},
        {&m_deleteRoomSanctions, u"DELETE FROM room_sanctions WHERE room_id = ?"_s},
        {&m_deleteAccountRoles, u"DELETE FROM room_roles WHERE account_key = ?"_s},
        {&m_insertModeration, u"INSERT INTO moderation_log (room_id, at_ms, actor, act, target, "
                              u"detail) VALUES (?, ?, ?, ?, ?, ?)"_s},
        {&m_deleteRoomModeration, u"DELETE FROM moderation_log WHERE room_id = ?"_s},
    };
    for (const auto &[query, sql] : statements) {
        *query = QSqlQuery(db);
        if (!query->prepare(sql)) {
            *error = m_connection.describe(query->lastError());
            return false;
        }
    }
    return true;
}

bool SqlRoomRules::run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = m_connection.describe(query.lastError());
    query.finish();
    return false;
}

bool SqlRoomRules::saveRole(const StoredRole &role, QString *error)
{
    if (!deleteRole(role, error))
        return false;
    m_insertRole.bindValue(0, role.roomId);
    m_insertRole.bindValue(1, role.account);
    m_insertRole.bindValue(2, StoreRules::roleName(role.role));
    return run(m_insertRole, error);
}

bool SqlRoomRules::deleteRole(const StoredRole &role, QString *error)
{
    m_deleteRole.bindValue(0, role.roomId);
    m_deleteRole.bindValue(1, role.account);
    return run(m_deleteRole, error);
}

bool SqlRoomRules::saveSanction(const StoredSanction &sanction, QString *error)
{
    if (!deleteSanction(sanction, error))
        return false;
    QSqlQuery &q = m_insertSanction;
    q.bindValue(0, sanction.roomId);
    q.bindValue(1, StoreRules::kindName(sanction.kind));
    q.bindValue(2, sanction.mask);
    q.bindValue(3, SqlValues::msOrNull(sanction.until));
    q.bindValue(4, SqlValues::text(sanction.setter));
    q.bindValue(5, SqlValues::text(sanction.reason));
    q.bindValue(6, sanction.created.toMSecsSinceEpoch());
    return run(q, error);
}

bool SqlRoomRules::deleteSanction(const StoredSanction &sanction, QString *error)
{
    m_deleteSanction.bindValue(0, sanction.roomId);
    m_deleteSanction.bindValue(1, StoreRules::kindName(sanction.kind));
    m_deleteSanction.bindValue(2, sanction.mask);
    return run(m_deleteSanction, error);
}

bool SqlRoomRules::deleteRoom(qint64 roomId, QString *error)
{
    for (QSqlQuery *q : {&m_deleteRoomRoles, &m_deleteRoomSanctions, &m_deleteRoomModeration}) {
        q->bindValue(0, roomId);
        if (!run(*q, error))
            return false;
    }
    return true;
}

bool SqlRoomRules::logModeration(const StoredModeration &entry, QString *error)
{
    QSqlQuery &q = m_insertModeration;
    q.bindValue(0, entry.roomId);
    q.bindValue(1, entry.time.toMSecsSinceEpoch());
    q.bindValue(2, SqlValues::text(entry.actor));
    q.bindValue(3, SqlValues::text(entry.act));
    q.bindValue(4, SqlValues::text(entry.target));
    q.bindValue(5, SqlValues::text(entry.detail));
    return run(q, error);
}

bool SqlRoomRules::loadModeration(QSqlQuery &query, int kept, QList<StoredModeration> *entries)
{
    // Newest first, so that each room's oldest beyond kept are simply skipped; rowid breaks
    // ties of the same millisecond in the order of writing (PostgreSQL's schema has a column
    // of that name: migrations/postgresql/004_moderation_log.sql).
    if (!query.exec(u"SELECT room_id, at_ms, actor, act, target, detail FROM moderation_log "
                    u"ORDER BY room_id, at_ms DESC, rowid DESC"_s))
        return false;
    QList<StoredModeration> room;
    auto flush = [&] {
        std::reverse(room.begin(), room.end());
        entries->append(room);
        room.clear();
    };
    while (query.next()) {
        StoredModeration entry;
        entry.roomId = query.value(0).toLongLong();
        if (!room.isEmpty() && room.constFirst().roomId != entry.roomId)
            flush();
        if (room.size() >= kept)
            continue;
        entry.time = SqlValues::timeFromMs(query.value(1));
        entry.actor = query.value(2).toString();
        entry.act = query.value(3).toString();
        entry.target = query.value(4).toString();
        entry.detail = query.value(5).toString();
        room.append(entry);
    }
    flush();
    return !query.lastError().isValid();
}

bool SqlRoomRules::deleteAccount(const QString &key, QString *error)
{
    m_deleteAccountRoles.bindValue(0, key);
    return run(m_deleteAccountRoles, error);
}

bool SqlRoomRules::load(QSqlQuery &query, QList<StoredRole> *roles,
                        QList<StoredSanction> *sanctions)
{
    if (!query.exec(u"SELECT room_id, account_key, role FROM room_roles "
                    u"ORDER BY room_id, account_key"_s))
        return false;
    while (query.next()) {
        StoredRole role;
        role.roomId = query.value(0).toLongLong();
        role.account = query.value(1).toString();
        if (StoreRules::parseRole(query.value(2).toString(), &role.role))
            roles->append(role);
    }
    if (query.lastError().isValid())
        return false;

    if (!query.exec(u"SELECT room_id, kind, mask, until_ms, setter, reason, created_ms "
                    u"FROM room_sanctions ORDER BY room_id, kind, mask"_s))
        return false;
    while (query.next()) {
        StoredSanction sanction;
        sanction.roomId = query.value(0).toLongLong();
        sanction.mask = query.value(2).toString();
        sanction.until = SqlValues::timeFromMs(query.value(3));
        sanction.setter = query.value(4).toString();
        sanction.reason = query.value(5).toString();
        sanction.created = SqlValues::timeFromMs(query.value(6));
        if (StoreRules::parseKind(query.value(1).toString(), &sanction.kind))
            sanctions->append(sanction);
    }
    return !query.lastError().isValid();
}
