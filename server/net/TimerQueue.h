// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QList>
#include <QMultiHash>

#include <chrono>
#include <set>
#include <utility>

// The timers of EpollEventDispatcher. Qt's own list inserts and removes a timer by walking
// every timer of the thread; a server with a watchdog per connection starts and stops one per
// line, so here each operation is O(log n): a hash from id to timer, an ordered set of
// (due, id) and an index per object. Every timer type is a precise millisecond timer.
class TimerQueue
{
public:
    using Clock = std::chrono::steady_clock;

    void add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object);
    bool remove(int id);
    bool removeAll(QObject *object);
    QList<QAbstractEventDispatcher::TimerInfo> timersOf(QObject *object) const;
    int remainingMs(int id) const;
    // How long epoll_wait may sleep: -1 without timers, 0 when one is due.
    int msToNext() const;
    // Sends a QTimerEvent for each timer due now; returns how many were sent.
    int activateDue();

private:
    struct Timer
    {
        std::chrono::milliseconds interval;
        Qt::TimerType type;
        QObject *object;
        Clock::time_point due;
        // A handler that runs a nested event loop must not receive its own timer again inside
        // that loop (QTimerInfoList behaves the same way); the serial tells a timer restarted
        // under the same id from the one whose delivery is ending.
        quint64 serial;
        bool delivering = false;
    };

    void reschedule(int id, Timer &timer, Clock::time_point now);

    QHash<int, Timer> m_timers;
    std::set<std::pair<Clock::time_point, int>> m_schedule;
    QMultiHash<QObject *, int> m_byObject;
    quint64 m_nextSerial = 0;
};
