// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterHandover.h"
#include "cluster/ClusterPerson.h"
#include "store/StoredAccount.h"
#include "store/StoredMessage.h"
#include "store/StoredRoomRule.h"

#include <QByteArray>
#include <QString>

#include <optional>

// What one node tells the others through the engine:
// - Line: a line, committed (every node shows a room's line to its own members of the room);
// - Mark: "the room's lines reach seq" (a node that was cut off from the engine while it
//   committed lines sends one per room on its return, so the others read what they missed);
// - Room: a room, committed (the other nodes add it to their directories) or, removed, deleted
//   (closed: the other nodes' members leave it and it goes);
// - Person: one of the node's people changed (entered or left a room, renamed, went away or
//   came back, ended), with their whole state;
// - People: the node wrote the list of its people in the engine again (it started, came back
//   or took a new epoch), at version: the others read it;
// - Sanction, Role: a room's ban, mute, rule or invitation, or a registered person's role in
//   it, was stored (or, removed, deleted): the other nodes apply it to the room;
// - Moderation: an act of moderation was logged: the other nodes tell their members of the
//   room, as the acting node tells its own;
// - Account: an account was stored (registered, its password changed) or, removed, deleted:
//   the other nodes' account books follow (it carries the password's hash, as the shared
//   database does: Redis is inside the same trust boundary);
// - ResumeAsk: a connection reached this node with a resume token it did not issue: whichever
//   node did gives the person away (ResumeGive, naming the ask), so that they go on here;
// - Notice: an administrator told everyone something (message: sender and text): each node
//   tells its own people;
// - Disconnect: an administrator disconnected a person of another node (person: id only;
//   message: sender, the administrator): their node closes their connections;
// - Wallops: an administrator told the administrators something (message: sender and text):
//   each node tells its own administrators.
//
// On the wire: a CBOR map with small integer keys, so that a line costs a few bytes more than
// its text. decode() trusts nothing: a payload that is not exactly one of these shapes is
// refused (the engine carries what any client of it published).
struct ClusterEvent
{
    enum class Type {
        Line = 0,
        Mark = 1,
        Room = 2,
        Person = 3,
        People = 4,
        Sanction = 5,
        Role = 6,
        Moderation = 7,
        Account = 8,
        ResumeAsk = 9,
        ResumeGive = 10,
        Notice = 11,
        Disconnect = 12,
        Wallops = 13,
        Tags = 14,
    };

    Type type = Type::Line;
    // Line; Mark: roomId and seq only; Notice, Disconnect, Wallops: above; Tags (an IRC client's
    // TAGMSG, never stored): roomId (0: to one person), sender, senderPerson, recipient and
    // recipientPerson (to one person), clientTags, and text: its msgid
    StoredMessage message;
    StoredRoom room; // Room: id, name, creator, created (its key is NameRules::key(name))
    QString account; // Line, Moderation: the sender's or actor's account key, for IRC's account
                     // tag; may be empty
    ClusterPerson person;        // Person
    quint64 version = 0;         // People
    StoredSanction sanction;     // Sanction
    StoredRole role;             // Role
    bool removed = false;        // Room, Sanction, Role, Account: deleted rather than stored
    StoredModeration moderation; // Moderation
    // Moderation: the changes of the one command this act was among (a rule command's, pairs of
    // target and detail) and its place in them, so that IRC clients see one MODE line on every
    // node; empty when it was alone.
    QStringList together;
    qint64 place = 0;
    StoredAccount storedAccount; // Account (removed: only its key)
    ClusterHandover handover;    // ResumeAsk (ask and token), ResumeGive
    QByteArray origin;           // the lease owner that published it ("<node>:<epoch>")

    static ClusterEvent line(const StoredMessage &message, const QString &account);
    static ClusterEvent mark(qint64 roomId, quint64 seq);
    static ClusterEvent madeRoom(const StoredRoom &room);
    static ClusterEvent deletedRoom(const StoredRoom &room);
    static ClusterEvent changed(const ClusterPerson &person);
    static ClusterEvent people(quint64 version);
    static ClusterEvent sanctioned(const StoredSanction &sanction, bool removed);
    static ClusterEvent roleSet(const StoredRole &role, bool removed);
    static ClusterEvent moderated(const StoredModeration &entry, const QString &account,
                                  const QStringList &together = {}, qint64 place = 0);
    static ClusterEvent accountSaved(const StoredAccount &account, bool removed);
    static ClusterEvent resumeAsked(quint64 ask, const QByteArray &token);
    static ClusterEvent resumeGiven(const ClusterHandover &handover);
    static ClusterEvent noticed(const QString &sender, const QString &text);
    static ClusterEvent disconnected(quint64 personId, const QString &sender);
    static ClusterEvent wallopsSent(const QString &sender, const QString &text);
    // message as above for Tags; account: the sender's, for IRC's account tag.
    static ClusterEvent tagged(const StoredMessage &message, const QString &account);

    QByteArray encode() const;
    static std::optional<ClusterEvent> decode(const QByteArray &payload);

    bool operator==(const ClusterEvent &) const = default;
};
