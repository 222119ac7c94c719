// SPDX-License-Identifier: MIT
#include "cluster/ClusterEvent.h"

#include "NameRules.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace {

// Keys of the map; a new field takes a new number, an old number is never reused.
enum Key : int {
    TypeKey = 0,
    Kind = 1,
    Id = 2,
    Room = 3,
    Seq = 4,
    TimeMs = 5,
    Sender = 6,
    SenderPerson = 7,
    Recipient = 8,
    RecipientPerson = 9,
    Text = 10,
    Account = 11,
    Origin = 12,
    Name = 13,
    Person = 14,
    Version = 15,
    AwayText = 16,
    Rooms = 17,
    Previous = 18,
    Reason = 19,
    Gone = 20,
    Reconnecting = 21,
    Until = 22,
    Removed = 23,
    Act = 24,
    Target = 25,
    Hash = 26,
    Ask = 27,
    Token = 28,
    Seqs = 29,
    Roles = 30,
    MovedTo = 31,
    ClientTags = 32,
    Invisible = 33,
    Together = 34,
    Place = 35,
};

// The largest payload decode() looks at: a line's text is capped far below this.
constexpr qsizetype MaxPayloadBytes = 256 * 1024;

// value's integer, or otherwise when it is none (QCborValue::toInteger() would convert a double,
// which is undefined for one out of range).
qint64 integerOr(const QCborValue &value, qint64 otherwise)
{
    return value.isInteger() ? value.toInteger() : otherwise;
}

bool isUnsigned(const QCborValue &value)
{
    return value.isInteger() && value.toInteger() >= 0;
}

bool decodeLine(const QCborMap &map, ClusterEvent &event)
{
    StoredMessage &message = event.message;
    const qint64 kind = integerOr(map.value(Kind), -1);
    if (kind < int(StoredMessage::Kind::Message) || kind > int(StoredMessage::Kind::PrivateNote))
        return false;
    message.kind = StoredMessage::Kind(kind);
    const bool isPrivate = message.isPrivate();
    // A room's line has a room and a sequence number, a private one neither.
    if (isPrivate != (message.roomId == 0) || isPrivate != (message.seq == 0))
        return false;
    if (!isUnsigned(map.value(Id)) || map.value(Id).toInteger() == 0 ||
        !map.value(TimeMs).isInteger() || !map.value(Sender).isString() ||
        !isUnsigned(map.value(SenderPerson)) || !map.value(Text).isString())
        return false;
    message.id = quint64(map.value(Id).toInteger());
    message.time = QDateTime::fromMSecsSinceEpoch(map.value(TimeMs).toInteger(), Qt::UTC);
    message.sender = map.value(Sender).toString();
    message.senderPerson = quint64(map.value(SenderPerson).toInteger());
    message.text = map.value(Text).toString();
    if (isPrivate) {
        if (!map.value(Recipient).isString() || !isUnsigned(map.value(RecipientPerson)))
            return false;
        message.recipient = map.value(Recipient).toString();
        message.recipientPerson = quint64(map.value(RecipientPerson).toInteger());
    }
    if (map.contains(Account)) {
        if (!map.value(Account).isString())
            return false;
        event.account = map.value(Account).toString();
    }
    if (map.contains(ClientTags)) {
        if (!map.value(ClientTags).isString())
            return false;
        message.clientTags = map.value(ClientTags).toString();
    }
    return true;
}

bool decodeRoom(const QCborMap &map, ClusterEvent &event)
{
    if (!isUnsigned(map.value(Room)) || map.value(Room).toInteger() == 0 ||
        !map.value(Name).isString() || !map.value(Sender).isString() ||
        !map.value(TimeMs).isInteger())
        return false;
    event.room.id = map.value(Room).toInteger();
    event.room.name = map.value(Name).toString();
    if (!NameRules::isValidRoom(event.room.name))
        return false;
    event.room.key = NameRules::key(event.room.name);
    event.room.creator = map.value(Sender).toString();
    event.room.created = QDateTime::fromMSecsSinceEpoch(map.value(TimeMs).toInteger(), Qt::UTC);
    return true;
}

bool optionalString(const QCborMap &map, Key key, QString *value)
{
    if (!map.contains(key))
        return true;
    if (!map.value(key).isString())
        return false;
    *value = map.value(key).toString();
    return true;
}

