// SPDX-License-Identifier: MIT
// Two chat-server nodes of one cluster, in this process, on a redis-server the test starts and
// the PostgreSQL that with-postgres.sh starts: people on different nodes talk in one room and
// every member sees the same lines in the same order, also when the bus loses lines.
#include "EventWaits.h"
#include "IrcClient.h"
#include "RedisProcess.h"
#include "ScratchPostgres.h"
#include "ServerFixture.h"
#include "cluster/ClusterNode.h"
#include "cluster/NodeLease.h"
#include "cluster/RedisConnection.h"
#include "core/Directory.h"
#include "store/SqlStore.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace EventWaits;

class TestClusterChat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void bothWays();
    void oneOrder_data();
    void oneOrder();
    void subscriptionKilled();
    void publisherCutOff();
    void nameTakenOnAnotherNode();
    void nameRace();
    void renameAcrossNodes();
    void cutOffNodeTakesNoNames();
    void stoppedNodeFreesNames();
    void nameTakenWhileCutOff();
    void roomMadeOnOneNode();
    void peopleAcrossNodes();
    void privateAcrossNodes();
    void lateNodeReadsLists();
    void stoppedNodesPeopleLeave();
    void leaseLostPeopleLeaveAndReturn();
    void banAcrossNodes();
    void ruleAcrossNodes();
    void accountAcrossNodes();
    void roomClosedOnAnotherNode();
    void resumeThroughAnotherNode();
    void wrongTokenOnAnotherNode();
    void resumeWhileConnectedElsewhere();
    void moderationAcrossNodes();
    void administratorAcrossNodes();
    void tagsAcrossNodes();
    void invisibleAcrossNodes();
    void secretAcrossNodes();
    void rulesTogetherAcrossNodes();
    void roomsMadeWhileCutOff();
    void threeNodes();

private:
    std::unique_ptr<ServerFixture> node(const QByteArray &name);
    // A tagged client logged in as nick on node, and the resume token its login gave.
    LineClient &loggedInWithToken(ServerFixture &node, const QString &nick, QString *token);
    // Both nodes up, in the cluster (each holding its lease) and listening to the bus.
    bool startNodes();
    // node is ready, connected to Redis and the bus, and holds its lease: a login there can
    // claim its name (before the lease, it is refused as "cannot be reached").
    static bool inCluster(ServerFixture &node);
    // Runs a command on the test's Redis, as an administrator would; true once answered.
    bool redisCommand(const QList<QByteArray> &command);

    RedisProcess m_redis;
    std::unique_ptr<ServerFixture> m_a;
    std::unique_ptr<ServerFixture> m_b;
    int m_round = 0;
};

void TestClusterChat::initTestCase()
{
    if (ScratchPostgres::url().isEmpty())
        QSKIP("needs PostgreSQL: run through tests/store/with-postgres.sh (the cluster_chat "
              "test)");
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void TestClusterChat::init()
{
    QString error;
    QVERIFY2(ScratchPostgres::empty(&error), qPrintable(error));
    QVERIFY(startNodes());
}

void TestClusterChat::cleanup()
{
    m_a.reset();
    m_b.reset();
}

std::unique_ptr<ServerFixture> TestClusterChat::node(const QByteArray &name)
{
    ServerConfig config;
    config.database = ScratchPostgres::url();
    config.cluster = u"redis://127.0.0.1:%1"_s.arg(m_redis.port());
    config.nodeName = QString::fromUtf8(name);
    config.historyOnJoin = 0;
    config.exemptLoopback = true; // every client of the test comes from 127.0.0.1
    // Senders write a hundred lines at once, without waiting for the flood control (which the
    // limits tests cover): the nodes' commits and publishes then cross as they would under load.
    config.floodRate = 0;
    config.administrators = u"root"_s;
    config.ircPort = ServerConfig::FreePort;
    auto fixture = std::make_unique<ServerFixture>(config);
    if (!fixture->isListening())
        qWarning("node %s: %s", name.constData(), qPrintable(fixture->server().errorString()));
    return fixture;
}

LineClient &TestClusterChat::loggedInWithToken(ServerFixture &node, const QString &nick,
                                               QString *token)
{
    LineClient &client = node.connect();
    client.useTagged();
    client.send(u"login "_s + nick);
    *token = answer(client, u"login"_s).list.value(1);
    return client;
}

bool TestClusterChat::startNodes()
{
    // One after the other: the first makes the hall of a new database.
    // New names each time: a node restarted under its old name waits for its last lease to run
    // out (NodeLease), which is tested on its own.
    ++m_round;
    m_a = node("a" + QByteArray::number(m_round));
    if (!m_a->isListening())
        return false;
    m_b = node("b" + QByteArray::number(m_round));
    if (!m_b->isListening())
        return false;
    return QTest::qWaitFor([&] { return inCluster(*m_a) && inCluster(*m_b); }, TimeoutMs);
}

bool TestClusterChat::inCluster(ServerFixture &node)
{
    ClusterNode *cluster = node.server().cluster();
    return node.server().isReady() && cluster->isConnected() && cluster->lease().isHeld();
}

bool TestClusterChat::redisCommand(const QList<QByteArray> &command)
{
    RedisConnection admin;
    admin.connectToServer(u"127.0.0.1"_s, m_redis.port());
    bool answered = false;
    admin.send(command, [&](const RespValue &) { answered = true; });
    return QTest::qWaitFor([&] { return answered; }, TimeoutMs);
}

void TestClusterChat::bothWays()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    ann.send(u"say hello from a"_s);
    QCOMPARE(roomLines(bob, 1), QStringList{u"1 hello from a"_s});
    QCOMPARE(roomLines(ann, 1), QStringList{u"1 hello from a"_s});
    bob.send(u"say hello from b"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"2 hello from b"_s});
    QCOMPARE(roomLines(bob, 1), QStringList{u"2 hello from b"_s});
}

void TestClusterChat::oneOrder_data()
{
    QTest::addColumn<int>("sendersPerNode");
    QTest::addColumn<int>("linesEach");
    QTest::newRow("one sender a node, 100 lines each") << 1 << 100;
    QTest::newRow("three senders a node, 40 lines each") << 3 << 40;
}

void TestClusterChat::oneOrder()
{
    QFETCH(int, sendersPerNode);
    QFETCH(int, linesEach);
    // Watchers on both nodes, and senders on both that write without waiting, so that the
    // nodes' commits interleave and their publishes cross.
    LineClient &watchA = m_a->taggedLoggedIn(u"watcha"_s);
    LineClient &watchB = m_b->taggedLoggedIn(u"watchb"_s);
    QList<LineClient *> senders;
    for (int i = 0; i < sendersPerNode; ++i) {
        senders << &m_a->taggedLoggedIn(u"a%1"_s.arg(i));
        senders << &m_b->taggedLoggedIn(u"b%1"_s.arg(i));
    }
    for (int line = 0; line < linesEach; ++line) {
        for (int s = 0; s < senders.size(); ++s)
            senders.at(s)->send(u"say s%1 line %2"_s.arg(s).arg(line));
    }
    const int total = linesEach * int(senders.size());
    const QStringList seenA = roomLines(watchA, total);
    const QStringList seenB = roomLines(watchB, total);
    QCOMPARE(seenA.size(), total);
    QCOMPARE(seenA, seenB);
    // The order is the sequence numbers', without a gap, and each sender's lines keep theirs.
    QList<int> nextOf(senders.size(), 0);
    for (int i = 0; i < total; ++i) {
        const QStringList words = seenA.at(i).split(u' ');
        QCOMPARE(words.at(0).toInt(), i + 1);
        const int sender = words.at(1).mid(1).toInt();
        QCOMPARE(words.at(3).toInt(), nextOf[sender]++);
    }
}

