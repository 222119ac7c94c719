// SPDX-License-Identifier: MIT
// Long replies never disconnect a reader who reads (issue 15): list with 20,000 rooms and who
// with thousands of long names, under an output cap lowered far below their size, to readers
// with a small receive window. The rooms and people are put in the Directory directly: what is
// tested is the reply, not how fast 20,000 sockets log in. A reader that stops reading is still
// dropped by the cap. (The history page of 1000 long lines is tst_history's longPageToAReader.)
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "core/Directory.h"
#include "core/Room.h"
#include "core/User.h"

#include <QSet>
#include <QTest>

#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr int Rooms = 20000; // the hall and 19,999 more
constexpr int People = 3000;
constexpr qsizetype Cap = 16 * 1024;

QString roomName(int i)
{
    return u"room%1"_s.arg(i, 5, 10, QChar(u'0'));
}

// 24 characters of four bytes each: as long as a nickname gets.
QString longNick(int i)
{
    QString nick;
    for (int digit = 0; digit < 24; ++digit) {
        const int value = digit < 6 ? (i >> (digit * 3)) & 7 : digit;
        nick += QString::fromUcs4(
            std::array<char32_t, 1>{char32_t(0x20000 + value * 37 + digit)}.data(), 1);
    }
    return nick;
}

// Everything of one tagged reply, up to its listingend; the items in order.
struct Listed
{
    Event start;
    Event end;
    QStringList items; // every field of every item
    int pieces = 0;
    bool complete = false;
};

Listed readListing(LineClient &client, const QString &label)
{
    Listed listed;
    for (;;) {
        const Event event = client.readEvent();
        if (!event.isValid() || event.label != label)
            return listed;
        if (event.kind == Event::Kind::ListingStart) {
            listed.start = event;
        } else if (event.kind == Event::Kind::ListingEnd) {
            listed.end = event;
            listed.complete = true;
            return listed;
        } else {
            listed.items += event.list;
            ++listed.pieces;
        }
    }
}

ServerConfig lowCap()
{
    ServerConfig config;
    config.maxOutputBytes = Cap;
    config.floodRate = 0;
    config.maxRooms = Rooms + 10;
    config.presenceLimit = 5000;
    return config;
}

} // namespace

class TestBigLists : public QObject
{
    Q_OBJECT

private slots:
    void listOfTwentyThousandRooms();
    void listPagesForPeople();
    void whoOfThousandsOfLongNames();
    void lookAtACrowdedRoom();
    void readerWhoStopsIsDropped_data();
    void readerWhoStopsIsDropped();

private:
    // topics: each room gets one of 300 Chinese characters (900 bytes), so that a list is
    // far more than the kernel's buffers hold (20 MB).
    void addRooms(ServerFixture &f, bool topics = false);
    void addPeople(ServerFixture &f, int count);
};

void TestBigLists::addRooms(ServerFixture &f, bool topics)
{
    Directory &directory = f.server().processor().directory();
    const QString topic(300, QChar(0x8bdd));
    for (int i = 1; i < Rooms; ++i) {
        Room *room = directory.addRoom(directory.nextRoomId(), roomName(i));
        if (topics)
            room->setTopic(topic, u"someone"_s, QDateTime::currentDateTimeUtc());
    }
    QCOMPARE(directory.roomCount(), qsizetype(Rooms));
}

void TestBigLists::addPeople(ServerFixture &f, int count)
{
    Directory &directory = f.server().processor().directory();
    QList<Room *> rooms;
    for (int i = 0; i < 3; ++i) {
        rooms << directory.addRoom(directory.nextRoomId(),
                                   u"long-room-name-of-32-characters"_s + QString::number(i));
    }
    for (int i = 0; i < count; ++i) {
        auto *user = new User(longNick(i), quint64(1'000'000 + i), &directory);
        directory.claimNick(user->nick(), user);
        for (Room *room : std::as_const(rooms))
            room->enter(user);
    }
}

