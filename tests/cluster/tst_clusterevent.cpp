// SPDX-License-Identifier: MIT
// What nodes publish to each other: every kind of line, the mark and a new room survive the
// trip, and decode() refuses anything that is not exactly one of those shapes.
#include "cluster/ClusterEvent.h"

#include <QCborMap>
#include <QCborValue>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ClusterEvent roomLine(StoredMessage::Kind kind)
{
    ClusterEvent line;
    line.message.kind = kind;
    line.message.id = 42;
    line.message.roomId = 3;
    line.message.seq = 17;
    line.message.time = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    line.message.sender = u"Zoë"_s;
    line.message.senderPerson = (quint64(7) << 32) + 5;
    line.message.text = u"héllo 你好 \u0001"_s;
    line.account = u"zoe"_s;
    line.origin = "node1:9";
    return line;
}

QByteArray cbor(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

} // namespace

class TestClusterEvent : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
};

void TestClusterEvent::roundTrip_data()
{
    QTest::addColumn<ClusterEvent>("line");
    QTest::newRow("message") << roomLine(StoredMessage::Kind::Message);
    QTest::newRow("action") << roomLine(StoredMessage::Kind::Action);
    ClusterEvent topic = roomLine(StoredMessage::Kind::Topic);
    topic.message.text.clear();
    topic.account.clear();
    QTest::newRow("topic cleared, no account") << topic;
    ClusterEvent privateLine = roomLine(StoredMessage::Kind::Private);
    privateLine.message.roomId = 0;
    privateLine.message.seq = 0;
    privateLine.message.recipient = u"bob"_s;
    privateLine.message.recipientPerson = 99;
    QTest::newRow("private") << privateLine;
    ClusterEvent mark = ClusterEvent::mark(3, 1000);
    mark.origin = "node2:1";
    QTest::newRow("mark") << mark;
    StoredRoom games;
    games.id = (qint64(7) << 24) + 1;
    games.name = u"Spiele-游戏"_s;
    games.creator = u"Zoë"_s;
    games.created = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
    ClusterEvent room = ClusterEvent::madeRoom(games);
    room.origin = "node1:2";
    QTest::newRow("room") << room;
}

void TestClusterEvent::roundTrip()
{
    QFETCH(ClusterEvent, line);
    const std::optional<ClusterEvent> back = ClusterEvent::decode(line.encode());
    QVERIFY(back);
    QCOMPARE(back->type, line.type);
    QCOMPARE(back->message, line.message);
    QCOMPARE(back->room, line.room);
    QCOMPARE(back->account, line.account);
    QCOMPARE(back->origin, line.origin);
}

void TestClusterEvent::refused_data()
{
    QTest::addColumn<QByteArray>("payload");
    const QCborMap good =
        QCborValue::fromCbor(roomLine(StoredMessage::Kind::Message).encode()).toMap();
    auto without = [&](int key) {
        QCborMap map = good;
        map.remove(key);
        return cbor(map);
    };
    auto with = [&](int key, const QCborValue &value) {
        QCborMap map = good;
        map.insert(key, value);
        return cbor(map);
    };
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not CBOR") << QByteArray("hello");
    QTest::newRow("truncated") << roomLine(StoredMessage::Kind::Message).encode().chopped(3);
    QTest::newRow("an array") << QCborValue(QCborArray{1, 2}).toCbor();
    QTest::newRow("no origin") << without(12);
    QTest::newRow("origin a string") << with(12, u"node"_s);
    QTest::newRow("no room") << without(3);
    QTest::newRow("negative seq") << with(4, -1);
    QTest::newRow("kind 0") << with(1, 0);
    QTest::newRow("kind 5") << with(1, 5);
    QTest::newRow("kind a string") << with(1, u"1"_s);
    QTest::newRow("no id") << without(2);
    QTest::newRow("id 0") << with(2, 0);
    QTest::newRow("no time") << without(5);
    QTest::newRow("sender a number") << with(6, 7);
    QTest::newRow("no text") << without(10);
    QTest::newRow("text bytes") << with(10, QByteArray("x"));
    QTest::newRow("account a number") << with(11, 1);
    QTest::newRow("room line without seq") << with(4, 0);
    QTest::newRow("private line in a room") << with(1, 4);
    QCborMap privateNoRecipient = good;
    privateNoRecipient.insert(1, 4);
    privateNoRecipient.insert(3, 0);
    privateNoRecipient.insert(4, 0);
    QTest::newRow("private without recipient") << cbor(privateNoRecipient);
    QCborMap mark;
    mark.insert(0, 1);
    mark.insert(12, QByteArray("n:1"));
    mark.insert(3, 3);
    mark.insert(4, 0);
    QTest::newRow("mark at seq 0") << cbor(mark);
    mark.insert(4, 5);
    mark.insert(0, true);
    QTest::newRow("type not a number") << cbor(mark);
    mark.insert(0, 3);
    QTest::newRow("type 3") << cbor(mark);
    const QCborMap room =
        QCborValue::fromCbor(
            ClusterEvent::madeRoom(
                StoredRoom{
                    5, u"games"_s, {}, u"ann"_s, QDateTime::currentDateTimeUtc(), {}, {}, {}, 0})
                .encode())
            .toMap();
    auto roomWith = [&](int key, const QCborValue &value) {
        QCborMap map = room;
        map.insert(key, value);
        return cbor(map);
    };
    QTest::newRow("room id 0") << roomWith(3, 0);
    QTest::newRow("room name not a room name") << roomWith(13, u"two words"_s);
    QTest::newRow("room name empty") << roomWith(13, u""_s);
    QTest::newRow("room name a number") << roomWith(13, 5);
    QTest::newRow("room creator bytes") << roomWith(6, QByteArray("ann"));
    QTest::newRow("too long") << with(10, QString(300 * 1024, u'x'));
}

void TestClusterEvent::refused()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!ClusterEvent::decode(payload));
}

QTEST_GUILESS_MAIN(TestClusterEvent)
#include "tst_clusterevent.moc"