void TestClusterChat::subscriptionKilled()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    // Lines on the way while Redis drops every subscriber: the nodes subscribe again and read
    // what went by unheard from the store.
    for (int i = 0; i < 30; ++i)
        ann.send(u"say early %1"_s.arg(i));
    QVERIFY(redisCommand({"CLIENT", "KILL", "TYPE", "pubsub"}));
    for (int i = 0; i < 30; ++i)
        ann.send(u"say late %1"_s.arg(i));
    const QStringList seen = roomLines(bob, 60);
    QCOMPARE(seen.size(), 60);
    for (int i = 0; i < 60; ++i)
        QCOMPARE(seen.at(i),
                 u"%1 %2 %3"_s.arg(i + 1).arg(i < 30 ? u"early"_s : u"late"_s).arg(i % 30));
    QCOMPARE(roomLines(ann, 60), seen);
}

void TestClusterChat::publisherCutOff()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    // Node a loses Redis (its connections are killed) while its people talk: their lines are
    // committed and shown on a, and b learns of them from a's marks once a is back.
    QVERIFY(redisCommand({"CLIENT", "KILL", "TYPE", "normal"}));
    for (int i = 0; i < 10; ++i)
        ann.send(u"say cut %1"_s.arg(i));
    QStringList expected;
    for (int i = 0; i < 10; ++i)
        expected << u"%1 cut %2"_s.arg(i + 1).arg(i);
    QCOMPARE(roomLines(ann, 10), expected);
    QCOMPARE(roomLines(bob, 10), expected);
}

void TestClusterChat::nameTakenOnAnotherNode()
{
    m_a->taggedLoggedIn(u"ann"_s);
    LineClient &other = m_b->connect();
    other.useTagged();
    // Any spelling of it: names are claimed by their key.
    other.send(u"login ANN"_s);
    const Event refused = answer(other, u"login"_s);
    QCOMPARE(refused.kind, Event::Kind::Error);
    QCOMPARE(refused.code, ErrorCode::NickInUse);
    // The connection may go on with another name.
    other.send(u"login anne"_s);
    QCOMPARE(answer(other, u"login"_s).kind, Event::Kind::Ok);
}

void TestClusterChat::nameRace()
{
    // Both nodes asked for one name at the same moment, again and again: one winner each time.
    for (int round = 0; round < 20; ++round) {
        LineClient &onA = m_a->connect();
        LineClient &onB = m_b->connect();
        onA.useTagged();
        onB.useTagged();
        const QString name = u"zed%1"_s.arg(round);
        onA.send(u"login "_s + name);
        onB.send(u"login "_s + name);
        const Event a = answer(onA, u"login"_s);
        const Event b = answer(onB, u"login"_s);
        QVERIFY(a.isValid() && b.isValid());
        QCOMPARE(int(a.kind == Event::Kind::Ok) + int(b.kind == Event::Kind::Ok), 1);
        const Event &loser = a.kind == Event::Kind::Ok ? b : a;
        QCOMPARE(loser.code, ErrorCode::NickInUse);
    }
}

void TestClusterChat::renameAcrossNodes()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    ann.send(u"nick bob"_s);
    const Event refused = answer(ann, u"nick"_s);
    QCOMPARE(refused.kind, Event::Kind::Error);
    QCOMPARE(refused.code, ErrorCode::NickInUse);
    // Gone from b, the name is free for a; a's old name is free for b.
    bob.send(u"nick robert"_s);
    QCOMPARE(answer(bob, u"nick"_s).kind, Event::Kind::NickChange);
    ann.send(u"nick bob"_s);
    QCOMPARE(answer(ann, u"nick"_s).kind, Event::Kind::NickChange);
    LineClient &third = m_b->connect();
    third.useTagged();
    // A lets the old name go once the rename is done, which may reach Redis just after B asks.
    QVERIFY(sendUntil(third, u"login ann"_s, u"login"_s, Event::Kind::Ok));
    // A new spelling of one's own name keeps its claim.
    bob.send(u"nick Robert"_s);
    QCOMPARE(answer(bob, u"nick"_s).kind, Event::Kind::NickChange);
    LineClient &fourth = m_a->connect();
    fourth.useTagged();
    fourth.send(u"login robert"_s);
    QCOMPARE(answer(fourth, u"login"_s).code, ErrorCode::NickInUse);
    // Logged out, the name is free on the other node.
    bob.send(u"logout"_s);
    QVERIFY(bob.waitForDisconnected());
    // B lets the name go as the person ends, which may reach Redis just after A asks.
    QVERIFY(sendUntil(fourth, u"login robert"_s, u"login"_s, Event::Kind::Ok));
}

void TestClusterChat::cutOffNodeTakesNoNames()
{
    // Redis stops answering: the nodes' leases run out by their own count, and they take no new
    // names until they hold a lease again.
    m_redis.pause();
    QTRY_VERIFY_WITH_TIMEOUT(!m_a->server().cluster()->lease().isHeld(), TimeoutMs);
    LineClient &late = m_a->connect();
    late.useTagged();
    late.send(u"login carl"_s);
    const Event refused = answer(late, u"login"_s);
    QCOMPARE(refused.kind, Event::Kind::Error);
    QCOMPARE(refused.code, ErrorCode::Unavailable);
    m_redis.resume();
    QTRY_VERIFY_WITH_TIMEOUT(m_a->server().cluster()->lease().isHeld(), TimeoutMs);
    late.send(u"login carl"_s);
    QCOMPARE(answer(late, u"login"_s).kind, Event::Kind::Ok);
}

void TestClusterChat::stoppedNodeFreesNames()
{
    m_a->taggedLoggedIn(u"ann"_s);
    LineClient &other = m_b->connect();
    other.useTagged();
    other.send(u"login ann"_s);
    QCOMPARE(answer(other, u"login"_s).code, ErrorCode::NickInUse);
    // A node that stops gives its lease up: its names are free well before the lease (3 s)
    // would have run out.
    m_a.reset();
    QVERIFY2(sendUntil(other, u"login ann"_s, u"login"_s, Event::Kind::Ok, 2000),
             "the stopped node's name was not free within 2 s");
}

