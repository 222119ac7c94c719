// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredRoomRule.h"

#include <QList>
#include <QSqlQuery>

class SqlConnection;

// The rows of schema versions 3 and 4: who runs a room (room_roles), who is muted or banned in
// it and its rules (room_sanctions), and what its moderators did (moderation_log). SqlCommitter
// writes them inside its transactions, on the writer thread; SqlStartState reads them once at
// open().
//
// Each write returns false with *error only when the database failed; SqlCommitter checks
// first what would be refused.
class SqlRoomRules
{
public:
    explicit SqlRoomRules(SqlConnection &connection);

    bool prepare(QString *error);

    // Replace the row with the same key: delete, then insert (portable SQL, no UPSERT).
    bool saveRole(const StoredRole &role, QString *error);
    bool deleteRole(const StoredRole &role, QString *error);
    bool saveSanction(const StoredSanction &sanction, QString *error);
    bool deleteSanction(const StoredSanction &sanction, QString *error);
    bool logModeration(const StoredModeration &entry, QString *error);
    // Every role of an account that is being deleted.
    bool deleteAccount(const QString &key, QString *error);
    // Every rule of a room that is being deleted, in the same transaction.
    bool deleteRoom(qint64 roomId, QString *error);

    // Reads every row with query (in the caller's transaction), ordered as MemoryStore keeps
    // them; a row with a word this version does not know is skipped rather than misread.
    static bool load(QSqlQuery &query, QList<StoredRole> *roles, QList<StoredSanction> *sanctions);
    // The newest kept acts of each room's moderation log, by room and oldest first.
    static bool loadModeration(QSqlQuery &query, int kept, QList<StoredModeration> *entries);

private:
    bool run(QSqlQuery &query, QString *error);

    SqlConnection &m_connection;
    QSqlQuery m_insertRole;
    QSqlQuery m_deleteRole;
    QSqlQuery m_insertSanction;
    QSqlQuery m_deleteSanction;
    QSqlQuery m_deleteRoomRoles;
    QSqlQuery m_deleteRoomSanctions;
    QSqlQuery m_insertModeration;
    QSqlQuery m_deleteRoomModeration;
    QSqlQuery m_deleteAccountRoles;
};
