// SPDX-License-Identifier: MIT
#include "net/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

// epoll_event.data of the wake-up descriptor; a socket's is (generation << 32) | descriptor.
constexpr std::uint64_t WakeUpTag = ~std::uint64_t(0);
// Per epoll_wait call, on the stack: a nested event loop waits with its own array.
constexpr int MaxEvents = 256;
// Rounds of ready input handled before the posted events (and with them the output) of a pass.
constexpr int InputRoundsPerPass = 4;

// What each notifier type wakes on: like poll(), a hang-up or an error wakes them all, so that
// the socket reads the end of the stream or the error.
struct Kind
{
    QSocketNotifier::Type type;
    std::uint32_t events;
};
constexpr Kind Kinds[] = {
    {QSocketNotifier::Read, EPOLLIN | EPOLLHUP | EPOLLERR},
    {QSocketNotifier::Write, EPOLLOUT | EPOLLHUP | EPOLLERR},
    {QSocketNotifier::Exception, EPOLLPRI | EPOLLHUP | EPOLLERR},
};
constexpr std::uint32_t Requested[] = {EPOLLIN, EPOLLOUT, EPOLLPRI};

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create the epoll or wake-up descriptor: %s",
               strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = WakeUpTag;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) != 0)
        qFatal("EpollEventDispatcher: cannot watch the wake-up descriptor: %s", strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    close(m_wakeFd);
    close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    emit awake();
    const bool includeSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    // What has already arrived is handled before the posted events, among which is the output
    // flush: a room's broadcasts then leave together, one send per member for everything
    // several senders said at about the same moment, not one send per sender (W2 in
    // docs/PERFORMANCE.md). A few rounds at most, so that output is not held back for long.
    int handled = 0;
    for (int round = 0; includeSockets && round < InputRoundsPerPass; ++round) {
        const int got = waitForSockets(0);
        handled += got;
        if (got == 0)
            break;
    }
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load())
        return handled > 0;

    if (handled == 0 && flags.testFlag(QEventLoop::WaitForMoreEvents)) {
        // An event posted from now on writes to the wake-up descriptor, so blocking cannot
        // miss it.
        emit aboutToBlock();
        if (m_interrupted.load())
            return false;
        const int timeoutMs = includeTimers ? m_timers.msToNext() : -1;
        handled = includeSockets ? waitForSockets(timeoutMs) : waitForWakeUp(timeoutMs);
    }
    if (includeTimers)
        handled += m_timers.activateDue();
    return handled > 0;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    if (fd < 0)
        return;
    if (std::size_t(fd) >= m_watches.size())
        m_watches.resize(std::size_t(fd) + 1);
    Watch &watch = m_watches[std::size_t(fd)];
    QSocketNotifier *&slot = watch.notifiers[notifier->type()];
    if (slot && slot != notifier)
        qWarning("EpollEventDispatcher: several notifiers of type %d for descriptor %d",
                 int(notifier->type()), int(fd));
    if (watch.notifiers == decltype(watch.notifiers){})
        ++watch.generation;
    slot = notifier;
    markChanged(int(fd));
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Watch *watch = watchOf(notifier);
    if (!watch || watch->notifiers[notifier->type()] != notifier)
        return;
    watch->notifiers[notifier->type()] = nullptr;
    markChanged(int(notifier->socket()));
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    m_timers.add(timerId, interval, timerType, object);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    return m_timers.timersOf(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingMs(timerId);
}

