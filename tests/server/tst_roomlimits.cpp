// SPDX-License-Identifier: MIT
// Rooms are bounded (docs/PROTOCOL.md, "How many rooms there are"): how many the server holds,
// how many one person makes a minute, and how long an empty room is kept. Time is a clock the
// test moves, so a minute or a day passes without a sleep.
#include "ManualClock.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "app/ServerOptions.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/User.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Day = 24 * 60 * 60;

// The answer to a create: the join of the new room, or the error.
Event created(LineClient &client, const QString &room)
{
    static int label = 0;
    const QString tag = u"c%1"_s.arg(++label);
    client.send(u"@%1 create %2"_s.arg(tag, room));
    for (const QString &line : client.sync()) {
        const Event event = TaggedCodec::parse(line);
        if (event.label == tag &&
            (event.kind == Event::Kind::Join || event.kind == Event::Kind::Error))
            return event;
    }
    return {};
}

QStringList roomNames(ServerFixture &f)
{
    QStringList names;
    for (const Room *room : f.server().processor().directory().rooms())
        names << room->name();
    return names;
}

} // namespace

class TestRoomLimits : public QObject
{
    Q_OBJECT

private slots:
    void options_data();
    void options();
    void maxRooms();
    void creationRate_data();
    void creationRate();
    void rateWindowSlides();
    void idleExpiry_data();
    void idleExpiry();
    void expiredRoomStaysGoneAfterRestart_data();
    void expiredRoomStaysGoneAfterRestart();
};

// Each limit has its option and its default (docs/SECURITY.md, rows 10b to 11).
void TestRoomLimits::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QList<int>>("values"); // max rooms, per minute, idle time, page size, masks
    QTest::addColumn<QString>("error");

    // clang-format off
    QTest::newRow("defaults") << QStringList() << QList<int>{1000, 5, 86400, 100, 100} << QString();
    QTest::newRow("each set") << QStringList{u"--max-rooms"_s, u"50"_s, u"--rooms-per-minute"_s, u"2"_s, u"--room-idle-time"_s, u"600"_s, u"--list-page-size"_s, u"20"_s, u"--max-room-masks"_s, u"10"_s}
                              << QList<int>{50, 2, 600, 20, 10} << QString();
    QTest::newRow("no rate, kept for ever") << QStringList{u"--rooms-per-minute"_s, u"0"_s, u"--room-idle-time"_s, u"0"_s}
                                            << QList<int>{1000, 0, 0, 100, 100} << QString();
    QTest::newRow("no room at all") << QStringList{u"--max-rooms"_s, u"0"_s} << QList<int>()
                                    << u"Invalid --max-rooms (1 to 1073741824): 0"_s;
    QTest::newRow("negative rate") << QStringList{u"--rooms-per-minute"_s, u"-1"_s} << QList<int>()
                                   << u"Invalid --rooms-per-minute (0 to 1073741824): -1"_s;
    QTest::newRow("idle time in words") << QStringList{u"--room-idle-time"_s, u"1d"_s} << QList<int>()
                                        << u"Invalid --room-idle-time (0 to 1073741824): 1d"_s;
    QTest::newRow("empty pages") << QStringList{u"--list-page-size"_s, u"0"_s} << QList<int>()
                                 << u"Invalid --list-page-size (1 to 100000): 0"_s;
    QTest::newRow("no mask at all") << QStringList{u"--max-room-masks"_s, u"0"_s} << QList<int>()
                                    << u"Invalid --max-room-masks (1 to 100000): 0"_s;
    // clang-format on
}

void TestRoomLimits::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(QList<int>, values);
    QFETCH(QString, error);
    const ServerOptions::Result result =
        ServerOptions::parse(QStringList{u"chat-server"_s} + arguments);
    QCOMPARE(result.error, error);
    if (!error.isEmpty())
        return;
    const ServerConfig &c = result.config;
    QCOMPARE((QList<int>{c.maxRooms, c.roomsPerMinute, c.roomIdleSeconds, c.listPageSize,
                         c.maxRoomMasks}),
             values);
}

