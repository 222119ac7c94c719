// SPDX-License-Identifier: MIT
#include "store/SqlCommitter.h"

#include "NameRules.h"
#include "store/SqlConnection.h"
#include "store/SqlStartState.h"
#include "store/SqlValues.h"
#include "store/StoreRules.h"

#include <QSqlError>

#include <algorithm>

using namespace Qt::StringLiterals;

SqlCommitter::SqlCommitter(SqlConnection &connection, const SqlStartState &state,
                           bool sharedWriters)
    : m_connection(connection)
    , m_shared(sharedWriters)
    , m_lastId(state.lastMessageId)
    , m_insertLine(connection)
    , m_roomRules(connection)
{
    for (const StoredRoom &room : state.rooms) {
        m_rooms.insert(room.id, {room.lastSeq, room.key});
        m_keys.insert(room.key);
    }
}

bool SqlCommitter::prepare(QString *error)
{
    const QSqlDatabase &db = m_connection.database();
    struct Statement
    {
        QSqlQuery *query;
        QString sql;
    };
    const Statement statements[] = {
        {&m_insertRoom, u"INSERT INTO rooms (id, name, name_key, creator, created_ms, topic, "
                        u"topic_setter, topic_ms, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s},
        {&m_setTopic, u"UPDATE rooms SET topic = ?, topic_setter = ?, topic_ms = ? WHERE id = ?"_s},
        {&m_setLastSeq, u"UPDATE rooms SET last_seq = ? WHERE id = ?"_s},
        {&m_setLastId, u"UPDATE meta SET value = ? WHERE name = 'last_message_id'"_s},
        {&m_deleteRoomLines, u"DELETE FROM messages WHERE room_id = ?"_s},
        {&m_deleteRoom, u"DELETE FROM rooms WHERE id = ?"_s},
        {&m_insertAccount, u"INSERT INTO accounts (name_key, name, password_hash, created_ms) "
                           u"VALUES (?, ?, ?, ?)"_s},
        {&m_deleteAccount, u"DELETE FROM accounts WHERE name_key = ?"_s},
    };
    // FOR UPDATE is PostgreSQL's (and shared writers are PostgreSQL only).
    const Statement sharedStatements[] = {
        {&m_lockLastId, u"SELECT value FROM meta WHERE name = 'last_message_id' FOR UPDATE"_s},
        {&m_lockLastSeq, u"SELECT name_key, last_seq FROM rooms WHERE id = ? FOR UPDATE"_s},
        {&m_findRoomKey, u"SELECT id FROM rooms WHERE name_key = ?"_s},
    };
    for (const Statement &s : statements) {
        *s.query = QSqlQuery(db);
        if (!s.query->prepare(s.sql)) {
            *error = m_connection.describe(s.query->lastError());
            return false;
        }
    }
    for (const Statement &s : sharedStatements) {
        if (!m_shared)
            break;
        *s.query = QSqlQuery(db);
        if (!s.query->prepare(s.sql)) {
            *error = m_connection.describe(s.query->lastError());
            return false;
        }
    }
    return m_insertLine.prepare(
               u"INSERT INTO messages (id, kind, room_id, seq, time_ms, sender, "
               u"sender_key, sender_person, recipient, recipient_key, "
               u"recipient_person, body, client_tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               u"?)"_s,
               error) &&
           m_roomRules.prepare(error);
}

QList<SqlCommitter::Result> SqlCommitter::commit(QList<Write> writes, int *transactions)
{
    *transactions = 0;
    QList<Result> results;
    results.reserve(writes.size());
    QString error;
    if (tryCommit(writes, &results, &error)) {
        ++*transactions;
        for (qsizetype i = 0; i < writes.size(); ++i)
            keepLine(writes[i], results[i]);
        return results;
    }
    if (writes.size() == 1)
        return {Result{{}, error}};
    results.clear();
    for (Write &write : writes) {
        QList<Result> one;
        if (tryCommit({write}, &one, &error)) {
            ++*transactions;
            keepLine(write, one.first());
            results.append(std::move(one.first()));
        } else {
            results.append(Result{{}, error});
        }
    }
    return results;
}

void SqlCommitter::keepLine(Write &write, Result &result)
{
    // Moved, not copied: the event loop's thread shares the message's strings, and the copy's
    // reference counts would go back and forth between the threads' caches.
    if (write.type != Write::Type::Line || !result.error.isEmpty())
        return;
    StoredMessage message = std::get<StoredMessage>(std::move(write.payload));
    message.id = result.committed.id;
    message.seq = result.committed.seq;
    result.committed = std::move(message);
}

