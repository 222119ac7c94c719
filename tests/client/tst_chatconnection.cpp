// SPDX-License-Identifier: MIT
#include "ChatConnection.h"
#include "CutProxy.h"
#include "LineClient.h"
#include "NoticeText.h"
#include "TestServer.h"
#include "Translations.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/User.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

using State = ChatConnection::State;
using Failure = ChatConnection::Failure;

class TestChatConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void logsInAndEntersTheHall();
    void loginFails_data();
    void loginFails();
    void silentServerTimesOut();
    void cancelStopsConnecting();
    void messagesReachEveryoneWithOwnEcho();
    void linesAreSaidOrSentAsCommands_data();
    void linesAreSaidOrSentAsCommands();
    void refusesToLeaveTaggedMode();
    void privateMessagesReachBothSides();
    void usersFollowJoinsAndLeaves();
    void arrivalsTogetherAreEachAJoin();
    void roomsCanBeListedCreatedAndJoined();
    void longListsArriveAsOne();
    void commandErrorsAreReported();
    void logOutSaysGoodbye();
    void reconnectsAfterServerRestartIntoTheSameRoom();
    void resumesAfterADroppedConnectionMissingNothing_data();
    void resumesAfterADroppedConnectionMissingNothing();
    void fillsTheGapAfterAServerRestart_data();
    void fillsTheGapAfterAServerRestart();
    void isInSeveralRoomsAtOnce();
    void linesCarryTheirRoom();
    void olderPagesComeOnRequest();
    void moderationActsAreWorded_data();
    void moderationActsAreWorded();
    void maskListsAreListedAddedAndRemoved_data();
    void maskListsAreListedAddedAndRemoved();
    void maskListsAreWorded_data();
    void maskListsAreWorded();

private:
    static bool logIn(ChatConnection &connection, const TestServer &server, const QString &nick);
};

void TestChatConnection::initTestCase()
{
    // The client's wording in English, plurals and all, as the client installs it.
    QCoreApplication::installTranslator(
        const_cast<QTranslator *>(Translations::translator(u"en"_s)));
}

bool TestChatConnection::logIn(ChatConnection &connection, const TestServer &server,
                               const QString &nick)
{
    QSignalSpy loggedIn(&connection, &ChatConnection::loggedIn);
    connection.logIn(server.address(), nick);
    return loggedIn.wait(5000) && connection.users().contains(nick);
}

void TestChatConnection::logsInAndEntersTheHall()
{
    TestServer server;
    ChatConnection alice;
    QSignalSpy states(&alice, &ChatConnection::stateChanged);
    QSignalSpy connected(&alice, &ChatConnection::connected);
    QSignalSpy joined(&alice, &ChatConnection::joined);

    QVERIFY(logIn(alice, server, u"alice"_s));
    QCOMPARE(connected.size(), 1);
    QCOMPARE(states.first().first().value<State>(), State::Connecting);
    QCOMPARE(alice.state(), State::LoggedIn);
    QCOMPARE(alice.nick(), u"alice"_s);
    QCOMPARE(alice.room(), u"hall"_s);
    QCOMPARE(alice.serverName(), u"test"_s);
    QCOMPARE(alice.users(), QStringList{u"alice"_s});
    QCOMPARE(joined.size(), 1);
}

void TestChatConnection::loginFails_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("useClosedPort");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<Failure>("failure");

    QTest::newRow("refused") << u"127.0.0.1"_s << true << u"alice"_s << Failure::ConnectionRefused;
    QTest::newRow("host not found")
        << u"no-such-host.invalid"_s << false << u"alice"_s << Failure::HostNotFound;
    QTest::newRow("name taken") << u"127.0.0.1"_s << false << u"Taken"_s << Failure::NickInUse;
    QTest::newRow("name not allowed")
        << u"127.0.0.1"_s << false << u"-bad name!"_s << Failure::BadNick;
}

void TestChatConnection::loginFails()
{
    QFETCH(QString, host);
    QFETCH(bool, useClosedPort);
    QFETCH(QString, nick);
    QFETCH(Failure, failure);

    TestServer server;
    ChatConnection holder;
    QVERIFY(logIn(holder, server, u"taken"_s));

    ChatConnection connection;
    QSignalSpy failed(&connection, &ChatConnection::loginFailed);
    QSignalSpy loggedIn(&connection, &ChatConnection::loggedIn);
    connection.logIn(ServerAddress(host, useClosedPort ? TestServer::closedPort() : server.port()),
                     nick);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().value<Failure>(), failure);
    QCOMPARE(connection.state(), State::Disconnected);
    QVERIFY(loggedIn.isEmpty());
}

void TestChatConnection::silentServerTimesOut()
{
    QTcpServer silent; // accepts, then never says a word
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ChatConnection connection;
    connection.setTimeout(300);
    QSignalSpy failed(&connection, &ChatConnection::loginFailed);
    connection.logIn(ServerAddress(u"127.0.0.1"_s, silent.serverPort()), u"alice"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<Failure>(), Failure::Timeout);
}