// The hall counts; once the server is full nobody creates, until a room goes.
void TestRoomLimits::maxRooms()
{
    ServerConfig config;
    config.maxRooms = 3;
    config.roomsPerMinute = 0;
    config.roomIdleSeconds = 60;
    ManualClock clock;
    ServerFixture f(config, &clock);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    QCOMPARE(created(alice, u"one"_s).kind, Event::Kind::Join);
    QCOMPARE(created(bob, u"two"_s).kind, Event::Kind::Join);
    for (LineClient *client : {&alice, &bob}) {
        const Event full = created(*client, u"three"_s);
        QCOMPARE(full.code, ErrorCode::ServerRoomLimit);
        QCOMPARE(full.command, u"create"_s);
        QCOMPARE(full.subject, u"3"_s);
    }
    QCOMPARE(roomNames(f), (QStringList{u"hall"_s, u"one"_s, u"two"_s}));
    // alice leaves "one" for "two"; a minute later "one" goes and there is room again.
    alice.send(u"join two"_s);
    alice.send(u"leave one"_s);
    alice.sync();
    clock.advanceSeconds(60);
    QCOMPARE(f.server().processor().roomExpiry().sweep(), 1);
    QCOMPARE(created(alice, u"three"_s).kind, Event::Kind::Join);
}

void TestRoomLimits::creationRate_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("codes"); // per create: 0 made, otherwise the error

    const int tooFast = int(ErrorCode::TryAgain);
    const int badName = int(ErrorCode::BadRoomName);
    const int exists = int(ErrorCode::RoomExists);
    // clang-format off
    QTest::newRow("five a minute, the sixth waits")
        << 5 << QStringList{u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s, u"r5"_s, u"r6"_s} << QList<int>{0, 0, 0, 0, 0, tooFast};
    QTest::newRow("one a minute") << 1 << QStringList{u"r1"_s, u"r2"_s} << QList<int>{0, tooFast};
    QTest::newRow("no limit") << 0 << QStringList{u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s, u"r5"_s, u"r6"_s, u"r7"_s}
                              << QList<int>{0, 0, 0, 0, 0, 0, 0};
    QTest::newRow("refused names do not count")
        << 2 << QStringList{u"bad name"_s, u"-x"_s, u"hall"_s, u"r1"_s, u"r2"_s, u"r3"_s}
        << QList<int>{badName, badName, exists, 0, 0, tooFast};
    // clang-format on
}

void TestRoomLimits::creationRate()
{
    QFETCH(int, rate);
    QFETCH(QStringList, names);
    QFETCH(QList<int>, codes);
    ServerConfig config;
    config.roomsPerMinute = rate;
    config.floodRate = 0;
    ManualClock clock;
    ServerFixture f(config, &clock);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    for (qsizetype i = 0; i < names.size(); ++i) {
        const Event answer = created(alice, names[i]);
        QCOMPARE(int(answer.code), codes[i]);
        if (answer.code == ErrorCode::TryAgain)
            QCOMPARE(answer.subject, u"60"_s); // the clock stood still: a whole minute
    }
    // Someone else is not held back by alice.
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    QCOMPARE(created(bob, u"bobs"_s).kind, Event::Kind::Join);
}

// The minute is the last sixty seconds: each room made lets one more in when it leaves them.
void TestRoomLimits::rateWindowSlides()
{
    ServerConfig config;
    config.roomsPerMinute = 2;
    ManualClock clock;
    ServerFixture f(config, &clock);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QCOMPARE(created(alice, u"a"_s).kind, Event::Kind::Join);
    clock.advanceSeconds(20);
    QCOMPARE(created(alice, u"b"_s).kind, Event::Kind::Join);
    clock.advanceSeconds(30);
    Event wait = created(alice, u"c"_s);
    QCOMPARE(wait.code, ErrorCode::TryAgain);
    QCOMPARE(wait.subject, u"10"_s); // "a" leaves the minute in 10 s
    clock.advance(9500);
    wait = created(alice, u"c"_s);
    QCOMPARE(wait.subject, u"1"_s); // rounded up: never "0 seconds"
    clock.advance(500);
    QCOMPARE(created(alice, u"c"_s).kind, Event::Kind::Join);
    QCOMPARE(created(alice, u"d"_s).code, ErrorCode::TryAgain);
    clock.advanceSeconds(20); // "b" leaves too
    QCOMPARE(created(alice, u"d"_s).kind, Event::Kind::Join);
}

