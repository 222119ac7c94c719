// SPDX-License-Identifier: MIT
#include "Backoff.h"
#include "InputHistory.h"
#include "JoinedRooms.h"
#include "RoomState.h"
#include "ServerAddress.h"
#include "UserListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestClientCore : public QObject
{
    Q_OBJECT

private slots:
    void parseAddress_data();
    void parseAddress();
    void historyRecallsWhatWasSent();
    void backoffDoublesUpToTheCeiling();
    void userListSortsAndUpdatesRows();
    void roomStateFollowsEvents();
    void joinedRoomsFollowTheServersCurrentRoom();
};

void TestClientCore::parseAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<ServerAddress::Problem>("problem");

    using P = ServerAddress::Problem;
    QTest::newRow("host and port") << u"localhost:5005"_s << u"localhost"_s << 5005 << P::None;
    QTest::newRow("host only") << u"example.org"_s << u"example.org"_s << 5005 << P::None;
    QTest::newRow("spaces") << u"  chat.lan:7000 "_s << u"chat.lan"_s << 7000 << P::None;
    QTest::newRow("ipv6 bracketed") << u"[::1]:5005"_s << u"::1"_s << 5005 << P::None;
    QTest::newRow("ipv6 bare") << u"::1"_s << u"::1"_s << 5005 << P::None;
    QTest::newRow("ipv6 no port") << u"[fe80::1]"_s << u"fe80::1"_s << 5005 << P::None;
    QTest::newRow("empty") << u""_s << QString() << 0 << P::EmptyHost;
    QTest::newRow("port only") << u":5005"_s << QString() << 0 << P::EmptyHost;
    QTest::newRow("empty brackets") << u"[]:5005"_s << QString() << 0 << P::EmptyHost;
    QTest::newRow("port too big") << u"localhost:70000"_s << u"localhost"_s << 0 << P::BadPort;
    QTest::newRow("port zero") << u"localhost:0"_s << u"localhost"_s << 0 << P::BadPort;
    QTest::newRow("port letters") << u"localhost:abc"_s << u"localhost"_s << 0 << P::BadPort;
    QTest::newRow("colon, no port") << u"localhost:"_s << u"localhost"_s << 0 << P::BadPort;
    QTest::newRow("junk after ]") << u"[::1]x"_s << u"::1"_s << 0 << P::BadPort;
}

void TestClientCore::parseAddress()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(ServerAddress::Problem, problem);

    const ServerAddress address = ServerAddress::parse(text);
    QCOMPARE(address.problem(), problem);
    QCOMPARE(address.host(), host);
    QCOMPARE(address.port(), port);
    if (address.isValid())
        QCOMPARE(ServerAddress::parse(address.toString()), address);
}

void TestClientCore::historyRecallsWhatWasSent()
{
    InputHistory history;
    history.add(u"one"_s);
    history.add(u"two"_s);
    history.add(u"two"_s); // repeats are kept once
    QCOMPARE(history.size(), 2);

    QCOMPARE(history.previous(u"draft"_s), u"two"_s);
    QCOMPARE(history.previous(u"two"_s), u"one"_s);
    QCOMPARE(history.previous(u"one"_s), u"one"_s); // the oldest stays
    QCOMPARE(history.next(u"one"_s), u"two"_s);
    QCOMPARE(history.next(u"two"_s), u"draft"_s); // the line being typed comes back
    QCOMPARE(history.next(u"draft"_s), u"draft"_s);
}

void TestClientCore::backoffDoublesUpToTheCeiling()
{
    Backoff backoff(1000, 5000);
    QList<int> delays;
    for (int i = 0; i < 5; ++i)
        delays << backoff.nextDelay();
    QCOMPARE(delays, (QList<int>{1000, 2000, 4000, 5000, 5000}));
    backoff.reset();
    QCOMPARE(backoff.nextDelay(), 1000);
}

void TestClientCore::userListSortsAndUpdatesRows()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.setUsers({u"carol"_s, u"Alice"_s, u"bob"_s});
    QCOMPARE(model.users(), (QStringList{u"Alice"_s, u"bob"_s, u"carol"_s}));
    inserted.clear();

    model.setUsers({u"carol"_s, u"Alice"_s, u"bob"_s, u"dave"_s});
    QCOMPARE(inserted.size(), 1); // only the newcomer's row
    model.setUsers({u"carol"_s, u"dave"_s});
    QCOMPARE(removed.size(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data().toString(), u"carol"_s);
}