void TestChatConnection::cancelStopsConnecting()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ChatConnection connection;
    QSignalSpy disconnected(&connection, &ChatConnection::disconnected);
    QSignalSpy failed(&connection, &ChatConnection::loginFailed);
    connection.logIn(ServerAddress(u"127.0.0.1"_s, silent.serverPort()), u"alice"_s);
    QCOMPARE(connection.state(), State::Connecting);
    connection.logOut();
    QCOMPARE(connection.state(), State::Disconnected);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.first().first().value<Failure>(), Failure::None);
    QVERIFY(failed.isEmpty());
}

void TestChatConnection::messagesReachEveryoneWithOwnEcho()
{
    TestServer server;
    ChatConnection alice, bob;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QVERIFY(logIn(bob, server, u"bob"_s));
    QSignalSpy aliceSees(&alice, &ChatConnection::message);
    QSignalSpy bobSees(&bob, &ChatConnection::message);

    alice.sendLine(u"hello <b>world</b>"_s);
    QVERIFY(bobSees.wait(5000));
    QTRY_COMPARE(aliceSees.size(), 1);
    QCOMPARE(bobSees.first().at(1).toString(), u"alice"_s);
    QCOMPARE(bobSees.first().at(2).toString(), u"hello <b>world</b>"_s);
    QCOMPARE(bobSees.first().at(3).toBool(), false);
    QCOMPARE(aliceSees.first().at(3).toBool(), true);
    QVERIFY(bobSees.first().at(0).toDateTime().isValid());
}

void TestChatConnection::linesAreSaidOrSentAsCommands_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("isAction");
    QTest::addColumn<QString>("text");

    QTest::newRow("chat") << u"hi there"_s << false << u"hi there"_s;
    QTest::newRow("looks like a command")
        << u"join me for lunch"_s << false << u"join me for lunch"_s;
    QTest::newRow("/say") << u"/say hi"_s << false << u"hi"_s;
    QTest::newRow("/me") << u"/me waves"_s << true << u"waves"_s;
    QTest::newRow("//") << u"//slash"_s << false << u"/slash"_s;
}

void TestChatConnection::linesAreSaidOrSentAsCommands()
{
    QFETCH(QString, line);
    QFETCH(bool, isAction);
    QFETCH(QString, text);

    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy messages(&alice, &ChatConnection::message);
    QSignalSpy actions(&alice, &ChatConnection::action);
    alice.sendLine(line);
    QSignalSpy &expected = isAction ? actions : messages;
    QVERIFY(expected.wait(5000));
    QCOMPARE(expected.first().at(2).toString(), text);
}

void TestChatConnection::refusesToLeaveTaggedMode()
{
    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy refused(&alice, &ChatConnection::lineRefused);
    QSignalSpy pong(&alice, &ChatConnection::pong);
    alice.sendLine(u"/set tagged off"_s);
    QCOMPARE(refused.size(), 1);
    alice.sendLine(u"/ping still-tagged"_s);
    QVERIFY(pong.wait(5000));
    QCOMPARE(pong.first().first().toString(), u"still-tagged"_s);
}

void TestChatConnection::privateMessagesReachBothSides()
{
    TestServer server;
    ChatConnection alice, bob;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QVERIFY(logIn(bob, server, u"bob"_s));
    QSignalSpy aliceSees(&alice, &ChatConnection::privateMessage);
    QSignalSpy bobSees(&bob, &ChatConnection::privateMessage);
    alice.sendLine(u"/msg bob psst"_s);
    QVERIFY(bobSees.wait(5000));
    QTRY_COMPARE(aliceSees.size(), 1);
    const QList<QVariant> received = bobSees.first();
    QCOMPARE(received.at(1).toString(), u"alice"_s);
    QCOMPARE(received.at(2).toString(), u"bob"_s);
    QCOMPARE(received.at(3).toString(), u"psst"_s);
    QCOMPARE(received.at(4).toBool(), false);
    QCOMPARE(aliceSees.first().at(4).toBool(), true);
}