void EpollEventDispatcher::wakeUp()
{
    // Qt calls this for every posted event; one write is enough until the loop has woken.
    if (!m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

std::uint32_t EpollEventDispatcher::wantedEvents(const Watch &watch)
{
    std::uint32_t wanted = 0;
    for (std::size_t type = 0; type < watch.notifiers.size(); ++type) {
        if (watch.notifiers[type])
            wanted |= Requested[type];
    }
    return wanted;
}

EpollEventDispatcher::Watch *EpollEventDispatcher::watchOf(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    return fd >= 0 && std::size_t(fd) < m_watches.size() ? &m_watches[std::size_t(fd)] : nullptr;
}

void EpollEventDispatcher::markChanged(int fd)
{
    Watch &watch = m_watches[std::size_t(fd)];
    if (!watch.changed) {
        watch.changed = true;
        m_changed.push_back(fd);
    }
}

void EpollEventDispatcher::applyChanges()
{
    for (int fd : m_changed) {
        Watch &watch = m_watches[std::size_t(fd)];
        watch.changed = false;
        std::uint32_t wanted = wantedEvents(watch);
        const bool onlyDropped = (wanted & ~watch.registeredEvents) == 0;
        if (wanted != 0 && onlyDropped && !watch.unwanted &&
            watch.generation == watch.registeredGeneration)
            continue;
        watch.unwanted = false;
        epoll_event event{};
        event.events = wanted;
        event.data.u64 = std::uint64_t(watch.generation) << 32 | std::uint32_t(fd);
        int result = 0;
        if (wanted == 0) {
            // Fails when the descriptor is already closed, which removed it from the set.
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event);
        } else if (watch.registeredEvents == 0) {
            result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        } else {
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
            // The old descriptor was closed while registered and the number reused.
            if (result != 0 && errno == ENOENT)
                result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        }
        if (result != 0) {
            qWarning("EpollEventDispatcher: cannot watch descriptor %d: %s", fd, strerror(errno));
            wanted = 0;
        }
        watch.registeredEvents = wanted;
        watch.registeredGeneration = watch.generation;
    }
    m_changed.clear();
}

int EpollEventDispatcher::waitForSockets(int timeoutMs)
{
    applyChanges();
    epoll_event events[MaxEvents];
    const int count = epoll_wait(m_epoll, events, MaxEvents, timeoutMs);
    if (count < 0 && errno != EINTR)
        qWarning("EpollEventDispatcher: epoll_wait: %s", strerror(errno));
    int handled = 0;
    for (int i = 0; i < count; ++i)
        handled += events[i].data.u64 == WakeUpTag ? consumeWakeUp() : activate(events[i]);
    return handled;
}

// ExcludeSocketNotifiers: the epoll set would return at once for any readable socket.
int EpollEventDispatcher::waitForWakeUp(int timeoutMs)
{
    pollfd wake{m_wakeFd, POLLIN, 0};
    return poll(&wake, 1, timeoutMs) > 0 ? consumeWakeUp() : 0;
}

int EpollEventDispatcher::activate(const epoll_event &event)
{
    const auto fd = std::size_t(event.data.u64 & 0xffffffffu);
    const auto generation = std::uint32_t(event.data.u64 >> 32);
    if (fd < m_watches.size() && m_watches[fd].generation == generation) {
        Watch &watch = m_watches[fd];
        if (event.events & watch.registeredEvents & ~wantedEvents(watch)) {
            watch.unwanted = true;
            markChanged(int(fd));
        }
    }
    QEvent activation(QEvent::SockAct);
    int handled = 0;
    for (const Kind &kind : Kinds) {
        if (!(event.events & kind.events))
            continue;
        // Looked up again each time: an earlier activation may have deleted this notifier,
        // or closed the descriptor and let another socket take its number.
        if (fd >= m_watches.size() || m_watches[fd].generation != generation)
            break;
        if (QSocketNotifier *notifier = m_watches[fd].notifiers[kind.type]) {
            QCoreApplication::sendEvent(notifier, &activation);
            ++handled;
        }
    }
    return handled;
}

int EpollEventDispatcher::consumeWakeUp()
{
    eventfd_t value = 0;
    eventfd_read(m_wakeFd, &value);
    // Cleared after the read: a wakeUp() in between is covered by the next pass, which starts
    // by sending posted events.
    m_wakeUpPending.store(false, std::memory_order_release);
    return 1;
}