void TestClientCore::roomStateFollowsEvents()
{
    RoomState state(u"hall"_s);
    QSignalSpy users(&state, &RoomState::usersChanged);
    state.apply(Event::join(u"hall"_s, u"alice"_s), true);
    state.apply(Event::topic(u"hall"_s, u"bob"_s, u"welcome"_s), false);
    state.apply(Event::users(u"hall"_s, 2, {u"alice"_s, QString(), u"bob"_s, QString()}), false);
    QCOMPARE(state.topic(), u"welcome"_s);
    state.apply(Event::join(u"hall"_s, u"carol"_s), false);
    state.apply(Event::join(u"lab"_s, u"dave"_s), false); // another room: not ours to track
    state.apply(Event::nickChange(u"BOB"_s, u"robert"_s), false);
    state.apply(Event::leave(u"Hall"_s, u"carol"_s, u"quit"_s), false);
    QCOMPARE(state.users(), (QStringList{u"alice"_s, u"robert"_s}));
    QCOMPARE(state.userCount(), 2);
    QCOMPARE(users.size(), 4);

    // Going away and coming back change the flag, as a dropped connection does its own.
    state.apply(Event::presence(u"hall"_s, u"robert"_s, u"away"_s, u"lunch"_s), false);
    QVERIFY(state.flags(u"robert"_s).away);
    state.apply(Event::presence(u"hall"_s, u"robert"_s, u"reconnecting"_s), false);
    QVERIFY(state.flags(u"robert"_s).away && state.flags(u"robert"_s).reconnecting);
    state.apply(Event::presence(u"hall"_s, u"robert"_s, u"here"_s), false);
    state.apply(Event::presence(u"hall"_s, u"robert"_s, u"back"_s), false);
    QVERIFY(!state.flags(u"robert"_s).away && !state.flags(u"robert"_s).reconnecting);

    // A crowded room: the server names some, counts all, and announces no one.
    QSignalSpy count(&state, &RoomState::userCountChanged);
    state.apply(Event::users(u"hall"_s, 1200,
                             {u"alice"_s, QString(), u"robert"_s, QString(), u"zoe"_s, QString()}),
                false);
    QCOMPARE(state.userCount(), 1200);
    QCOMPARE(state.users().size(), 3);
    QCOMPARE(count.size(), 1);
}

void TestClientCore::joinedRoomsFollowTheServersCurrentRoom()
{
    JoinedRooms rooms;
    QSignalSpy entered(&rooms, &JoinedRooms::entered);
    QSignalSpy left(&rooms, &JoinedRooms::left);
    QSignalSpy users(&rooms, &JoinedRooms::usersChanged);
    rooms.apply(Event::join(u"hall"_s, u"alice"_s), true);
    rooms.apply(Event::users(u"hall"_s, 1, {u"alice"_s, QString()}), false);
    rooms.apply(Event::join(u"lab"_s, u"alice"_s), true);
    rooms.apply(Event::topic(u"lab"_s, u"bob"_s, u"solder"_s), false);
    rooms.apply(Event::join(u"games"_s, u"alice"_s), true);
    QCOMPARE(rooms.names(), (QStringList{u"hall"_s, u"lab"_s, u"games"_s}));
    QCOMPARE(rooms.current(), u"games"_s); // the room entered last
    QCOMPARE(rooms.room(u"LAB"_s)->topic(), u"solder"_s);
    QCOMPARE(users.first().at(0).toString(), u"hall"_s);

    rooms.setCurrent(u"hall"_s); // switch
    QCOMPARE(rooms.current(), u"hall"_s);
    rooms.apply(Event::join(u"lab"_s, u"alice"_s), true); // a resume: nothing new
    QCOMPARE(entered.size(), 3);
    QCOMPARE(rooms.current(), u"lab"_s);

    rooms.apply(Event::leave(u"lab"_s, u"alice"_s, u"part"_s), true);
    QCOMPARE(left.size(), 1);
    QCOMPARE(rooms.current(), u"games"_s); // the last one entered of those left
    QVERIFY(!rooms.contains(u"lab"_s));
    QVERIFY(!rooms.room(u"lab"_s));
    rooms.clear();
    QCOMPARE(left.size(), 3);
    QVERIFY(rooms.current().isEmpty());
}

QTEST_GUILESS_MAIN(TestClientCore)
#include "tst_clientcore.moc"