// Logins that reach the server together are announced in one `joins` line.
void TestChatConnection::arrivalsTogetherAreEachAJoin()
{
    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy joined(&alice, &ChatConnection::joined);
    QTcpSocket bob;
    QTcpSocket carol;
    for (QTcpSocket *socket : {&bob, &carol}) {
        QSignalSpy connected(socket, &QTcpSocket::connected);
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(connected.wait(5000));
    }
    bob.write("login bob\r\n");
    carol.write("login carol\r\n");
    bob.flush();
    carol.flush();
    QTRY_COMPARE(alice.users(), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
    QCOMPARE(joined.size(), 2);
}

void TestChatConnection::usersFollowJoinsAndLeaves()
{
    TestServer::Options options;
    options.resumeGraceSeconds = 0; // a dropped connection is a departure at once
    TestServer server(options);
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy left(&alice, &ChatConnection::left);
    {
        ChatConnection bob;
        QVERIFY(logIn(bob, server, u"bob"_s));
        QTRY_COMPARE(alice.users(), (QStringList{u"alice"_s, u"bob"_s}));

        QSignalSpy renamed(&alice, &ChatConnection::renamed);
        bob.sendLine(u"/nick robert"_s);
        QVERIFY(renamed.wait(5000));
        QCOMPARE(alice.users(), (QStringList{u"alice"_s, u"robert"_s}));
        QTRY_COMPARE(bob.nick(), u"robert"_s);
    } // robert's connection drops without a goodbye
    QVERIFY(left.wait(5000));
    QCOMPARE(left.first().at(1).toString(), u"robert"_s);
    QCOMPARE(left.first().at(2).toString(), u"lost"_s);
    QCOMPARE(alice.users(), QStringList{u"alice"_s});

    // Who went by a name: a typed answer, which the client words itself.
    QSignalSpy whowas(&alice, &ChatConnection::whowasReceived);
    alice.sendLine(u"/whowas bob"_s);
    QVERIFY(whowas.wait(5000));
    QCOMPARE(whowas.first().at(0).toString(), u"bob"_s);
    const QStringList departures = whowas.first().at(1).toStringList();
    QCOMPARE(departures.size(), 5);
    QCOMPARE(departures.mid(3), (QStringList{u"nick"_s, u"robert"_s}));
    const QStringList lines = NoticeText::whowas(u"bob"_s, departures);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].startsWith(u"bob took the name robert on "_s), qPrintable(lines[0]));
    alice.sendLine(u"/whowas carol"_s);
    QVERIFY(whowas.wait(5000));
    QCOMPARE(NoticeText::whowas(u"carol"_s, whowas.last().at(1).toStringList()),
             QStringList{u"Nobody called carol has left lately."_s});
}

void TestChatConnection::roomsCanBeListedCreatedAndJoined()
{
    TestServer server;
    ChatConnection alice, bob;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QVERIFY(logIn(bob, server, u"bob"_s));

    alice.createRoom(u"lab"_s);
    QTRY_COMPARE(alice.room(), u"lab"_s);
    // Several rooms at once: alice is still in the hall, where bob sees her.
    QCOMPARE(alice.joinedRooms().names(), (QStringList{u"hall"_s, u"lab"_s}));
    QCOMPARE(bob.users(), (QStringList{u"alice"_s, u"bob"_s}));
    QSignalSpy topic(&alice, &ChatConnection::topicChanged);
    alice.sendLine(u"/topic soldering today"_s);
    QVERIFY(topic.wait(5000));
    QCOMPARE(alice.topic(), u"soldering today"_s);

    QSignalSpy rooms(&bob, &ChatConnection::roomsChanged);
    bob.listRooms();
    QVERIFY(rooms.wait(5000));
    const RoomInfoList list = rooms.first().first().value<RoomInfoList>();
    QVERIFY(list.contains(RoomInfo{u"lab"_s, 1, u"soldering today"_s}));

    bob.joinRoom(u"lab"_s);
    QTRY_COMPARE(bob.room(), u"lab"_s);
    QTRY_COMPARE(bob.topic(), u"soldering today"_s);
    QTRY_COMPARE(alice.users().size(), 2);
}

// A list of thousands of rooms or people comes in many lines, each within the client's line
// limit; the client gathers them and reports the whole list once.
void TestChatConnection::longListsArriveAsOne()
{
    TestServer server;
    Directory &directory = server.server().processor().directory();
    const QString topic(300, QChar(0x8bdd)); // 900 bytes: a few rooms fill a line
    for (int i = 0; i < 1500; ++i)
        directory.addRoom(directory.nextRoomId(), u"room%1"_s.arg(i, 4, 10, QChar(u'0')))
            ->setTopic(topic, u"someone"_s, QDateTime::currentDateTimeUtc());
    for (int i = 0; i < 500; ++i) {
        auto *user =
            new User(u"person%1"_s.arg(i, 3, 10, QChar(u'0')), quint64(1000 + i), &directory);
        directory.claimNick(user->nick(), user);
    }
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));

    QSignalSpy rooms(&alice, &ChatConnection::roomsChanged);
    alice.listRooms();
    QVERIFY(rooms.wait(10000));
    QCOMPARE(rooms.size(), 1);
    const RoomInfoList list = rooms.first().first().value<RoomInfoList>();
    QCOMPARE(list.size(), 1501);
    QCOMPARE(list.first(), (RoomInfo{u"hall"_s, 1, QString()}));
    QCOMPARE(list.last(), (RoomInfo{u"room1499"_s, 0, topic}));

    QSignalSpy people(&alice, &ChatConnection::whoReceived);
    alice.sendLine(u"/who"_s);
    QVERIFY(people.wait(10000));
    QCOMPARE(people.size(), 1);
    const PersonInfoList everyone = people.first().first().value<PersonInfoList>();
    QCOMPARE(everyone.size(), 501);
    QCOMPARE(everyone.first().nick, u"alice"_s);
    QCOMPARE(everyone.last().nick, u"person499"_s);

    // A filtered page is a list of its own.
    alice.sendLine(u"/list room149 1"_s);
    QVERIFY(rooms.wait(10000));
    QCOMPARE(rooms.last().first().value<RoomInfoList>().size(), 10);
}

