// SPDX-License-Identifier: MIT
#include "store/SqlTargets.h"

#include "store/SqlConnection.h"
#include "store/StoreRules.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

SqlTargets::SqlTargets(SqlConnection &connection)
    : m_connection(connection)
{
}

bool SqlTargets::prepare(QString *error)
{
    // A conversation counts when its newest line is within the times (one with a later line
    // has moved on since). A message's id follows its time, so a peer's newest line is the one
    // with the highest id. "room_id IS NULL" lets SQLite use the partial private indexes.
    const QString room =
        u"SELECT time_ms FROM messages WHERE room_id = ? ORDER BY seq DESC LIMIT 1"_s;
    const QString privates =
        u"SELECT m.time_ms, m.sender_person, m.sender, m.recipient FROM messages m JOIN "
        u"(SELECT MAX(id) AS id FROM messages WHERE room_id IS NULL AND (sender_person = ? OR "
        u"recipient_person = ?) GROUP BY CASE WHEN sender_person = ? THEN recipient_key ELSE "
        u"sender_key END) newest ON m.id = newest.id WHERE m.time_ms > ? AND m.time_ms < ? "
        u"ORDER BY m.id %1 LIMIT ?"_s;
    for (auto [query, sql] : {std::pair{&m_room, room},
                              {&m_newestPrivate, privates.arg(u"DESC"_s)},
                              {&m_oldestPrivate, privates.arg(u"ASC"_s)}}) {
        *query = QSqlQuery(m_connection.database());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            *error = m_connection.describe(query->lastError());
            return false;
        }
    }
    return true;
}

TargetsPage SqlTargets::read(const TargetsRequest &request)
{
    TargetsPage page;
    const StoreRules::Range range = StoreRules::range(request);
    if (range.isEmpty())
        return page;
    QList<StoredTarget> targets;
    for (qint64 roomId : request.roomIds) {
        m_room.bindValue(0, roomId);
        if (!exec(m_room, &page.error))
            return page;
        if (m_room.next() && range.contains(m_room.value(0).toLongLong()))
            targets.append({roomId,
                            {},
                            QDateTime::fromMSecsSinceEpoch(m_room.value(0).toLongLong(), Qt::UTC)});
        m_room.finish();
    }
    const QVariant values[] = {qint64(request.person), qint64(request.person),
                               qint64(request.person), range.afterMs,
                               range.beforeMs,         range.limit};
    QSqlQuery &privates = request.oldestFirst ? m_oldestPrivate : m_newestPrivate;
    for (int i = 0; i < 6; ++i)
        privates.bindValue(i, values[i]);
    if (!exec(privates, &page.error))
        return page;
    while (privates.next()) {
        const bool sent = quint64(privates.value(1).toLongLong()) == request.person;
        targets.append({0, privates.value(sent ? 3 : 2).toString(),
                        QDateTime::fromMSecsSinceEpoch(privates.value(0).toLongLong(), Qt::UTC)});
    }
    if (privates.lastError().isValid())
        page.error = m_connection.describe(privates.lastError());
    // Ends the statement, so that this connection holds no snapshot between reads.
    privates.finish();
    if (!page.error.isEmpty())
        return page;
    StoreRules::keepFirst(targets, range.limit, request.oldestFirst);
    page.targets = std::move(targets);
    return page;
}

bool SqlTargets::exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = m_connection.describe(query.lastError());
    query.finish();
    return false;
}
