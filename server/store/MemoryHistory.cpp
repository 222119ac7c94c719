// SPDX-License-Identifier: MIT
#include "store/MemoryHistory.h"

#include "NameRules.h"
#include "store/StoreRules.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Up to wanted keys of an ordered map within [low, high], newest or oldest first.
template <typename Map, typename Accept>
QList<quint64> walk(const Map &map, const StoreRules::Range &range, qsizetype wanted, Accept accept)
{
    QList<quint64> keys;
    if (range.newestFirst) {
        auto it = map.upper_bound(range.high);
        while (it != map.begin() && keys.size() < wanted) {
            --it;
            if (*it < range.low)
                break;
            if (accept(*it))
                keys.append(*it);
        }
    } else {
        for (auto it = map.lower_bound(range.low);
             it != map.end() && *it <= range.high && keys.size() < wanted; ++it) {
            if (accept(*it))
                keys.append(*it);
        }
    }
    return keys;
}

// A std::map seen as its keys, for walk().
struct KeysOf
{
    const std::map<quint64, quint64> &map;
    struct iterator
    {
        std::map<quint64, quint64>::const_iterator it;
        quint64 operator*() const { return it->first; }
        iterator &operator++()
        {
            ++it;
            return *this;
        }
        iterator &operator--()
        {
            --it;
            return *this;
        }
        bool operator==(const iterator &) const = default;
    };
    iterator begin() const { return {map.begin()}; }
    iterator end() const { return {map.end()}; }
    iterator lower_bound(quint64 k) const { return {map.lower_bound(k)}; }
    iterator upper_bound(quint64 k) const { return {map.upper_bound(k)}; }
};

} // namespace

QList<StoredRoom> MemoryHistory::rooms() const
{
    QList<StoredRoom> result;
    for (const auto &[id, room] : m_rooms)
        result.append(room.room);
    return result;
}

QString MemoryHistory::createRoom(StoredRoom room)
{
    room.key = NameRules::key(room.name);
    if (QString error = StoreRules::checkRoom(room); !error.isEmpty())
        return error;
    if (m_rooms.contains(room.id))
        return StoreRules::roomIdTaken(room.id);
    if (m_roomKeys.contains(room.key))
        return StoreRules::roomNameTaken(room.name);
    m_roomKeys.insert(room.key, room.id);
    m_rooms.emplace(room.id, Room{room, {}});
    return {};
}

QString MemoryHistory::deleteRoom(qint64 roomId)
{
    const auto room = m_rooms.find(roomId);
    if (room == m_rooms.end())
        return StoreRules::noSuchRoom(roomId);
    QList<quint64> ids;
    for (const auto &[seq, id] : room->second.lines)
        ids.append(id);
    for (quint64 id : std::as_const(ids))
        remove(id);
    m_roomKeys.remove(room->second.room.key);
    m_rooms.erase(room);
    return {};
}

QString MemoryHistory::append(StoredMessage &message)
{
    if (QString error = StoreRules::checkMessage(message); !error.isEmpty())
        return error;
    Room *room = nullptr;
    if (message.roomId != 0) {
        const auto it = m_rooms.find(message.roomId);
        if (it == m_rooms.end())
            return StoreRules::noSuchRoom(message.roomId);
        room = &it->second;
    }
    message.id = ++m_lastId;
    message.seq = 0;
    if (room) {
        message.seq = ++room->room.lastSeq;
        room->lines.emplace(message.seq, message.id);
        if (message.kind == StoredMessage::Kind::Topic) {
            room->room.topic = message.text;
            room->room.topicSetter = message.sender;
            room->room.topicTime = message.time;
        }
    } else {
        for (quint64 person : {message.senderPerson, message.recipientPerson}) {
            if (person != 0)
                m_privateByPerson[person].insert(message.id);
        }
    }
    m_byTime.emplace(message.time.toMSecsSinceEpoch(), message.id);
    m_lines.emplace(message.id, Line{message, NameRules::key(message.sender),
                                     NameRules::key(message.recipient)});
    return {};
}

bool MemoryHistory::matches(const Line &line, quint64 person, const QString &peerKey) const
{
    // As SqlHistory's two queries: sent by person to the peer, or received from the peer.
    if (peerKey.isEmpty())
        return true;
    return (line.message.senderPerson == person && line.recipientKey == peerKey) ||
           (line.message.recipientPerson == person && line.senderKey == peerKey);
}