bool decodePerson(const QCborMap &map, ClusterEvent &event)
{
    ClusterPerson &person = event.person;
    if (!isUnsigned(map.value(Person)) || map.value(Person).toInteger() == 0 ||
        !isUnsigned(map.value(Version)) || !map.value(Name).isString() ||
        !map.value(Rooms).isArray())
        return false;
    person.id = quint64(map.value(Person).toInteger());
    person.version = quint64(map.value(Version).toInteger());
    person.nick = map.value(Name).toString();
    if (!NameRules::isValidNick(person.nick))
        return false;
    person.away = map.contains(AwayText);
    if (!optionalString(map, Account, &person.account) ||
        !optionalString(map, AwayText, &person.awayText) ||
        !optionalString(map, Previous, &person.previousNick) ||
        !optionalString(map, Reason, &person.reason))
        return false;
    for (const QCborValue &room : map.value(Rooms).toArray()) {
        if (!isUnsigned(room) || room.toInteger() == 0)
            return false;
        person.rooms.append(room.toInteger());
    }
    if (map.contains(MovedTo)) {
        if (!map.value(MovedTo).isByteArray() || map.value(MovedTo).toByteArray().isEmpty())
            return false;
        person.movedTo = map.value(MovedTo).toByteArray();
    }
    for (auto [key, flag] : {std::pair{Gone, &person.gone},
                             {Reconnecting, &person.reconnecting},
                             {Invisible, &person.invisible}}) {
        if (!map.contains(key))
            continue;
        if (!map.value(key).isBool())
            return false;
        *flag = map.value(key).toBool();
    }
    return true;
}

bool optionalTime(const QCborMap &map, Key key, QDateTime *value)
{
    if (!map.contains(key))
        return true;
    if (!map.value(key).isInteger())
        return false;
    *value = QDateTime::fromMSecsSinceEpoch(map.value(key).toInteger(), Qt::UTC);
    return true;
}

void insertTime(QCborMap &map, Key key, const QDateTime &time)
{
    if (time.isValid())
        map.insert(key, time.toMSecsSinceEpoch());
}

bool decodeRoomId(const QCborMap &map, qint64 *roomId)
{
    if (!isUnsigned(map.value(Room)) || map.value(Room).toInteger() == 0)
        return false;
    *roomId = map.value(Room).toInteger();
    return true;
}

bool decodeRemoved(const QCborMap &map, ClusterEvent &event)
{
    if (!map.contains(Removed))
        return true;
    if (!map.value(Removed).isBool())
        return false;
    event.removed = map.value(Removed).toBool();
    return true;
}

bool decodeSanction(const QCborMap &map, ClusterEvent &event)
{
    StoredSanction &sanction = event.sanction;
    const qint64 kind = integerOr(map.value(Kind), -1);
    if (!decodeRoomId(map, &sanction.roomId) || kind < int(StoredSanction::Kind::Mute) ||
        kind > int(StoredSanction::Kind::Exempt) || !map.value(Name).isString())
        return false;
    sanction.kind = StoredSanction::Kind(kind);
    sanction.mask = map.value(Name).toString();
    return !sanction.mask.isEmpty() && optionalTime(map, Until, &sanction.until) &&
           optionalTime(map, TimeMs, &sanction.created) &&
           optionalString(map, Sender, &sanction.setter) &&
           optionalString(map, Text, &sanction.reason) && decodeRemoved(map, event);
}

bool decodeRole(const QCborMap &map, ClusterEvent &event)
{
    StoredRole &role = event.role;
    const qint64 kind = integerOr(map.value(Kind), -1);
    if (!decodeRoomId(map, &role.roomId) || kind < int(StoredRole::Role::Operator) ||
        kind > int(StoredRole::Role::Owner) || !map.value(Account).isString())
        return false;
    role.role = StoredRole::Role(kind);
    role.account = map.value(Account).toString();
    return !role.account.isEmpty() && decodeRemoved(map, event);
}

