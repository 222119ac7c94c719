// SPDX-License-Identifier: MIT
#include "store/SqlPruner.h"

#include "store/SqlConnection.h"
#include "store/StoreRules.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

SqlPruner::SqlPruner(SqlConnection &connection, const StoreOptions &options)
    : m_connection(connection)
    , m_options(options)
{
}

bool SqlPruner::prepare(QString *error)
{
    // Each query walks the table or an index (room_id, seq) from its oldest end, so a step
    // costs its batch, whatever the table's size. Lines are stored in id order with the
    // server's clock, so the oldest lines are the first ids: age needs no index of its own.
    m_oldest = QSqlQuery(m_connection.database());
    m_deleteUpTo = QSqlQuery(m_connection.database());
    m_deleteBeyond = QSqlQuery(m_connection.database());
    const bool prepared =
        m_oldest.prepare(u"SELECT id, time_ms FROM messages ORDER BY id LIMIT ?"_s) &&
        m_deleteUpTo.prepare(u"DELETE FROM messages WHERE id <= ?"_s) &&
        m_deleteBeyond.prepare(u"DELETE FROM messages WHERE id IN (SELECT id FROM messages "
                               u"WHERE room_id = ? AND seq <= ? ORDER BY seq LIMIT ?)"_s);
    if (!prepared) {
        for (const QSqlQuery *q : {&m_oldest, &m_deleteUpTo, &m_deleteBeyond}) {
            if (q->lastError().isValid()) {
                *error = m_connection.describe(q->lastError());
                break;
            }
        }
        return false;
    }
    return true;
}

void SqlPruner::start(qint64 nowMs, const QHash<qint64, quint64> &lastSeqs)
{
    m_tasks.clear();
    if (const qint64 cutoff = StoreRules::ageCutoffMs(m_options, nowMs); cutoff != 0)
        m_tasks.append({0, cutoff});
    for (auto it = lastSeqs.cbegin(); it != lastSeqs.cend(); ++it) {
        if (const quint64 cutoff = StoreRules::countCutoffSeq(m_options, it.value()); cutoff != 0)
            m_tasks.append({it.key(), qint64(cutoff)});
    }
}

qint64 SqlPruner::step()
{
    QSqlDatabase &db = m_connection.database();
    auto fail = [&](const QSqlError &error) {
        qWarning("store: retention stopped until its next round: %s",
                 qPrintable(m_connection.describe(error)));
        m_oldest.finish();
        m_deleteUpTo.finish();
        m_deleteBeyond.finish();
        db.rollback();
        m_tasks.clear();
        return qint64(-1);
    };
    if (!db.transaction())
        return fail(db.lastError());
    qint64 budget = m_options.pruneBatch;
    qint64 deleted = 0;
    while (!m_tasks.isEmpty() && budget > 0) {
        const Task &task = m_tasks.constFirst();
        qint64 n = 0;
        if (task.roomId == 0) {
            // The oldest ids up to the first line that is not too old: a clock that went back
            // leaves a few old lines behind that one until it is old enough too.
            m_oldest.bindValue(0, budget);
            if (!m_oldest.exec())
                return fail(m_oldest.lastError());
            qint64 lastOld = -1;
            while (m_oldest.next() && m_oldest.value(1).toLongLong() < task.cutoff)
                lastOld = m_oldest.value(0).toLongLong();
            m_oldest.finish();
            if (lastOld >= 0) {
                m_deleteUpTo.bindValue(0, lastOld);
                if (!m_deleteUpTo.exec())
                    return fail(m_deleteUpTo.lastError());
                n = m_deleteUpTo.numRowsAffected();
            }
        } else {
            QSqlQuery &q = m_deleteBeyond;
            q.bindValue(0, task.roomId);
            q.bindValue(1, task.cutoff);
            q.bindValue(2, budget);
            if (!q.exec())
                return fail(q.lastError());
            n = q.numRowsAffected();
        }
        deleted += n;
        // Fewer than asked: nothing is left for this task.
        if (n < budget)
            m_tasks.removeFirst();
        budget -= n;
    }
    if (!db.commit())
        return fail(db.lastError());
    return deleted;
}
