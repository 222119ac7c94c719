// SPDX-License-Identifier: MIT
#pragma once

#include "store/SqlThread.h"
#include "store/StoreOptions.h"
#include "store/StoredMessage.h"
#include "store/WorkQueue.h"

#include <functional>

// The thread that reads history, with its own connection, so that a page never waits for a
// commit (the database runs in WAL mode: readers and the writer do not block each other).
// Requests are served in the order they came; the pages of everything taken in one turn go
// to deliver(), on this thread, in that order.
class SqlReader : public SqlThread
{
public:
    using Deliver = std::function<void(QList<HistoryPage> pages)>;

    SqlReader(const QString &path, const StoreOptions &options, Deliver deliver);
    ~SqlReader() override;

    void enqueue(const HistoryRequest &request) { m_queue.push(request); }
    // Serves what is queued, then ends the thread; wait() for it.
    void stop() { m_queue.stop(); }

protected:
    void run() override;

private:
    QString m_path;
    StoreOptions m_options;
    Deliver m_deliver;
    WorkQueue<HistoryRequest> m_queue;
};