// A program gets all 20,000 rooms, in order, in lines its client can take, at its own pace:
// never dropped, and what is said meanwhile comes after the list.
void TestBigLists::listOfTwentyThousandRooms()
{
    ServerFixture f(lowCap());
    addRooms(f);
    LineClient &writer = f.loggedIn(u"writer"_s);
    LineClient reader;
    QVERIFY(reader.connectWithSmallWindow(f.port()));
    QVERIFY(reader.useTagged());
    reader.send(u"login reader"_s);
    reader.sync();
    writer.sync();

    reader.send(u"@all list"_s);
    // The list is under way: what is said now waits for its end.
    for (int i = 1; i <= 20; ++i)
        writer.send(u"meanwhile %1"_s.arg(i));
    writer.sync();
    const Listed listed = readListing(reader, u"all"_s);
    QVERIFY2(listed.complete, "the reader was dropped, or the list never ended");
    QCOMPARE(listed.start.subject, u"rooms"_s);
    QCOMPARE(listed.start.count, qint64(Rooms));
    QCOMPARE(listed.end.count, qint64(Rooms));
    QCOMPARE(listed.end.id, 0u);
    QCOMPARE(listed.items.size(), qsizetype(Rooms) * 3);
    QCOMPARE(listed.items.first(), u"hall"_s);
    for (int i = 1; i < Rooms; ++i)
        QCOMPARE(listed.items.at(i * 3), roomName(i));
    QVERIFY2(listed.pieces >= Rooms / 100, qPrintable(QString::number(listed.pieces)));
    for (int i = 1; i <= 20; ++i) {
        const Event line = reader.readEvent();
        QCOMPARE(line.kind, Event::Kind::Message);
        QCOMPARE(line.text, u"meanwhile %1"_s.arg(i));
    }
    QCOMPARE(reader.sync(), QStringList());
    QVERIFY(reader.isConnected());
}

// People on telnet read a page at a time, and find rooms by a piece of their name.
void TestBigLists::listPagesForPeople()
{
    ServerFixture f(lowCap());
    addRooms(f);
    LineClient &person = f.loggedIn(u"person"_s);
    person.send(u"list"_s);
    QStringList page = person.sync();
    QCOMPARE(page.size(), 102);
    QCOMPARE(page.first(), u"Rooms (20000):"_s);
    QCOMPARE(page.at(1), u"  hall (1 user)"_s);
    QCOMPARE(page.at(100), u"  room00099 (0 users)"_s);
    QCOMPARE(page.last(), u"--- 19900 more: /list 2 ---"_s);
    person.send(u"/list 200"_s);
    page = person.sync();
    QCOMPARE(page.size(), 101);
    QCOMPARE(page.first(), u"Rooms (20000), page 200:"_s);
    QCOMPARE(page.last(), u"  room19999 (0 users)"_s);
    person.send(u"/list 201"_s);
    QCOMPARE(person.sync(), QStringList{u"Rooms (20000), page 201:"_s});
    person.send(u"/list 1999"_s); // a number alone is a page
    QCOMPARE(person.sync(), QStringList{u"Rooms (20000), page 1999:"_s});
    person.send(u"/list #1999"_s);
    page = person.sync();
    QCOMPARE(page.size(), 13);
    QCOMPARE(page.first(), u"Rooms matching 1999 (12):"_s);
    QCOMPARE(page.at(1), u"  room01999 (0 users)"_s);
    QCOMPARE(page.at(2), u"  room11999 (0 users)"_s);
    QCOMPARE(page.last(), u"  room19999 (0 users)"_s);
    person.send(u"/list *9?9 2"_s);
    page = person.sync();
    QCOMPARE(page.first(), u"Rooms matching *9?9 (200), page 2:"_s);
    QCOMPARE(page.size(), 101);
    person.send(u"/list x 0"_s);
    QCOMPARE(person.sync(), QStringList{u"Error: Usage: list [filter] [page]"_s});
    person.send(u"/list "_s + QString(65, u'x'));
    QCOMPARE(person.sync(), QStringList{u"Error: Usage: list [filter] [page]"_s});
    QVERIFY(person.isConnected());
}

