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
    // The inner SELECTs walk an index (time_ms; room_id, seq) from its oldest end, so a step
    // costs its batch, whatever the table's size.
    m_deleteOld = QSqlQuery(m_connection.database());
    m_deleteBeyond = QSqlQuery(m_connection.database());
    if (!m_deleteOld.prepare(u"DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE "
                             u"time_ms < ? ORDER BY time_ms LIMIT ?)"_s) ||
        !m_deleteBeyond.prepare(u"DELETE FROM messages WHERE id IN (SELECT id FROM messages "
                                u"WHERE room_id = ? AND seq <= ? ORDER BY seq LIMIT ?)"_s)) {
        *error =
            m_connection.describe(m_deleteOld.lastError().isValid() ? m_deleteOld.lastError()
                                                                    : m_deleteBeyond.lastError());
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
        m_deleteOld.finish();
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
        QSqlQuery &q = task.roomId == 0 ? m_deleteOld : m_deleteBeyond;
        int i = 0;
        if (task.roomId != 0)
            q.bindValue(i++, task.roomId);
        q.bindValue(i++, task.cutoff);
        q.bindValue(i++, budget);
        if (!q.exec())
            return fail(q.lastError());
        const qint64 n = q.numRowsAffected();
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