void TestChatConnection::commandErrorsAreReported()
{
    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy failed(&alice, &ChatConnection::commandFailed);
    alice.joinRoom(u"nowhere"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).value<ErrorCode>(), ErrorCode::NoSuchRoom);
    QCOMPARE(failed.first().at(2).toString(), u"nowhere"_s);
    QCOMPARE(alice.room(), u"hall"_s);
}

void TestChatConnection::logOutSaysGoodbye()
{
    TestServer server;
    ChatConnection alice, bob;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QVERIFY(logIn(bob, server, u"bob"_s));
    QSignalSpy disconnected(&alice, &ChatConnection::disconnected);
    QSignalSpy bobSees(&bob, &ChatConnection::left);

    alice.sendLine(u"/quit"_s);
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(disconnected.first().first().value<Failure>(), Failure::None);
    QCOMPARE(alice.state(), State::Disconnected);
    QTRY_COMPARE(bobSees.size(), 1);
    QCOMPARE(bobSees.first().at(2).toString(), u"quit"_s);
}

void TestChatConnection::reconnectsAfterServerRestartIntoTheSameRoom()
{
    TestServer server;
    ChatConnection alice;
    alice.setReconnectDelay(50);
    QVERIFY(logIn(alice, server, u"alice"_s));
    alice.createRoom(u"lab"_s);
    QTRY_COMPARE(alice.room(), u"lab"_s);

    QSignalSpy lost(&alice, &ChatConnection::connectionLost);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    QVERIFY(server.restart());
    QTRY_VERIFY(!lost.isEmpty());
    QCOMPARE(lost.first().first().value<Failure>(), Failure::ServerShutdown);
    QVERIFY(loggedIn.wait(10000));
    QCOMPARE(alice.nick(), u"alice"_s);
    // The restarted server kept the room; the client logs in anew and goes back in.
    QTRY_COMPARE(alice.room(), u"lab"_s);
    QCOMPARE(alice.state(), State::LoggedIn);
    QVERIFY(!alice.resumed());
}

// The connection dies in the middle of a burst (no goodbye from either side): the client
// resumes and has every line exactly once, in order, with a divider where the gap was. In
// several rooms, the resume gives the last line seen in each: lines on their way when the
// connection died (the server wrote them, the client never read them) come again.
void TestChatConnection::resumesAfterADroppedConnectionMissingNothing_data()
{
    QTest::addColumn<int>("cutAfter");
    QTest::addColumn<int>("rooms");
    QTest::newRow("before the burst") << 0 << 1;
    QTest::newRow("early in the burst") << 3 << 1;
    QTest::newRow("in the middle") << 50 << 1;
    QTest::newRow("after the burst") << 100 << 1;
    QTest::newRow("three rooms, before the burst") << 0 << 3;
    QTest::newRow("three rooms, early in the burst") << 4 << 3;
    QTest::newRow("three rooms, in the middle") << 50 << 3;
    QTest::newRow("three rooms, after the burst") << 100 << 3;
}

void TestChatConnection::resumesAfterADroppedConnectionMissingNothing()
{
    QFETCH(int, cutAfter);
    QFETCH(int, rooms);
    constexpr int Lines = 100;
    const QStringList names = QStringList{u"hall"_s, u"lab"_s, u"games"_s}.first(rooms);
    TestServer::Options options;
    options.floodRate = 0; // bob speaks faster than a person
    TestServer server(options);
    CutProxy proxy(server.port());
    LineClient bob;
    QVERIFY(bob.connectTo(server.port()));
    bob.readLine();
    QVERIFY(bob.login(u"bob"_s));
    bob.send(u"set rooms many"_s);
    for (const QString &room : names.sliced(1))
        bob.send(u"create "_s + room);
    bob.sync();

    ChatConnection alice;
    alice.setReconnectDelay(50);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    alice.logIn(ServerAddress(u"127.0.0.1"_s, proxy.port()), u"alice"_s);
    QVERIFY(loggedIn.wait(5000));
    for (const QString &room : names.sliced(1))
        alice.joinRoom(room);
    QTRY_COMPARE(alice.joinedRooms().names(), names);
    QStringList seen;
    connect(&alice, &ChatConnection::message, this,
            [&seen](const QDateTime &, const QString &, const QString &text) { seen << text; });
    QSignalSpy history(&alice, &ChatConnection::historyFollows);

    if (cutAfter == 0)
        proxy.cut();
    QStringList expected;
    for (int i = 0; i < Lines; ++i) {
        const QString room = names.at(i % rooms);
        expected << u"%1 %2"_s.arg(room).arg(i);
        bob.send(u"say #%1 %2"_s.arg(room, expected.last()));
        if (i + 1 == cutAfter) {
            QTRY_COMPARE(seen.size(), cutAfter); // alice has read this far
            proxy.cut();
        }
    }
    bob.sync();
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 2, 10000);
    QTRY_COMPARE(seen.size(), Lines);
    // Room by room, every line once and in order (a resume replays one room after another).
    for (const QString &room : names) {
        const auto inRoom = [&room](const QStringList &lines) {
            return lines.filter(QRegularExpression(u"^"_s + room + u" "_s));
        };
        QCOMPARE(inRoom(seen), inRoom(expected));
    }
    QVERIFY(alice.resumed());
    QCOMPARE(alice.joinedRooms().names(), names);
    bob.send(u"say #hall after"_s);
    QTRY_COMPARE(seen.last(), u"after"_s);
    QCOMPARE(seen.size(), Lines + 1);
    if (cutAfter < Lines) {
        QVERIFY(!history.isEmpty());
        QCOMPARE(history.last().at(1).toString(), u"resume"_s);
    }
}