QHash<qint64, quint64> SqlCommitter::lastSeqs() const
{
    QHash<qint64, quint64> result;
    for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it)
        result.insert(it.key(), it->lastSeq);
    return result;
}

bool SqlCommitter::tryCommit(const QList<Write> &writes, QList<Result> *results, QString *error)
{
    QSqlDatabase &db = m_connection.database();
    Undo undo;
    undo.lastId = m_lastId;
    auto fail = [&](const QString &why) {
        *error = why;
        db.rollback(); // may say there is no transaction: SQLite ends some on its own
        restore(undo);
        return false;
    };
    if (!db.transaction())
        return fail(m_connection.describe(db.lastError()));
    QString why;
    if (m_shared && !lockCounters(writes, &why))
        return fail(why);
    for (const Write &write : writes) {
        Result result;
        Outcome outcome;
        if (write.type == Write::Type::Room) {
            outcome = addRoom(write.room(), undo, &result.error);
        } else if (write.type == Write::Type::DeleteRoom) {
            outcome = deleteRoom(write.room().id, undo, &result.error);
        } else if (write.type == Write::Type::Account) {
            outcome = saveAccount(write.account(), &result.error);
        } else if (write.type == Write::Type::DeleteAccount) {
            outcome = deleteAccount(write.account().key, &result.error);
        } else if (write.type != Write::Type::Line) {
            outcome = roomRule(write, &result.error);
        } else {
            outcome = addLine(write.message(), &result.committed, undo, &result.error);
        }
        if (outcome == Outcome::Failed)
            return fail(result.error);
        results->append(std::move(result));
    }
    if (!saveCounters(undo, &why))
        return fail(why);
    if (!db.commit())
        return fail(m_connection.describe(db.lastError()));
    return true;
}

SqlCommitter::Outcome SqlCommitter::addRoom(StoredRoom room, Undo &undo, QString *error)
{
    room.key = NameRules::key(room.name);
    *error = StoreRules::checkRoom(room);
    if (error->isEmpty() && m_rooms.contains(room.id))
        *error = StoreRules::roomIdTaken(room.id);
    if (error->isEmpty() && m_shared) {
        // Another node may have made or deleted a room of that name: the database knows.
        m_findRoomKey.bindValue(0, room.key);
        if (!m_findRoomKey.exec()) {
            *error = failure(m_findRoomKey);
            return Outcome::Failed;
        }
        if (m_findRoomKey.next())
            m_keys.insert(room.key);
        else
            m_keys.remove(room.key);
        m_findRoomKey.finish();
    }
    if (error->isEmpty() && m_keys.contains(room.key))
        *error = StoreRules::roomNameTaken(room.name);
    if (!error->isEmpty())
        return Outcome::Refused;

    QSqlQuery &q = m_insertRoom;
    const QVariant values[] = {room.id,
                               room.name,
                               room.key,
                               SqlValues::text(room.creator),
                               SqlValues::msOrNull(room.created),
                               SqlValues::text(room.topic),
                               SqlValues::text(room.topicSetter),
                               SqlValues::msOrNull(room.topicTime),
                               qint64(room.lastSeq)};
    for (int i = 0; i < 9; ++i)
        q.bindValue(i, values[i]);
    if (!q.exec()) {
        *error = failure(q);
        return Outcome::Failed;
    }
    m_rooms.insert(room.id, {room.lastSeq, room.key});
    m_keys.insert(room.key);
    undo.createdRooms.append(room.id);
    return Outcome::Done;
}

