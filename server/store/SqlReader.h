// SPDX-License-Identifier: MIT
#pragma once

#include "store/SqlThread.h"
#include "store/StoredMessage.h"
#include "store/WorkQueue.h"

#include <functional>
#include <variant>

class SqlDialect;

// The thread that reads history, with its own connection, so that a page never waits for a
// commit (SQLite runs in WAL mode, PostgreSQL always lets readers and writers pass).
// Requests (pages of history, the conversations between two times, or the rooms) are served in
// the order
// they came; the answers to everything taken in one turn go to deliver(), on this thread, in
// that order.
class SqlReader : public SqlThread
{
public:
    using Job = std::variant<HistoryRequest, TargetsRequest, RoomsRequest>;
    using Answer = std::variant<HistoryPage, TargetsPage, RoomsPage>;
    using Deliver = std::function<void(QList<Answer> answers)>;

    // The dialect outlives the reader.
    SqlReader(const SqlDialect &dialect, Deliver deliver);
    ~SqlReader() override;

    void enqueue(const Job &job) { m_queue.push(job); }
    // Serves what is queued, then ends the thread; wait() for it.
    void stop() { m_queue.stop(); }

protected:
    void run() override;

private:
    const SqlDialect &m_dialect;
    Deliver m_deliver;
    WorkQueue<Job> m_queue;
};
