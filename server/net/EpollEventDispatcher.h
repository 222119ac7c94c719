// SPDX-License-Identifier: MIT
#pragma once

#include "net/TimerQueue.h"

#include <QAbstractEventDispatcher>

#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

struct epoll_event;

// The main thread's event dispatcher. Qt's Unix dispatcher builds a poll() set of every socket
// notifier on each wake-up, which at 10,000 idle connections costs more than the work itself;
// here the kernel keeps the set (one epoll registration per descriptor) and a wake-up costs
// only the descriptors that are ready. Timers live in TimerQueue. Unlike Qt's dispatchers, a
// pass handles the input that is ready before the posted events (see processEvents()), so
// that the output flush, a posted event, sends what several senders said in one go.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    // The notifiers of one descriptor, indexed by QSocketNotifier::Type, and what the kernel
    // has been told about it.
    struct Watch
    {
        std::array<QSocketNotifier *, 3> notifiers{};
        // Bumped when a descriptor gets its first notifier: events from the previous
        // registration of a reused descriptor number carry the old one and are dropped.
        std::uint32_t generation = 0;
        std::uint32_t registeredGeneration = 0;
        // A notifier switched off stays in the kernel's mask until an event arrives that
        // nobody wants (then `unwanted` is set): a write notifier is switched on and off per
        // burst, and a socket that gets a line every pass then costs no system call.
        std::uint32_t registeredEvents = 0;
        bool changed = false;
        bool unwanted = false;
    };

    static std::uint32_t wantedEvents(const Watch &watch);
    Watch *watchOf(QSocketNotifier *notifier);
    void markChanged(int fd);
    void applyChanges();
    int waitForSockets(int timeoutMs);
    int waitForWakeUp(int timeoutMs);
    int activate(const epoll_event &event);
    int consumeWakeUp();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};
    std::vector<Watch> m_watches; // indexed by descriptor
    // Registrations are sent to the kernel just before waiting, so that a notifier switched
    // off and on again within one pass costs nothing.
    std::vector<int> m_changed;
    TimerQueue m_timers;
};
