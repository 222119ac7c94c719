// SPDX-License-Identifier: MIT
#include "store/SqlRooms.h"

#include "store/SqlConnection.h"
#include "store/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

bool SqlRooms::read(QSqlQuery &query, QList<StoredRoom> *rooms)
{
    if (!query.exec(u"SELECT id, name, name_key, creator, created_ms, topic, topic_setter, "
                    u"topic_ms, last_seq FROM rooms ORDER BY id"_s))
        return false;
    while (query.next()) {
        StoredRoom room;
        room.id = query.value(0).toLongLong();
        room.name = query.value(1).toString();
        room.key = query.value(2).toString();
        room.creator = query.value(3).toString();
        room.created = SqlValues::timeFromMs(query.value(4));
        room.topic = query.value(5).toString();
        room.topicSetter = query.value(6).toString();
        room.topicTime = SqlValues::timeFromMs(query.value(7));
        room.lastSeq = quint64(query.value(8).toLongLong());
        rooms->append(room);
    }
    return !query.lastError().isValid();
}

bool SqlRooms::read(SqlConnection &connection, QList<StoredRoom> *rooms, QString *error)
{
    QSqlQuery query(connection.database());
    query.setForwardOnly(true);
    const bool ok = read(query, rooms);
    if (!ok)
        *error = connection.describe(query.lastError());
    query.finish();
    return ok;
}