void TestClusterChat::nameTakenWhileCutOff()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    // Node a's lease goes (as if a had been cut off past it): its names are free for b.
    QVERIFY(redisCommand({"DEL", NodeLease::keyOf("a" + QByteArray::number(m_round))}));
    LineClient &other = m_b->connect();
    other.useTagged();
    other.send(u"login ann"_s);
    QCOMPARE(answer(other, u"login"_s).kind, Event::Kind::Ok);
    // Back under a new epoch, a finds its person's name taken: the person is let go, so that
    // no name is held twice; the one on b keeps it.
    QElapsedTimer waited;
    waited.start();
    Event bye;
    while (bye.kind != Event::Kind::Bye && waited.elapsed() < TimeoutMs)
        bye = ann.readEvent(int(TimeoutMs - waited.elapsed()));
    QCOMPARE(bye.kind, Event::Kind::Bye);
    QCOMPARE(bye.subject, u"collision"_s);
    QVERIFY(ann.waitForDisconnected());
    other.send(u"say still mine"_s);
    QCOMPARE(roomLines(other, 1), QStringList{u"1 still mine"_s});
}

void TestClusterChat::roomMadeOnOneNode()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    ann.send(u"create games"_s);
    QCOMPARE(answer(ann, u"create"_s).kind, Event::Kind::Join);
    // Node b hears of the room from the bus (at once, but not within the call).
    QVERIFY(sendUntil(bob, u"join games"_s, u"join"_s, Event::Kind::Join));
    // The same name cannot be made again on either node. (Naming the room: ann's arrival in
    // games, a join too, may reach b after bob's own and is no answer.)
    bob.send(u"create Games"_s);
    QCOMPARE(answer(bob, u"create"_s, u"Games"_s).code, ErrorCode::RoomExists);
    ann.send(u"say #games hello games"_s);
    QCOMPARE(roomLines(bob, 1), QStringList{u"1 hello games"_s});
    QCOMPARE(roomLines(ann, 1), QStringList{u"1 hello games"_s});
    // Rooms made on both nodes at once get ids of their own ranges: both are stored.
    ann.send(u"create chess"_s);
    bob.send(u"create music"_s);
    QCOMPARE(answer(ann, u"create"_s).kind, Event::Kind::Join);
    QCOMPARE(answer(bob, u"create"_s).kind, Event::Kind::Join);
}

void TestClusterChat::peopleAcrossNodes()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    QString token;
    LineClient &bob = loggedInWithToken(*m_b, u"bob"_s, &token);
    QVERIFY(!token.isEmpty());
    // Each node lists and announces the other's people as its own.
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s, u"bob"_s}));
    QVERIFY(listsSoon(bob, u"hall"_s, {u"ann"_s, u"bob"_s}));
    // Who is on the server, both nodes' people in one list, in name order.
    ann.send(u"who"_s);
    const Event who =
        waitFor(ann, [](const Event &event) { return event.kind == Event::Kind::Who; });
    QCOMPARE(who.list, (QStringList{u"ann"_s, u"hall"_s, {}, u"bob"_s, u"hall"_s, {}}));
    bob.send(u"nick robert"_s);
    const Event renamed = waitFor(ann, Event::Kind::NickChange, u"bob"_s);
    QCOMPARE(renamed.target, u"robert"_s);
    bob.send(u"away lunch"_s);
    const Event away = waitFor(ann, Event::Kind::Presence, u"robert"_s);
    QCOMPARE(away.subject, QString(Event::AwayState));
    bob.send(u"back"_s);
    QCOMPARE(waitFor(ann, Event::Kind::Presence, u"robert"_s).subject, QString(Event::HereState));
    // A room made on b, entered from a: its members on both nodes.
    bob.send(u"create games"_s);
    QCOMPARE(answer(bob, u"create"_s).kind, Event::Kind::Join);
    QVERIFY(sendUntil(ann, u"join games"_s, u"join"_s, Event::Kind::Join));
    QVERIFY(listsSoon(ann, u"games"_s, {u"ann"_s, u"robert"_s}));
    QVERIFY(waitFor(bob, Event::Kind::Join, u"ann"_s).isValid());
    bob.send(u"leave games"_s);
    const Event left = waitFor(ann, Event::Kind::Leave, u"robert"_s);
    QCOMPARE(left.room, u"games"_s);
    QCOMPARE(left.subject, u"part"_s);
    // A dropped connection: the person's place is held on b, and a shows them reconnecting
    // until they resume.
    bob.abort();
    QCOMPARE(waitFor(ann, Event::Kind::Presence, u"robert"_s).subject, u"reconnecting"_s);
    const Event held = look(ann, u"hall"_s);
    QCOMPARE(held.list.value(held.list.indexOf(u"robert"_s) + 1), QString(Event::ReconnectingFlag));
    LineClient &phone = m_b->connect();
    phone.useTagged();
    phone.send(u"resume "_s + token);
    QCOMPARE(waitFor(ann, Event::Kind::Presence, u"robert"_s).subject, u"back"_s);
    phone.send(u"logout"_s);
    const Event quit = waitFor(ann, Event::Kind::Leave, u"robert"_s);
    QCOMPARE(quit.room, u"hall"_s);
    QCOMPARE(quit.subject, u"quit"_s);
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s}));
}

void TestClusterChat::privateAcrossNodes()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    ann.send(u"msg bob hello from a"_s);
    Event heard = waitFor(bob, Event::Kind::Private, u"ann"_s);
    QCOMPARE(heard.target, u"bob"_s);
    QCOMPARE(heard.text, u"hello from a"_s);
    QVERIFY(waitFor(ann, Event::Kind::Private, u"ann"_s).isValid()); // the echo
    QVERIFY(listsSoon(bob, u"hall"_s, {u"ann"_s, u"bob"_s}));
    bob.send(u"msg ann hello from b"_s);
    heard = waitFor(ann, Event::Kind::Private, u"bob"_s);
    QCOMPARE(heard.text, u"hello from b"_s);
    // An away person's text comes back from their node's knowledge, once per text.
    bob.send(u"away out"_s);
    QVERIFY(waitFor(ann, Event::Kind::Presence, u"bob"_s).isValid());
    ann.send(u"msg bob are you there"_s);
    const Event away = waitFor(ann, Event::Kind::Away, u"bob"_s);
    QCOMPARE(away.text, u"out"_s);
    QCOMPARE(waitFor(bob, Event::Kind::Private, u"ann"_s).text, u"are you there"_s);
    // Both in each one's private history, whichever node reads it.
    bob.send(u"history @ann 10"_s);
    QStringList texts;
    waitFor(bob, [&](const Event &event) {
        if (event.kind == Event::Kind::Private)
            texts << event.text;
        return event.kind == Event::Kind::HistoryEnd;
    });
    QCOMPARE(texts, (QStringList{u"hello from a"_s, u"hello from b"_s, u"are you there"_s}));
    ann.send(u"msg nobody hello"_s);
    QCOMPARE(answer(ann, u"msg"_s).code, ErrorCode::NoSuchNick);
}

