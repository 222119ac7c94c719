// SPDX-License-Identifier: MIT
#include "net/TimerQueue.h"

#include <QCoreApplication>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <algorithm>
#include <climits>

using namespace std::chrono;

void TimerQueue::add(int id, qint64 intervalMs, Qt::TimerType type, QObject *object)
{
    const milliseconds interval(intervalMs);
    const Timer timer{interval, type, object, Clock::now() + interval, m_nextSerial++};
    m_timers.insert(id, timer);
    m_schedule.emplace(timer.due, id);
    m_byObject.insert(object, id);
}

bool TimerQueue::remove(int id)
{
    const auto found = m_timers.constFind(id);
    if (found == m_timers.cend())
        return false;
    m_schedule.erase({found->due, id});
    m_byObject.remove(found->object, id);
    m_timers.erase(found);
    return true;
}

bool TimerQueue::removeAll(QObject *object)
{
    const QList<int> ids = m_byObject.values(object);
    for (int id : ids)
        remove(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> TimerQueue::timersOf(QObject *object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> result;
    for (auto it = m_byObject.constFind(object); it != m_byObject.cend() && it.key() == object;
         ++it) {
        const Timer &timer = m_timers[it.value()];
        result.emplaceBack(it.value(), int(timer.interval.count()), timer.type);
    }
    return result;
}

int TimerQueue::remainingMs(int id) const
{
    const auto found = m_timers.constFind(id);
    if (found == m_timers.cend())
        return -1;
    const auto left = ceil<milliseconds>(found->due - Clock::now()).count();
    return int(std::clamp<qint64>(left, 0, INT_MAX));
}

int TimerQueue::msToNext() const
{
    const auto now = Clock::now();
    for (const auto &[due, id] : m_schedule) {
        if (m_timers[id].delivering)
            continue;
        const auto left = ceil<milliseconds>(due - now).count();
        return int(std::clamp<qint64>(left, 0, INT_MAX));
    }
    return -1;
}

int TimerQueue::activateDue()
{
    const auto now = Clock::now();
    // Taken before the first delivery, so that a zero-interval timer, or one a handler starts,
    // fires at most once per pass.
    QVarLengthArray<int, 32> due;
    for (auto it = m_schedule.cbegin(); it != m_schedule.cend() && it->first <= now; ++it)
        due.append(it->second);

    int sent = 0;
    for (int id : due) {
        // An earlier handler may have stopped this timer, or stopped it and started another
        // that got the same id.
        auto found = m_timers.find(id);
        if (found == m_timers.end() || found->due > now)
            continue;
        // Before delivery, so that the handler may stop or restart its own timer.
        reschedule(id, *found, now);
        if (found->delivering)
            continue;
        found->delivering = true;
        const quint64 serial = found->serial;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(found->object, &event);
        ++sent;
        found = m_timers.find(id);
        if (found != m_timers.end() && found->serial == serial)
            found->delivering = false;
    }
    return sent;
}

void TimerQueue::reschedule(int id, Timer &timer, Clock::time_point now)
{
    m_schedule.erase({timer.due, id});
    timer.due += timer.interval;
    // A late pass does not fire the missed intervals one after another.
    if (timer.due < now)
        timer.due = now + timer.interval;
    m_schedule.emplace(timer.due, id);
}