HistoryPage MemoryHistory::read(const HistoryRequest &request) const
{
    HistoryPage page;
    page.error = StoreRules::checkRequest(request);
    const StoreRules::Range range = StoreRules::range(request);
    if (!page.error.isEmpty() || range.isEmpty())
        return page;
    const qsizetype wanted = range.limit + 1;
    QList<quint64> ids;
    if (request.roomId != 0) {
        const auto room = m_rooms.find(request.roomId);
        if (room == m_rooms.end())
            return page;
        const auto &lines = room->second.lines;
        const QList<quint64> seqs = walk(KeysOf{lines}, range, wanted, [&](quint64 seq) {
            const StoredMessage &line = m_lines.at(lines.at(seq)).message;
            return range.contains(line.time.toMSecsSinceEpoch()) &&
                   (request.withTopics || line.kind != StoredMessage::Kind::Topic);
        });
        for (quint64 seq : seqs)
            ids.append(room->second.lines.at(seq));
    } else {
        const auto person = m_privateByPerson.constFind(request.person);
        if (person == m_privateByPerson.cend())
            return page;
        ids = walk(*person, range, wanted, [&](quint64 id) {
            const Line &line = m_lines.at(id);
            return range.contains(line.message.time.toMSecsSinceEpoch()) &&
                   matches(line, request.person, request.peerKey);
        });
    }
    page.more = ids.size() > range.limit;
    if (page.more)
        ids.resize(range.limit);
    if (range.newestFirst)
        std::reverse(ids.begin(), ids.end());
    for (quint64 id : std::as_const(ids))
        page.messages.append(m_lines.at(id).message);
    return page;
}

TargetsPage MemoryHistory::targets(const TargetsRequest &request) const
{
    TargetsPage page;
    const StoreRules::Range range = StoreRules::range(request);
    if (range.isEmpty())
        return page;
    const auto timeOf = [this](quint64 id) { return m_lines.at(id).message.time; };
    QList<StoredTarget> targets;
    for (qint64 roomId : request.roomIds) {
        const auto room = m_rooms.find(roomId);
        if (room == m_rooms.end())
            continue;
        // A conversation counts when its newest line is within the times (one with a later
        // line has moved on since); sequence numbers follow time.
        const auto &lines = room->second.lines;
        if (lines.empty())
            continue;
        const QDateTime time = timeOf(lines.rbegin()->second);
        if (range.contains(time.toMSecsSinceEpoch()))
            targets.append({roomId, {}, time});
    }
    // Ids follow time too: the first line with each peer from the newest is its newest.
    QSet<QString> peers;
    static const std::set<quint64> none;
    const auto person = m_privateByPerson.constFind(request.person);
    const std::set<quint64> &ids = person != m_privateByPerson.cend() ? *person : none;
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
        const Line &line = m_lines.at(*it);
        const bool sent = line.message.senderPerson == request.person;
        const QString &peerKey = sent ? line.recipientKey : line.senderKey;
        if (peers.contains(peerKey))
            continue;
        peers.insert(peerKey);
        if (!range.contains(line.message.time.toMSecsSinceEpoch()))
            continue;
        targets.append({0, sent ? line.message.recipient : line.message.sender, line.message.time});
    }
    StoreRules::keepFirst(targets, range.limit, request.oldestFirst);
    page.targets = std::move(targets);
    return page;
}

void MemoryHistory::startPruning(const StoreOptions &options, qint64 nowMs)
{
    m_tasks.clear();
    if (const qint64 cutoff = StoreRules::ageCutoffMs(options, nowMs); cutoff != 0)
        m_tasks.append({0, cutoff});
    for (const auto &[id, room] : m_rooms) {
        if (const quint64 cutoff = StoreRules::countCutoffSeq(options, room.room.lastSeq))
            m_tasks.append({id, qint64(cutoff)});
    }
}

qint64 MemoryHistory::pruneStep(qint64 budget)
{
    qint64 deleted = 0;
    while (!m_tasks.isEmpty() && budget > 0) {
        const Task task = m_tasks.constFirst();
        QList<quint64> ids;
        if (task.roomId == 0) {
            for (auto it = m_byTime.begin();
                 it != m_byTime.end() && it->first < task.cutoff && ids.size() < budget; ++it)
                ids.append(it->second);
        } else if (const auto room = m_rooms.find(task.roomId); room != m_rooms.end()) {
            const auto &lines = room->second.lines;
            for (auto it = lines.begin();
                 it != lines.end() && it->first <= quint64(task.cutoff) && ids.size() < budget;
                 ++it)
                ids.append(it->second);
        }
        for (quint64 id : std::as_const(ids))
            remove(id);
        deleted += ids.size();
        if (ids.size() < budget)
            m_tasks.removeFirst();
        budget -= ids.size();
    }
    return deleted;
}

void MemoryHistory::remove(quint64 id)
{
    const auto it = m_lines.find(id);
    if (it == m_lines.end())
        return;
    const StoredMessage &m = it->second.message;
    if (m.roomId != 0) {
        if (const auto room = m_rooms.find(m.roomId); room != m_rooms.end())
            room->second.lines.erase(m.seq);
    } else {
        for (quint64 person : {m.senderPerson, m.recipientPerson}) {
            if (const auto ids = m_privateByPerson.find(person); ids != m_privateByPerson.end()) {
                ids->erase(id);
                if (ids->empty())
                    m_privateByPerson.erase(ids);
            }
        }
    }
    m_byTime.erase({m.time.toMSecsSinceEpoch(), id});
    m_lines.erase(it);
}