// After a server restart the token is gone: the client logs in anew, goes back to its rooms and
// asks each for what was said while it was away, shown once after a divider.
void TestChatConnection::fillsTheGapAfterAServerRestart_data()
{
    QTest::addColumn<QStringList>("rooms"); // besides the hall
    QTest::newRow("one room") << QStringList{u"lab"_s};
    QTest::newRow("three rooms") << QStringList{u"lab"_s, u"games"_s, u"side"_s};
}

void TestChatConnection::fillsTheGapAfterAServerRestart()
{
    QFETCH(QStringList, rooms);
    TestServer server;
    CutProxy proxy(server.port());
    ChatConnection alice;
    alice.setReconnectDelay(50);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    alice.logIn(ServerAddress(u"127.0.0.1"_s, proxy.port()), u"alice"_s);
    QVERIFY(loggedIn.wait(5000));
    for (const QString &room : rooms)
        alice.createRoom(room);
    QTRY_COMPARE(alice.joinedRooms().names().size(), rooms.size() + 1);
    alice.switchRoom(rooms.first());
    QTRY_COMPARE(alice.room(), rooms.first());
    QStringList seen;
    connect(&alice, &ChatConnection::message, this,
            [&seen](const QDateTime &, const QString &, const QString &text) { seen << text; });
    QSignalSpy history(&alice, &ChatConnection::historyFollows);
    QStringList expected;
    {
        LineClient bob;
        QVERIFY(bob.connectTo(server.port()));
        bob.readLine();
        QVERIFY(bob.login(u"bob"_s));
        bob.send(u"set rooms many"_s);
        for (const QString &room : rooms) {
            bob.send(u"join "_s + room);
            expected << room + u" before the restart"_s;
            bob.send(u"say #%1 %2"_s.arg(room, expected.last()));
        }
        bob.sync();
    }
    QTRY_COMPARE(seen, expected);

    proxy.hold(); // alice waits at the door until bob has spoken
    QSignalSpy lost(&alice, &ChatConnection::connectionLost);
    QVERIFY(server.restart());
    QTRY_VERIFY(!lost.isEmpty());
    LineClient bob;
    QVERIFY(bob.connectTo(server.port()));
    bob.readLine();
    QVERIFY(bob.login(u"bob"_s));
    bob.send(u"set rooms many"_s);
    for (const QString &room : rooms) {
        bob.send(u"join "_s + room);
        for (const QString &line : {u"while you were away"_s, u"and more"_s}) {
            expected << u"%1 %2"_s.arg(room, line);
            bob.send(u"say #%1 %2"_s.arg(room, expected.last()));
        }
    }
    bob.sync();
    history.clear();
    proxy.release();

    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 2, 10000);
    QTRY_COMPARE(seen.size(), expected.size());
    for (const QString &room : rooms) {
        const auto inRoom = [&room](const QStringList &lines) {
            return lines.filter(QRegularExpression(u"^"_s + room + u" "_s));
        };
        QCOMPARE(inRoom(seen), inRoom(expected));
    }
    QVERIFY(!alice.resumed());
    QTRY_COMPARE(alice.joinedRooms().names().size(), rooms.size() + 1);
    QTRY_COMPARE(alice.room(), rooms.first()); // the room that was current is again
    QCOMPARE(history.size(), rooms.size());
    for (const QList<QVariant> &batch : history) {
        QCOMPARE(batch.at(1).toString(), u"gap"_s);
        QCOMPARE(batch.at(2).toInt(), 2);
    }
    bob.send(u"say #%1 live again"_s.arg(rooms.first()));
    QTRY_COMPARE(seen.size(), expected.size() + 1);
}

