// SPDX-License-Identifier: MIT
// RoomSequence without a cluster: lines offered out of order are shown in sequence order, a gap
// that does not close is read from the store, and a mark or a lost subscription brings what was
// missed. The store is the memory store; the lines are appended to it as a node's would be.
#include "core/Directory.h"
#include "core/Room.h"
#include "core/RoomSequence.h"
#include "store/MemoryStore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int GapWaitMs = 20;
constexpr int TimeoutMs = 5000;

} // namespace

class TestRoomSequence : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void inOrderAtOnce();
    void earlyLineWaits_data();
    void earlyLineWaits();
    void seenTwiceShownOnce();
    void gapReadFromStore();
    void markReadsWhatIsMissing();
    void catchUpReadsEveryRoom();
    void roomGoneWhileWaiting();

private:
    // Appends n lines to room in the store, as other nodes would: their sequence numbers.
    QList<StoredMessage> storeLines(qint64 roomId, int n);
    // A show that notes "seq via" in m_shown.
    std::function<void()> show(quint64 seq);

    std::unique_ptr<MemoryStore> m_store;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<RoomSequence> m_sequence;
    Room *m_room = nullptr;
    QStringList m_shown;
};

void TestRoomSequence::init()
{
    m_store = std::make_unique<MemoryStore>();
    QVERIFY(m_store->open());
    m_directory = std::make_unique<Directory>(100);
    for (const auto &[id, name] : {std::pair{1, u"hall"_s}, std::pair{2, u"games"_s}}) {
        bool made = false;
        m_store->createRoom(
            StoredRoom{id, name, {}, {}, QDateTime::currentDateTimeUtc(), {}, {}, {}, 0},
            [&](const QString &error) { made = error.isEmpty(); });
        QTRY_VERIFY(made);
        m_directory->addRoom(id, name);
    }
    m_room = m_directory->roomById(1);
    m_shown.clear();
    m_sequence = std::make_unique<RoomSequence>(
        *m_store, *m_directory, [this](Room *room, const StoredMessage &line) {
            m_shown << u"%1 %2 stored %3"_s.arg(room->name()).arg(line.seq).arg(line.text);
        });
    m_sequence->setGapWait(GapWaitMs);
}

void TestRoomSequence::cleanup()
{
    m_sequence.reset();
    m_directory.reset();
    m_store->close();
    m_store.reset();
}

QList<StoredMessage> TestRoomSequence::storeLines(qint64 roomId, int n)
{
    QList<StoredMessage> lines;
    for (int i = 0; i < n; ++i) {
        StoredMessage line;
        line.roomId = roomId;
        line.time = QDateTime::currentDateTimeUtc();
        line.sender = u"ann"_s;
        line.text = u"line %1"_s.arg(i);
        m_store->append(
            line, [&](const StoredMessage &committed, const QString &) { lines << committed; });
    }
    (void)QTest::qWaitFor([&] { return lines.size() == n; }, TimeoutMs);
    return lines;
}

std::function<void()> TestRoomSequence::show(quint64 seq)
{
    return [this, seq] { m_shown << u"hall %1 live"_s.arg(seq); };
}

void TestRoomSequence::inOrderAtOnce()
{
    m_sequence->committed(m_room, 1, show(1));
    m_sequence->committed(m_room, 2, show(2));
    QCOMPARE(m_shown, (QStringList{u"hall 1 live"_s, u"hall 2 live"_s}));
    QCOMPARE(m_room->lastSeq(), 2u);
    QCOMPARE(m_sequence->waitingRooms(), 0);
}

void TestRoomSequence::earlyLineWaits_data()
{
    QTest::addColumn<QList<int>>("arrivals");
    QTest::newRow("2 1") << QList<int>{2, 1};
    QTest::newRow("3 2 1") << QList<int>{3, 2, 1};
    QTest::newRow("2 4 3 1") << QList<int>{2, 4, 3, 1};
    QTest::newRow("1 3 2 4") << QList<int>{1, 3, 2, 4};
}

void TestRoomSequence::earlyLineWaits()
{
    QFETCH(QList<int>, arrivals);
    for (int seq : arrivals)
        m_sequence->committed(m_room, quint64(seq), show(quint64(seq)));
    QStringList expected;
    for (int seq = 1; seq <= arrivals.size(); ++seq)
        expected << u"hall %1 live"_s.arg(seq);
    // All at once, without the store: every gap closed before the wait ran out.
    QCOMPARE(m_shown, expected);
    QCOMPARE(m_sequence->waitingRooms(), 0);
}

void TestRoomSequence::seenTwiceShownOnce()
{
    m_sequence->committed(m_room, 2, show(2));
    m_sequence->committed(m_room, 2, [this] { m_shown << u"second copy"_s; });
    m_sequence->committed(m_room, 1, show(1));
    // A node hears its own lines back after it showed them.
    m_sequence->committed(m_room, 1, [this] { m_shown << u"echo"_s; });
    QCOMPARE(m_shown, (QStringList{u"hall 1 live"_s, u"hall 2 live"_s}));
}

void TestRoomSequence::gapReadFromStore()
{
    // Lines 1 and 2 never arrive (their node died between commit and publish); 3 does.
    storeLines(1, 3);
    m_sequence->committed(m_room, 3, show(3));
    QCOMPARE(m_shown, QStringList());
    QTRY_COMPARE_WITH_TIMEOUT(m_shown.size(), 3, TimeoutMs);
    // The waiting line keeps its own show: on its node it carries the sender's label.
    QCOMPARE(m_shown,
             (QStringList{u"hall 1 stored line 0"_s, u"hall 2 stored line 1"_s, u"hall 3 live"_s}));
    QCOMPARE(m_room->lastSeq(), 3u);
    QTRY_COMPARE(m_sequence->waitingRooms(), 0);
}

void TestRoomSequence::markReadsWhatIsMissing()
{
    storeLines(1, 2);
    m_sequence->reaches(m_room, 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_shown.size(), 2, TimeoutMs);
    QCOMPARE(m_shown, (QStringList{u"hall 1 stored line 0"_s, u"hall 2 stored line 1"_s}));
    // A mark below what was shown changes nothing.
    m_sequence->reaches(m_room, 1);
    QCOMPARE(m_sequence->waitingRooms(), 0);
}

void TestRoomSequence::catchUpReadsEveryRoom()
{
    storeLines(1, 1);
    storeLines(2, 2);
    m_sequence->catchUp();
    QTRY_COMPARE_WITH_TIMEOUT(m_shown.size(), 3, TimeoutMs);
    m_shown.sort();
    QCOMPARE(m_shown, (QStringList{u"games 1 stored line 0"_s, u"games 2 stored line 1"_s,
                                   u"hall 1 stored line 0"_s}));
    QCOMPARE(m_directory->roomById(2)->lastSeq(), 2u);
    QTRY_COMPARE(m_sequence->waitingRooms(), 0);
}

void TestRoomSequence::roomGoneWhileWaiting()
{
    Room *games = m_directory->roomById(2);
    m_sequence->committed(games, 5, [this] { m_shown << u"never"_s; });
    QCOMPARE(m_sequence->waitingRooms(), 1);
    m_directory->removeRoom(games);
    // The wait runs out and finds no room: nothing shown, nothing left waiting.
    QTRY_COMPARE_WITH_TIMEOUT(m_sequence->waitingRooms(), 0, TimeoutMs);
    QCOMPARE(m_shown, QStringList());
}

QTEST_GUILESS_MAIN(TestRoomSequence)
#include "tst_roomsequence.moc"
