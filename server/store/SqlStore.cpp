// SPDX-License-Identifier: MIT
#include "store/SqlStore.h"

#include "store/Migrations.h"
#include "store/SqlConnection.h"
#include "store/SqlReader.h"
#include "store/SqlWriter.h"

#include <QPointer>

using namespace Qt::StringLiterals;

SqlStore::SqlStore(const StoreOptions &options, QObject *parent)
    : Store(parent)
    , m_options(options)
    , m_dialect(SqlDialect::create(options))
{
}

SqlStore::~SqlStore()
{
    if (!m_open)
        return;
    handOverPass(); // what this pass wrote is committed too
    m_open = false;
    stopThreads();
    m_dialect->release();
}

bool SqlStore::open()
{
    if (m_open) {
        setErrorString(u"the store is already open"_s);
        return false;
    }
    QString error;
    if (!start(&error)) {
        stopThreads();
        m_dialect->release();
        setErrorString(error);
        return false;
    }
    setErrorString({});
    m_open = true;
    return true;
}

bool SqlStore::start(QString *error)
{
    m_state = {};
    if (!m_dialect->claim(error))
        return false;
    const QString where = m_dialect->where();
    {
        SqlConnection setup(*m_dialect, SqlConnection::Role::Setup);
        if (!setup.open(error))
            return false;
        // The schema is checked before the dialect changes anything (SQLite's WAL): a
        // database that is not ours, or is newer, is left as it was.
        QString why;
        if (!Migrations::migrate(setup.database(), *m_dialect, &why)) {
            *error = u"cannot use the database %1: %2"_s.arg(where, why);
            return false;
        }
        if (!m_dialect->afterMigration(setup, error))
            return false;
        if (!m_state.load(setup, &why)) {
            *error = u"cannot use the database %1: %2"_s.arg(where, why);
            return false;
        }
    }
    m_writer = std::make_unique<SqlWriter>(
        *m_dialect, m_options, m_state,
        [this](QList<SqlCommitter::Result> r) { writesDone(std::move(r)); });
    m_reader = std::make_unique<SqlReader>(
        *m_dialect, [this](QList<SqlReader::Answer> answers) { readsDone(std::move(answers)); });
    m_writer->start();
    m_reader->start();
    return m_writer->waitUntilReady(error) && m_reader->waitUntilReady(error);
}

void SqlStore::stopThreads()
{
    // Their destructors commit or serve what is queued, then join.
    if (m_writer)
        m_closedStats = m_writer->stats();
    m_writer.reset();
    m_reader.reset();
}

void SqlStore::write(SqlCommitter::Write write, WriteDone done)
{
    m_writeCallbacks.push_back({std::move(done), {}});
    if (!m_open) {
        writesDone({SqlCommitter::Result{{}, notOpenError()}});
        return;
    }
    handOver(std::move(write));
}

void SqlStore::createRoom(const StoredRoom &room, WriteDone done)
{
    write({SqlCommitter::Write::Type::Room, room}, std::move(done));
}

void SqlStore::append(const StoredMessage &message, AppendDone done)
{
    m_writeCallbacks.push_back({{}, std::move(done)});
    if (!m_open) {
        writesDone({SqlCommitter::Result{{}, notOpenError()}});
        return;
    }
    handOver({SqlCommitter::Write::Type::Line, message});
}

void SqlStore::deleteRoom(qint64 roomId, WriteDone done)
{
    StoredRoom room;
    room.id = roomId;
    write({SqlCommitter::Write::Type::DeleteRoom, room}, std::move(done));
}

void SqlStore::saveAccount(const StoredAccount &account, WriteDone done)
{
    write({SqlCommitter::Write::Type::Account, account}, std::move(done));
}

void SqlStore::deleteAccount(const QString &key, WriteDone done)
{
    StoredAccount account;
    account.key = key;
    write({SqlCommitter::Write::Type::DeleteAccount, account}, std::move(done));
}

void SqlStore::saveRole(const StoredRole &role, WriteDone done)
{
    write({SqlCommitter::Write::Type::Role, role}, std::move(done));
}

void SqlStore::deleteRole(const StoredRole &role, WriteDone done)
{
    write({SqlCommitter::Write::Type::DeleteRole, role}, std::move(done));
}

void SqlStore::saveSanction(const StoredSanction &sanction, WriteDone done)
{
    write({SqlCommitter::Write::Type::Sanction, sanction}, std::move(done));
}

void SqlStore::deleteSanction(const StoredSanction &sanction, WriteDone done)
{
    write({SqlCommitter::Write::Type::DeleteSanction, sanction}, std::move(done));
}

void SqlStore::logModeration(const StoredModeration &entry, WriteDone done)
{
    write({SqlCommitter::Write::Type::Moderation, entry}, std::move(done));
}

void SqlStore::handOver(SqlCommitter::Write write)
{
    // What the event loop's pass writes goes to the writer together, at the end of the pass:
    // one transaction per pass, and its lines reach their rooms in one pass too, instead of
    // the writer committing the first lines of a pass while the rest are still being read.
    // Sized from the pass before when it starts: a busy pass's list does not grow (and move
    // its writes) step by step.
    if (m_outgoing.isEmpty())
        m_outgoing.reserve(m_lastPassWrites);
    m_outgoing.append(std::move(write));
    if (!std::exchange(m_handOverPosted, true))
        QMetaObject::invokeMethod(this, &SqlStore::handOverPass, Qt::QueuedConnection);
}

