// SPDX-License-Identifier: MIT
// HeldOutput: what a session holds while history goes first, and what it lets go to the store.
#include "session/HeldOutput.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Origin = HeldOutput::Origin;

// One step: bytes of a size, from a room line (room, seq), a private message (id) or neither.
struct Step
{
    int size;
    Origin origin;
};

Q_DECLARE_METATYPE(QList<Step>)

class TestHeldOutput : public QObject
{
    Q_OBJECT

private slots:
    void hold_data();
    void hold();
    void takenCountsUntilReleased();
    void caughtUpRoomsStayCaughtUp();
};

void TestHeldOutput::hold_data()
{
    QTest::addColumn<qint64>("budget");
    QTest::addColumn<qint64>("queued");
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<QList<int>>("kept");       // sizes still held, in order
    QTest::addColumn<QList<qint64>>("catchUp"); // room id, first seq, … then 0, private id

    const Origin none{};
    QTest::newRow("within the budget")
        << qint64(100) << qint64(0) << QList<Step>{{30, {1, 1, 0}}, {30, none}} << true
        << QList<int>{30, 30} << QList<qint64>{0, 0};
    QTest::newRow("exactly the budget")
        << qint64(60) << qint64(0) << QList<Step>{{30, {1, 1, 0}}, {30, none}} << true
        << QList<int>{30, 30} << QList<qint64>{0, 0};
    QTest::newRow("over: room lines let go, the rest kept")
        << qint64(60) << qint64(0)
        << QList<Step>{{20, {1, 5, 0}}, {10, none}, {20, {1, 6, 0}}, {20, {2, 9, 0}}} << true
        << QList<int>{10} << QList<qint64>{1, 5, 2, 9, 0, 0};
    // A departure or a moderation act reaches the room's members with the room's id but no
    // sequence number: the store cannot give it back, so it is held, even once the room's lines
    // are let go, and it does not move where the catch-up starts.
    QTest::newRow("over: a room's event that is no stored line is kept")
        << qint64(60) << qint64(0)
        << QList<Step>{{20, {1, 5, 0}}, {10, {1, 0, 0}}, {40, none}, {5, {1, 0, 0}}} << true
        << QList<int>{10, 40, 5} << QList<qint64>{1, 5, 0, 0};
    QTest::newRow("over: private messages let go from the first")
        << qint64(50) << qint64(0) << QList<Step>{{20, {0, 0, 40}}, {20, {0, 0, 41}}, {20, none}}
        << true << QList<int>{20} << QList<qint64>{0, 40};
    QTest::newRow("over even without lines: the reader does not read")
        << qint64(50) << qint64(0) << QList<Step>{{20, {1, 1, 0}}, {40, none}, {20, none}} << false
        << QList<int>{40, 20} << QList<qint64>{1, 1, 0, 0};
    QTest::newRow("the connection's queue counts")
        << qint64(50) << qint64(40) << QList<Step>{{20, none}} << false << QList<int>{20}
        << QList<qint64>{0, 0};
    QTest::newRow("nothing held") << qint64(50) << qint64(0) << QList<Step>{} << true
                                  << QList<int>{} << QList<qint64>{0, 0};
}

void TestHeldOutput::hold()
{
    QFETCH(qint64, budget);
    QFETCH(qint64, queued);
    QFETCH(QList<Step>, steps);
    QFETCH(bool, fits);
    QFETCH(QList<int>, kept);
    QFETCH(QList<qint64>, catchUp);

    HeldOutput held(budget);
    bool allFit = true;
    for (const Step &step : steps)
        allFit = held.hold(QByteArray(step.size, 'x'), step.origin, queued) && allFit;
    QCOMPARE(allFit, fits);

    const HeldOutput::CatchUp missed = held.takeCatchUp();
    QList<qint64> rooms;
    for (auto it = missed.rooms.cbegin(); it != missed.rooms.cend(); ++it)
        rooms << it.key() << qint64(it.value());
    QList<qint64> expectedRooms = catchUp.first(catchUp.size() - 2);
    // Rooms in id order, so that the hash's order does not matter.
    QList<std::pair<qint64, qint64>> sorted;
    for (qsizetype i = 0; i + 1 < rooms.size(); i += 2)
        sorted.append({rooms[i], rooms[i + 1]});
    std::sort(sorted.begin(), sorted.end());
    rooms.clear();
    for (const auto &[room, seq] : sorted)
        rooms << room << seq;
    QCOMPARE(rooms, expectedRooms);
    QCOMPARE(qint64(missed.privateFrom), catchUp.last());

    QList<int> sizes;
    for (const QByteArray &bytes : held.take())
        sizes << int(bytes.size());
    QCOMPARE(sizes, kept);
}

// What was handed over still counts until it is written: the budget covers it.
void TestHeldOutput::takenCountsUntilReleased()
{
    HeldOutput held(100);
    QVERIFY(held.hold(QByteArray(60, 'a'), {}, 0));
    const QList<QByteArray> taken = held.take();
    QCOMPARE(taken.size(), 1);
    QVERIFY(!held.hold(QByteArray(60, 'b'), {}, 0));
    held.clear();
    QVERIFY(held.hold(QByteArray(60, 'a'), {}, 0));
    held.take();
    held.released(60);
    QVERIFY(held.hold(QByteArray(60, 'b'), {}, 0));
}

// Once a room's lines are let go, its later lines are let go too (they come from the store in
// order), while other rooms' lines are held as long as they fit.
void TestHeldOutput::caughtUpRoomsStayCaughtUp()
{
    HeldOutput held(50);
    QVERIFY(held.hold(QByteArray(30, 'a'), {1, 1, 0}, 0));
    QVERIFY(held.hold(QByteArray(30, 'b'), {1, 2, 0}, 0)); // over: room 1 from seq 1
    QVERIFY(held.hold(QByteArray(30, 'c'), {1, 3, 0}, 0)); // room 1 is caught up later
    QVERIFY(held.hold(QByteArray(30, 'd'), {2, 7, 0}, 0)); // room 2 fits
    QCOMPARE(held.take(), QList<QByteArray>{QByteArray(30, 'd')});
    const HeldOutput::CatchUp missed = held.takeCatchUp();
    QCOMPARE(missed.rooms.value(1), quint64(1));
    QVERIFY(!missed.rooms.contains(2));
    QVERIFY(held.takeCatchUp().isEmpty());
}

QTEST_GUILESS_MAIN(TestHeldOutput)
#include "tst_heldoutput.moc"
