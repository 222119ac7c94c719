// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredMessage.h"

#include <QList>

class QSqlQuery;
class SqlConnection;

// Reading the rooms table: at open() (SqlStartState, in its transaction) and whenever a node of
// a cluster catches up with the rooms others made or closed (SqlReader).
namespace SqlRooms {

// Every room, by id, through query; false with query.lastError() when the read failed.
bool read(QSqlQuery &query, QList<StoredRoom> *rooms);
// The same on connection, in a statement of its own that holds no snapshot once done.
bool read(SqlConnection &connection, QList<StoredRoom> *rooms, QString *error);

} // namespace SqlRooms
