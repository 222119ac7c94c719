// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoreOptions.h"
#include "store/StoredAccount.h"
#include "store/StoredMessage.h"
#include "store/StoredRoomRule.h"

#include <QObject>
#include <QPointer>

#include <functional>

// What the server remembers: rooms and the lines said in them, private messages, and the
// registered nicknames (accounts), and who runs each room and who is muted or banned in it. The
// chat model talks only to this interface; SqlStore keeps it in a database file (SQLite by
// default), MemoryStore in memory for as long as the process runs.
//
// Threads: a Store lives on the thread that made it (the event loop's). Nothing it does
// blocks that thread after open(): writes and reads run on threads of the store's own, and
// each callback runs later on the Store's thread, never inside the call that passed it.
//
// Order: write callbacks (createRoom, append) run in the order the writes were made, and a
// write's callback runs only once it is committed (durable as Options::durability says), so a
// caller that shows a line from its callback never shows a line that a crash could lose.
// A read made after a write's callback ran sees that write.
class Store : public QObject
{
    Q_OBJECT

public:
    using WriteDone = std::function<void(const QString &error)>;
    using AppendDone = std::function<void(const StoredMessage &committed, const QString &error)>;
    using ReadDone = std::function<void(const HistoryPage &page)>;
    using TargetsDone = std::function<void(const TargetsPage &page)>;
    using RoomsDone = std::function<void(const RoomsPage &page)>;

    using QObject::QObject;

    // What a write asked of a store that is not open (or no longer) fails with.
    static QString notOpenError() { return QStringLiteral("the store is not open"); }

    // Opens the store, creating or upgrading it as needed. Blocking: called once, at start-up,
    // before the event loop serves anyone. False, with errorString(), when it cannot be used:
    // the server must not start on a silently fresh store.
    virtual bool open() = 0;
    QString errorString() const { return m_error; }

    // Counts the times this store was opened, this time included. Person ids are
    // (bootNumber << 32) + a counter, so that they are never reused across restarts.
    virtual quint32 bootNumber() const = 0;
    // The rooms as open() found them.
    virtual QList<StoredRoom> rooms() const = 0;
    // The accounts as open() found them, by key. They are few and small: the server keeps
    // them in memory and only writes through the store.
    virtual QList<StoredAccount> accounts() const = 0;
    // The roles and sanctions as open() found them; like the accounts, the server keeps them
    // in memory and only writes through the store.
    virtual QList<StoredRole> roles() const = 0;
    virtual QList<StoredSanction> sanctions() const = 0;
    // The newest acts of each room's moderation log as open() found them (at most
    // ModerationKept a room), by room and oldest first; the server keeps them in memory and
    // only writes through the store.
    static constexpr int ModerationKept = 100;
    virtual QList<StoredModeration> moderation() const = 0;

    // Writes. error is empty on success; otherwise nothing of that write was kept (a full disk,
    // say) and the store goes on with the next write.
    virtual void createRoom(const StoredRoom &room, WriteDone done) = 0;
    // Appends a line; committed carries the id and sequence number the store gave it. A Topic
    // line also becomes its room's topic.
    virtual void append(const StoredMessage &message, AppendDone done) = 0;
    // Deletes a room and every line said in it, together; its name is free again. Refused
    // (an error) when there is no such room.
    virtual void deleteRoom(qint64 roomId, WriteDone done) = 0;
    // Keeps an account, replacing the one with the same key (a new password). The store
    // computes the key from the name.
    virtual void saveAccount(const StoredAccount &account, WriteDone done) = 0;
    // Forgets the account whose key is key and its roles in rooms (a later holder of the name
    // must not inherit them); refused (an error) when there is none.
    virtual void deleteAccount(const QString &key, WriteDone done) = 0;
    // Keeps a role, replacing the one of the same room and account; refused when there is no
    // such room. Deleting the room deletes its roles and sanctions.
    virtual void saveRole(const StoredRole &role, WriteDone done) = 0;
    // Forgets role.roomId's role of role.account. Forgetting what is not kept is no error:
    // the caller's memory, not the store, knows whether there was one.
    virtual void deleteRole(const StoredRole &role, WriteDone done) = 0;
    // The same for sanctions, by room, kind and mask.
    virtual void saveSanction(const StoredSanction &sanction, WriteDone done) = 0;
    virtual void deleteSanction(const StoredSanction &sanction, WriteDone done) = 0;
    // Adds an act to its room's moderation log; refused when there is no such room. Deleting
    // the room deletes its log.
    virtual void logModeration(const StoredModeration &entry, WriteDone done) = 0;

