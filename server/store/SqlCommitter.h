// SPDX-License-Identifier: MIT
#pragma once

#include "store/SqlRoomRules.h"
#include "store/SqlStatement.h"
#include "store/StoredAccount.h"
#include "store/StoredMessage.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <variant>

class SqlConnection;
struct SqlStartState;

// The writer's transactions: commits a batch of writes in one transaction, giving each line
// its id and its room's next sequence number. The counters live here, in memory, and reach
// the database once per transaction (meta.last_message_id once, rooms.last_seq once per
// room touched), so a batch of a thousand lines costs a thousand inserts and a few updates.
// With shared writers (the nodes of a cluster on one PostgreSQL database) each transaction
// first reads the counters it will use back from the database and locks their rows, the id
// counter's first and then the rooms' by id, so that writers never deadlock, and a room's
// sequence numbers follow the order its lines commit in, whichever node commits them.
//
// Runs on the writer thread only, with the writer's connection.
class SqlCommitter
{
public:
    struct Write
    {
        // DeleteRoom: room.id only; DeleteAccount: account.key only; DeleteRole and
        // DeleteSanction: their keys only.
        enum class Type {
            Room,
            Line,
            DeleteRoom,
            Account,
            DeleteAccount,
            Role,
            DeleteRole,
            Sanction,
            DeleteSanction,
            Moderation
        };
        Type type = Type::Line;
        // The one payload the type names: a write is queued and moved a few times on its way
        // to the writer thread, a line per message said, so it is no bigger than its largest
        // payload.
        std::variant<StoredMessage, StoredRoom, StoredAccount, StoredRole, StoredSanction,
                     StoredModeration>
            payload;

        const StoredMessage &message() const { return std::get<StoredMessage>(payload); }
        const StoredRoom &room() const { return std::get<StoredRoom>(payload); }
        const StoredAccount &account() const { return std::get<StoredAccount>(payload); }
        const StoredRole &role() const { return std::get<StoredRole>(payload); }
        const StoredSanction &sanction() const { return std::get<StoredSanction>(payload); }
        const StoredModeration &moderation() const { return std::get<StoredModeration>(payload); }
    };
    struct Result
    {
        StoredMessage committed; // a line as kept, with its id and seq (while being committed,
                                 // only those)
        QString error;           // not empty: nothing of this write was kept
    };

    SqlCommitter(SqlConnection &connection, const SqlStartState &state, bool sharedWriters);

    bool prepare(QString *error);

    // One result per write, in order. All in one transaction if it commits; if it fails,
    // it is rolled back with the counters, and the writes are tried again one by one, so
    // that one bad write does not fail the others (on a full disk each reports the error).
    // *transactions counts the transactions committed. The lines committed move into their
    // results.
    QList<Result> commit(QList<Write> writes, int *transactions);

    // Each room's last sequence number, for retention.
    QHash<qint64, quint64> lastSeqs() const;

private:
    struct Room
    {
        quint64 lastSeq = 0;
        QString key;
    };
    // What a failed transaction must give back.
    struct Undo
    {
        quint64 lastId = 0;
        QHash<qint64, quint64> lastSeqs; // each room's before its first line in the batch
        QList<qint64> createdRooms;
        QList<std::pair<qint64, Room>> deletedRooms;
    };
    enum class Outcome { Done, Refused, Failed };

    bool tryCommit(const QList<Write> &writes, QList<Result> *results, QString *error);
    // Shared writers: the counters the lines of writes use, from the database, locked until
    // the transaction ends. A room another node made becomes known here.
    bool lockCounters(const QList<Write> &writes, QString *error);
    Outcome addRoom(StoredRoom room, Undo &undo, QString *error);
    // The line's id and seq go to *numbers; the line itself moves into its result once its
    // transaction committed (keepLine).
    Outcome addLine(const StoredMessage &message, StoredMessage *numbers, Undo &undo,
                    QString *error);
    void keepLine(Write &write, Result &result);
    Outcome deleteRoom(qint64 id, Undo &undo, QString *error);
    // Accounts have no counters in memory: a rolled-back transaction leaves nothing to undo.
    Outcome saveAccount(StoredAccount account, QString *error);
    Outcome deleteAccount(const QString &key, QString *error);
    // Roles and sanctions: refused for a room that is not there, like the accounts nothing to
    // undo.
    Outcome roomRule(const Write &write, QString *error);
    bool saveCounters(const Undo &undo, QString *error);
    void restore(const Undo &undo);
    QString failure(QSqlQuery &query) const;

    SqlConnection &m_connection;
    const bool m_shared;
    quint64 m_lastId = 0;
    QHash<qint64, Room> m_rooms;
    QSet<QString> m_keys;

    QSqlQuery m_insertRoom;
    SqlStatement m_insertLine; // the bulk of the writes: bound without Qt SQL on SQLite
    QSqlQuery m_setTopic;
    QSqlQuery m_setLastSeq;
    QSqlQuery m_setLastId;
    QSqlQuery m_deleteRoomLines;
    QSqlQuery m_deleteRoom;
    QSqlQuery m_insertAccount;
    QSqlQuery m_deleteAccount;
    QSqlQuery m_lockLastId;  // shared writers only
    QSqlQuery m_lockLastSeq; // shared writers only
    QSqlQuery m_findRoomKey; // shared writers only
    SqlRoomRules m_roomRules;
};
