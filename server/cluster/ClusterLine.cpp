// SPDX-License-Identifier: MIT
#include "cluster/ClusterLine.h"

#include <QCborMap>
#include <QCborValue>

namespace {

// Keys of the map; a new field takes a new number, an old number is never reused.
enum Key : int {
    Mark = 0,
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
};

// The largest payload decode() looks at: a line's text is capped far below this.
constexpr qsizetype MaxPayloadBytes = 256 * 1024;

bool isUnsigned(const QCborValue &value)
{
    return value.isInteger() && value.toInteger() >= 0;
}

} // namespace

QByteArray ClusterLine::encode() const
{
    QCborMap map;
    map.insert(Origin, QCborValue(origin));
    map.insert(Room, message.roomId);
    map.insert(Seq, qint64(message.seq));
    if (mark) {
        map.insert(Mark, true);
        return map.toCborValue().toCbor();
    }
    map.insert(Kind, int(message.kind));
    map.insert(Id, qint64(message.id));
    map.insert(TimeMs, message.time.toMSecsSinceEpoch());
    map.insert(Sender, message.sender);
    map.insert(SenderPerson, qint64(message.senderPerson));
    if (message.kind == StoredMessage::Kind::Private) {
        map.insert(Recipient, message.recipient);
        map.insert(RecipientPerson, qint64(message.recipientPerson));
    }
    map.insert(Text, message.text);
    if (!account.isEmpty())
        map.insert(Account, account);
    return map.toCborValue().toCbor();
}

std::optional<ClusterLine> ClusterLine::decode(const QByteArray &payload)
{
    if (payload.size() > MaxPayloadBytes)
        return std::nullopt;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(payload, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    ClusterLine line;
    if (!map.value(Origin).isByteArray() || !isUnsigned(map.value(Room)) ||
        !isUnsigned(map.value(Seq)))
        return std::nullopt;
    line.origin = map.value(Origin).toByteArray();
    line.message.roomId = map.value(Room).toInteger();
    line.message.seq = quint64(map.value(Seq).toInteger());
    if (map.contains(Mark)) {
        if (!map.value(Mark).isTrue() || line.message.roomId == 0 || line.message.seq == 0)
            return std::nullopt;
        line.mark = true;
        return line;
    }
    const qint64 kind = map.value(Kind).toInteger(-1);
    if (kind < int(StoredMessage::Kind::Message) || kind > int(StoredMessage::Kind::Private))
        return std::nullopt;
    line.message.kind = StoredMessage::Kind(kind);
    const bool isPrivate = line.message.kind == StoredMessage::Kind::Private;
    // A room's line has a room and a sequence number, a private one neither.
    if (isPrivate != (line.message.roomId == 0) || isPrivate != (line.message.seq == 0))
        return std::nullopt;
    if (!isUnsigned(map.value(Id)) || map.value(Id).toInteger() == 0 ||
        !map.value(TimeMs).isInteger() || !map.value(Sender).isString() ||
        !isUnsigned(map.value(SenderPerson)) || !map.value(Text).isString())
        return std::nullopt;
    line.message.id = quint64(map.value(Id).toInteger());
    line.message.time = QDateTime::fromMSecsSinceEpoch(map.value(TimeMs).toInteger(), Qt::UTC);
    line.message.sender = map.value(Sender).toString();
    line.message.senderPerson = quint64(map.value(SenderPerson).toInteger());
    line.message.text = map.value(Text).toString();
    if (isPrivate) {
        if (!map.value(Recipient).isString() || !isUnsigned(map.value(RecipientPerson)))
            return std::nullopt;
        line.message.recipient = map.value(Recipient).toString();
        line.message.recipientPerson = quint64(map.value(RecipientPerson).toInteger());
    }
    if (map.contains(Account)) {
        if (!map.value(Account).isString())
            return std::nullopt;
        line.account = map.value(Account).toString();
    }
    return line;
}