    virtual void read(const HistoryRequest &request, ReadDone done) = 0;
    // The conversations with lines between two times (IRC's CHATHISTORY TARGETS). Reads and
    // this are answered in the order they were asked.
    virtual void readTargets(const TargetsRequest &request, TargetsDone done) = 0;
    // Every room now, as rooms() was at open(): what other writers of a shared database made
    // or deleted since is in it.
    virtual void readRooms(RoomsDone done) = 0;

    virtual StoreStats stats() const = 0;

    // Whether a write's error means the store is full (its size limit or the disk): the text a
    // store reports for it starts with FullErrorPrefix.
    static constexpr QLatin1StringView FullErrorPrefix{"the database is full"};
    static bool isFullError(const QString &error) { return error.startsWith(FullErrorPrefix); }

    // Commits what is queued, then stops the store's threads. Blocking: at shutdown.
    // Before it returns, the callbacks of everything it committed or read have run, so that no
    // write is left without an answer; a store destroyed without close() keeps its writes but
    // drops their callbacks, whose owners may be going too. Writes and reads made while the
    // store is not open fail, their callbacks still running later.
    virtual void close() = 0;

    // Told where each run of callbacks the store delivers together (the answers of a commit)
    // starts and ends, and before each callback in it that is not a line of a room committed:
    // what the committed lines of a room broadcast may be gathered and sent at those points
    // (MessageLog), and anything else comes after what was gathered, as it would have.
    class DeliveryListener
    {
    public:
        virtual void deliveryStarted() = 0;
        virtual void deliveryInterrupted() = 0;
        virtual void deliveryEnded() = 0;

    protected:
        ~DeliveryListener() = default;
    };
    // One listener, or none; it must stop listening before it goes.
    void setDeliveryListener(DeliveryListener *listener) { m_delivery = listener; }

protected:
    void setErrorString(const QString &error) { m_error = error; }

    // Whether an append's answer is a line of a room that was kept: the one kind of callback
    // a DeliveryRun does not stop for.
    static bool isCommittedRoomLine(const StoredMessage &committed, const QString &error)
    {
        return error.isEmpty() && committed.roomId != 0;
    }

    // For the stores' delivery loops: tells the listener, if there is one, that a run starts, and
    // that it ended when this goes (unless a callback deleted the store, and its listener with it).
    class DeliveryRun
    {
    public:
        explicit DeliveryRun(const Store &store)
            : m_store(&store)
        {
            if (store.m_delivery)
                store.m_delivery->deliveryStarted();
        }
        ~DeliveryRun()
        {
            if (m_store && m_store->m_delivery)
                m_store->m_delivery->deliveryEnded();
        }
        DeliveryRun(const DeliveryRun &) = delete;
        DeliveryRun &operator=(const DeliveryRun &) = delete;

        // Before each callback: roomLine says whether it answers a room's line committed
        // (isCommittedRoomLine).
        void next(bool roomLine)
        {
            if (!roomLine && m_store && m_store->m_delivery)
                m_store->m_delivery->deliveryInterrupted();
        }

    private:
        QPointer<const Store> m_store;
    };

private:
    QString m_error;
    DeliveryListener *m_delivery = nullptr;
};