bool decodeModeration(const QCborMap &map, ClusterEvent &event)
{
    StoredModeration &entry = event.moderation;
    if (!decodeRoomId(map, &entry.roomId) || !map.value(TimeMs).isInteger() ||
        !map.value(Sender).isString() || !map.value(Act).isString())
        return false;
    entry.time = QDateTime::fromMSecsSinceEpoch(map.value(TimeMs).toInteger(), Qt::UTC);
    entry.actor = map.value(Sender).toString();
    entry.act = map.value(Act).toString();
    if (entry.act.isEmpty() || !optionalString(map, Target, &entry.target) ||
        !optionalString(map, Text, &entry.detail) || !optionalString(map, Account, &event.account))
        return false;
    if (!map.contains(Together))
        return !map.contains(Place);
    // Pairs, and a place among them.
    const QCborArray together = map.value(Together).toArray();
    if (!map.value(Together).isArray() || together.isEmpty() || together.size() % 2 != 0 ||
        !isUnsigned(map.value(Place)) || map.value(Place).toInteger() >= together.size() / 2)
        return false;
    for (const QCborValue &item : together) {
        if (!item.isString())
            return false;
        event.together.append(item.toString());
    }
    event.place = map.value(Place).toInteger();
    return true;
}

bool decodeAccount(const QCborMap &map, ClusterEvent &event)
{
    StoredAccount &account = event.storedAccount;
    if (!decodeRemoved(map, event) || !map.value(Account).isString())
        return false;
    account.key = map.value(Account).toString();
    if (account.key.isEmpty() || account.key != NameRules::key(account.key))
        return false;
    if (event.removed)
        return true;
    if (!map.value(Name).isString() || !map.value(Hash).isString() ||
        !map.value(TimeMs).isInteger())
        return false;
    account.name = map.value(Name).toString();
    account.passwordHash = map.value(Hash).toString();
    account.created = QDateTime::fromMSecsSinceEpoch(map.value(TimeMs).toInteger(), Qt::UTC);
    return NameRules::isValidNick(account.name) && NameRules::key(account.name) == account.key &&
           !account.passwordHash.isEmpty();
}

// Pairs of integers, [[a, b], ...], each above 0 (a role may be 0: RoomRoles::Role::Member
// is never sent, but reads as nothing to restore).
template <typename Second>
bool decodePairs(const QCborValue &value, QList<std::pair<qint64, Second>> *pairs)
{
    if (!value.isArray())
        return false;
    for (const QCborValue &item : value.toArray()) {
        const QCborArray pair = item.toArray();
        if (!item.isArray() || pair.size() != 2 || !isUnsigned(pair.at(0)) ||
            pair.at(0).toInteger() == 0 || !isUnsigned(pair.at(1)))
            return false;
        pairs->append({pair.at(0).toInteger(), Second(pair.at(1).toInteger())});
    }
    return true;
}

template <typename Second> QCborArray encodePairs(const QList<std::pair<qint64, Second>> &pairs)
{
    QCborArray array;
    for (const auto &[first, second] : pairs)
        array.append(QCborArray{first, qint64(second)});
    return array;
}

bool decodeHandover(const QCborMap &map, ClusterEvent &event)
{
    ClusterHandover &handover = event.handover;
    if (!isUnsigned(map.value(Ask)) || map.value(Ask).toInteger() == 0)
        return false;
    handover.ask = quint64(map.value(Ask).toInteger());
    if (event.type == ClusterEvent::Type::ResumeAsk) {
        // A SHA-256 digest.
        if (!map.value(Token).isByteArray() || map.value(Token).toByteArray().size() != 32)
            return false;
        handover.token = map.value(Token).toByteArray();
        return true;
    }
    if (!decodePerson(map, event) || !decodePairs(map.value(Seqs), &handover.seqsAtDrop) ||
        !decodePairs(map.value(Roles), &handover.roles) || !isUnsigned(map.value(Id)) ||
        !map.value(Token).isByteArray() || map.value(Token).toByteArray().size() != 32)
        return false;
    handover.person = std::exchange(event.person, {});
    handover.privateIdAtDrop = quint64(map.value(Id).toInteger());
    handover.token = map.value(Token).toByteArray();
    return true;
}

bool decodeTags(const QCborMap &map, ClusterEvent &event)
{
    StoredMessage &message = event.message;
    if (!isUnsigned(map.value(Room)) || !map.value(Sender).isString() ||
        !isUnsigned(map.value(SenderPerson)) || !map.value(Text).isString() ||
        map.value(Text).toString().isEmpty() || !map.value(ClientTags).isString() ||
        map.value(ClientTags).toString().isEmpty() || !optionalString(map, Account, &event.account))
        return false;
    message.roomId = map.value(Room).toInteger();
    message.sender = map.value(Sender).toString();
    message.senderPerson = quint64(map.value(SenderPerson).toInteger());
    message.text = map.value(Text).toString();
    message.clientTags = map.value(ClientTags).toString();
    if (message.roomId != 0)
        return true;
    if (!map.value(Recipient).isString() || !isUnsigned(map.value(RecipientPerson)))
        return false;
    message.recipient = map.value(Recipient).toString();
    message.recipientPerson = quint64(map.value(RecipientPerson).toInteger());
    return true;
}

