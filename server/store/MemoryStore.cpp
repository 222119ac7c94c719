// SPDX-License-Identifier: MIT
#include "store/MemoryStore.h"

#include "NameRules.h"
#include "store/StoreRules.h"

#include <QDateTime>
#include <QPointer>

using namespace Qt::StringLiterals;

MemoryStore::MemoryStore(const StoreOptions &options, QObject *parent)
    : Store(parent)
    , m_options(options)
{
    m_pruneTimer.setInterval(options.pruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, [this] {
        if (m_history.isPruning())
            return; // the round under way goes on
        m_history.startPruning(m_options, QDateTime::currentMSecsSinceEpoch());
        pruneStep();
    });
}

// Callbacks still waiting are dropped: their owners may be going too.
MemoryStore::~MemoryStore() = default;

bool MemoryStore::open()
{
    if (m_open) {
        setErrorString(u"the store is already open"_s);
        return false;
    }
    m_open = true;
    ++m_bootNumber;
    m_roomsAtOpen = m_history.rooms();
    m_accountsAtOpen = m_accounts.values();
    m_rolesAtOpen = m_roles.values();
    m_sanctionsAtOpen = m_sanctions.values();
    // By room, oldest first, the newest ModerationKept of each (a stable sort keeps the order
    // of writing within a room).
    m_moderationAtOpen = m_moderation;
    std::stable_sort(
        m_moderationAtOpen.begin(), m_moderationAtOpen.end(),
        [](const StoredModeration &a, const StoredModeration &b) { return a.roomId < b.roomId; });
    for (qsizetype i = m_moderationAtOpen.size() - 1; i >= 0; --i) {
        const qsizetype newer = std::count_if(
            m_moderationAtOpen.cbegin() + i + 1, m_moderationAtOpen.cend(),
            [&](const StoredModeration &e) { return e.roomId == m_moderationAtOpen[i].roomId; });
        if (newer >= ModerationKept)
            m_moderationAtOpen.removeAt(i);
    }
    m_stats = {};
    if (StoreRules::prunes(m_options))
        m_pruneTimer.start();
    setErrorString({});
    return true;
}

void MemoryStore::close()
{
    if (!m_open)
        return;
    m_open = false;
    m_pruneTimer.stop();
    deliver();
}

void MemoryStore::createRoom(const StoredRoom &room, WriteDone done)
{
    written(m_open ? m_history.createRoom(room) : notOpenError(), std::move(done));
}

void MemoryStore::deleteRoom(qint64 roomId, WriteDone done)
{
    const QString error = m_open ? m_history.deleteRoom(roomId) : notOpenError();
    if (error.isEmpty()) {
        m_roles.removeIf([roomId](const auto &it) { return it.key().first == roomId; });
        m_sanctions.removeIf([roomId](const auto &it) { return std::get<0>(it.key()) == roomId; });
        m_moderation.removeIf([roomId](const StoredModeration &e) { return e.roomId == roomId; });
    }
    written(error, std::move(done));
}

void MemoryStore::saveAccount(const StoredAccount &account, WriteDone done)
{
    StoredAccount kept = account;
    kept.key = NameRules::key(account.name);
    QString error = m_open ? StoreRules::checkAccount(kept) : notOpenError();
    if (error.isEmpty())
        m_accounts.insert(kept.key, kept);
    written(error, std::move(done));
}

void MemoryStore::deleteAccount(const QString &key, WriteDone done)
{
    QString error = m_open ? QString() : notOpenError();
    if (error.isEmpty() && m_accounts.remove(key) == 0)
        error = StoreRules::noSuchAccount(key);
    if (error.isEmpty())
        m_roles.removeIf([&key](const auto &it) { return it.key().second == key; });
    written(error, std::move(done));
}

QString MemoryStore::checkRule(qint64 roomId, const QString &ruleError) const
{
    if (!m_open)
        return notOpenError();
    if (!ruleError.isEmpty())
        return ruleError;
    return m_history.hasRoom(roomId) ? QString() : StoreRules::noSuchRoom(roomId);
}

void MemoryStore::saveRole(const StoredRole &role, WriteDone done)
{
    const QString error = checkRule(role.roomId, StoreRules::checkRole(role));
    if (error.isEmpty())
        m_roles.insert({role.roomId, role.account}, role);
    written(error, std::move(done));
}

void MemoryStore::deleteRole(const StoredRole &role, WriteDone done)
{
    if (m_open)
        m_roles.remove({role.roomId, role.account});
    written(m_open ? QString() : notOpenError(), std::move(done));
}