// Programs are in several rooms at once: the client does not ask for `rooms one`.
void TestChatConnection::isInSeveralRoomsAtOnce()
{
    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy entered(&alice, &ChatConnection::roomEntered);
    QSignalSpy left(&alice, &ChatConnection::roomLeft);
    QSignalSpy settings(&alice, &ChatConnection::settingsReceived);
    alice.sendLine(u"/set"_s);
    QVERIFY(settings.wait(5000));
    const QStringList pairs = settings.first().first().toStringList();
    QCOMPARE(pairs.value(pairs.indexOf(u"rooms"_s) + 1), u"many"_s);

    alice.createRoom(u"lab"_s);
    alice.createRoom(u"games"_s);
    QTRY_COMPARE(alice.joinedRooms().names(), (QStringList{u"hall"_s, u"lab"_s, u"games"_s}));
    QCOMPARE(entered.size(), 2);
    QCOMPARE(alice.room(), u"games"_s);
    alice.switchRoom(u"lab"_s);
    QCOMPARE(alice.room(), u"lab"_s);
    QSignalSpy topics(&alice, &ChatConnection::roomTopicChanged);
    alice.sendLine(u"/topic soldering"_s); // a command without #room goes to the current one
    QVERIFY(topics.wait(5000));
    QCOMPARE(topics.first().at(0).toString(), u"lab"_s);
    QCOMPARE(alice.topic(), u"soldering"_s);

    alice.leaveRoom(u"lab"_s);
    QTRY_COMPARE(left.size(), 1);
    QCOMPARE(alice.joinedRooms().names(), (QStringList{u"hall"_s, u"games"_s}));
    QCOMPARE(alice.room(), u"games"_s); // the last one entered of those left
}

void TestChatConnection::linesCarryTheirRoom()
{
    TestServer server;
    ChatConnection alice, bob;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QVERIFY(logIn(bob, server, u"bob"_s));
    alice.createRoom(u"lab"_s);
    QTRY_COMPARE(alice.room(), u"lab"_s);
    bob.joinRoom(u"lab"_s);
    QTRY_COMPARE(alice.users().size(), 2);
    QSignalSpy lines(&alice, &ChatConnection::lineReceived);
    bob.say(u"hall"_s, u"in the hall"_s);
    bob.act(u"lab"_s, u"solders"_s);
    bob.sendPrivate(u"alice"_s, u"psst"_s);
    QTRY_COMPARE(lines.size(), 3);
    alice.say(u"hall"_s, u"me too"_s);
    QTRY_COMPARE(lines.size(), 4);
    const auto line = [&lines](int i) { return lines.at(i).first().value<ChatLine>(); };
    QCOMPARE(line(0).room, u"hall"_s);
    QCOMPARE(line(0).text, u"in the hall"_s);
    QVERIFY(line(0).seq > 0 && line(0).id > 0);
    QCOMPARE(line(1).kind, ChatLine::Kind::Action);
    QCOMPARE(line(1).room, u"lab"_s);
    QCOMPARE(line(2).kind, ChatLine::Kind::Private);
    QCOMPARE(line(2).peer, u"bob"_s);
    QVERIFY(line(2).room.isEmpty());
    QVERIFY(line(3).own);
    QCOMPARE(line(3).room, u"hall"_s);
    // Notes are messages and private messages written as notes.
    bob.sendLine(u"/note #lab build 42 passed"_s);
    bob.sendLine(u"/note @alice your branch is green"_s);
    QTRY_COMPARE(lines.size(), 6);
    QCOMPARE(line(4).kind, ChatLine::Kind::Message);
    QCOMPARE(line(4).room, u"lab"_s);
    QCOMPARE(line(4).text, u"build 42 passed"_s);
    QVERIFY(line(4).note);
    QCOMPARE(line(5).kind, ChatLine::Kind::Private);
    QCOMPARE(line(5).peer, u"bob"_s);
    QVERIFY(line(5).note);
    QVERIFY(!line(0).note && !line(2).note);
}

// Entering a room brings its recent lines and where older ones start; older pages come on
// request until there are none.
void TestChatConnection::olderPagesComeOnRequest()
{
    TestServer::Options options;
    options.floodRate = 0;
    TestServer server(options);
    LineClient bob;
    QVERIFY(bob.connectTo(server.port()));
    bob.readLine();
    QVERIFY(bob.login(u"bob"_s));
    for (int i = 1; i <= 300; ++i)
        bob.send(u"line %1"_s.arg(i));
    bob.sync();

    ChatConnection alice;
    QSignalSpy batches(&alice, &ChatConnection::historyReceived);
    QVERIFY(logIn(alice, server, u"alice"_s));
    QTRY_COMPARE(batches.size(), 1);
    HistoryBatch join = batches.takeFirst().first().value<HistoryBatch>();
    QCOMPARE(join.reason, HistoryBatch::Reason::Join);
    QCOMPARE(join.room, u"hall"_s);
    QCOMPARE(join.lines.size(), 50);
    QCOMPARE(join.lines.first().text, u"line 251"_s);
    QCOMPARE(join.olderFrom, join.lines.first().seq);

    alice.requestOlder(u"hall"_s, {}, join.olderFrom);
    QTRY_COMPARE(batches.size(), 1);
    const HistoryBatch older = batches.takeFirst().first().value<HistoryBatch>();
    QCOMPARE(older.reason, HistoryBatch::Reason::Older);
    QCOMPARE(older.lines.size(), 200);
    QCOMPARE(older.lines.first().text, u"line 51"_s);
    QCOMPARE(older.lines.last().text, u"line 250"_s);

    alice.requestOlder(u"hall"_s, {}, older.olderFrom);
    QTRY_COMPARE(batches.size(), 1);
    const HistoryBatch last = batches.takeFirst().first().value<HistoryBatch>();
    QCOMPARE(last.lines.size(), 50);
    QCOMPARE(last.olderFrom, quint64(0)); // nothing before line 1
    // Older pages are not news: the position for a resume stays at the newest line.
    QCOMPARE(alice.lastSeq(u"hall"_s), join.lines.last().seq);
}