// who of thousands of people with the longest names in three long-named rooms: about 1.5 MB,
// a hundred times the cap, to a reader with a small window.
void TestBigLists::whoOfThousandsOfLongNames()
{
    ServerFixture f(lowCap());
    addPeople(f, People);
    LineClient reader;
    QVERIFY(reader.connectWithSmallWindow(f.port()));
    QVERIFY(reader.useTagged());
    reader.send(u"login reader"_s);
    reader.sync();
    reader.send(u"@w who"_s);
    const Listed listed = readListing(reader, u"w"_s);
    QVERIFY2(listed.complete, "the reader was dropped, or the list never ended");
    QCOMPARE(listed.start.count, qint64(People + 1));
    QCOMPARE(listed.items.size(), qsizetype(People + 1) * 3);
    QSet<QString> nicks;
    for (qsizetype i = 0; i < listed.items.size(); i += 3)
        nicks.insert(listed.items.at(i));
    QCOMPARE(nicks.size(), People + 1);
    QVERIFY(nicks.contains(longNick(People - 1)));
    // Each line stays well within a client's line limit.
    QVERIFY(listed.pieces > People / 100);
    QVERIFY(reader.isConnected());

    // A filter finds one person among them all.
    reader.send(u"@f who "_s + longNick(1234));
    const Listed one = readListing(reader, u"f"_s);
    QCOMPARE(one.start.count, 1);
    QCOMPARE(one.items.value(0), longNick(1234));
}

// look names the first presence-limit members of a crowded room: a single line far beyond
// the cap, still written at the reader's pace.
void TestBigLists::lookAtACrowdedRoom()
{
    ServerFixture f(lowCap());
    addPeople(f, People);
    LineClient reader;
    QVERIFY(reader.connectWithSmallWindow(f.port()));
    QVERIFY(reader.useTagged());
    reader.send(u"login reader"_s);
    reader.send(u"join long-room-name-of-32-characters0"_s);
    reader.sync();
    reader.send(u"@l look"_s);
    const Event users = reader.readEvent();
    QCOMPARE(users.kind, Event::Kind::Users);
    QCOMPARE(users.userCount(), People + 1);
    QCOMPARE(users.list.size(), qsizetype(People + 1) * 2);
    QVERIFY(reader.isConnected());
}

void TestBigLists::readerWhoStopsIsDropped_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("times");
    QTest::newRow("one list, while people come and go") << u"list"_s << 1;
    QTest::newRow("list after list") << u"list"_s << 400;
    QTest::newRow("who after who") << u"who"_s << 400;
    QTest::newRow("look after look") << u"look #long-room-name-of-32-characters0"_s << 400;
}

// The cap still drops a reader who does not read: while its list waits, what it is sent
// meanwhile piles up; and replies it asks for without reading count too.
void TestBigLists::readerWhoStopsIsDropped()
{
    QFETCH(QString, command);
    QFETCH(int, times);
    ServerFixture f(lowCap());
    addRooms(f, true);
    addPeople(f, People);
    LineClient &writer = f.loggedIn(u"writer"_s);
    LineClient deaf;
    QVERIFY(deaf.connectWithSmallWindow(f.port()));
    QVERIFY(deaf.useTagged());
    deaf.send(u"login deaf"_s);
    deaf.send(u"join long-room-name-of-32-characters0"_s);
    deaf.sync();
    writer.sync();
    // From now on deaf reads nothing.
    QByteArray lines;
    for (int i = 0; i < times; ++i)
        lines += command.toUtf8() + "\r\n";
    deaf.sendRaw(lines);
    // Arrivals and departures are not in the store: they wait for deaf within its cap.
    bool dropped = false;
    for (int round = 0; round < 500 && !dropped; ++round) {
        writer.send(u"join room00001"_s);
        writer.send(u"join hall"_s);
        dropped = f.server().sessionCount() < 2;
        writer.sync();
    }
    QTRY_COMPARE(f.server().sessionCount(), 1);
    writer.send(u"still here"_s);
    QCOMPARE(writer.sync(), QStringList{u"writer: still here"_s});
}

QTEST_GUILESS_MAIN(TestBigLists)
#include "tst_biglists.moc"
