// SPDX-License-Identifier: MIT
#include "store/SqlHistory.h"

#include "store/SqlConnection.h"

#include <QSqlError>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString Columns = u"SELECT id, kind, room_id, seq, time_ms, sender, sender_person, "
                        u"recipient, recipient_person, body, client_tags FROM messages "_s;

StoredMessage lineAt(const QSqlQuery &q)
{
    StoredMessage m;
    m.id = quint64(q.value(0).toLongLong());
    m.kind = StoredMessage::Kind(q.value(1).toInt());
    m.roomId = q.value(2).toLongLong(); // NULL for private messages: 0
    m.seq = quint64(q.value(3).toLongLong());
    m.time = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    m.sender = q.value(5).toString();
    m.senderPerson = quint64(q.value(6).toLongLong());
    m.recipient = q.value(7).toString();
    m.recipientPerson = quint64(q.value(8).toLongLong());
    m.text = q.value(9).toString();
    m.clientTags = q.value(10).toString();
    return m;
}

} // namespace

SqlHistory::SqlHistory(SqlConnection &connection)
    : m_connection(connection)
{
}

bool SqlHistory::prepare(QString *error)
{
    // "room_id IS NULL" lets SQLite use the partial private indexes; an empty peer key
    // matches every peer. The times only skip rows on the index's walk.
    // "kind <> ?" leaves out a kind (topic changes), or none (0 is no kind).
    const QString room = Columns + u"WHERE room_id = ? AND seq >= ? AND seq <= ? AND time_ms > ? "
                                   u"AND time_ms < ? AND kind <> ? ORDER BY seq %1 LIMIT ?"_s;
    const QString sent = Columns + u"WHERE room_id IS NULL AND sender_person = ? AND id >= ? AND "
                                   u"id <= ? AND time_ms > ? AND time_ms < ? AND (? = '' OR "
                                   u"recipient_key = ?) ORDER BY id %1 LIMIT ?"_s;
    const QString received = Columns + u"WHERE room_id IS NULL AND recipient_person = ? AND id >= "
                                       u"? AND id <= ? AND time_ms > ? AND time_ms < ? AND (? = '' "
                                       u"OR sender_key = ?) ORDER BY id %1 LIMIT ?"_s;
    for (auto [statements, order] : {std::pair{&m_newest, u"DESC"_s}, {&m_oldest, u"ASC"_s}}) {
        for (auto [query, sql] : {std::pair{&statements->room, room},
                                  {&statements->sent, sent},
                                  {&statements->received, received}}) {
            *query = QSqlQuery(m_connection.database());
            // Rows are read once, in order: no need for Qt to keep them for scrolling back.
            query->setForwardOnly(true);
            if (!query->prepare(sql.arg(order))) {
                *error = m_connection.describe(query->lastError());
                return false;
            }
        }
    }
    return true;
}

HistoryPage SqlHistory::read(const HistoryRequest &request)
{
    HistoryPage page;
    page.error = StoreRules::checkRequest(request);
    const StoreRules::Range range = StoreRules::range(request);
    if (!page.error.isEmpty() || range.isEmpty())
        return page;

    // One line more than the page shows whether there are more.
    const int wanted = range.limit + 1;
    Statements &s = range.newestFirst ? m_newest : m_oldest;
    QList<StoredMessage> lines;
    if (request.roomId != 0) {
        const int leftOut = request.withTopics ? 0 : int(StoredMessage::Kind::Topic);
        const QVariant values[] = {request.roomId, qint64(range.low), qint64(range.high),
                                   range.afterMs,  range.beforeMs,    leftOut,
                                   wanted};
        for (int i = 0; i < 7; ++i)
            s.room.bindValue(i, values[i]);
        if (!fetch(s.room, &lines, &page.error))
            return page;
    } else {
        QList<StoredMessage> received;
        // Qt binds a null QString as NULL, which equals nothing.
        const QString peer = request.peerKey.isNull() ? QString::fromLatin1("") : request.peerKey;
        for (auto [query, out] : {std::pair{&s.sent, &lines}, {&s.received, &received}}) {
            const QVariant values[] = {qint64(request.person),
                                       qint64(range.low),
                                       qint64(range.high),
                                       range.afterMs,
                                       range.beforeMs,
                                       peer,
                                       peer,
                                       wanted};
            for (int i = 0; i < 8; ++i)
                query->bindValue(i, values[i]);
            if (!fetch(*query, out, &page.error))
                return page;
        }
        // A message to oneself is in both lists.
        const auto before = [&](const StoredMessage &a, const StoredMessage &b) {
            return range.newestFirst ? a.id > b.id : a.id < b.id;
        };
        QList<StoredMessage> merged;
        std::merge(lines.cbegin(), lines.cend(), received.cbegin(), received.cend(),
                   std::back_inserter(merged), before);
        merged.erase(std::unique(merged.begin(), merged.end(),
                                 [](const auto &a, const auto &b) { return a.id == b.id; }),
                     merged.end());
        lines = std::move(merged);
    }
    page.more = lines.size() > range.limit;
    if (page.more)
        lines.resize(range.limit);
    if (range.newestFirst)
        std::reverse(lines.begin(), lines.end());
    page.messages = std::move(lines);
    return page;
}

bool SqlHistory::fetch(QSqlQuery &query, QList<StoredMessage> *lines, QString *error)
{
    if (!query.exec()) {
        *error = m_connection.describe(query.lastError());
        query.finish();
        return false;
    }
    while (query.next())
        lines->append(lineAt(query));
    if (query.lastError().isValid())
        *error = m_connection.describe(query.lastError());
    // Ends the statement, so this connection holds no snapshot between reads and the next
    // read sees every commit made before it.
    query.finish();
    if (!error->isEmpty())
        lines->clear();
    return error->isEmpty();
}