bool decodeAdminAct(const QCborMap &map, ClusterEvent &event)
{
    if (!map.value(Sender).isString() || !NameRules::isValidNick(map.value(Sender).toString()))
        return false;
    event.message.sender = map.value(Sender).toString();
    if (event.type == ClusterEvent::Type::Notice || event.type == ClusterEvent::Type::Wallops) {
        if (!map.value(Text).isString() || map.value(Text).toString().isEmpty())
            return false;
        event.message.text = map.value(Text).toString();
        return true;
    }
    if (!isUnsigned(map.value(Person)) || map.value(Person).toInteger() == 0)
        return false;
    event.person.id = quint64(map.value(Person).toInteger());
    return true;
}

QByteArray encodePerson(QCborMap &map, const ClusterPerson &person)
{
    map.insert(Person, qint64(person.id));
    map.insert(Version, qint64(person.version));
    map.insert(Name, person.nick);
    if (!person.account.isEmpty())
        map.insert(Account, person.account);
    if (person.away)
        map.insert(AwayText, person.awayText);
    QCborArray rooms;
    for (qint64 room : person.rooms)
        rooms.append(room);
    map.insert(Rooms, rooms);
    if (!person.previousNick.isEmpty())
        map.insert(Previous, person.previousNick);
    if (!person.reason.isEmpty())
        map.insert(Reason, person.reason);
    if (person.gone)
        map.insert(Gone, true);
    if (!person.movedTo.isEmpty())
        map.insert(MovedTo, QCborValue(person.movedTo));
    if (person.reconnecting)
        map.insert(Reconnecting, true);
    if (person.invisible)
        map.insert(Invisible, true);
    return map.toCborValue().toCbor();
}

} // namespace

ClusterEvent ClusterEvent::line(const StoredMessage &message, const QString &account)
{
    ClusterEvent event;
    event.message = message;
    event.account = account;
    return event;
}

ClusterEvent ClusterEvent::mark(qint64 roomId, quint64 seq)
{
    ClusterEvent event;
    event.type = Type::Mark;
    event.message.roomId = roomId;
    event.message.seq = seq;
    return event;
}

ClusterEvent ClusterEvent::madeRoom(const StoredRoom &room)
{
    ClusterEvent event;
    event.type = Type::Room;
    event.room = room;
    event.room.key = NameRules::key(room.name);
    // What the others need of it: its topic and counters start empty.
    event.room.topic.clear();
    event.room.topicSetter.clear();
    event.room.topicTime = {};
    event.room.lastSeq = 0;
    return event;
}

ClusterEvent ClusterEvent::changed(const ClusterPerson &person)
{
    ClusterEvent event;
    event.type = Type::Person;
    event.person = person;
    return event;
}

ClusterEvent ClusterEvent::deletedRoom(const StoredRoom &room)
{
    ClusterEvent event = madeRoom(room);
    event.removed = true;
    return event;
}

ClusterEvent ClusterEvent::sanctioned(const StoredSanction &sanction, bool removed)
{
    ClusterEvent event;
    event.type = Type::Sanction;
    event.sanction = sanction;
    event.removed = removed;
    return event;
}

ClusterEvent ClusterEvent::roleSet(const StoredRole &role, bool removed)
{
    ClusterEvent event;
    event.type = Type::Role;
    event.role = role;
    event.removed = removed;
    return event;
}

ClusterEvent ClusterEvent::moderated(const StoredModeration &entry, const QString &account,
                                     const QStringList &together, qint64 place)
{
    ClusterEvent event;
    event.type = Type::Moderation;
    event.moderation = entry;
    event.account = account;
    event.together = together;
    event.place = together.isEmpty() ? 0 : place;
    return event;
}

ClusterEvent ClusterEvent::accountSaved(const StoredAccount &account, bool removed)
{
    ClusterEvent event;
    event.type = Type::Account;
    event.removed = removed;
    if (removed)
        event.storedAccount.key = account.key;
    else
        event.storedAccount = account;
    return event;
}

ClusterEvent ClusterEvent::resumeAsked(quint64 ask, const QByteArray &token)
{
    ClusterEvent event;
    event.type = Type::ResumeAsk;
    event.handover.ask = ask;
    event.handover.token = token;
    return event;
}

