// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredMessage.h"

#include <QSqlQuery>

class SqlConnection;

// The conversations with lines between two times, read with SQL: for each room, its newest line
// in the times, walking (room_id, seq) from the newest (sequence numbers follow time); for
// private messages, the newest line exchanged with each peer, grouped by the peer's key.
//
// Runs on the reader thread only, with the reader's connection.
class SqlTargets
{
public:
    explicit SqlTargets(SqlConnection &connection);

    bool prepare(QString *error);
    TargetsPage read(const TargetsRequest &request);

private:
    bool exec(QSqlQuery &query, QString *error);

    SqlConnection &m_connection;
    QSqlQuery m_room;
    QSqlQuery m_newestPrivate;
    QSqlQuery m_oldestPrivate;
};