SqlCommitter::Outcome SqlCommitter::addLine(const StoredMessage &message, StoredMessage *numbers,
                                            Undo &undo, QString *error)
{
    *error = StoreRules::checkMessage(message);
    Room *room = nullptr;
    if (error->isEmpty() && message.roomId != 0) {
        const auto it = m_rooms.find(message.roomId);
        if (it == m_rooms.end())
            *error = StoreRules::noSuchRoom(message.roomId);
        else
            room = &*it;
    }
    if (!error->isEmpty())
        return Outcome::Refused;

    numbers->id = ++m_lastId;
    numbers->seq = 0;
    if (room) {
        if (!undo.lastSeqs.contains(message.roomId))
            undo.lastSeqs.insert(message.roomId, room->lastSeq);
        numbers->seq = ++room->lastSeq;
    }
    // Keys find a private conversation; a room line is found by its room. The strings bound
    // live until exec().
    const bool isPrivate = message.isPrivate();
    const QString senderKey = isPrivate ? NameRules::key(message.sender) : QString();
    const QString recipientKey = isPrivate ? NameRules::key(message.recipient) : QString();
    SqlStatement &q = m_insertLine;
    q.bind(0, qint64(numbers->id));
    q.bind(1, qint64(message.kind));
    if (room) {
        q.bind(2, message.roomId);
        q.bind(3, qint64(numbers->seq));
    } else {
        q.bindNull(2);
        q.bindNull(3);
    }
    q.bind(4, message.time.toMSecsSinceEpoch());
    q.bind(5, message.sender);
    q.bind(6, senderKey);
    q.bind(7, qint64(message.senderPerson));
    q.bind(8, message.recipient);
    q.bind(9, recipientKey);
    q.bind(10, qint64(message.recipientPerson));
    q.bind(11, message.text);
    q.bind(12, message.clientTags);
    if (!q.exec(error))
        return Outcome::Failed;
    if (message.kind == StoredMessage::Kind::Topic) {
        QSqlQuery &t = m_setTopic;
        t.bindValue(0, SqlValues::text(message.text));
        t.bindValue(1, SqlValues::text(message.sender));
        t.bindValue(2, message.time.toMSecsSinceEpoch());
        t.bindValue(3, message.roomId);
        if (!t.exec()) {
            *error = failure(t);
            return Outcome::Failed;
        }
    }
    return Outcome::Done;
}

SqlCommitter::Outcome SqlCommitter::deleteRoom(qint64 id, Undo &undo, QString *error)
{
    const auto room = m_rooms.find(id);
    if (room == m_rooms.end()) {
        *error = StoreRules::noSuchRoom(id);
        return Outcome::Refused;
    }
    // Its lines and rules first: they refer to it. One transaction either way, so that a room
    // is never found without its lines or its lines without it.
    if (!m_roomRules.deleteRoom(id, error))
        return Outcome::Failed;
    for (QSqlQuery *q : {&m_deleteRoomLines, &m_deleteRoom}) {
        q->bindValue(0, id);
        if (!q->exec()) {
            *error = failure(*q);
            return Outcome::Failed;
        }
    }
    undo.deletedRooms.append({id, *room});
    m_keys.remove(room->key);
    m_rooms.erase(room);
    return Outcome::Done;
}

SqlCommitter::Outcome SqlCommitter::saveAccount(StoredAccount account, QString *error)
{
    account.key = NameRules::key(account.name);
    *error = StoreRules::checkAccount(account);
    if (!error->isEmpty())
        return Outcome::Refused;
    // Delete, then insert: a replacement in portable SQL (no INSERT OR REPLACE, no UPSERT).
    m_deleteAccount.bindValue(0, account.key);
    if (!m_deleteAccount.exec()) {
        *error = failure(m_deleteAccount);
        return Outcome::Failed;
    }
    QSqlQuery &q = m_insertAccount;
    q.bindValue(0, account.key);
    q.bindValue(1, account.name);
    q.bindValue(2, account.passwordHash);
    q.bindValue(3, account.created.toMSecsSinceEpoch());
    if (!q.exec()) {
        *error = failure(q);
        return Outcome::Failed;
    }
    return Outcome::Done;
}

SqlCommitter::Outcome SqlCommitter::deleteAccount(const QString &key, QString *error)
{
    m_deleteAccount.bindValue(0, key);
    if (!m_deleteAccount.exec()) {
        *error = failure(m_deleteAccount);
        return Outcome::Failed;
    }
    if (m_deleteAccount.numRowsAffected() == 0) {
        *error = StoreRules::noSuchAccount(key);
        return Outcome::Refused;
    }
    return m_roomRules.deleteAccount(key, error) ? Outcome::Done : Outcome::Failed;
}

SqlCommitter::Outcome SqlCommitter::roomRule(const Write &write, QString *error)
{
    if (write.type == Write::Type::Moderation) {
        if (!m_rooms.contains(write.moderation().roomId)) {
            *error = StoreRules::noSuchRoom(write.moderation().roomId);
            return Outcome::Refused;
        }
        return m_roomRules.logModeration(write.moderation(), error) ? Outcome::Done
                                                                    : Outcome::Failed;
    }
    const bool saves = write.type == Write::Type::Role || write.type == Write::Type::Sanction;
    const bool isRole = write.type == Write::Type::Role || write.type == Write::Type::DeleteRole;
    const qint64 roomId = isRole ? write.role().roomId : write.sanction().roomId;
    if (saves) {
        *error = isRole ? StoreRules::checkRole(write.role())
                        : StoreRules::checkSanction(write.sanction());
        if (error->isEmpty() && !m_rooms.contains(roomId))
            *error = StoreRules::noSuchRoom(roomId);
        if (!error->isEmpty())
            return Outcome::Refused;
    }
    bool ok = false;
    if (write.type == Write::Type::Role)
        ok = m_roomRules.saveRole(write.role(), error);
    else if (write.type == Write::Type::DeleteRole)
        ok = m_roomRules.deleteRole(write.role(), error);
    else if (write.type == Write::Type::Sanction)
        ok = m_roomRules.saveSanction(write.sanction(), error);
    else
        ok = m_roomRules.deleteSanction(write.sanction(), error);
    return ok ? Outcome::Done : Outcome::Failed;
}