ClusterEvent ClusterEvent::resumeGiven(const ClusterHandover &handover)
{
    ClusterEvent event;
    event.type = Type::ResumeGive;
    event.handover = handover;
    return event;
}

ClusterEvent ClusterEvent::noticed(const QString &sender, const QString &text)
{
    ClusterEvent event;
    event.type = Type::Notice;
    event.message.sender = sender;
    event.message.text = text;
    return event;
}

ClusterEvent ClusterEvent::wallopsSent(const QString &sender, const QString &text)
{
    ClusterEvent event = noticed(sender, text);
    event.type = Type::Wallops;
    return event;
}

ClusterEvent ClusterEvent::tagged(const StoredMessage &message, const QString &account)
{
    ClusterEvent event;
    event.type = Type::Tags;
    event.message.roomId = message.roomId;
    event.message.sender = message.sender;
    event.message.senderPerson = message.senderPerson;
    if (message.roomId == 0) {
        event.message.recipient = message.recipient;
        event.message.recipientPerson = message.recipientPerson;
    }
    event.message.text = message.text;
    event.message.clientTags = message.clientTags;
    event.account = account;
    return event;
}

ClusterEvent ClusterEvent::disconnected(quint64 personId, const QString &sender)
{
    ClusterEvent event;
    event.type = Type::Disconnect;
    event.person.id = personId;
    event.message.sender = sender;
    return event;
}

ClusterEvent ClusterEvent::people(quint64 version)
{
    ClusterEvent event;
    event.type = Type::People;
    event.version = version;
    return event;
}

QByteArray ClusterEvent::encode() const
{
    QCborMap map;
    map.insert(Origin, QCborValue(origin));
    if (type != Type::Line)
        map.insert(TypeKey, int(type));
    if (type == Type::Room) {
        map.insert(Room, room.id);
        map.insert(Name, room.name);
        map.insert(Sender, room.creator);
        map.insert(TimeMs, room.created.toMSecsSinceEpoch());
        if (removed)
            map.insert(Removed, true);
        return map.toCborValue().toCbor();
    }
    if (type == Type::Person)
        return encodePerson(map, person);
    if (type == Type::Tags) {
        map.insert(Room, message.roomId);
        map.insert(Sender, message.sender);
        map.insert(SenderPerson, qint64(message.senderPerson));
        if (message.roomId == 0) {
            map.insert(Recipient, message.recipient);
            map.insert(RecipientPerson, qint64(message.recipientPerson));
        }
        map.insert(Text, message.text);
        map.insert(ClientTags, message.clientTags);
        if (!account.isEmpty())
            map.insert(Account, account);
        return map.toCborValue().toCbor();
    }
    if (type == Type::Notice || type == Type::Wallops || type == Type::Disconnect) {
        map.insert(Sender, message.sender);
        if (type != Type::Disconnect)
            map.insert(Text, message.text);
        else
            map.insert(Person, qint64(person.id));
        return map.toCborValue().toCbor();
    }
    if (type == Type::ResumeAsk || type == Type::ResumeGive) {
        map.insert(Ask, qint64(handover.ask));
        map.insert(Token, QCborValue(handover.token));
        if (type == Type::ResumeAsk)
            return map.toCborValue().toCbor();
        map.insert(Seqs, encodePairs(handover.seqsAtDrop));
        map.insert(Roles, encodePairs(handover.roles));
        map.insert(Id, qint64(handover.privateIdAtDrop));
        return encodePerson(map, handover.person);
    }
    if (removed)
        map.insert(Removed, true);
    if (type == Type::Sanction) {
        map.insert(Room, sanction.roomId);
        map.insert(Kind, int(sanction.kind));
        map.insert(Name, sanction.mask);
        insertTime(map, Until, sanction.until);
        insertTime(map, TimeMs, sanction.created);
        if (!sanction.setter.isEmpty())
            map.insert(Sender, sanction.setter);
        if (!sanction.reason.isEmpty())
            map.insert(Text, sanction.reason);
        return map.toCborValue().toCbor();
    }
    if (type == Type::Role) {
        map.insert(Room, role.roomId);
        map.insert(Kind, int(role.role));
        map.insert(Account, role.account);
        return map.toCborValue().toCbor();
    }
    if (type == Type::Account) {
        map.insert(Account, storedAccount.key);
        if (!removed) {
            map.insert(Name, storedAccount.name);
            map.insert(Hash, storedAccount.passwordHash);
            map.insert(TimeMs, storedAccount.created.toMSecsSinceEpoch());
        }
        return map.toCborValue().toCbor();
    }
    if (type == Type::Moderation) {
        map.insert(Room, moderation.roomId);
        map.insert(TimeMs, moderation.time.toMSecsSinceEpoch());
        map.insert(Sender, moderation.actor);
        map.insert(Act, moderation.act);
        if (!moderation.target.isEmpty())
            map.insert(Target, moderation.target);
        if (!moderation.detail.isEmpty())
            map.insert(Text, moderation.detail);
        if (!account.isEmpty())
            map.insert(Account, account);
        if (!together.isEmpty()) {
            map.insert(Together, QCborArray::fromStringList(together));
            map.insert(Place, place);
        }
        return map.toCborValue().toCbor();
    }
    if (type == Type::People) {
        map.insert(Version, qint64(version));
        return map.toCborValue().toCbor();
    }
    map.insert(Room, message.roomId);
    map.insert(Seq, qint64(message.seq));
    if (type == Type::Mark)
        return map.toCborValue().toCbor();
    map.insert(Kind, int(message.kind));
    map.insert(Id, qint64(message.id));
    map.insert(TimeMs, message.time.toMSecsSinceEpoch());
    map.insert(Sender, message.sender);
    map.insert(SenderPerson, qint64(message.senderPerson));
    if (message.isPrivate()) {
        map.insert(Recipient, message.recipient);
        map.insert(RecipientPerson, qint64(message.recipientPerson));
    }
    map.insert(Text, message.text);
    if (!account.isEmpty())
        map.insert(Account, account);
    if (!message.clientTags.isEmpty())
        map.insert(ClientTags, message.clientTags);
    return map.toCborValue().toCbor();
}

