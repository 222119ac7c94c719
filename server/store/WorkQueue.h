// SPDX-License-Identifier: MIT
#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QMutex>
#include <QWaitCondition>

#include <utility>

// Work handed from the Store's thread to one of its worker threads. The worker sleeps on a
// wait condition until there is work (never polls), then takes all of it at once: that is
// what lets the writer commit everything that queued up during the last commit in one
// transaction.
template <typename T> class WorkQueue
{
public:
    void push(T item)
    {
        QMutexLocker lock(&m_mutex);
        m_items.append(std::move(item));
        m_wake.wakeOne();
    }

    // Asks the worker to finish: takeAll() stops waiting, and returns what is still queued.
    void stop()
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }

    // Waits until there is work, stop() was called or the deadline passed; returns everything
    // queued (possibly nothing). *stopping tells whether stop() was called.
    QList<T> takeAll(QDeadlineTimer deadline, bool *stopping)
    {
        QMutexLocker lock(&m_mutex);
        while (m_items.isEmpty() && !m_stopping) {
            if (!m_wake.wait(&m_mutex, deadline))
                break;
        }
        *stopping = m_stopping;
        return std::exchange(m_items, {});
    }

private:
    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<T> m_items;
    bool m_stopping = false;
};