void TestRoomLimits::idleExpiry_data()
{
    QTest::addColumn<QString>("scene");
    QTest::addColumn<int>("idleSeconds");
    QTest::addColumn<int>("waitSeconds");
    QTest::addColumn<bool>("gone");

    // clang-format off
    QTest::newRow("empty for the idle time") << u"left"_s << Day << Day << true;
    QTest::newRow("empty for a second less") << u"left"_s << Day << Day - 1 << false;
    QTest::newRow("someone inside") << u"inside"_s << Day << 3 * Day << false;
    QTest::newRow("someone held for a resume") << u"held"_s << 60 << 59 << false;
    QTest::newRow("emptied again: counted from then") << u"came back"_s << Day << Day * 3 / 4 << false;
    QTest::newRow("emptied again, and idle since") << u"came back"_s << Day << Day << true;
    QTest::newRow("idle time 0: kept for ever") << u"left"_s << 0 << 100 * Day << false;
    // clang-format on
}

void TestRoomLimits::idleExpiry()
{
    QFETCH(QString, scene);
    QFETCH(int, idleSeconds);
    QFETCH(int, waitSeconds);
    QFETCH(bool, gone);
    ServerConfig config;
    config.roomIdleSeconds = idleSeconds;
    config.resumeGraceSeconds = 600;
    ManualClock clock;
    ServerFixture f(config, &clock);
    RoomExpiry &expiry = f.server().processor().roomExpiry();
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    QCOMPARE(created(alice, u"games"_s).kind, Event::Kind::Join);
    if (scene == u"left"_s) {
        alice.send(u"leave games"_s);
    } else if (scene == u"held"_s) {
        alice.abort(); // her place is held, in games too
        QTRY_VERIFY(f.server().processor().directory().user(u"alice"_s)->isReconnecting());
    } else if (scene == u"came back"_s) {
        alice.send(u"leave games"_s);
        alice.sync();
        clock.advanceSeconds(idleSeconds / 2); // not long enough
        QCOMPARE(expiry.sweep(), 0);
        bob.send(u"join games"_s);
        bob.send(u"leave games"_s);
    }
    if (alice.isConnected())
        alice.sync();
    bob.sync();
    clock.advanceSeconds(waitSeconds);
    QCOMPARE(expiry.sweep(), gone ? 1 : 0);
    QCOMPARE(roomNames(f).contains(u"games"_s), !gone);
    // The hall never goes, however long it is empty.
    clock.advanceSeconds(1000 * Day);
    alice.abort();
    bob.abort();
    expiry.sweep();
    QVERIFY(roomNames(f).contains(u"hall"_s));
}

void TestRoomLimits::expiredRoomStaysGoneAfterRestart_data()
{
    QTest::addColumn<QString>("database");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("memory") << u"memory"_s;
}

// An expired room is deleted from the store with its lines: not back after a restart, and a
// room made later with its name starts with no history and numbers from 1.
void TestRoomLimits::expiredRoomStaysGoneAfterRestart()
{
    QFETCH(QString, database);
    ServerConfig config;
    config.database = database;
    config.roomIdleSeconds = 3600;
    config.historyOnJoin = 10;
    ManualClock clock;
    ServerFixture f(config, &clock);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QCOMPARE(created(alice, u"games"_s).kind, Event::Kind::Join);
    QCOMPARE(created(alice, u"chess"_s).kind, Event::Kind::Join);
    alice.send(u"say #games secret plans"_s);
    alice.send(u"say #chess e4"_s);
    alice.send(u"leave games"_s);
    alice.sync();
    clock.advanceSeconds(3600);
    QCOMPARE(f.server().processor().roomExpiry().sweep(), 1);
    QCOMPARE(roomNames(f), (QStringList{u"hall"_s, u"chess"_s}));
    // The store deletes it in order with the other writes: after a barrier it is done.
    alice.send(u"say #chess after"_s);
    alice.sync();

    QVERIFY(f.restart());
    const QStringList expected =
        database == u"sqlite"_s ? QStringList{u"hall"_s, u"chess"_s} : QStringList{u"hall"_s};
    QCOMPARE(roomNames(f), expected);
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    const Event made = created(carol, u"Games"_s);
    QCOMPARE(made.kind, Event::Kind::Join);
    carol.send(u"@h history Games"_s);
    const QStringList page = carol.sync();
    QCOMPARE(page.size(), 2); // an empty page: its start and its end
    QCOMPARE(TaggedCodec::parse(page.first()).count, 0);
    carol.send(u"@s say #Games hello"_s);
    const Event said = carol.readEvent();
    QCOMPARE(said.kind, Event::Kind::Message);
    QCOMPARE(said.seq, 1u);
}

QTEST_GUILESS_MAIN(TestRoomLimits)
#include "tst_roomlimits.moc"