void TestChatConnection::moderationActsAreWorded_data()
{
    QTest::addColumn<QString>("act");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("you");
    QTest::addColumn<QString>("text");
    // A ban's detail is its seconds (0: for good), then the reason, as the server sends it.
    QTest::newRow("ban for good, with a reason")
        << u"ban"_s << u"0 spam"_s << false << u"alice banned bob from the room. Reason: spam"_s;
    QTest::newRow("ban for a while")
        << u"ban"_s << u"600"_s << false << u"alice banned bob from the room for 600 seconds."_s;
    QTest::newRow("ban of you") << u"ban"_s << u"0"_s << true
                                << u"alice banned you from the room."_s;
    QTest::newRow("ban of you for a while, with a reason")
        << u"ban"_s << u"60 calm down"_s << true
        << u"alice banned you from the room for 60 seconds. Reason: calm down"_s;
    QTest::newRow("unban") << u"unban"_s << QString() << false << u"alice lifted the ban on bob."_s;
    QTest::newRow("allow") << u"allow"_s << QString() << false
                           << u"alice lets bob into the room without an invitation."_s;
    QTest::newRow("disallow") << u"disallow"_s << QString() << false
                              << u"alice took back bob's entry without an invitation."_s;
    QTest::newRow("exempt") << u"exempt"_s << QString() << false
                            << u"alice lets bob into the room even when a ban catches them."_s;
    QTest::newRow("unexempt") << u"unexempt"_s << QString() << false
                              << u"alice took back bob's exemption from the room's bans."_s;
    QTest::newRow("invite") << u"invite"_s << QString() << false
                            << u"alice invited bob into the room."_s;
    QTest::newRow("invite of you")
        << u"invite"_s << QString() << true << u"alice invited you into the room."_s;
    QTest::newRow("close") << u"close"_s << u"spam room"_s << false
                           << u"alice closed the room: spam room"_s;
    QTest::newRow("an act this client does not know")
        << u"frobnicate"_s << QString() << false << u"alice acted on bob (frobnicate)."_s;
}

void TestChatConnection::moderationActsAreWorded()
{
    QFETCH(QString, act);
    QFETCH(QString, detail);
    QFETCH(bool, you);
    QFETCH(QString, text);
    QCOMPARE(NoticeText::moderation(u"alice"_s, act, u"bob"_s, detail, you), text);
}

namespace {

const MaskList &keptList(const Room &room, MaskListKind list)
{
    switch (list) {
    case MaskListKind::Allowed:
        return room.allowed();
    case MaskListKind::Exempted:
        return room.exempted();
    case MaskListKind::Bans:
        break;
    }
    return room.bans();
}

} // namespace

void TestChatConnection::maskListsAreListedAddedAndRemoved_data()
{
    QTest::addColumn<MaskListKind>("list");
    QTest::addColumn<QString>("typed"); // what the person types to see it
    QTest::addColumn<QString>("added"); // the act of the room's line about an addition
    QTest::addColumn<QString>("removed");
    QTest::newRow("bans") << MaskListKind::Bans << u"/bans"_s << u"ban"_s << u"unban"_s;
    QTest::newRow("allowed") << MaskListKind::Allowed << u"/allowed"_s << u"allow"_s
                             << u"disallow"_s;
    QTest::newRow("exempted") << MaskListKind::Exempted << u"/exempted"_s << u"exempt"_s
                              << u"unexempt"_s;
}