void TestClusterChat::lateNodeReadsLists()
{
    m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    bob.send(u"away busy"_s);
    QCOMPARE(answer(bob, u"away"_s).kind, Event::Kind::Ok);
    // A node that starts now learns who is where from the lists, not from changes.
    std::unique_ptr<ServerFixture> c = node("c" + QByteArray::number(m_round));
    QVERIFY(c->isListening());
    QTRY_VERIFY_WITH_TIMEOUT(inCluster(*c), TimeoutMs);
    LineClient &carl = c->taggedLoggedIn(u"carl"_s);
    QVERIFY(listsSoon(carl, u"hall"_s, {u"ann"_s, u"bob"_s, u"carl"_s}));
    const Event users = look(carl);
    const qsizetype at = users.list.indexOf(u"bob"_s);
    QVERIFY(at >= 0 && at % 2 == 0);
    QCOMPARE(users.list.at(at + 1), QString(Event::AwayFlag));
}

void TestClusterChat::stoppedNodesPeopleLeave()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    m_b->taggedLoggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    // A stopped node gives its lease up: its people leave the others' lists within one watch.
    m_b.reset();
    const Event left = waitFor(ann, Event::Kind::Leave, u"bob"_s, 4000);
    QVERIFY2(left.isValid(), "the stopped node's person did not leave within 4 s");
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s}));
}

void TestClusterChat::leaseLostPeopleLeaveAndReturn()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    m_b->taggedLoggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    // Node b's lease goes, as if b had been cut off past it: its people are gone for a...
    QVERIFY(redisCommand({"DEL", NodeLease::keyOf("b" + QByteArray::number(m_round))}));
    const Event left = waitFor(ann, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(left.subject, u"lost"_s);
    // ...until b holds a lease again, under a new epoch, and writes its list again.
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s, u"bob"_s}));
}

void TestClusterChat::banAcrossNodes()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    ann.send(u"create games"_s);
    QCOMPARE(answer(ann, u"create"_s).kind, Event::Kind::Join);
    QVERIFY(sendUntil(bob, u"join games"_s, u"join"_s, Event::Kind::Join));
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    // The owner on a bans bob, who is on b: b puts him out, and he is told who did it.
    ann.send(u"ban #games bob 1h no spoilers"_s);
    const Event act = waitFor(bob, [](const Event &event) {
        return event.kind == Event::Kind::Moderation && event.subject == "ban"_L1;
    });
    QCOMPARE(act.nick, u"ann"_s);
    QCOMPARE(act.target, u"bob"_s);
    QVERIFY2(act.text.endsWith(u" no spoilers"_s), qPrintable(act.text));
    const Event out = waitFor(ann, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(out.room, u"games"_s);
    QCOMPARE(out.subject, u"ban"_s);
    // The ban holds on b: bob cannot come back, there or under another name's look-alike.
    bob.send(u"join games"_s);
    QCOMPARE(answer(bob, u"join"_s).code, ErrorCode::BannedFromRoom);
    // An exemption made on a lets him in on b past the ban.
    ann.send(u"exempt #games bob"_s);
    QVERIFY(sendUntil(bob, u"join games"_s, u"join"_s, Event::Kind::Join));
    // Taken back on a: b's members hear of it after b applied it, and the ban holds again.
    ann.send(u"unexempt #games bob"_s);
    QVERIFY(waitFor(bob, [](const Event &event) {
                return event.kind == Event::Kind::Moderation && event.subject == "unexempt"_L1;
            }).isValid());
    bob.send(u"leave games"_s);
    QVERIFY(waitFor(ann, Event::Kind::Leave, u"bob"_s).isValid());
    bob.send(u"join games"_s);
    QCOMPARE(answer(bob, u"join"_s, u"games"_s).code, ErrorCode::BannedFromRoom);
    // Lifted on a, it is lifted on b.
    ann.send(u"unban #games bob"_s);
    QVERIFY(sendUntil(bob, u"join games"_s, u"join"_s, Event::Kind::Join));
}

void TestClusterChat::ruleAcrossNodes()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    ann.send(u"create club"_s);
    QCOMPARE(answer(ann, u"create"_s).kind, Event::Kind::Join);
    QVERIFY(sendUntil(bob, u"join club"_s, u"join"_s, Event::Kind::Join));
    // Invite-only, set on a: b's members are told (after b applied it)...
    ann.send(u"rule #club invite-only on"_s);
    const Event act = waitFor(bob, [](const Event &event) {
        return event.kind == Event::Kind::Moderation && event.room == "club"_L1;
    });
    QCOMPARE(act.nick, u"ann"_s);
    QCOMPARE(act.target, u"invite-only"_s);
    // ...and it keeps b's people out until they are invited.
    bob.send(u"leave club"_s);
    QVERIFY(waitFor(ann, Event::Kind::Leave, u"bob"_s).isValid());
    bob.send(u"join club"_s);
    QCOMPARE(answer(bob, u"join"_s).code, ErrorCode::InviteOnlyRoom);
    // An allowance set on a lets him in on b, as often as he comes.
    ann.send(u"allow #club bob"_s);
    QVERIFY(sendUntil(bob, u"join club"_s, u"join"_s, Event::Kind::Join));
    // Taken back on a: b's members hear of it after b applied it, and he needs an invitation.
    ann.send(u"disallow #club bob"_s);
    QVERIFY(waitFor(bob, [](const Event &event) {
                return event.kind == Event::Kind::Moderation && event.subject == "disallow"_L1;
            }).isValid());
    bob.send(u"leave club"_s);
    QVERIFY(waitFor(ann, Event::Kind::Leave, u"bob"_s).isValid());
    bob.send(u"join club"_s);
    QCOMPARE(answer(bob, u"join"_s).code, ErrorCode::InviteOnlyRoom);
    ann.send(u"rule #club invite-only off"_s);
    QVERIFY(sendUntil(bob, u"join club"_s, u"join"_s, Event::Kind::Join));
}

void TestClusterChat::accountAcrossNodes()
{
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    ann.send(u"register first-secret"_s);
    QCOMPARE(answer(ann, u"register"_s).kind, Event::Kind::Ok);
    ann.send(u"logout"_s);
    QVERIFY(ann.waitForDisconnected());
    // The account is known on b: its password opens it there (before b hears of it, the two
    // words are a name with a space, refused)...
    LineClient &onB = m_b->connect();
    onB.useTagged();
    QVERIFY(sendUntil(onB, u"login ann first-secret"_s, u"login"_s, Event::Kind::Ok));
    // ...and nobody takes the name there without it.
    LineClient &stranger = m_b->connect();
    stranger.useTagged();
    onB.send(u"password first-secret second-secret"_s);
    QCOMPARE(answer(onB, u"password"_s).kind, Event::Kind::Ok);
    onB.send(u"logout"_s);
    QVERIFY(onB.waitForDisconnected());
    stranger.send(u"login ann"_s);
    QCOMPARE(answer(stranger, u"login"_s).kind, Event::Kind::Error);
    // The new password holds on a.
    LineClient &back = m_a->connect();
    back.useTagged();
    QVERIFY(sendUntil(back, u"login ann second-secret"_s, u"login"_s, Event::Kind::Ok));
    // Unregistered on a, the name is anyone's on b.
    back.send(u"unregister second-secret"_s);
    QCOMPARE(answer(back, u"unregister"_s).kind, Event::Kind::Ok);
    back.send(u"logout"_s);
    QVERIFY(back.waitForDisconnected());
    QVERIFY(sendUntil(stranger, u"login ann"_s, u"login"_s, Event::Kind::Ok));
}

