// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// A line of history as the store keeps it: something said or done in a room (a message, an
// action, a note, a topic change), or a private message or note between two people.
struct StoredMessage
{
    // The numbers are the messages table's kind column (added kinds need no migration).
    enum class Kind { Message = 1, Action = 2, Topic = 3, Private = 4, Note = 5, PrivateNote = 6 };

    bool isPrivate() const { return kind == Kind::Private || kind == Kind::PrivateNote; }

    Kind kind = Kind::Message;
    // Assigned by the store when it commits: unique for the database's lifetime and increasing
    // in commit order, never reused (not even after retention removed every row).
    quint64 id = 0;
    // Room lines: the room, and the room's sequence number, assigned by the store when it
    // commits: 1, 2, 3… without gaps, never reused. Both 0 for private messages.
    qint64 roomId = 0;
    quint64 seq = 0;
    QDateTime time; // UTC, millisecond precision; set by the caller
    QString sender; // nickname as shown
    // Who sent it and, for private messages, who received it: a person id (see
    // Store::bootNumber()), which private history is looked up by. 0: nobody in particular.
    quint64 senderPerson = 0;
    QString recipient; // private messages: the recipient's nickname as shown
    quint64 recipientPerson = 0;
    QString text; // the message, the action, or the new topic (empty: cleared)
    // The IRC client-only tags it came with (Event::clientTags), replayed with it; empty for most.
    QString clientTags;

    bool operator==(const StoredMessage &) const = default;
};

// A room as the store keeps it. Rooms are created with Store::createRoom(); their topic
// changes with the Topic lines appended to them.
struct StoredRoom
{
    qint64 id = 0;   // chosen by the caller: Store::rooms() gives the highest in use
    QString name;    // as shown
    QString key;     // NameRules::key(name): unique
    QString creator; // nickname, may be empty (the hall)
    QDateTime created;
    QString topic;
    QString topicSetter;
    QDateTime topicTime; // null when no topic was ever set
    quint64 lastSeq = 0; // the room's last sequence number (0: nothing said yet)

    bool operator==(const StoredRoom &) const = default;
};

// One page of history to read.
struct HistoryRequest
{
    enum class Direction {
        // The newest lines (with upTo: at or below upTo; with anchor: above anchor, so that a
        // page between two keys can start from the higher one).
        Latest,
        Before, // the newest lines below anchor
        After,  // the oldest lines above anchor (with upTo: at or below upTo)
    };

    // A room's lines when roomId is not 0: anchor and upTo are sequence numbers.
    qint64 roomId = 0;
    // Otherwise the private messages sent or received by person, and only those exchanged with
    // the nickname whose NameRules::key() is peerKey when it is not empty: anchor and upTo are
    // message ids.
    quint64 person = 0;
    QString peerKey;

    Direction direction = Direction::Latest;
    quint64 anchor = 0;
    quint64 upTo = 0; // 0: no upper bound (in any direction: no line above upTo is read)
    int limit = 50;   // at most this many lines; below 1 reads 1, above 1000 reads 1000
    // Only lines whose time (milliseconds since the epoch) is above afterMs and below beforeMs,
    // both excluded; 0: no bound. Ids and sequence numbers follow time, so a page by time is the
    // same walk as a page by key, with the lines outside the times skipped.
    qint64 afterMs = 0;
    qint64 beforeMs = 0;
    // False: what people said alone, no topic changes (IRC's CHATHISTORY without
    // draft/event-playback); a page still holds limit lines when there are as many.
    bool withTopics = true;
};

struct HistoryPage
{
    QList<StoredMessage> messages; // oldest first
    // More lines exist beyond this page in the direction asked (older for Latest and Before,
    // newer up to upTo for After).
    bool more = false;
    QString error; // not empty: the read failed and messages is empty
};

// The conversations with lines between two times: the rooms among roomIds and the people that
// person exchanged private messages with.
struct TargetsRequest
{
    quint64 person = 0;
    QList<qint64> roomIds;
    // Only lines whose time (milliseconds since the epoch) is above afterMs and below beforeMs,
    // both excluded, as in HistoryRequest; 0: no bound.
    qint64 afterMs = 0;
    qint64 beforeMs = 0;
    int limit = 50; // at most this many conversations; below 1 reads 1, above 1000 reads 1000
    // The conversations whose newest lines are the oldest, oldest first, rather than the newest
    // first: from the earlier time toward the later, as CHATHISTORY TARGETS asks.
    bool oldestFirst = false;
};

// A conversation and the time of its newest line between the request's times.
struct StoredTarget
{
    qint64 roomId = 0; // a room, or 0 for a private conversation with peer
    QString peer;      // the other person's nickname as shown on the newest line
    QDateTime latest;  // UTC

    bool operator==(const StoredTarget &) const = default;
};

struct TargetsPage
{
    QList<StoredTarget> targets; // newest first, or oldest first as asked
    QString error;               // not empty: the read failed and targets is empty
};

// Every room as the store has them now (a node of a cluster that was cut off while others made
// or closed rooms catches up with it).
struct RoomsRequest
{
};

struct RoomsPage
{
    QList<StoredRoom> rooms; // by id
    QString error;           // not empty: the read failed and rooms is empty
};