std::optional<ClusterEvent> ClusterEvent::decode(const QByteArray &payload)
{
    if (payload.size() > MaxPayloadBytes)
        return std::nullopt;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(payload, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    ClusterEvent event;
    if (!map.value(Origin).isByteArray())
        return std::nullopt;
    event.origin = map.value(Origin).toByteArray();
    const qint64 type = map.contains(TypeKey) ? integerOr(map.value(TypeKey), -1) : 0;
    if (type < int(Type::Line) || type > int(Type::Tags))
        return std::nullopt;
    if (type == int(Type::Account)) {
        event.type = Type::Account;
        if (!decodeAccount(map, event))
            return std::nullopt;
        return event;
    }
    event.type = Type(type);
    if (event.type == Type::Sanction || event.type == Type::Role ||
        event.type == Type::Moderation) {
        const bool ok = event.type == Type::Sanction ? decodeSanction(map, event)
                        : event.type == Type::Role   ? decodeRole(map, event)
                                                     : decodeModeration(map, event);
        if (!ok)
            return std::nullopt;
        return event;
    }
    if (event.type == Type::Person) {
        if (!decodePerson(map, event))
            return std::nullopt;
        return event;
    }
    if (event.type == Type::ResumeAsk || event.type == Type::ResumeGive) {
        if (!decodeHandover(map, event))
            return std::nullopt;
        return event;
    }
    if (event.type == Type::Notice || event.type == Type::Wallops ||
        event.type == Type::Disconnect) {
        if (!decodeAdminAct(map, event))
            return std::nullopt;
        return event;
    }
    if (event.type == Type::Tags) {
        if (!decodeTags(map, event))
            return std::nullopt;
        return event;
    }
    if (event.type == Type::People) {
        if (!isUnsigned(map.value(Version)))
            return std::nullopt;
        event.version = quint64(map.value(Version).toInteger());
        return event;
    }
    if (event.type == Type::Room) {
        if (!decodeRoom(map, event) || !decodeRemoved(map, event))
            return std::nullopt;
        return event;
    }
    if (!isUnsigned(map.value(Room)) || !isUnsigned(map.value(Seq)))
        return std::nullopt;
    event.message.roomId = map.value(Room).toInteger();
    event.message.seq = quint64(map.value(Seq).toInteger());
    if (event.type == Type::Mark) {
        if (event.message.roomId == 0 || event.message.seq == 0)
            return std::nullopt;
        return event;
    }
    if (!decodeLine(map, event))
        return std::nullopt;
    return event;
}