void TestClusterChat::roomClosedOnAnotherNode()
{
    LineClient &root = m_a->taggedLoggedIn(u"root"_s);
    root.send(u"register root-secret"_s);
    QCOMPARE(answer(root, u"register"_s).kind, Event::Kind::Ok);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    bob.send(u"create games"_s);
    QCOMPARE(answer(bob, u"create"_s).kind, Event::Kind::Join);
    QVERIFY(sendUntil(root, u"join games"_s, u"join"_s, Event::Kind::Join));
    // An administrator on a closes a room made on b: b's members are told and put out, and
    // the room is gone there too.
    root.send(u"close games enough"_s);
    QCOMPARE(answer(root, u"close"_s).kind, Event::Kind::Ok);
    const Event act = waitFor(bob, [](const Event &event) {
        return event.kind == Event::Kind::Moderation && event.subject == "close"_L1;
    });
    QCOMPARE(act.nick, u"root"_s);
    QCOMPARE(act.text, u"enough"_s);
    const Event out = waitFor(bob, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(out.room, u"games"_s);
    QCOMPARE(out.subject, u"close"_s);
    bob.send(u"join games"_s);
    QCOMPARE(answer(bob, u"join"_s).code, ErrorCode::NoSuchRoom);
    // The name is free again, on either node.
    QVERIFY(sendUntil(bob, u"create games"_s, u"create"_s, Event::Kind::Join));
}

void TestClusterChat::resumeThroughAnotherNode()
{
    // Bob on a made a room (he owns it), ann on b is in it with him.
    LineClient &ann = m_b->taggedLoggedIn(u"ann"_s);
    QString token;
    LineClient &bob = loggedInWithToken(*m_a, u"bob"_s, &token);
    QVERIFY(!token.isEmpty());
    bob.send(u"create games"_s);
    QCOMPARE(answer(bob, u"create"_s, u"games"_s).kind, Event::Kind::Join);
    QVERIFY(sendUntil(ann, u"join games"_s, u"join"_s, Event::Kind::Join));
    QVERIFY(listsSoon(ann, u"games"_s, {u"ann"_s, u"bob"_s}));
    bob.send(u"say #games before the drop"_s);
    QCOMPARE(roomLines(bob, 1), QStringList{u"1 before the drop"_s});

    // What ann hears of bob in games (she hears it in the hall too).
    const auto inGames = [&ann] {
        return waitFor(ann, [](const Event &event) {
            return event.nick == "bob"_L1 && event.room == "games"_L1 &&
                   (event.kind == Event::Kind::Presence || event.kind == Event::Kind::Leave ||
                    event.kind == Event::Kind::Join);
        });
    };

    // His connection drops; ann says something meanwhile; a balancer sends him to b.
    bob.abort();
    QCOMPARE(inGames().subject, u"reconnecting"_s);
    ann.send(u"say #games while you were away"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"2 while you were away"_s});
    LineClient &phone = m_b->connect();
    phone.useTagged();
    phone.send(u"resume "_s + token);
    const Event resumed = answer(phone, u"resume"_s);
    QCOMPARE(resumed.kind, Event::Kind::Ok);
    QCOMPARE(resumed.list.value(0), u"bob"_s);
    // What he missed, and only that.
    QCOMPARE(roomLines(phone, 1), QStringList{u"2 while you were away"_s});
    // Ann saw him come back, and never leave or arrive.
    const Event back = inGames();
    QCOMPARE(back.kind, Event::Kind::Presence);
    QCOMPARE(back.subject, u"back"_s);
    // He is b's now, with his room and his role in it; a lists him as b's person.
    const Event games = look(phone, u"games"_s);
    QVERIFY2(games.list.value(games.list.indexOf(u"bob"_s) + 1).contains(u"owner"_s),
             qPrintable(games.list.join(u' ')));
    LineClient &carl = m_a->taggedLoggedIn(u"carl"_s);
    QVERIFY(sendUntil(carl, u"join games"_s, u"join"_s, Event::Kind::Join));
    QVERIFY(listsSoon(carl, u"games"_s, {u"ann"_s, u"bob"_s, u"carl"_s}));
    // One holder of his name: a login as bob on a is refused.
    LineClient &other = m_a->connect();
    other.useTagged();
    other.send(u"login bob"_s);
    QCOMPARE(answer(other, u"login"_s).code, ErrorCode::NickInUse);
    phone.send(u"say #games back on b"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"3 back on b"_s});

    // The same token goes on working, back through a.
    phone.abort();
    QCOMPARE(inGames().subject, u"reconnecting"_s);
    LineClient &laptop = m_a->connect();
    laptop.useTagged();
    laptop.send(u"resume "_s + token);
    QCOMPARE(answer(laptop, u"resume"_s).kind, Event::Kind::Ok);
    QCOMPARE(inGames().subject, u"back"_s);
    laptop.send(u"say #games and on a again"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"4 and on a again"_s});
    laptop.send(u"logout"_s);
    const Event quit = inGames();
    QVERIFY2(quit.kind == Event::Kind::Leave, qPrintable(quit.subject + u" "_s + quit.room));
    QCOMPARE(quit.subject, u"quit"_s);
    QVERIFY(listsSoon(ann, u"games"_s, {u"ann"_s, u"carl"_s}));
    QVERIFY(listsSoon(carl, u"games"_s, {u"ann"_s, u"carl"_s}));
}

void TestClusterChat::wrongTokenOnAnotherNode()
{
    // A token no node issued is a wrong token, on a node of a cluster as on a server alone.
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    Q_UNUSED(ann);
    LineClient &guess = m_b->connect();
    guess.useTagged();
    guess.send(u"resume "_s + QString(32, u'0'));
    QCOMPARE(answer(guess, u"resume"_s).code, ErrorCode::BadResumeToken);
    // Still logged out, and free to log in.
    guess.send(u"login guess"_s);
    QCOMPARE(answer(guess, u"login"_s).kind, Event::Kind::Ok);
}