void SqlStore::handOverPass()
{
    m_handOverPosted = false;
    if (m_writer && !m_outgoing.isEmpty()) {
        m_lastPassWrites = m_outgoing.size();
        m_writer->enqueue(std::exchange(m_outgoing, {}));
    }
}

void SqlStore::read(const HistoryRequest &request, ReadDone done)
{
    m_readCallbacks.push_back(std::move(done));
    HistoryPage notOpen;
    notOpen.error = notOpenError();
    enqueueRead(request, notOpen);
}

void SqlStore::readTargets(const TargetsRequest &request, TargetsDone done)
{
    m_readCallbacks.push_back(std::move(done));
    TargetsPage notOpen;
    notOpen.error = notOpenError();
    enqueueRead(request, notOpen);
}

void SqlStore::readRooms(RoomsDone done)
{
    m_readCallbacks.push_back(std::move(done));
    RoomsPage notOpen;
    notOpen.error = notOpenError();
    enqueueRead(RoomsRequest{}, notOpen);
}

void SqlStore::enqueueRead(const SqlReader::Job &job, SqlReader::Answer notOpen)
{
    if (m_open)
        m_reader->enqueue(job);
    else
        readsDone({std::move(notOpen)});
}

StoreStats SqlStore::stats() const
{
    return m_writer ? m_writer->stats() : m_closedStats;
}

void SqlStore::close()
{
    if (!m_open)
        return;
    handOverPass(); // what this pass wrote is committed too
    m_open = false;
    stopThreads();
    m_dialect->release();
    // Everything is answered by now; the posted deliveries, if any, will find nothing left.
    deliverWrites();
    deliverReads();
}

void SqlStore::writesDone(QList<SqlCommitter::Result> results)
{
    QMutexLocker lock(&m_doneMutex);
    for (SqlCommitter::Result &result : results)
        m_doneWrites.push_back(std::move(result));
    if (!std::exchange(m_writesPosted, true))
        QMetaObject::invokeMethod(this, &SqlStore::deliverWrites, Qt::QueuedConnection);
}

void SqlStore::readsDone(QList<SqlReader::Answer> answers)
{
    QMutexLocker lock(&m_doneMutex);
    for (SqlReader::Answer &answer : answers)
        m_doneReads.push_back(std::move(answer));
    if (!std::exchange(m_readsPosted, true))
        QMetaObject::invokeMethod(this, &SqlStore::deliverReads, Qt::QueuedConnection);
}

// Runs the callbacks of the results there when it started (later ones have posted another
// delivery), one at a time from the shared queue, so that a callback that writes, reads or
// even calls close() finds the queues in order.
void SqlStore::deliverWrites()
{
    const QPointer<SqlStore> alive(this);
    qsizetype due = 0;
    {
        QMutexLocker lock(&m_doneMutex);
        due = qsizetype(m_doneWrites.size());
        m_writesPosted = false;
    }
    DeliveryRun run(*this);
    while (due-- > 0) {
        SqlCommitter::Result result;
        {
            QMutexLocker lock(&m_doneMutex);
            if (m_doneWrites.empty())
                return;
            result = std::move(m_doneWrites.front());
            m_doneWrites.pop_front();
        }
        Q_ASSERT(!m_writeCallbacks.empty());
        PendingWrite pending = std::move(m_writeCallbacks.front());
        m_writeCallbacks.pop_front();
        run.next(pending.lineDone && isCommittedRoomLine(result.committed, result.error));
        if (pending.lineDone)
            pending.lineDone(result.committed, result.error);
        else if (pending.roomDone)
            pending.roomDone(result.error);
        if (!alive)
            return;
    }
}

void SqlStore::deliverReads()
{
    const QPointer<SqlStore> alive(this);
    qsizetype due = 0;
    {
        QMutexLocker lock(&m_doneMutex);
        due = qsizetype(m_doneReads.size());
        m_readsPosted = false;
    }
    while (due-- > 0) {
        SqlReader::Answer answer;
        {
            QMutexLocker lock(&m_doneMutex);
            if (m_doneReads.empty())
                return;
            answer = std::move(m_doneReads.front());
            m_doneReads.pop_front();
        }
        Q_ASSERT(!m_readCallbacks.empty());
        const auto done = std::move(m_readCallbacks.front());
        m_readCallbacks.pop_front();
        // Answers come in the order the reads were asked, so each finds its own kind of
        // callback.
        if (const auto *page = std::get_if<HistoryPage>(&answer)) {
            if (const auto &pageDone = std::get<ReadDone>(done))
                pageDone(*page);
        } else if (const auto *rooms = std::get_if<RoomsPage>(&answer)) {
            if (const auto &roomsDone = std::get<RoomsDone>(done))
                roomsDone(*rooms);
        } else if (const auto &targetsDone = std::get<TargetsDone>(done)) {
            targetsDone(std::get<TargetsPage>(answer));
        }
        if (!alive)
            return;
    }
}
