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
    ClusterEvent closed = ClusterEvent::deletedRoom(games);
    closed.origin = "node1:2";
    QTest::newRow("room deleted") << closed;
    ClusterPerson zoe;
    zoe.id = (quint64(7) << 32) | 3;
    zoe.version = 41;
    zoe.nick = u"Zoë"_s;
    zoe.account = u"zoë"_s;
    zoe.away = true;
    zoe.awayText = u"午饭"_s;
    zoe.rooms = {1, (qint64(7) << 24) + 1};
    zoe.reconnecting = true;
    zoe.previousNick = u"zoe"_s;
    zoe.reason = u"kick"_s;
    ClusterEvent person = ClusterEvent::changed(zoe);
    person.origin = "host:5000:3";
    QTest::newRow("person, every field") << person;
    ClusterPerson plain;
    plain.id = 1;
    plain.nick = u"ann"_s;
    ClusterEvent inNoRoom = ClusterEvent::changed(plain);
    inNoRoom.origin = "a:1";
    QTest::newRow("person in no room, away without text") << inNoRoom;
    plain.away = true;
    plain.gone = true;
    plain.reason = u"quit"_s;
    ClusterEvent gone = ClusterEvent::changed(plain);
    gone.origin = "a:1";
    QTest::newRow("person gone") << gone;
    plain.movedTo = "b";
    ClusterEvent moved = ClusterEvent::changed(plain);
    moved.origin = "a:1";
    QTest::newRow("person moved to another node") << moved;
    const QByteArray digest(32, '\xab');
    ClusterEvent ask = ClusterEvent::resumeAsked((quint64(1) << 62) + 5, digest);
    ask.origin = "b:2";
    QTest::newRow("resume asked") << ask;
    ClusterHandover handover;
    handover.ask = 77;
    handover.token = digest;
    handover.person = zoe;
    handover.person.previousNick.clear();
    handover.person.reason.clear();
    handover.seqsAtDrop = {{1, 120}, {(qint64(7) << 24) + 1, 0}};
    handover.privateIdAtDrop = 88;
    handover.roles = {{(qint64(7) << 24) + 1, 2}};
    ClusterEvent given = ClusterEvent::resumeGiven(handover);
    given.origin = "a:1";
    QTest::newRow("resume given, every field") << given;
    ClusterHandover bare;
    bare.ask = 1;
    bare.token = digest;
    bare.person = plain;
    bare.person.gone = false;
    bare.person.movedTo.clear();
    ClusterEvent givenBare = ClusterEvent::resumeGiven(bare);
    givenBare.origin = "a:1";
    QTest::newRow("resume given, in no room") << givenBare;
    ClusterEvent notice = ClusterEvent::noticed(u"root"_s, u"back in five 分钟"_s);
    notice.origin = "a:1";
    QTest::newRow("notice") << notice;
    ClusterEvent wallops = ClusterEvent::wallopsSent(u"root"_s, u"disk at 90 %"_s);
    wallops.origin = "a:1";
    QTest::newRow("wallops") << wallops;
    ClusterEvent disconnected = ClusterEvent::disconnected((quint64(7) << 32) | 3, u"root"_s);
    disconnected.origin = "a:1";
    QTest::newRow("disconnect") << disconnected;
    ClusterEvent people = ClusterEvent::people(12);
    people.origin = "b:9";
    QTest::newRow("people") << people;
    StoredSanction ban;
    ban.roomId = 5;
    ban.kind = StoredSanction::Kind::Ban;
    ban.mask = u"*!*@192.0.2.*"_s;
    ban.until = QDateTime::fromMSecsSinceEpoch(1'790'000'360'000, Qt::UTC);
    ban.setter = u"ann"_s;
    ban.reason = u"spam 广告"_s;
    ban.created = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
    ClusterEvent banned = ClusterEvent::sanctioned(ban, false);
    banned.origin = "a:1";
    QTest::newRow("ban, timed") << banned;
    StoredSanction rule;
    rule.roomId = 5;
    rule.kind = StoredSanction::Kind::Rule;
    rule.mask = u"invite-only"_s;
    ClusterEvent ruleOff = ClusterEvent::sanctioned(rule, true);
    ruleOff.origin = "a:1";
    QTest::newRow("rule removed") << ruleOff;
    ClusterEvent owner =
        ClusterEvent::roleSet(StoredRole{7, u"zoë"_s, StoredRole::Role::Owner}, false);
    owner.origin = "b:2";
    QTest::newRow("owner") << owner;
    ClusterEvent deop =
        ClusterEvent::roleSet(StoredRole{7, u"bob"_s, StoredRole::Role::Operator}, true);
    deop.origin = "b:2";
    QTest::newRow("operator removed") << deop;
    StoredModeration kick{5,        QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC),
                          u"ann"_s, u"kick"_s,
                          u"bob"_s, u"calm down"_s};
    ClusterEvent kicked = ClusterEvent::moderated(kick);
    kicked.origin = "a:1";
    QTest::newRow("moderation") << kicked;
    StoredAccount zoeAccount{u"Zoë"_s, u"zoë"_s, u"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"_s,
                             QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC)};
    ClusterEvent registered = ClusterEvent::accountSaved(zoeAccount, false);
    registered.origin = "a:1";
    QTest::newRow("account") << registered;
    ClusterEvent unregistered = ClusterEvent::accountSaved(zoeAccount, true);
    unregistered.origin = "a:1";
    QTest::newRow("account removed: its key only") << unregistered;
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
    QCOMPARE(back->person, line.person);
    QCOMPARE(back->version, line.version);
    QCOMPARE(back->sanction, line.sanction);
    QCOMPARE(back->role, line.role);
    QCOMPARE(back->removed, line.removed);
    QCOMPARE(back->moderation, line.moderation);
    QCOMPARE(back->storedAccount, line.storedAccount);
    QCOMPARE(back->handover, line.handover);
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
    // Found by fuzz_cluster: a double out of any integer's range was converted to one.
    QTest::newRow("kind a huge double") << with(1, 1.4e19);
    QTest::newRow("kind a double") << with(1, 1.0);
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
    mark.insert(0, 1.4e19);
    QTest::newRow("type a huge double") << cbor(mark);
    mark.insert(0, 3);
    QTest::newRow("type 3 (a person) without one") << cbor(mark);
    mark.insert(0, 5);
    QTest::newRow("type 5") << cbor(mark);
    ClusterPerson ann;
    ann.id = 1;
    ann.version = 2;
    ann.nick = u"ann"_s;
    ann.rooms = {1};
    ClusterEvent annEvent = ClusterEvent::changed(ann);
    annEvent.origin = "a:1";
    const QCborMap person = QCborValue::fromCbor(annEvent.encode()).toMap();
    auto personWith = [&](int key, const QCborValue &value) {
        QCborMap map = person;
        map.insert(key, value);
        return cbor(map);
    };
    auto personWithout = [&](int key) {
        QCborMap map = person;
        map.remove(key);
        return cbor(map);
    };
    QTest::newRow("person id 0") << personWith(14, 0);
    QTest::newRow("person without id") << personWithout(14);
    QTest::newRow("person without version") << personWithout(15);
    QTest::newRow("person version negative") << personWith(15, -1);
    QTest::newRow("person without nick") << personWithout(13);
    QTest::newRow("person nick not a nick") << personWith(13, u"two words"_s);
    QTest::newRow("person away text a number") << personWith(16, 1);
    QTest::newRow("person rooms not a list") << personWith(17, 1);
    QTest::newRow("person without rooms") << personWithout(17);
    QTest::newRow("person in room 0") << personWith(17, QCborArray{1, 0});
    QTest::newRow("person in room named") << personWith(17, QCborArray{u"hall"_s});
    QTest::newRow("person previous nick bytes") << personWith(18, QByteArray("x"));
    QTest::newRow("person reason a number") << personWith(19, 2);
    QTest::newRow("person gone a number") << personWith(20, 1);
    QTest::newRow("person reconnecting a string") << personWith(21, u"yes"_s);
    QCborMap peopleNews;
    peopleNews.insert(0, 4);
    peopleNews.insert(12, QByteArray("b:9"));
    QTest::newRow("people without version") << cbor(peopleNews);
    peopleNews.insert(15, u"1"_s);
    QTest::newRow("people version a string") << cbor(peopleNews);
    QCborMap sanction;
    sanction.insert(0, 5);
    sanction.insert(12, QByteArray("a:1"));
    sanction.insert(3, 5);
    sanction.insert(1, int(StoredSanction::Kind::Ban));
    sanction.insert(13, u"bob"_s);
    QVERIFY(ClusterEvent::decode(cbor(sanction))); // the shape the rows below spoil
    auto sanctionWith = [&](int key, const QCborValue &value) {
        QCborMap map = sanction;
        map.insert(key, value);
        return cbor(map);
    };
    QTest::newRow("sanction room 0") << sanctionWith(3, 0);
    QTest::newRow("sanction kind 9") << sanctionWith(1, 9);
    QTest::newRow("sanction mask empty") << sanctionWith(13, u""_s);
    QTest::newRow("sanction until a string") << sanctionWith(22, u"soon"_s);
    QTest::newRow("sanction removed a number") << sanctionWith(23, 1);
    QCborMap role = sanction;
    role.insert(0, 6);
    role.remove(13);
    QTest::newRow("role without account") << cbor(role);
    role.insert(11, u"bob"_s);
    role.insert(1, 2);
    QTest::newRow("role kind 2") << cbor(role);
    QCborMap act;
    act.insert(0, 7);
    act.insert(12, QByteArray("a:1"));
    act.insert(3, 5);
    act.insert(5, 1);
    act.insert(6, u"ann"_s);
    QTest::newRow("moderation without act") << cbor(act);
    act.insert(24, u"kick"_s);
    act.insert(25, 3);
    QTest::newRow("moderation target a number") << cbor(act);
    QCborMap account;
    account.insert(0, 8);
    account.insert(12, QByteArray("a:1"));
    account.insert(11, u"ann"_s);
    account.insert(13, u"Ann"_s);
    account.insert(26, u"$argon2id$x"_s);
    account.insert(5, 1);
    QVERIFY(ClusterEvent::decode(cbor(account)));
    auto accountWith = [&](int key, const QCborValue &value) {
        QCborMap map = account;
        map.insert(key, value);
        return cbor(map);
    };
    QTest::newRow("account key not a key") << accountWith(11, u"Ann"_s);
    QTest::newRow("account name of another key") << accountWith(13, u"bob"_s);
    QTest::newRow("account without hash") << accountWith(26, QCborValue());
    QTest::newRow("account hash empty") << accountWith(26, u""_s);
    QTest::newRow("account name not a nick") << accountWith(13, u"a n n"_s);
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
    QTest::newRow("person moved to nowhere") << personWith(31, QByteArray());
    QTest::newRow("person moved to a string") << personWith(31, u"b"_s);
    const QByteArray digest(32, '\x01');
    const QCborMap ask =
        QCborValue::fromCbor(ClusterEvent::resumeAsked(9, digest).encode()).toMap();
    auto askWith = [&](int key, const QCborValue &value) {
        QCborMap map = ask;
        map.insert(key, value);
        map.insert(12, QByteArray("b:1"));
        return cbor(map);
    };
    QVERIFY(ClusterEvent::decode(askWith(27, 9)));
    QTest::newRow("ask 0") << askWith(27, 0);
    QTest::newRow("ask negative") << askWith(27, -9);
    QTest::newRow("ask without number") << askWith(27, QCborValue());
    QTest::newRow("ask token short") << askWith(28, QByteArray(31, 'x'));
    QTest::newRow("ask token a string") << askWith(28, QString(32, u'x'));
    ClusterHandover handover;
    handover.ask = 9;
    handover.token = digest;
    handover.person.id = 3;
    handover.person.nick = u"ann"_s;
    handover.person.rooms = {1};
    handover.seqsAtDrop = {{1, 4}};
    const QCborMap given =
        QCborValue::fromCbor(ClusterEvent::resumeGiven(handover).encode()).toMap();
    auto givenWith = [&](int key, const QCborValue &value) {
        QCborMap map = given;
        map.insert(key, value);
        map.insert(12, QByteArray("a:1"));
        return cbor(map);
    };
    QVERIFY(ClusterEvent::decode(givenWith(29, QCborArray{QCborArray{1, 4}})));
    QTest::newRow("given without person") << givenWith(14, QCborValue());
    QTest::newRow("given without token") << givenWith(28, QCborValue());
    QTest::newRow("given seqs not a list") << givenWith(29, 4);
    QTest::newRow("given seq not a pair") << givenWith(29, QCborArray{QCborArray{1}});
    QTest::newRow("given seq in room 0") << givenWith(29, QCborArray{QCborArray{0, 4}});
    QTest::newRow("given seq negative") << givenWith(29, QCborArray{QCborArray{1, -4}});
    QTest::newRow("given roles without") << givenWith(30, QCborValue());
    QTest::newRow("given role a string") << givenWith(30, QCborArray{QCborArray{1, u"op"_s}});
    QTest::newRow("given private id negative") << givenWith(2, -1);
    const QCborMap notice =
        QCborValue::fromCbor(ClusterEvent::noticed(u"root"_s, u"hello"_s).encode()).toMap();
    auto noticeWith = [&](int key, const QCborValue &value) {
        QCborMap map = notice;
        map.insert(key, value);
        map.insert(12, QByteArray("a:1"));
        return cbor(map);
    };
    QVERIFY(ClusterEvent::decode(noticeWith(10, u"hi"_s)));
    QTest::newRow("notice empty") << noticeWith(10, u""_s);
    QTest::newRow("notice without text") << noticeWith(10, QCborValue());
    QTest::newRow("notice from no nick") << noticeWith(6, u"two words"_s);
    const QCborMap wallops =
        QCborValue::fromCbor(ClusterEvent::wallopsSent(u"root"_s, u"hello"_s).encode()).toMap();
    auto wallopsWith = [&](int key, const QCborValue &value) {
        QCborMap map = wallops;
        map.insert(key, value);
        map.insert(12, QByteArray("a:1"));
        return cbor(map);
    };
    QVERIFY(ClusterEvent::decode(wallopsWith(10, u"hi"_s)));
    QTest::newRow("wallops empty") << wallopsWith(10, u""_s);
    QTest::newRow("wallops from no nick") << wallopsWith(6, u"two words"_s);
    const QCborMap cut =
        QCborValue::fromCbor(ClusterEvent::disconnected(5, u"root"_s).encode()).toMap();
    auto cutWith = [&](int key, const QCborValue &value) {
        QCborMap map = cut;
        map.insert(key, value);
        map.insert(12, QByteArray("a:1"));
        return cbor(map);
    };
    QVERIFY(ClusterEvent::decode(cutWith(14, 6)));
    QTest::newRow("disconnect person 0") << cutWith(14, 0);
    QTest::newRow("disconnect without person") << cutWith(14, QCborValue());
    QTest::newRow("disconnect sender a number") << cutWith(6, 1);
}

void TestClusterEvent::refused()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!ClusterEvent::decode(payload));
}

QTEST_GUILESS_MAIN(TestClusterEvent)
#include "tst_clusterevent.moc"