void TestClusterChat::resumeWhileConnectedElsewhere()
{
    // A laptop that changed networks: a still thinks the old connection alive when the new one
    // reaches b. The old one is closed (bye resumed) and nobody sees bob go or come.
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    QString token;
    LineClient &bob = loggedInWithToken(*m_a, u"bob"_s, &token);
    QVERIFY(!token.isEmpty());
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    ann.send(u"say before the move"_s);
    QCOMPARE(roomLines(bob, 1), QStringList{u"1 before the move"_s});
    LineClient &moved = m_b->connect();
    moved.useTagged();
    moved.send(u"resume "_s + token + u" hall:1"_s);
    QCOMPARE(answer(moved, u"resume"_s).kind, Event::Kind::Ok);
    const Event bye =
        waitFor(bob, [](const Event &event) { return event.kind == Event::Kind::Bye; });
    QCOMPARE(bye.subject, u"resumed"_s);
    ann.send(u"say after the move"_s);
    QCOMPARE(roomLines(moved, 1), QStringList{u"2 after the move"_s});
    // Ann heard nothing of bob meanwhile: the next she hears is his line.
    moved.send(u"say hello from b"_s);
    const Event next = waitFor(ann, [](const Event &event) {
        return event.nick == "bob"_L1 && event.kind != Event::Kind::Users;
    });
    QCOMPARE(next.kind, Event::Kind::Message);
    QCOMPARE(next.text, u"hello from b"_s);
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s, u"bob"_s}));
}

