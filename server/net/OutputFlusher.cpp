// SPDX-License-Identifier: MIT
#include "net/OutputFlusher.h"

#include "net/PassArena.h"
#include "net/PlainConnection.h"

#include <QAbstractEventDispatcher>
#include <QList>

#include <utility>

namespace {

struct Pending
{
    QList<PlainConnection *> connections;
    bool posted = false;
};

thread_local Pending t_pending;

} // namespace

void OutputFlusher::schedule(PlainConnection *connection)
{
    t_pending.connections.append(connection);
    if (t_pending.posted)
        return;
    t_pending.posted = true;
    // The dispatcher lives in this thread and as long as its event loop: the call runs here.
    QMetaObject::invokeMethod(QAbstractEventDispatcher::instance(), &OutputFlusher::flushAll,
                              Qt::QueuedConnection);
}

void OutputFlusher::cancel(PlainConnection *connection)
{
    t_pending.connections.removeOne(connection);
}

void OutputFlusher::flushAll()
{
    t_pending.posted = false;
    // Flushing never reports or deletes anything, so the list is stable; bytes queued from
    // here on belong to the next pass.
    const QList<PlainConnection *> connections = std::exchange(t_pending.connections, {});
    for (PlainConnection *connection : connections)
        connection->flushScheduled();
    // What the arena kept for this pass may be reused: nothing was queued during the flush.
    Q_ASSERT(t_pending.connections.isEmpty());
    PassArena::passFlushed();
}