// Each list is asked for by the client (masksListed) or by the person (masksReceived), each
// named by its kind; a mask is added and taken off again, and one that is none is refused.
void TestChatConnection::maskListsAreListedAddedAndRemoved()
{
    QFETCH(MaskListKind, list);
    QFETCH(QString, typed);
    QFETCH(QString, added);
    QFETCH(QString, removed);
    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    alice.createRoom(u"lab"_s);
    QTRY_COMPARE(alice.room(), u"lab"_s);
    const Room *lab = server.server().processor().directory().room(u"lab"_s);
    QVERIFY(lab);
    QSignalSpy moderated(&alice, &ChatConnection::moderated);
    QSignalSpy answered(&alice, &ChatConnection::maskAnswered);
    QSignalSpy listed(&alice, &ChatConnection::masksListed);
    QSignalSpy received(&alice, &ChatConnection::masksReceived);

    const QString label = alice.addMask(u"lab"_s, list, u"account:bob"_s);
    QVERIFY(!label.isEmpty());
    QVERIFY(moderated.wait(5000));
    QCOMPARE(moderated.first().at(2).toString(), added);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.first(), (QVariantList{label, false}));
    QCOMPARE(keptList(*lab, list).all().size(), 1);
    const QString kept = keptList(*lab, list).all().first().mask.text();

    alice.askMasks(u"lab"_s, list);
    QVERIFY(listed.wait(5000));
    QCOMPARE(listed.first().at(0).toString(), u"lab"_s);
    QCOMPARE(listed.first().at(1).value<MaskListKind>(), list);
    QCOMPARE(listed.first().at(3).value<qsizetype>(), qsizetype(1));
    QCOMPARE(listed.first().at(4).toStringList().value(0), kept);
    QCOMPARE(received.size(), 0); // asked by the client: not the person's answer

    alice.sendLine(typed);
    QVERIFY(received.wait(5000));
    QCOMPARE(received.first().at(1).value<MaskListKind>(), list);
    QCOMPARE(received.first().at(4).toStringList().value(0), kept);
    QCOMPARE(listed.size(), 1);

    QSignalSpy failed(&alice, &ChatConnection::commandFailed);
    const QString refused = alice.addMask(u"lab"_s, list, u"10.0.0.0/99"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).value<ErrorCode>(), ErrorCode::BadMask);
    QCOMPARE(failed.first().at(1).toString(), added);
    QCOMPARE(answered.last(), (QVariantList{refused, true}));

    moderated.clear();
    alice.removeMask(u"lab"_s, list, kept);
    QVERIFY(moderated.wait(5000));
    QCOMPARE(moderated.first().at(2).toString(), removed);
    QVERIFY(keptList(*lab, list).isEmpty());
    alice.askMasks(u"lab"_s, list);
    QVERIFY(listed.wait(5000));
    QCOMPARE(listed.last().at(3).value<qsizetype>(), qsizetype(0));
}

void TestChatConnection::maskListsAreWorded_data()
{
    QTest::addColumn<MaskListKind>("list");
    QTest::addColumn<qsizetype>("first");
    QTest::addColumn<qsizetype>("total");
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QStringList>("lines");
    const QStringList ban = {u"10.0.0.0/8"_s, u"60"_s, u"alice"_s, u"flood"_s};
    const QStringList allowed = {u"bob"_s, QString(), u"alice"_s, QString()};
    const QStringList exempted = {u"account:carol"_s, QString(), u"alice"_s, QString()};
    QTest::newRow("no bans") << MaskListKind::Bans << qsizetype(0) << qsizetype(0) << QStringList()
                             << QStringList{u"Nobody is banned from lab."_s};
    QTest::newRow("a ban") << MaskListKind::Bans << qsizetype(0) << qsizetype(1) << ban
                           << QStringList{u"Banned from lab (1):"_s,
                                          u"10.0.0.0/8, by alice, 60 seconds left: flood"_s};
    QTest::newRow("nobody allowed")
        << MaskListKind::Allowed << qsizetype(0) << qsizetype(0) << QStringList()
        << QStringList{u"Nobody enters lab without an invitation."_s};
    QTest::newRow("one allowed") << MaskListKind::Allowed << qsizetype(0) << qsizetype(1) << allowed
                                 << QStringList{u"Let into lab without an invitation (1):"_s,
                                                u"bob, by alice"_s};
    QTest::newRow("nobody exempted")
        << MaskListKind::Exempted << qsizetype(0) << qsizetype(0) << QStringList()
        << QStringList{u"The bans of lab hold for everyone."_s};
    QTest::newRow("two exempted") << MaskListKind::Exempted << qsizetype(0) << qsizetype(2)
                                  << exempted + allowed
                                  << QStringList{u"Let into lab despite its bans (2):"_s,
                                                 u"account:carol, by alice"_s, u"bob, by alice"_s};
    QTest::newRow("a later piece: no heading")
        << MaskListKind::Exempted << qsizetype(1) << qsizetype(2) << allowed
        << QStringList{u"bob, by alice"_s};
    QTest::newRow("an entry cut short: dropped")
        << MaskListKind::Exempted << qsizetype(1) << qsizetype(2) << allowed.first(3)
        << QStringList();
}

// The answers to /bans, /allowed and /exempted, in the person's language.
void TestChatConnection::maskListsAreWorded()
{
    QFETCH(MaskListKind, list);
    QFETCH(qsizetype, first);
    QFETCH(qsizetype, total);
    QFETCH(QStringList, entries);
    QFETCH(QStringList, lines);
    QCOMPARE(NoticeText::masks(u"lab"_s, list, first, total, entries), lines);
}

QTEST_GUILESS_MAIN(TestChatConnection)
#include "tst_chatconnection.moc"
