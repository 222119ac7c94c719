// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreRules.h"
#include "store/StoredMessage.h"

#include <QSqlQuery>

class SqlConnection;

// Pages of history read with SQL, each query walking one index from one end: a room's page
// walks (room_id, seq); a person's private page walks the sent and the received index and
// merges the two. So a page costs its own lines, never the table's size.
//
// Runs on the reader thread only, with the reader's connection.
class SqlHistory
{
public:
    explicit SqlHistory(SqlConnection &connection);

    bool prepare(QString *error);
    HistoryPage read(const HistoryRequest &request);

private:
    // Statements for one direction of walking.
    struct Statements
    {
        QSqlQuery room;
        QSqlQuery sent;
        QSqlQuery received;
    };

    bool fetch(QSqlQuery &query, QList<StoredMessage> *lines, QString *error);

    SqlConnection &m_connection;
    Statements m_newest; // newest first (Latest, Before)
    Statements m_oldest; // oldest first (After)
};
