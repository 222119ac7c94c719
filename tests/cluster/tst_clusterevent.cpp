// SPDX-License-Identifier: MIT
// What nodes publish to each other: every kind of line, the mark and a new room survive the
// trip, and decode() refuses anything that is not exactly one of those shapes.
#include "cluster/ClusterEvent.h"

#include <QCborArray>
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

// base, a good event of its kind, with key set to value, encoded: the payloads refused() spoils
// one field at a time.
QByteArray cbor(QCborMap base, int key, const QCborValue &value)
{
    base.insert(key, value);
    return cbor(base);
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
    privateLine.message.kind = StoredMessage::Kind::PrivateNote;
    QTest::newRow("private note") << privateLine;
    privateLine.message.clientTags = uR"(+draft/reply=12;+example.com/x=a\sb)"_s;
    QTest::newRow("private note with an IRC client's tags") << privateLine;
    StoredMessage typing;
    typing.roomId = 3;
    typing.sender = u"Zoë"_s;
    typing.senderPerson = 7;
    typing.text = u"t5-12"_s;
    typing.clientTags = u"+typing=active"_s;
    ClusterEvent tags = ClusterEvent::tagged(typing, u"zoë"_s);
    tags.origin = "node1:2";
    QTest::newRow("tags to a room") << tags;
    typing.roomId = 0;
    typing.recipient = u"bob"_s;
    typing.recipientPerson = 99;
    typing.clientTags = uR"(+draft/react=\:\s)"_s;
    tags = ClusterEvent::tagged(typing, {});
    tags.origin = "node1:2";
    QTest::newRow("tags to a person, no account") << tags;
    QTest::newRow("note") << roomLine(StoredMessage::Kind::Note);
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
    zoe.invisible = true;
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
    StoredSanction allow = rule;
    allow.kind = StoredSanction::Kind::Allow;
    allow.mask = u"account:bob"_s;
    allow.setter = u"ann"_s;
    allow.created = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
    ClusterEvent allowed = ClusterEvent::sanctioned(allow, false);
    allowed.origin = "a:1";
    QTest::newRow("allowance") << allowed;
    StoredSanction exempt = allow;
    exempt.kind = StoredSanction::Kind::Exempt;
    ClusterEvent exempted = ClusterEvent::sanctioned(exempt, true);
    exempted.origin = "b:2";
    QTest::newRow("exemption removed") << exempted;
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
    ClusterEvent kicked = ClusterEvent::moderated(kick, {});
    kicked.origin = "a:1";
    QTest::newRow("moderation") << kicked;
    ClusterEvent kickedByAccount = ClusterEvent::moderated(kick, u"ann"_s);
    kickedByAccount.origin = "a:1";
    QTest::newRow("moderation by an account") << kickedByAccount;
    StoredModeration limit{5,          QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC),
                           u"ann"_s,   u"rule"_s,
                           u"limit"_s, u"20"_s};
    ClusterEvent rules = ClusterEvent::moderated(
        limit, u"ann"_s, {u"topic-lock"_s, u"on"_s, u"limit"_s, u"20"_s}, 1);
    rules.origin = "a:1";
    QTest::newRow("one of a command's rule changes") << rules;
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
    QCOMPARE(back->together, line.together);
    QCOMPARE(back->place, line.place);
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
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not CBOR") << QByteArray("hello");
    QTest::newRow("truncated") << roomLine(StoredMessage::Kind::Message).encode().chopped(3);
    QTest::newRow("an array") << QCborValue(QCborArray{1, 2}).toCbor();
    QTest::newRow("no origin") << without(12);
    QTest::newRow("origin a string") << cbor(good, 12, u"node"_s);
    QTest::newRow("no room") << without(3);
    QTest::newRow("negative seq") << cbor(good, 4, -1);
    QTest::newRow("kind 0") << cbor(good, 1, 0);
    QTest::newRow("kind 7") << cbor(good, 1, 7);
    QTest::newRow("kind a string") << cbor(good, 1, u"1"_s);
    // Found by fuzz_cluster: a double out of any integer's range was converted to one.
    QTest::newRow("kind a huge double") << cbor(good, 1, 1.4e19);
    QTest::newRow("kind a double") << cbor(good, 1, 1.0);
    QTest::newRow("no id") << without(2);
    QTest::newRow("id 0") << cbor(good, 2, 0);
    QTest::newRow("no time") << without(5);
    QTest::newRow("sender a number") << cbor(good, 6, 7);
    QTest::newRow("no text") << without(10);
    QTest::newRow("text bytes") << cbor(good, 10, QByteArray("x"));
    QTest::newRow("account a number") << cbor(good, 11, 1);
    QTest::newRow("room line without seq") << cbor(good, 4, 0);
    QTest::newRow("private line in a room") << cbor(good, 1, 4);
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
    auto personWithout = [&](int key) {
        QCborMap map = person;
        map.remove(key);
        return cbor(map);
    };
    QTest::newRow("person id 0") << cbor(person, 14, 0);
    QTest::newRow("person without id") << personWithout(14);
    QTest::newRow("person without version") << personWithout(15);
    QTest::newRow("person version negative") << cbor(person, 15, -1);
    QTest::newRow("person without nick") << personWithout(13);
    QTest::newRow("person nick not a nick") << cbor(person, 13, u"two words"_s);
    QTest::newRow("person away text a number") << cbor(person, 16, 1);
    QTest::newRow("person rooms not a list") << cbor(person, 17, 1);
    QTest::newRow("person without rooms") << personWithout(17);
    QTest::newRow("person in room 0") << cbor(person, 17, QCborArray{1, 0});
    QTest::newRow("person in room named") << cbor(person, 17, QCborArray{u"hall"_s});
    QTest::newRow("person previous nick bytes") << cbor(person, 18, QByteArray("x"));
    QTest::newRow("person reason a number") << cbor(person, 19, 2);
    QTest::newRow("person gone a number") << cbor(person, 20, 1);
    QTest::newRow("person reconnecting a string") << cbor(person, 21, u"yes"_s);
    QTest::newRow("person invisible a string") << cbor(person, 33, u"yes"_s);
    QCborMap peopleNews;
    peopleNews.insert(0, 4);
    peopleNews.insert(12, QByteArray("b:9"));
    QTest::newRow("people without version") << cbor(peopleNews);
    peopleNews.insert(15, u"1"_s);
    QTest::newRow("people version a string") << cbor(peopleNews);
    StoredMessage typing;
    typing.roomId = 3;
    typing.sender = u"ann"_s;
    typing.text = u"t1-1"_s;
    typing.clientTags = u"+typing=active"_s;
    QCborMap tags = QCborValue::fromCbor(ClusterEvent::tagged(typing, {}).encode()).toMap();
    tags.insert(12, QByteArray("a:1"));
    QVERIFY(ClusterEvent::decode(cbor(tags))); // the shape the rows below spoil
    QTest::newRow("tags without tags") << cbor(tags, 32, u""_s);
    QTest::newRow("tags without msgid") << cbor(tags, 10, u""_s);
    QTest::newRow("tags to a person without one") << cbor(tags, 3, 0);
    QTest::newRow("tags, room a string") << cbor(tags, 3, u"hall"_s);
    QCborMap sanction;
    sanction.insert(0, 5);
    sanction.insert(12, QByteArray("a:1"));
    sanction.insert(3, 5);
    sanction.insert(1, int(StoredSanction::Kind::Ban));
    sanction.insert(13, u"bob"_s);
    QVERIFY(ClusterEvent::decode(cbor(sanction))); // the shape the rows below spoil
    QTest::newRow("sanction room 0") << cbor(sanction, 3, 0);
    QTest::newRow("sanction kind 7") << cbor(sanction, 1, 7);
    QTest::newRow("sanction kind 9") << cbor(sanction, 1, 9);
    QTest::newRow("sanction mask empty") << cbor(sanction, 13, u""_s);
    QTest::newRow("sanction until a string") << cbor(sanction, 22, u"soon"_s);
    QTest::newRow("sanction removed a number") << cbor(sanction, 23, 1);
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
    act.insert(25, u"limit"_s);
    const QCborArray pairs{u"topic-lock"_s, u"on"_s, u"limit"_s, u"20"_s};
    QTest::newRow("moderation: a place without its changes") << cbor(act, 35, 1);
    act.insert(35, 1);
    QTest::newRow("moderation: changes not in pairs")
        << cbor(act, 34, QCborArray{u"topic-lock"_s, u"on"_s, u"limit"_s});
    QTest::newRow("moderation: a change a number")
        << cbor(act, 34, QCborArray{u"topic-lock"_s, u"on"_s, u"limit"_s, 20});
    QTest::newRow("moderation: no changes") << cbor(act, 34, QCborArray());
    act.insert(35, 2);
    QTest::newRow("moderation: a place past the changes") << cbor(act, 34, pairs);
    act.remove(35);
    QTest::newRow("moderation: changes without a place") << cbor(act, 34, pairs);
    QCborMap account;
    account.insert(0, 8);
    account.insert(12, QByteArray("a:1"));
    account.insert(11, u"ann"_s);
    account.insert(13, u"Ann"_s);
    account.insert(26, u"$argon2id$x"_s);
    account.insert(5, 1);
    QVERIFY(ClusterEvent::decode(cbor(account)));
    QTest::newRow("account key not a key") << cbor(account, 11, u"Ann"_s);
    QTest::newRow("account name of another key") << cbor(account, 13, u"bob"_s);
    QTest::newRow("account without hash") << cbor(account, 26, QCborValue());
    QTest::newRow("account hash empty") << cbor(account, 26, u""_s);
    QTest::newRow("account name not a nick") << cbor(account, 13, u"a n n"_s);
    const QCborMap room =
        QCborValue::fromCbor(
            ClusterEvent::madeRoom(
                StoredRoom{
                    5, u"games"_s, {}, u"ann"_s, QDateTime::currentDateTimeUtc(), {}, {}, {}, 0})
                .encode())
            .toMap();
    QTest::newRow("room id 0") << cbor(room, 3, 0);
    QTest::newRow("room name not a room name") << cbor(room, 13, u"two words"_s);
    QTest::newRow("room name empty") << cbor(room, 13, u""_s);
    QTest::newRow("room name a number") << cbor(room, 13, 5);
    QTest::newRow("room creator bytes") << cbor(room, 6, QByteArray("ann"));
    QTest::newRow("too long") << cbor(good, 10, QString(300 * 1024, u'x'));
    QTest::newRow("person moved to nowhere") << cbor(person, 31, QByteArray());
    QTest::newRow("person moved to a string") << cbor(person, 31, u"b"_s);
    const QByteArray digest(32, '\x01');
    QCborMap ask = QCborValue::fromCbor(ClusterEvent::resumeAsked(9, digest).encode()).toMap();
    ask.insert(12, QByteArray("b:1")); // from another node
    QVERIFY(ClusterEvent::decode(cbor(ask, 27, 9)));
    QTest::newRow("ask 0") << cbor(ask, 27, 0);
    QTest::newRow("ask negative") << cbor(ask, 27, -9);
    QTest::newRow("ask without number") << cbor(ask, 27, QCborValue());
    QTest::newRow("ask token short") << cbor(ask, 28, QByteArray(31, 'x'));
    QTest::newRow("ask token a string") << cbor(ask, 28, QString(32, u'x'));
    ClusterHandover handover;
    handover.ask = 9;
    handover.token = digest;
    handover.person.id = 3;
    handover.person.nick = u"ann"_s;
    handover.person.rooms = {1};
    handover.seqsAtDrop = {{1, 4}};
    QCborMap given = QCborValue::fromCbor(ClusterEvent::resumeGiven(handover).encode()).toMap();
    given.insert(12, QByteArray("a:1")); // from another node
    QVERIFY(ClusterEvent::decode(cbor(given, 29, QCborArray{QCborArray{1, 4}})));
    QTest::newRow("given without person") << cbor(given, 14, QCborValue());
    QTest::newRow("given without token") << cbor(given, 28, QCborValue());
    QTest::newRow("given seqs not a list") << cbor(given, 29, 4);
    QTest::newRow("given seq not a pair") << cbor(given, 29, QCborArray{QCborArray{1}});
    QTest::newRow("given seq in room 0") << cbor(given, 29, QCborArray{QCborArray{0, 4}});
    QTest::newRow("given seq negative") << cbor(given, 29, QCborArray{QCborArray{1, -4}});
    QTest::newRow("given roles without") << cbor(given, 30, QCborValue());
    QTest::newRow("given role a string") << cbor(given, 30, QCborArray{QCborArray{1, u"op"_s}});
    QTest::newRow("given private id negative") << cbor(given, 2, -1);
    QCborMap notice =
        QCborValue::fromCbor(ClusterEvent::noticed(u"root"_s, u"hello"_s).encode()).toMap();
    notice.insert(12, QByteArray("a:1")); // from another node
    QVERIFY(ClusterEvent::decode(cbor(notice, 10, u"hi"_s)));
    QTest::newRow("notice empty") << cbor(notice, 10, u""_s);
    QTest::newRow("notice without text") << cbor(notice, 10, QCborValue());
    QTest::newRow("notice from no nick") << cbor(notice, 6, u"two words"_s);
    QCborMap wallops =
        QCborValue::fromCbor(ClusterEvent::wallopsSent(u"root"_s, u"hello"_s).encode()).toMap();
    wallops.insert(12, QByteArray("a:1")); // from another node
    QVERIFY(ClusterEvent::decode(cbor(wallops, 10, u"hi"_s)));
    QTest::newRow("wallops empty") << cbor(wallops, 10, u""_s);
    QTest::newRow("wallops from no nick") << cbor(wallops, 6, u"two words"_s);
    QCborMap cut = QCborValue::fromCbor(ClusterEvent::disconnected(5, u"root"_s).encode()).toMap();
    cut.insert(12, QByteArray("a:1")); // from another node
    QVERIFY(ClusterEvent::decode(cbor(cut, 14, 6)));
    QTest::newRow("disconnect person 0") << cbor(cut, 14, 0);
    QTest::newRow("disconnect without person") << cbor(cut, 14, QCborValue());
    QTest::newRow("disconnect sender a number") << cbor(cut, 6, 1);
}

void TestClusterEvent::refused()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!ClusterEvent::decode(payload));
}

QTEST_GUILESS_MAIN(TestClusterEvent)
#include "tst_clusterevent.moc"