bool SqlCommitter::lockCounters(const QList<Write> &writes, QString *error)
{
    // Every room the writes touch, as the database has it now: another node may have made it
    // (its rules, its moderation log and its deletion are refused for a room not known here)
    // or deleted it.
    QList<qint64> roomIds;
    bool lines = false;
    for (const Write &write : writes) {
        switch (write.type) {
        case Write::Type::Line:
            lines = true;
            if (write.message().roomId != 0)
                roomIds.append(write.message().roomId);
            break;
        case Write::Type::DeleteRoom:
            roomIds.append(write.room().id);
            break;
        case Write::Type::Role:
        case Write::Type::DeleteRole:
            roomIds.append(write.role().roomId);
            break;
        case Write::Type::Sanction:
        case Write::Type::DeleteSanction:
            roomIds.append(write.sanction().roomId);
            break;
        case Write::Type::Moderation:
            roomIds.append(write.moderation().roomId);
            break;
        case Write::Type::Room:
        case Write::Type::Account:
        case Write::Type::DeleteAccount:
            break;
        }
    }
    if (!lines && roomIds.isEmpty())
        return true;
    if (lines && (!m_lockLastId.exec() || !m_lockLastId.next())) {
        *error = m_lockLastId.lastError().isValid() ? failure(m_lockLastId)
                                                    : u"the database has no message counter"_s;
        m_lockLastId.finish();
        return false;
    }
    if (lines) {
        m_lastId = quint64(m_lockLastId.value(0).toLongLong());
        m_lockLastId.finish();
    }
    // Ascending ids, so that two writers lock rooms in one order.
    std::sort(roomIds.begin(), roomIds.end());
    roomIds.erase(std::unique(roomIds.begin(), roomIds.end()), roomIds.end());
    for (qint64 id : std::as_const(roomIds)) {
        m_lockLastSeq.bindValue(0, id);
        if (!m_lockLastSeq.exec()) {
            *error = failure(m_lockLastSeq);
            return false;
        }
        if (m_lockLastSeq.next()) {
            Room &room = m_rooms[id];
            room.key = m_lockLastSeq.value(0).toString();
            room.lastSeq = quint64(m_lockLastSeq.value(1).toLongLong());
            m_keys.insert(room.key);
        } else if (const auto gone = m_rooms.find(id); gone != m_rooms.end()) {
            // Deleted by another node: its lines are refused as for any room not there.
            m_keys.remove(gone->key);
            m_rooms.erase(gone);
        }
        m_lockLastSeq.finish();
    }
    return true;
}

bool SqlCommitter::saveCounters(const Undo &undo, QString *error)
{
    for (auto it = undo.lastSeqs.cbegin(); it != undo.lastSeqs.cend(); ++it) {
        m_setLastSeq.bindValue(0, qint64(m_rooms.value(it.key()).lastSeq));
        m_setLastSeq.bindValue(1, it.key());
        if (!m_setLastSeq.exec()) {
            *error = failure(m_setLastSeq);
            return false;
        }
    }
    if (m_lastId != undo.lastId) {
        m_setLastId.bindValue(0, qint64(m_lastId));
        if (!m_setLastId.exec()) {
            *error = failure(m_setLastId);
            return false;
        }
    }
    return true;
}

void SqlCommitter::restore(const Undo &undo)
{
    m_lastId = undo.lastId;
    // Deleted rooms come back first, so that their counters and a room made and deleted in the
    // same batch are put back as they were.
    for (const auto &[id, room] : undo.deletedRooms) {
        m_rooms.insert(id, room);
        m_keys.insert(room.key);
    }
    for (auto it = undo.lastSeqs.cbegin(); it != undo.lastSeqs.cend(); ++it) {
        if (const auto room = m_rooms.find(it.key()); room != m_rooms.end())
            room->lastSeq = it.value();
    }
    for (qint64 id : undo.createdRooms)
        m_keys.remove(m_rooms.take(id).key);
}

QString SqlCommitter::failure(QSqlQuery &query) const
{
    const QString why = m_connection.describe(query.lastError());
    query.finish();
    return why;
}