void TestClusterChat::moderationAcrossNodes()
{
    // Ann on a owns games; bob on b is in it. Neither is registered: their roles are known by
    // person ids, which the nodes tell each other.
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    ann.send(u"create games"_s);
    QCOMPARE(answer(ann, u"create"_s, u"games"_s).kind, Event::Kind::Join);
    QVERIFY(sendUntil(bob, u"join games"_s, u"join"_s, Event::Kind::Join));
    QVERIFY(listsSoon(ann, u"games"_s, {u"ann"_s, u"bob"_s}));
    const auto act = [](LineClient &client, const QString &what) {
        return waitFor(client, [&what](const Event &event) {
            return event.kind == Event::Kind::Moderation && event.subject == what;
        });
    };
    const auto flagsOf = [](LineClient &client, const QString &nick) {
        const Event users = look(client, u"games"_s);
        const qsizetype at = users.list.indexOf(nick);
        return at >= 0 && at % 2 == 0 ? users.list.value(at + 1) : u"<not listed>"_s;
    };
    // Both nodes list ann as the owner.
    QCOMPARE(flagsOf(ann, u"ann"_s), u"owner"_s);
    QTRY_COMPARE_WITH_TIMEOUT(flagsOf(bob, u"ann"_s), u"owner"_s, TimeoutMs);

    // The owner makes bob an operator from her node; both nodes list him so.
    ann.send(u"op #games bob"_s);
    QCOMPARE(act(ann, u"op"_s).target, u"bob"_s);
    QCOMPARE(act(bob, u"op"_s).nick, u"ann"_s);
    QTRY_COMPARE_WITH_TIMEOUT(flagsOf(bob, u"bob"_s), u"op"_s, TimeoutMs);
    QCOMPARE(flagsOf(ann, u"bob"_s), u"op"_s);
    // An operator on b may not act on the owner on a.
    bob.send(u"kick #games ann"_s);
    QCOMPARE(answer(bob, u"kick"_s).code, ErrorCode::NotRoomOperator);
    ann.send(u"deop #games bob"_s);
    QVERIFY(act(bob, u"deop"_s).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(flagsOf(bob, u"bob"_s), QString(), TimeoutMs);

    // Muted from a, bob cannot speak on b until unmuted.
    ann.send(u"mute #games bob 600"_s);
    QVERIFY(act(bob, u"mute"_s).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(flagsOf(bob, u"bob"_s), QString(Event::MutedFlag), TimeoutMs);
    bob.send(u"say #games may I"_s);
    QCOMPARE(answer(bob, u"say"_s).code, ErrorCode::CannotSendToRoom);
    ann.send(u"unmute #games bob"_s);
    QVERIFY(act(bob, u"unmute"_s).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(flagsOf(bob, u"bob"_s), QString(), TimeoutMs);
    bob.send(u"say #games thank you"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"1 thank you"_s});

    // Kicked from a: bob hears why, then is put out by his node; a sees him leave.
    ann.send(u"kick #games bob enough"_s);
    QCOMPARE(act(bob, u"kick"_s).text, u"enough"_s);
    const Event out = waitFor(bob, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(out.room, u"games"_s);
    QCOMPARE(out.subject, u"kick"_s);
    const Event seen = waitFor(ann, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(seen.subject, u"kick"_s);
    QVERIFY(listsSoon(ann, u"games"_s, {u"ann"_s}));

    // Invited from a, bob hears of it on b.
    ann.send(u"invite #games bob"_s);
    const Event invited = act(bob, u"invite"_s);
    QCOMPARE(invited.room, u"games"_s);
    QCOMPARE(invited.target, u"bob"_s);
}

void TestClusterChat::administratorAcrossNodes()
{
    // root (an administrator by the configuration) on a; bob on b.
    LineClient &root = m_a->taggedLoggedIn(u"root"_s);
    root.send(u"register root-secret"_s);
    QCOMPARE(answer(root, u"register"_s).kind, Event::Kind::Ok);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    QVERIFY(waitFor(root, Event::Kind::Join, u"bob"_s).isValid());
    // A notice reaches everyone, on every node.
    root.send(u"notice restarting at noon"_s);
    const Event notice =
        waitFor(bob, [](const Event &event) { return event.kind == Event::Kind::Notice; });
    QCOMPARE(notice.nick, u"root"_s);
    QCOMPARE(notice.text, u"restarting at noon"_s);
    // A wallops reaches the administrators alone, on every node: carol on b is one by oper.
    LineClient &carol = m_b->taggedLoggedIn(u"carol"_s);
    carol.send(u"oper root root-secret"_s);
    QCOMPARE(answer(carol, u"oper"_s).kind, Event::Kind::Ok);
    root.send(u"/wallops disk at 90 %"_s);
    const auto isWallops = [](const Event &event) { return event.kind == Event::Kind::Wallops; };
    const Event wallops = waitFor(carol, isWallops);
    QCOMPARE(wallops.nick, u"root"_s);
    QCOMPARE(wallops.text, u"disk at 90 %"_s);
    QVERIFY(waitFor(root, isWallops).isValid()); // the sender is one too
    // bob is none: a line after the wallops reaches him, the wallops never did.
    root.send(u"say #hall after"_s);
    QVERIFY(waitFor(bob, [](const Event &event) {
                return event.kind == Event::Kind::Wallops || event.text == u"after"_s;
            }).text == u"after"_s);
    // An act from a carries the actor's account to IRC clients on b (account-tag).
    IrcClient irc;
    QVERIFY(irc.line().connectTo(m_b->server().ircPort()));
    QVERIFY(irc.registerAs(u"ivy"_s, u"account-tag"_s));
    QVERIFY(waitFor(root, Event::Kind::Join, u"ivy"_s).isValid());
    root.send(u"voice #hall ivy"_s);
    QString voiced;
    for (QString line = irc.line().readLine(); !line.isNull() && voiced.isEmpty();
         line = irc.line().readLine()) {
        if (line.contains(u" MODE "_s))
            voiced = line;
    }
    QCOMPARE(voiced, u"@account=root :root!root@chat MODE #hall +v ivy"_s);
    // A person of another node is disconnected by their node: gone at once, seen leaving.
    root.send(u"disconnect bob"_s);
    QCOMPARE(answer(root, u"disconnect"_s).kind, Event::Kind::Ok);
    const Event bye =
        waitFor(bob, [](const Event &event) { return event.kind == Event::Kind::Bye; });
    QCOMPARE(bye.subject, u"disconnect"_s);
    QVERIFY(bob.waitForDisconnected());
    const Event left = waitFor(root, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(left.subject, u"disconnect"_s);
    root.send(u"disconnect nobody"_s);
    QCOMPARE(answer(root, u"disconnect"_s).code, ErrorCode::NoSuchNick);
}

void TestClusterChat::tagsAcrossNodes()
{
    // An IRC client's TAGMSG is never stored: it crosses to the other nodes on the bus alone.
    IrcClient ivy;
    QVERIFY(ivy.line().connectTo(m_a->server().ircPort()));
    QVERIFY(ivy.registerAs(u"ivy"_s, u"message-tags"_s));
    IrcClient jo;
    QVERIFY(jo.line().connectTo(m_b->server().ircPort()));
    QVERIFY(jo.registerAs(u"jo"_s, u"message-tags account-tag"_s));
    const auto lineWith = [](IrcClient &irc, const QString &what) {
        for (QString line = irc.line().readLine(); !line.isNull(); line = irc.line().readLine()) {
            if (line.contains(what))
                return line;
        }
        return QString();
    };
    QVERIFY(!lineWith(ivy, u":jo!jo@chat JOIN #hall"_s).isEmpty()); // a knows jo now
    static const QRegularExpression tagged(
        uR"(^@msgid=t\d+-\d+;\+typing=active :ivy!ivy@chat TAGMSG #hall$)"_s);
    ivy.send(u"@+typing=active TAGMSG #hall"_s);
    const QString toRoom = lineWith(jo, u" TAGMSG "_s);
    QVERIFY2(tagged.match(toRoom).hasMatch(), qPrintable(toRoom));
    ivy.send(u"@+draft/react=\U0001F44D TAGMSG jo"_s);
    const QString toJo = lineWith(jo, u" TAGMSG "_s);
    QVERIFY2(toJo.endsWith(u";+draft/react=\U0001F44D :ivy!ivy@chat TAGMSG jo"_s),
             qPrintable(toJo));
}

void TestClusterChat::invisibleAcrossNodes()
{
    // Invisible on one node is invisible on the others: who with a filter leaves the person
    // out for those who share no room with them, unless the filter is their name.
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    ann.send(u"set invisible on"_s);
    ann.send(u"leave hall"_s);
    QVERIFY(waitFor(bob, Event::Kind::Leave, u"ann"_s).isValid()); // one change, both in it
    // The names of a who listing, up to its end.
    const auto listed = [&bob](const QString &filter) {
        bob.send(u"who "_s + filter);
        const auto piece = [](const Event &event) {
            return event.kind == Event::Kind::Who || event.kind == Event::Kind::ListingEnd;
        };
        QStringList names;
        for (Event event = waitFor(bob, piece); event.kind == Event::Kind::Who;
             event = waitFor(bob, piece)) {
            for (qsizetype i = 0; i < event.list.size(); i += 3)
                names << event.list[i];
        }
        return names;
    };
    QCOMPARE(listed(u"an"_s), QStringList());
    QCOMPARE(listed(u"ann"_s), QStringList{u"ann"_s});
    ann.send(u"set invisible off"_s);
    QCOMPARE(answer(ann, u"set"_s).kind, Event::Kind::Ok);
    QTRY_COMPARE(listed(u"an"_s), QStringList{u"ann"_s});
}

void TestClusterChat::secretAcrossNodes()
{
    // A room made secret on one node is left out of the other node's list, and out of the
    // rooms it lists for a person of the first node, for those not in it.
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    ann.send(u"create den"_s);
    QCOMPARE(answer(ann, u"create"_s).kind, Event::Kind::Join);
    // The items of a listing (rooms or who) up to its end: each item's first two fields.
    const auto listed = [&bob](const QString &command) {
        bob.send(command);
        const auto piece = [](const Event &event) {
            return event.kind == Event::Kind::Who || event.kind == Event::Kind::Rooms ||
                   event.kind == Event::Kind::ListingEnd;
        };
        QStringList items;
        for (Event event = waitFor(bob, piece); event.kind != Event::Kind::ListingEnd;
             event = waitFor(bob, piece)) {
            for (qsizetype i = 0; i + 1 < event.list.size(); i += 3)
                items << event.list[i] + u' ' + event.list[i + 1];
        }
        return items;
    };
    QTRY_COMPARE(listed(u"list den"_s), QStringList{u"den 1"_s});
    QCOMPARE(listed(u"who ann"_s), QStringList{u"ann hall,den"_s});
    ann.send(u"rule #den secret on"_s);
    QVERIFY(waitFor(ann, [](const Event &event) {
                return event.kind == Event::Kind::Moderation && event.target == "secret"_L1;
            }).isValid());
    QTRY_COMPARE(listed(u"list den"_s), QStringList());
    QCOMPARE(listed(u"who ann"_s), QStringList{u"ann hall"_s});
    ann.send(u"rule #den secret off"_s);
    QTRY_COMPARE(listed(u"list den"_s), QStringList{u"den 1"_s});
    QCOMPARE(listed(u"who ann"_s), QStringList{u"ann hall,den"_s});
}

void TestClusterChat::rulesTogetherAcrossNodes()
{
    // One rule command's changes on one node are one MODE line to IRC clients on the other, as
    // on its own node; text and tagged readers there read a line per change.
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    ann.send(u"create den"_s);
    QCOMPARE(answer(ann, u"create"_s).kind, Event::Kind::Join);
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    // Node b hears of the room from the bus (at once, but not within the call).
    QVERIFY(sendUntil(bob, u"join den"_s, u"join"_s, Event::Kind::Join));
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    IrcClient ivy;
    QVERIFY(ivy.line().connectTo(m_b->server().ircPort()));
    QVERIFY(ivy.registerAs(u"ivy"_s));
    ivy.send(u"JOIN #den"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"ivy"_s).isValid());
    ann.send(u"rule #den topic-lock on limit 20"_s);
    for (const QString &rule : {u"topic-lock"_s, u"limit"_s}) {
        const Event told =
            waitFor(bob, [](const Event &event) { return event.kind == Event::Kind::Moderation; });
        QCOMPARE(told.target, rule);
    }
    bob.send(u"say #den after the rules"_s);
    QStringList modes;
    for (QString line = ivy.line().readLine(); !line.isNull(); line = ivy.line().readLine()) {
        if (line.contains(u" MODE "_s))
            modes << line;
        if (line.contains(u"after the rules"_s))
            break;
    }
    QCOMPARE(modes, QStringList{u":ann!ann@chat MODE #den +tl 20"_s});
}

void TestClusterChat::roomsMadeWhileCutOff()
{
    LineClient &bob = m_b->taggedLoggedIn(u"bob"_s);
    bob.send(u"create games"_s);
    QCOMPARE(answer(bob, u"create"_s, u"games"_s).kind, Event::Kind::Join);
    // What the nodes heard nothing of, as if they were cut off from Redis when it happened: a
    // room made and one closed by another writer of the database.
    StoreOptions options;
    options.databaseUrl = ScratchPostgres::url();
    options.sharedWriters = true;
    SqlStore other(options);
    QVERIFY2(other.open(), qPrintable(other.errorString()));
    StoredRoom missed;
    missed.id = qint64(4000) * Directory::IdRange + 1;
    missed.name = u"missed"_s;
    missed.key = u"missed"_s;
    missed.creator = u"zed"_s;
    missed.created = QDateTime::currentDateTimeUtc();
    qint64 gamesId = 0;
    for (const StoredRoom &room : other.rooms()) {
        if (room.name == "games"_L1)
            gamesId = room.id;
    }
    QVERIFY(gamesId != 0);
    int written = 0;
    other.createRoom(missed, [&](const QString &error) { written += error.isEmpty(); });
    other.deleteRoom(gamesId, [&](const QString &error) { written += error.isEmpty(); });
    QTRY_COMPARE_WITH_TIMEOUT(written, 2, TimeoutMs);
    other.close();
    bob.send(u"join missed"_s);
    QCOMPARE(answer(bob, u"join"_s).code, ErrorCode::NoSuchRoom);
    // Back on the bus (its subscription dropped and came back), each node reads the rooms.
    QVERIFY(redisCommand({"CLIENT", "KILL", "TYPE", "pubsub"}));
    const Event out = waitFor(bob, Event::Kind::Leave, u"bob"_s);
    QCOMPARE(out.room, u"games"_s);
    QCOMPARE(out.subject, u"close"_s);
    QVERIFY(sendUntil(bob, u"join missed"_s, u"join"_s, Event::Kind::Join));
    LineClient &ann = m_a->taggedLoggedIn(u"ann"_s);
    QVERIFY(sendUntil(ann, u"join missed"_s, u"join"_s, Event::Kind::Join));
    ann.send(u"say #missed found it"_s);
    QCOMPARE(roomLines(bob, 1), QStringList{u"1 found it"_s});
}

void TestClusterChat::threeNodes()
{
    // A third node joins the two: one chat across the three.
    std::unique_ptr<ServerFixture> c = node("c" + QByteArray::number(m_round));
    QVERIFY(c->isListening());
    QTRY_VERIFY_WITH_TIMEOUT(inCluster(*c), TimeoutMs);
    QList<LineClient *> people;
    people << &m_a->taggedLoggedIn(u"ann"_s);
    QString token;
    people << &loggedInWithToken(*m_b, u"bob"_s, &token);
    QVERIFY(!token.isEmpty());
    people << &c->taggedLoggedIn(u"cat"_s);
    for (LineClient *person : std::as_const(people))
        QVERIFY(listsSoon(*person, u"hall"_s, {u"ann"_s, u"bob"_s, u"cat"_s}));
    // Everyone writes at once; everyone reads the same lines in the same order.
    constexpr int LinesEach = 30;
    for (int line = 0; line < LinesEach; ++line) {
        for (qsizetype p = 0; p < people.size(); ++p)
            people.at(p)->send(u"say p%1 line %2"_s.arg(p).arg(line));
    }
    const QStringList first = roomLines(*people.first(), 3 * LinesEach);
    QCOMPARE(first.size(), 3 * LinesEach);
    for (qsizetype p = 1; p < people.size(); ++p)
        QCOMPARE(roomLines(*people.at(p), 3 * LinesEach), first);
    // Bob's connection drops on b; he comes back through c, then through a. Then c stops: cat
    // leaves everyone's lists, and bob, who is a's by now, stays, his name held once.
    people.at(1)->abort();
    LineClient &phone = c->connect();
    phone.useTagged();
    phone.send(u"resume "_s + token);
    QCOMPARE(answer(phone, u"resume"_s).kind, Event::Kind::Ok);
    phone.send(u"say bob via c"_s);
    QCOMPARE(roomLines(*people.first(), 1), QStringList{u"91 bob via c"_s});
    phone.abort();
    LineClient &laptop = m_a->connect();
    laptop.useTagged();
    laptop.send(u"resume "_s + token);
    QCOMPARE(answer(laptop, u"resume"_s).kind, Event::Kind::Ok);
    c.reset();
    const Event left = waitFor(*people.first(), Event::Kind::Leave, u"cat"_s, 4000);
    QVERIFY2(left.isValid(), "the stopped node's person did not leave within 4 s");
    QVERIFY(listsSoon(*people.first(), u"hall"_s, {u"ann"_s, u"bob"_s}));
    LineClient &other = m_b->connect();
    other.useTagged();
    other.send(u"login bob"_s);
    QCOMPARE(answer(other, u"login"_s).code, ErrorCode::NickInUse);
    laptop.send(u"say bob via a"_s);
    QCOMPARE(roomLines(*people.first(), 1), QStringList{u"92 bob via a"_s});

    // An IRC user on b and a telnet user on a talk with each other and the others.
    IrcClient irc;
    QVERIFY(irc.line().connectTo(m_b->server().ircPort()));
    QVERIFY(irc.registerAs(u"ivy"_s));
    LineClient &telnet = m_a->loggedIn(u"tex"_s);
    const auto ircHears = [&irc](const QString &text) {
        for (QString line = irc.line().readLine(); !line.isNull(); line = irc.line().readLine()) {
            if (line.contains(text))
                return line;
        }
        return QString();
    };
    const auto telnetHears = [&telnet](const QString &text) {
        for (QString line = telnet.readLine(); !line.isNull(); line = telnet.readLine()) {
            if (line.contains(text))
                return true;
        }
        return false;
    };
    QVERIFY(listsSoon(*people.first(), u"hall"_s, {u"ann"_s, u"bob"_s, u"ivy"_s, u"tex"_s}));
    irc.send(u"PRIVMSG #hall :hello from irc"_s);
    QVERIFY(telnetHears(u"hello from irc"_s));
    QCOMPARE(roomLines(*people.first(), 1), QStringList{u"93 hello from irc"_s});
    telnet.send(u"hello from telnet"_s);
    QCOMPARE(ircHears(u"hello from telnet"_s), u":tex!tex@chat PRIVMSG #hall :hello from telnet"_s);
    // b lists every node's people, and no longer c's: within the bound a stopped node's people
    // have (docs/CLUSTER.md), counted from c's stop like the leave that a saw above.
    const auto hallNames = [&] {
        irc.send(u"NAMES #hall"_s);
        QStringList names = ircHears(u" 353 "_s).section(u" :"_s, 1).split(u' ');
        names.sort();
        return names.join(u' ');
    };
    QTRY_COMPARE_WITH_TIMEOUT(hallNames(), u"ann bob ivy tex"_s, 4000);
}

QTEST_GUILESS_MAIN(TestClusterChat)
#include "tst_clusterchat.moc"