void MemoryStore::saveSanction(const StoredSanction &sanction, WriteDone done)
{
    const QString error = checkRule(sanction.roomId, StoreRules::checkSanction(sanction));
    if (error.isEmpty())
        m_sanctions.insert({sanction.roomId, StoreRules::kindName(sanction.kind), sanction.mask},
                           sanction);
    written(error, std::move(done));
}

void MemoryStore::deleteSanction(const StoredSanction &sanction, WriteDone done)
{
    if (m_open)
        m_sanctions.remove({sanction.roomId, StoreRules::kindName(sanction.kind), sanction.mask});
    written(m_open ? QString() : notOpenError(), std::move(done));
}

void MemoryStore::logModeration(const StoredModeration &entry, WriteDone done)
{
    const QString error = checkRule(entry.roomId, QString());
    if (error.isEmpty())
        m_moderation.append(entry);
    written(error, std::move(done));
}

void MemoryStore::written(const QString &error, WriteDone done)
{
    countWrite(error);
    answer([done = std::move(done), error] {
        if (done)
            done(error);
    });
}

void MemoryStore::append(const StoredMessage &message, AppendDone done)
{
    StoredMessage committed = message;
    const QString error = m_open ? m_history.append(committed) : notOpenError();
    countWrite(error);
    if (error.isEmpty()) {
        ++m_stats.committedLines;
        m_stats.commitLatency.observe(0); // kept at once
    } else {
        committed = {};
    }
    const bool roomLine = isCommittedRoomLine(committed, error);
    answer(
        [done = std::move(done), committed, error] {
            if (done)
                done(committed, error);
        },
        roomLine);
}

void MemoryStore::read(const HistoryRequest &request, ReadDone done)
{
    HistoryPage page;
    if (m_open)
        page = m_history.read(request);
    else
        page.error = notOpenError();
    answer([done = std::move(done), page] {
        if (done)
            done(page);
    });
}

void MemoryStore::readRooms(RoomsDone done)
{
    RoomsPage page;
    if (m_open)
        page.rooms = m_history.rooms();
    else
        page.error = notOpenError();
    answer([done = std::move(done), page] {
        if (done)
            done(page);
    });
}

void MemoryStore::readTargets(const TargetsRequest &request, TargetsDone done)
{
    TargetsPage page;
    if (m_open)
        page = m_history.targets(request);
    else
        page.error = notOpenError();
    answer([done = std::move(done), page] {
        if (done)
            done(page);
    });
}

void MemoryStore::countWrite(const QString &error)
{
    if (!error.isEmpty()) {
        ++m_stats.failedWrites;
        return;
    }
    // The writes kept between two deliveries count as one transaction, as the writer's group
    // commit makes them.
    if (!std::exchange(m_batchCounted, true))
        ++m_stats.transactions;
}

void MemoryStore::answer(std::function<void()> callback, bool roomLine)
{
    m_callbacks.push_back({std::move(callback), roomLine});
    if (!std::exchange(m_deliveryPosted, true))
        QMetaObject::invokeMethod(this, &MemoryStore::deliver, Qt::QueuedConnection);
}

// Runs the callbacks queued before it started; those they cause wait for the next turn of
// the event loop, so that a caller who writes from every callback cannot starve it. One at
// a time from the shared queue, so that a callback calling close() keeps the order.
void MemoryStore::deliver()
{
    const QPointer<MemoryStore> alive(this);
    qsizetype due = qsizetype(m_callbacks.size());
    m_deliveryPosted = false;
    m_batchCounted = false;
    DeliveryRun run(*this);
    while (due-- > 0 && !m_callbacks.empty()) {
        const Answer answer = std::move(m_callbacks.front());
        m_callbacks.pop_front();
        run.next(answer.roomLine);
        answer.callback();
        if (!alive)
            return;
    }
}

void MemoryStore::pruneStep()
{
    m_pruneStepPosted = false;
    if (!m_open || !m_history.isPruning())
        return;
    m_stats.prunedLines += m_history.pruneStep(m_options.pruneBatch);
    ++m_stats.transactions;
    // The next step waits for the event loop's next turn, so writes and reads go between.
    if (m_history.isPruning() && !std::exchange(m_pruneStepPosted, true))
        QMetaObject::invokeMethod(this, &MemoryStore::pruneStep, Qt::QueuedConnection);
}
