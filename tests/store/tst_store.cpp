// SPDX-License-Identifier: MIT
#include "NameRules.h"
#include "StoreHarness.h"
#include "store/StoreRules.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace StoreHarness;

Q_DECLARE_METATYPE(HistoryRequest::Direction)
Q_DECLARE_METATYPE(StoredMessage)
Q_DECLARE_METATYPE(StoredRoom)

namespace {

QStringList numbered(const QString &prefix, int from, int to)
{
    QStringList result;
    for (int i = from; i <= to; ++i)
        result.append(prefix + QString::number(i));
    return result;
}

QDateTime daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days);
}

} // namespace

// Every test runs against both stores (the global "backend" column): they must behave the
// same, except that only SqlStore outlives its object. SqlStore runs on SQLite, or on
// PostgreSQL alone when with-postgres.sh gives it one (the store_postgresql test).
class tst_Store : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void init();
    void cleanup();

    void roomsSurviveReopen();
    void refusedRooms_data();
    void refusedRooms();
    void deleteRoom_data();
    void deleteRoom();
    void deleteRoomAmongWrites();
    void appendNumbersLines();
    void callbacksRunLaterInOrder();
    void topicLineSetsTopic();
    void everyKindReadsBack();
    void readRoomsSeesWhatIsNow();
    void refusedLines_data();
    void refusedLines();
    void read_data();
    void read();
    void readByTime_data();
    void readByTime();
    void readTargets_data();
    void readTargets();
    void countersContinueAfterReopen();
    void accountsSurviveReopen();
    void roomRulesSurviveReopen();
    void moderationLogSurvivesReopen();
    void refusedAccounts_data();
    void refusedAccounts();
    void bootNumberCountsOpens();
    void sameObjectOpensAgain();
    void closeAnswersQueuedWrites();
    void noPruningBeforeFirstInterval();
    void retention_data();
    void retention();
    void retentionByAgeFollowsIdOrder();

private:
    bool openStore();
    bool reopen();
    bool isSql() const;
    void fillForReads(QHash<int, quint64> *privateIds);

    std::unique_ptr<QTemporaryDir> m_dir;
    StoreOptions m_options;
    std::unique_ptr<Store> m_store;
};

void tst_Store::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    for (const QString &database : sqlDatabases())
        QTest::newRow(qPrintable(database)) << database;
    if (postgresUrl().isEmpty())
        QTest::newRow("memory") << u"memory"_s;
}

void tst_Store::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_options = {};
    m_options.dataDirectory = m_dir->filePath(u"data"_s);
    m_options.durability = StoreOptions::Durability::Normal;
    m_options.pruneIntervalMs = 60 * 60 * 1000; // no retention unless a test asks for it
    QFETCH_GLOBAL(QString, backend);
    QString error;
    if (backend == u"postgresql"_s)
        QVERIFY2(emptyPostgres(&error), qPrintable(error));
    QVERIFY(openStore());
}

void tst_Store::cleanup()
{
    if (m_store)
        m_store->close();
    m_store.reset();
    m_dir.reset();
}

bool tst_Store::isSql() const
{
    QFETCH_GLOBAL(QString, backend);
    return backend != u"memory"_s;
}

bool tst_Store::openStore()
{
    QFETCH_GLOBAL(QString, backend);
    m_store = make(backend, m_options);
    if (!m_store->open()) {
        qWarning("open: %s", qPrintable(m_store->errorString()));
        return false;
    }
    return true;
}

// SqlStore: a new object on the same folder. MemoryStore: the same object, closed and
// opened again, which is as far as memory lasts.
bool tst_Store::reopen()
{
    m_store->close();
    if (!isSql()) {
        if (!m_store->open()) {
            qWarning("reopen: %s", qPrintable(m_store->errorString()));
            return false;
        }
        return true;
    }
    m_store.reset();
    return openStore();
}

void tst_Store::roomsSurviveReopen()
{
    QCOMPARE(m_store->rooms(), QList<StoredRoom>());
    StoredRoom hall = room(1, u"hall"_s);
    StoredRoom zimmer = room(7, u"Zimmer"_s, u"alice"_s);
    zimmer.topic = u"welcome"_s;
    zimmer.topicSetter = u"alice"_s;
    zimmer.topicTime = zimmer.created;
    // The store computes the key; a caller's is ignored.
    zimmer.key = u"whatever"_s;
    QCOMPARE(createRoom(*m_store, hall).error, QString());
    QCOMPARE(createRoom(*m_store, zimmer).error, QString());

    QVERIFY(reopen());
    zimmer.key = NameRules::key(zimmer.name);
    QCOMPARE(m_store->rooms(), QList<StoredRoom>({hall, zimmer}));
}

void tst_Store::refusedRooms_data()
{
    QTest::addColumn<StoredRoom>("room");
    QTest::addColumn<QString>("error");

    QTest::newRow("id taken") << room(1, u"other"_s) << u"room 1 already exists"_s;
    QTest::newRow("name taken in another case")
        << room(2, u"HALL"_s) << u"a room named HALL already exists"_s;
    QTest::newRow("id 0") << room(0, u"zero"_s) << u"a room needs an id above 0"_s;
    QTest::newRow("negative id") << room(-3, u"minus"_s) << u"a room needs an id above 0"_s;
    QTest::newRow("no name") << room(4, QString()) << u"a room needs a name"_s;
}

void tst_Store::refusedRooms()
{
    QFETCH(StoredRoom, room);
    QFETCH(QString, error);
    QCOMPARE(createRoom(*m_store, StoreHarness::room(1, u"hall"_s)).error, QString());
    const Written refused = createRoom(*m_store, room);
    QVERIFY(refused.answered);
    QCOMPARE(refused.error, error);
    QCOMPARE(m_store->stats().failedWrites, 1);
    // The store goes on: the next room is kept.
    QCOMPARE(createRoom(*m_store, StoreHarness::room(5, u"next"_s)).error, QString());
    QVERIFY(reopen());
    QCOMPARE(m_store->rooms().size(), 2);
}

void tst_Store::deleteRoom_data()
{
    QTest::addColumn<qint64>("roomId");
    QTest::addColumn<QString>("error");

    QTest::newRow("a room with lines") << 2ll << QString();
    QTest::newRow("a room without lines") << 3ll << QString();
    QTest::newRow("unknown room") << 9ll << u"there is no room 9"_s;
    QTest::newRow("room 0") << 0ll << u"there is no room 0"_s;
    QTest::newRow("negative room") << -2ll << u"there is no room -2"_s;
}

// A room goes with its lines, for good: not back after a reopen, its name free, and nothing
// else touched.
void tst_Store::deleteRoom()
{
    QFETCH(qint64, roomId);
    QFETCH(QString, error);
    const bool deletes = error.isEmpty();
    for (const StoredRoom &r : {room(1, u"hall"_s), room(2, u"games"_s), room(3, u"quiet"_s)})
        QCOMPARE(createRoom(*m_store, r).error, QString());
    const QList<Written> written =
        appendAll(*m_store, {line(1, u"h1"_s), line(2, u"g1"_s), line(2, u"g2"_s),
                             privateLine(u"alice"_s, 1, u"bob"_s, 2, u"psst"_s), line(1, u"h2"_s)});
    QCOMPARE(written.size(), 5);

    const Written deleted = StoreHarness::deleteRoom(*m_store, roomId);
    QVERIFY(deleted.answered);
    QCOMPARE(deleted.error, error);
    QCOMPARE(m_store->stats().failedWrites, deletes ? 0 : 1);
    QVERIFY(reopen());

    QStringList names;
    for (const StoredRoom &r : m_store->rooms())
        names << r.name;
    QStringList expected{u"hall"_s, u"games"_s, u"quiet"_s};
    if (deletes)
        expected.removeAt(int(roomId - 1));
    QCOMPARE(names, expected);
    bool answered = false;
    HistoryRequest request;
    request.roomId = 1;
    QCOMPARE(texts(StoreHarness::read(*m_store, request, &answered)),
             (QStringList{u"h1"_s, u"h2"_s}));
    request.roomId = 2;
    const QStringList games = roomId == 2 ? QStringList() : QStringList{u"g1"_s, u"g2"_s};
    QCOMPARE(texts(StoreHarness::read(*m_store, request, &answered)), games);
    HistoryRequest privates;
    privates.person = 1;
    QCOMPARE(texts(StoreHarness::read(*m_store, privates, &answered)), QStringList{u"psst"_s});
    if (!deletes)
        return;
    // The name is free, and a room made with it starts afresh; ids go on.
    const QString name = expected.contains(u"games"_s) ? u"quiet"_s : u"games"_s;
    QCOMPARE(createRoom(*m_store, room(4, name)).error, QString());
    const Written next = append(*m_store, line(4, u"new"_s));
    QCOMPARE(next.error, QString());
    QCOMPARE(next.committed.seq, 1u);
    QCOMPARE(next.committed.id, 6u);
}

// Deleting is one write among others, in order: a line after it finds no room, a room made
// after it may take the name.
void tst_Store::deleteRoomAmongWrites()
{
    QCOMPARE(createRoom(*m_store, room(1, u"games"_s)).error, QString());
    QCOMPARE(append(*m_store, line(1, u"before"_s)).error, QString());
    QStringList answers;
    const auto note = [&answers](const QString &what) {
        return [&answers, what](const QString &error) { answers << what + u": "_s + error; };
    };
    m_store->deleteRoom(1, note(u"delete"_s));
    m_store->append(line(1, u"after"_s), [&answers](const StoredMessage &, const QString &error) {
        answers << u"line: "_s + error;
    });
    m_store->createRoom(room(2, u"Games"_s), note(u"create"_s));
    m_store->deleteRoom(1, note(u"again"_s));
    QTRY_COMPARE(answers.size(), 4);
    QCOMPARE(answers, (QStringList{u"delete: "_s, u"line: there is no room 1"_s, u"create: "_s,
                                   u"again: there is no room 1"_s}));
    QVERIFY(reopen());
    QCOMPARE(m_store->rooms().size(), 1);
    QCOMPARE(m_store->rooms().constFirst().name, u"Games"_s);
}

void tst_Store::appendNumbersLines()
{
    QCOMPARE(createRoom(*m_store, room(1, u"a"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(2, u"b"_s)).error, QString());
    // Interleaved and without waiting, so that they share transactions.
    QList<StoredMessage> lines;
    for (int i = 0; i < 50; ++i) {
        lines.append(line(i % 3 == 0 ? 2 : 1, u"line %1"_s.arg(i)));
        if (i % 10 == 0)
            lines.append(privateLine(u"alice"_s, 1, u"bob"_s, 2, u"psst %1"_s.arg(i)));
    }
    const QList<Written> results = appendAll(*m_store, lines);
    QCOMPARE(results.size(), lines.size());
    QHash<qint64, quint64> lastSeq;
    quint64 lastId = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const Written &r = results[i];
        QCOMPARE(r.error, QString());
        // Callbacks come in write order: the text says which write it is.
        QCOMPARE(r.committed.text, lines[i].text);
        QVERIFY(r.committed.id > lastId);
        lastId = r.committed.id;
        if (r.committed.roomId == 0) {
            QCOMPARE(r.committed.seq, 0u);
        } else {
            QCOMPARE(r.committed.seq, lastSeq[r.committed.roomId] + 1);
            lastSeq[r.committed.roomId] = r.committed.seq;
        }
    }
    QCOMPARE(lastId, quint64(lines.size()));
    QCOMPARE(m_store->stats().committedLines, lines.size());
    QVERIFY(m_store->stats().transactions >= 1);
    QCOMPARE(m_store->stats().failedWrites, 0);

    bool answered = false;
    HistoryRequest all;
    all.roomId = 2;
    all.limit = 1000;
    const HistoryPage page = StoreHarness::read(*m_store, all, &answered);
    QVERIFY(answered);
    QCOMPARE(page.messages.size(), qsizetype(lastSeq[2]));
    QCOMPARE(page.messages.constLast().seq, lastSeq[2]);
    QCOMPARE(page.messages.constLast().sender, u"alice"_s);
    QCOMPARE(page.messages.constLast().senderPerson, 1u);
}

void tst_Store::callbacksRunLaterInOrder()
{
    QCOMPARE(createRoom(*m_store, room(1, u"a"_s)).error, QString());
    QStringList order;
    m_store->append(line(1, u"one"_s), [&](const StoredMessage &m, const QString &) {
        order << m.text;
        // A write made from a callback is answered after the ones before it.
        m_store->append(line(1, u"four"_s),
                        [&](const StoredMessage &m, const QString &) { order << m.text; });
    });
    m_store->createRoom(room(2, u"b"_s), [&](const QString &error) {
        QVERIFY(error.isEmpty());
        order << u"two"_s;
    });
    m_store->append(line(1, u"three"_s),
                    [&](const StoredMessage &m, const QString &) { order << m.text; });
    // Never inside the call that passed them.
    QCOMPARE(order, QStringList());
    QTRY_COMPARE(order, QStringList({u"one"_s, u"two"_s, u"three"_s, u"four"_s}));
}

void tst_Store::topicLineSetsTopic()
{
    StoredRoom hall = room(1, u"hall"_s);
    QCOMPARE(createRoom(*m_store, hall).error, QString());
    StoredMessage topic = line(1, u"tea at five"_s);
    topic.kind = StoredMessage::Kind::Topic;
    topic.sender = u"Bob"_s;
    const Written written = append(*m_store, topic);
    QCOMPARE(written.error, QString());
    QCOMPARE(written.committed.seq, 1u);

    QVERIFY(reopen());
    hall.topic = u"tea at five"_s;
    hall.topicSetter = u"Bob"_s;
    hall.topicTime = topic.time;
    hall.lastSeq = 1;
    QCOMPARE(m_store->rooms(), QList<StoredRoom>({hall}));
}

// Each kind of line comes back as it went in, across a reopen: room lines by the room, private
// ones (messages and notes) by either person.
void tst_Store::everyKindReadsBack()
{
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    QList<StoredMessage> roomLines;
    for (StoredMessage::Kind kind : {StoredMessage::Kind::Message, StoredMessage::Kind::Action,
                                     StoredMessage::Kind::Note, StoredMessage::Kind::Topic}) {
        roomLines.append(line(1, u"kind %1"_s.arg(int(kind))));
        roomLines.last().kind = kind;
    }
    // An IRC client's tags come back with their lines (compared with the rest below).
    const QString tags = uR"(+draft/reply=1-1;+example.com/x=a\:b;+typing)"_s;
    roomLines.first().clientTags = tags;
    const StoredMessage psst = privateLine(u"alice"_s, 1, u"bob"_s, 2, u"psst"_s);
    StoredMessage note = privateLine(u"bob"_s, 2, u"alice"_s, 1, u"noted"_s);
    note.kind = StoredMessage::Kind::PrivateNote;
    note.clientTags = tags;
    const QList<Written> results = appendAll(*m_store, roomLines + QList{psst, note});
    for (const Written &written : results)
        QCOMPARE(written.error, QString());
    QCOMPARE(results.first().committed.clientTags, tags);
    QVERIFY(reopen());

    HistoryRequest hall;
    hall.roomId = 1;
    bool answered = false;
    const HistoryPage roomPage = StoreHarness::read(*m_store, hall, &answered);
    QVERIFY(answered);
    QCOMPARE(roomPage.messages.size(), roomLines.size());
    for (qsizetype i = 0; i < roomLines.size(); ++i)
        QCOMPARE(roomPage.messages[i], results[i].committed);
    // Without the topic changes (IRC's CHATHISTORY): the page fills with the other lines.
    hall.withTopics = false;
    hall.limit = 2;
    const HistoryPage said = StoreHarness::read(*m_store, hall, &answered);
    QCOMPARE(said.messages, (QList{results[1].committed, results[2].committed}));
    QVERIFY(said.more);
    HistoryRequest alice;
    alice.person = 1;
    alice.peerKey = u"bob"_s;
    const HistoryPage privatePage = StoreHarness::read(*m_store, alice, &answered);
    QCOMPARE(privatePage.messages, (QList{results[4].committed, results[5].committed}));
    QCOMPARE(privatePage.messages[1].kind, StoredMessage::Kind::PrivateNote);
}

void tst_Store::readRoomsSeesWhatIsNow()
{
    // rooms() is what open() found; readRooms() what the store has at the time it reads.
    StoredRoom hall = room(1, u"hall"_s);
    StoredRoom gone = room(2, u"gone"_s);
    QCOMPARE(createRoom(*m_store, hall).error, QString());
    QCOMPARE(createRoom(*m_store, gone).error, QString());
    StoredMessage topic = line(1, u"tea at five"_s);
    topic.kind = StoredMessage::Kind::Topic;
    topic.sender = u"Bob"_s;
    QCOMPARE(append(*m_store, topic).error, QString());
    QCOMPARE(StoreHarness::deleteRoom(*m_store, 2).error, QString());
    StoredRoom late = room(3, u"late"_s, u"carol"_s);
    QCOMPARE(createRoom(*m_store, late).error, QString());

    std::optional<RoomsPage> page;
    m_store->readRooms([&](const RoomsPage &read) { page = read; });
    QVERIFY(!page); // later, never inside the call
    QTRY_VERIFY(page);
    QCOMPARE(page->error, QString());
    hall.topic = u"tea at five"_s;
    hall.topicSetter = u"Bob"_s;
    hall.topicTime = topic.time;
    hall.lastSeq = 1;
    late.key = NameRules::key(late.name);
    QCOMPARE(page->rooms, QList<StoredRoom>({hall, late}));

    m_store->close();
    page.reset();
    m_store->readRooms([&](const RoomsPage &read) { page = read; });
    QTRY_VERIFY(page);
    QVERIFY(!page->error.isEmpty());
    QVERIFY(page->rooms.isEmpty());
}

void tst_Store::refusedLines_data()
{
    QTest::addColumn<StoredMessage>("message");
    QTest::addColumn<QString>("error");

    StoredMessage unknownRoom = line(9, u"x"_s);
    StoredMessage privateInRoom = privateLine(u"a"_s, 1, u"b"_s, 2, u"x"_s);
    privateInRoom.roomId = 1;
    StoredMessage noteInRoom = privateLine(u"a"_s, 1, u"b"_s, 2, u"x"_s);
    noteInRoom.kind = StoredMessage::Kind::PrivateNote;
    noteInRoom.roomId = 1;
    StoredMessage roomless = line(0, u"x"_s);
    StoredMessage timeless = line(1, u"x"_s);
    timeless.time = {};
    StoredMessage badKind = line(1, u"x"_s);
    badKind.kind = StoredMessage::Kind(9);
    StoredMessage hugePerson = line(1, u"x"_s);
    hugePerson.senderPerson = ~quint64(0);

    QTest::newRow("unknown room") << unknownRoom << u"there is no room 9"_s;
    QTest::newRow("private message in a room")
        << privateInRoom << u"a private message belongs to no room"_s;
    QTest::newRow("private note in a room")
        << noteInRoom << u"a private message belongs to no room"_s;
    QTest::newRow("room line without a room") << roomless << u"a room line needs a room"_s;
    QTest::newRow("no time") << timeless << u"a line needs a time"_s;
    QTest::newRow("unknown kind") << badKind << u"unknown kind of line 9"_s;
    QTest::newRow("person id too large") << hugePerson << u"a person id is too large"_s;
}

void tst_Store::refusedLines()
{
    QFETCH(StoredMessage, message);
    QFETCH(QString, error);
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    // Between two good lines, in one batch: the refusal costs neither of them anything.
    const QList<Written> results =
        appendAll(*m_store, {line(1, u"before"_s), message, line(1, u"after"_s)});
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[1].error, error);
    QCOMPARE(results[1].committed, StoredMessage());
    QCOMPARE(results[0].error, QString());
    QCOMPARE(results[2].error, QString());
    QCOMPARE(results[0].committed.seq, 1u);
    QCOMPARE(results[2].committed.seq, 2u);
    QCOMPARE(results[2].committed.id, results[0].committed.id + 1);
    QCOMPARE(m_store->stats().failedWrites, 1);
    QCOMPARE(m_store->stats().committedLines, 2);
}

// The fixture: room 1 with r1..r10, room 2 empty, room 3 with b1..b1005, and private messages
// p1..p7 (ids in privateIds):
//   p1 alice -> bob, p2 bob -> alice, p3 alice -> carol, p4 carol -> bob, p5 alice -> alice,
//   p6 Bob -> alice, p7 alice -> bob        (alice is person 1, bob 2, carol 3)
void tst_Store::fillForReads(QHash<int, quint64> *privateIds)
{
    QCOMPARE(createRoom(*m_store, room(1, u"lobby"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(2, u"empty"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(3, u"big"_s)).error, QString());
    QList<StoredMessage> lines;
    for (const QString &text : numbered(u"r"_s, 1, 10))
        lines.append(line(1, text));
    for (const QString &text : numbered(u"b"_s, 1, 1005))
        lines.append(line(3, text));
    const struct
    {
        const char16_t *from;
        quint64 fromPerson;
        const char16_t *to;
        quint64 toPerson;
    } privates[] = {{u"alice", 1, u"bob", 2},   {u"bob", 2, u"alice", 1},
                    {u"alice", 1, u"carol", 3}, {u"carol", 3, u"bob", 2},
                    {u"alice", 1, u"alice", 1}, {u"Bob", 2, u"alice", 1},
                    {u"alice", 1, u"bob", 2}};
    for (int i = 0; i < 7; ++i) {
        const auto &p = privates[i];
        lines.append(privateLine(QString::fromUtf16(p.from), p.fromPerson, QString::fromUtf16(p.to),
                                 p.toPerson, u"p%1"_s.arg(i + 1)));
    }
    const QList<Written> results = appendAll(*m_store, lines);
    QCOMPARE(results.size(), lines.size());
    for (const Written &r : results) {
        QCOMPARE(r.error, QString());
        if (r.committed.text.startsWith(u'p'))
            privateIds->insert(r.committed.text.mid(1).toInt(), r.committed.id);
    }
}

void tst_Store::read_data()
{
    using D = HistoryRequest::Direction;
    QTest::addColumn<qint64>("roomId");
    QTest::addColumn<quint64>("person");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<D>("direction");
    // Room reads: sequence numbers. Private reads: n stands for the id of pn.
    QTest::addColumn<quint64>("anchor");
    QTest::addColumn<quint64>("upTo");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("more");

    const QString none;
    const QString r = u"r"_s;
    // clang-format off
    QTest::newRow("latest") << 1ll << 0ull << none << D::Latest << 0ull << 0ull << 3 << numbered(r, 8, 10) << true;
    QTest::newRow("latest, all of it") << 1ll << 0ull << none << D::Latest << 0ull << 0ull << 50 << numbered(r, 1, 10) << false;
    QTest::newRow("latest, exactly all") << 1ll << 0ull << none << D::Latest << 0ull << 0ull << 10 << numbered(r, 1, 10) << false;
    QTest::newRow("latest with upTo") << 1ll << 0ull << none << D::Latest << 0ull << 5ull << 3 << numbered(r, 3, 5) << true;
    QTest::newRow("latest above an anchor") << 1ll << 0ull << none << D::Latest << 6ull << 0ull << 3 << numbered(r, 8, 10) << true;
    QTest::newRow("latest above an anchor, reaching it") << 1ll << 0ull << none << D::Latest << 6ull << 9ull << 5 << numbered(r, 7, 9) << false;
    QTest::newRow("latest above an anchor, nothing between") << 1ll << 0ull << none << D::Latest << 6ull << 6ull << 5 << QStringList() << false;
    QTest::newRow("latest above the last key") << 1ll << 0ull << none << D::Latest << quint64(StoreRules::MaxKey) << 0ull << 5 << QStringList() << false;
    QTest::newRow("before") << 1ll << 0ull << none << D::Before << 5ull << 0ull << 3 << numbered(r, 2, 4) << true;
    QTest::newRow("before, reaching the start") << 1ll << 0ull << none << D::Before << 4ull << 0ull << 3 << numbered(r, 1, 3) << false;
    QTest::newRow("before the first") << 1ll << 0ull << none << D::Before << 1ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("before anchor 0") << 1ll << 0ull << none << D::Before << 0ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("before, anchor beyond the end") << 1ll << 0ull << none << D::Before << 100ull << 0ull << 3 << numbered(r, 8, 10) << true;
    QTest::newRow("after") << 1ll << 0ull << none << D::After << 5ull << 0ull << 3 << numbered(r, 6, 8) << true;
    QTest::newRow("after, reaching the end") << 1ll << 0ull << none << D::After << 7ull << 0ull << 3 << numbered(r, 8, 10) << false;
    QTest::newRow("after 0") << 1ll << 0ull << none << D::After << 0ull << 0ull << 2 << numbered(r, 1, 2) << true;
    QTest::newRow("after with upTo") << 1ll << 0ull << none << D::After << 2ull << 6ull << 3 << numbered(r, 3, 5) << true;
    QTest::newRow("after with upTo, reaching it") << 1ll << 0ull << none << D::After << 2ull << 5ull << 3 << numbered(r, 3, 5) << false;
    QTest::newRow("after, anchor at the end") << 1ll << 0ull << none << D::After << 10ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("after, anchor beyond the end") << 1ll << 0ull << none << D::After << 100ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("after, largest anchor") << 1ll << 0ull << none << D::After << ~0ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("empty room") << 2ll << 0ull << none << D::Latest << 0ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("unknown room") << 99ll << 0ull << none << D::Latest << 0ull << 0ull << 3 << QStringList() << false;
    QTest::newRow("limit 0 reads 1") << 1ll << 0ull << none << D::Latest << 0ull << 0ull << 0 << numbered(r, 10, 10) << true;
    QTest::newRow("limit -5 reads 1") << 1ll << 0ull << none << D::After << 0ull << 0ull << -5 << numbered(r, 1, 1) << true;
    QTest::newRow("limit 5000 reads 1000") << 3ll << 0ull << none << D::Latest << 0ull << 0ull << 5000 << numbered(u"b"_s, 6, 1005) << true;
    QTest::newRow("limit 5000 after reads 1000") << 3ll << 0ull << none << D::After << 0ull << 0ull << 5000 << numbered(u"b"_s, 1, 1000) << true;
    QTest::newRow("page of 1000 before") << 3ll << 0ull << none << D::Before << 1001ull << 0ull << 1000 << numbered(u"b"_s, 1, 1000) << false;

    const QStringList alice = {u"p1"_s, u"p2"_s, u"p3"_s, u"p5"_s, u"p6"_s, u"p7"_s};
    QTest::newRow("private latest") << 0ll << 1ull << none << D::Latest << 0ull << 0ull << 3 << alice.mid(3) << true;
    QTest::newRow("private, all of them") << 0ll << 1ull << none << D::Latest << 0ull << 0ull << 50 << alice << false;
    QTest::newRow("private latest with upTo") << 0ll << 1ull << none << D::Latest << 0ull << 3ull << 50 << alice.mid(0, 3) << false;
    QTest::newRow("private latest above an anchor") << 0ll << 1ull << none << D::Latest << 2ull << 6ull << 50 << QStringList({u"p3"_s, u"p5"_s, u"p6"_s}) << false;
    QTest::newRow("peer, latest above an anchor") << 0ll << 1ull << u"bob"_s << D::Latest << 1ull << 7ull << 2 << QStringList({u"p6"_s, u"p7"_s}) << true;
    QTest::newRow("private before") << 0ll << 1ull << none << D::Before << 5ull << 0ull << 2 << QStringList({u"p2"_s, u"p3"_s}) << true;
    QTest::newRow("private after") << 0ll << 1ull << none << D::After << 2ull << 0ull << 2 << QStringList({u"p3"_s, u"p5"_s}) << true;
    QTest::newRow("private after with upTo") << 0ll << 1ull << none << D::After << 2ull << 5ull << 5 << QStringList({u"p3"_s, u"p5"_s}) << false;
    QTest::newRow("private, the other end") << 0ll << 2ull << none << D::Latest << 0ull << 0ull << 50 << QStringList({u"p1"_s, u"p2"_s, u"p4"_s, u"p6"_s, u"p7"_s}) << false;
    QTest::newRow("peer") << 0ll << 1ull << u"bob"_s << D::Latest << 0ull << 0ull << 50 << QStringList({u"p1"_s, u"p2"_s, u"p6"_s, u"p7"_s}) << false;
    QTest::newRow("peer, latest two") << 0ll << 1ull << u"bob"_s << D::Latest << 0ull << 0ull << 2 << QStringList({u"p6"_s, u"p7"_s}) << true;
    QTest::newRow("peer, before") << 0ll << 1ull << u"bob"_s << D::Before << 6ull << 0ull << 5 << QStringList({u"p1"_s, u"p2"_s}) << false;
    QTest::newRow("peer, after") << 0ll << 1ull << u"bob"_s << D::After << 1ull << 0ull << 2 << QStringList({u"p2"_s, u"p6"_s}) << true;
    QTest::newRow("peer is oneself") << 0ll << 1ull << u"alice"_s << D::Latest << 0ull << 0ull << 50 << QStringList({u"p5"_s}) << false;
    QTest::newRow("peer never met") << 0ll << 1ull << u"dave"_s << D::Latest << 0ull << 0ull << 50 << QStringList() << false;
    QTest::newRow("person never met") << 0ll << 99ull << none << D::Latest << 0ull << 0ull << 50 << QStringList() << false;
    // clang-format on
}

void tst_Store::read()
{
    QFETCH(qint64, roomId);
    QFETCH(quint64, person);
    QFETCH(QString, peer);
    QFETCH(HistoryRequest::Direction, direction);
    QFETCH(quint64, anchor);
    QFETCH(quint64, upTo);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QFETCH(bool, more);

    QHash<int, quint64> privateIds;
    fillForReads(&privateIds);
    QCOMPARE(privateIds.size(), 7);
    HistoryRequest request;
    request.roomId = roomId;
    request.person = person;
    request.peerKey = peer;
    request.direction = direction;
    request.anchor = roomId == 0 && anchor != 0 ? privateIds.value(int(anchor)) : anchor;
    request.upTo = roomId == 0 && upTo != 0 ? privateIds.value(int(upTo)) : upTo;
    request.limit = limit;
    bool answered = false;
    const HistoryPage page = StoreHarness::read(*m_store, request, &answered);
    QVERIFY(answered);
    QCOMPARE(page.error, QString());
    QCOMPARE(texts(page), expected);
    QCOMPARE(page.more, more);
    for (qsizetype i = 1; i < page.messages.size(); ++i)
        QVERIFY(page.messages[i - 1].id < page.messages[i].id);
}

void tst_Store::readByTime_data()
{
    using D = HistoryRequest::Direction;
    QTest::addColumn<qint64>("roomId");
    QTest::addColumn<quint64>("person");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<D>("direction");
    QTest::addColumn<quint64>("anchor");
    // Seconds after the fill's start (line n was said at second n); 0: no bound.
    QTest::addColumn<int>("afterS");
    QTest::addColumn<int>("beforeS");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("more");

    const QString none;
    const QString r = u"r"_s;
    const QString p = u"p"_s;
    // clang-format off
    QTest::newRow("latest before a time") << 1ll << 0ull << none << D::Latest << 0ull << 0 << 5 << 3 << numbered(r, 2, 4) << true;
    QTest::newRow("latest before a time, reaching the start") << 1ll << 0ull << none << D::Latest << 0ull << 0 << 3 << 50 << numbered(r, 1, 2) << false;
    QTest::newRow("after a time") << 1ll << 0ull << none << D::After << 0ull << 5 << 0 << 3 << numbered(r, 6, 8) << true;
    QTest::newRow("after a time, reaching the end") << 1ll << 0ull << none << D::After << 0ull << 7 << 0 << 3 << numbered(r, 8, 10) << false;
    QTest::newRow("between two times") << 1ll << 0ull << none << D::After << 0ull << 2 << 6 << 50 << numbered(r, 3, 5) << false;
    QTest::newRow("between two times, newest") << 1ll << 0ull << none << D::Latest << 0ull << 2 << 6 << 2 << numbered(r, 4, 5) << true;
    QTest::newRow("after a key, before a time") << 1ll << 0ull << none << D::After << 2ull << 0 << 6 << 50 << numbered(r, 3, 5) << false;
    QTest::newRow("before a key, after a time") << 1ll << 0ull << none << D::Before << 8ull << 5 << 0 << 50 << numbered(r, 6, 7) << false;
    QTest::newRow("times that meet") << 1ll << 0ull << none << D::After << 0ull << 5 << 5 << 50 << QStringList() << false;
    QTest::newRow("times the wrong way round") << 1ll << 0ull << none << D::Latest << 0ull << 6 << 4 << 50 << QStringList() << false;
    QTest::newRow("before every line") << 1ll << 0ull << none << D::Latest << 0ull << 0 << 1 << 50 << QStringList() << false;
    QTest::newRow("after every line") << 1ll << 0ull << none << D::After << 0ull << 10 << 0 << 50 << QStringList() << false;
    QTest::newRow("private before a time") << 0ll << 1ull << none << D::Latest << 0ull << 0 << 3 << 50 << numbered(p, 1, 2) << false;
    QTest::newRow("private after a time") << 0ll << 1ull << none << D::After << 0ull << 1 << 0 << 2 << numbered(p, 2, 3) << true;
    QTest::newRow("private between, one peer") << 0ll << 1ull << u"bob"_s << D::After << 0ull << 1 << 4 << 50 << QStringList({u"p2"_s}) << false;
    QTest::newRow("private, the other end") << 0ll << 3ull << none << D::Latest << 0ull << 2 << 0 << 50 << numbered(p, 3, 4) << false;
    // clang-format on
}

void tst_Store::readByTime()
{
    QFETCH(qint64, roomId);
    QFETCH(quint64, person);
    QFETCH(QString, peer);
    QFETCH(HistoryRequest::Direction, direction);
    QFETCH(quint64, anchor);
    QFETCH(int, afterS);
    QFETCH(int, beforeS);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QFETCH(bool, more);

    // Line n of the room, and private message n, at second n.
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    QCOMPARE(createRoom(*m_store, room(1, u"lobby"_s)).error, QString());
    QList<StoredMessage> lines;
    for (int i = 1; i <= 10; ++i)
        lines.append(line(1, u"r%1"_s.arg(i), start.addSecs(i)));
    const QStringList peers = {u"bob"_s, u"bob"_s, u"carol"_s, u"carol"_s};
    for (int i = 1; i <= 4; ++i) {
        const quint64 other = i <= 2 ? 2 : 3;
        lines.append(
            privateLine(u"alice"_s, 1, peers[i - 1], other, u"p%1"_s.arg(i), start.addSecs(i)));
    }
    for (const Written &w : appendAll(*m_store, lines))
        QCOMPARE(w.error, QString());

    HistoryRequest request;
    request.roomId = roomId;
    request.person = person;
    request.peerKey = peer;
    request.direction = direction;
    request.anchor = anchor;
    request.afterMs = afterS != 0 ? start.addSecs(afterS).toMSecsSinceEpoch() : 0;
    request.beforeMs = beforeS != 0 ? start.addSecs(beforeS).toMSecsSinceEpoch() : 0;
    request.limit = limit;
    bool answered = false;
    const HistoryPage page = StoreHarness::read(*m_store, request, &answered);
    QVERIFY(answered);
    QCOMPARE(page.error, QString());
    QCOMPARE(texts(page), expected);
    QCOMPARE(page.more, more);
}

void tst_Store::readTargets_data()
{
    QTest::addColumn<quint64>("person");
    QTest::addColumn<QList<qint64>>("roomIds");
    // Seconds after the fill's start; 0: no bound.
    QTest::addColumn<int>("afterS");
    QTest::addColumn<int>("beforeS");
    QTest::addColumn<int>("limit");
    // "room<id> <second>" or "@<peer> <second>", in the order asked.
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("oldestFirst");

    const QList<qint64> both{1, 2};
    // clang-format off
    QTest::newRow("rooms and people") << 1ull << both << 0 << 0 << 50 << QStringList{u"room2 8"_s, u"@BOB 7"_s, u"@carol 6"_s, u"room1 5"_s} << false;
    QTest::newRow("limit") << 1ull << both << 0 << 0 << 2 << QStringList{u"room2 8"_s, u"@BOB 7"_s} << false;
    QTest::newRow("limit 0 reads 1") << 1ull << both << 0 << 0 << 0 << QStringList{u"room2 8"_s} << false;
    // A conversation whose newest line is later than the times has moved on since: left out.
    QTest::newRow("newest line in the times") << 1ull << both << 0 << 7 << 50 << QStringList{u"@carol 6"_s, u"room1 5"_s} << false;
    QTest::newRow("bounds excluded") << 1ull << both << 4 << 7 << 50 << QStringList{u"@carol 6"_s, u"room1 5"_s} << false;
    QTest::newRow("only the rooms asked") << 1ull << QList<qint64>{2} << 4 << 0 << 50 << QStringList{u"room2 8"_s, u"@BOB 7"_s, u"@carol 6"_s} << false;
    QTest::newRow("nothing then") << 1ull << both << 8 << 0 << 50 << QStringList() << false;
    QTest::newRow("times that meet") << 1ull << both << 5 << 5 << 50 << QStringList() << false;
    QTest::newRow("times the wrong way round") << 1ull << both << 7 << 3 << 50 << QStringList() << false;
    QTest::newRow("the other end, no rooms") << 3ull << QList<qint64>() << 0 << 0 << 50 << QStringList{u"@bob 10"_s, u"@alice 6"_s} << false;
    QTest::newRow("oldest first") << 1ull << both << 0 << 0 << 50 << QStringList{u"room1 5"_s, u"@carol 6"_s, u"@BOB 7"_s, u"room2 8"_s} << true;
    QTest::newRow("oldest first, limit") << 1ull << both << 0 << 0 << 2 << QStringList{u"room1 5"_s, u"@carol 6"_s} << true;
    QTest::newRow("oldest first in the times") << 1ull << both << 0 << 7 << 3 << QStringList{u"room1 5"_s, u"@carol 6"_s} << true;
    QTest::newRow("oldest first in the times, limit") << 1ull << both << 0 << 7 << 1 << QStringList{u"room1 5"_s} << true;
    QTest::newRow("nobody") << 9ull << QList<qint64>() << 0 << 0 << 50 << QStringList() << false;
    // clang-format on
}

void tst_Store::readTargets()
{
    QFETCH(quint64, person);
    QFETCH(QList<qint64>, roomIds);
    QFETCH(int, afterS);
    QFETCH(int, beforeS);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QFETCH(bool, oldestFirst);

    // Rooms 1 to 3 and private messages of alice (1), bob (2) and carol (3), each line at the
    // second of its text; bob's nickname is written three ways, one key.
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    for (qint64 id : {1, 2, 3})
        QCOMPARE(createRoom(*m_store, room(id, u"room%1"_s.arg(id))).error, QString());
    const QList<StoredMessage> lines = {
        line(1, u"1"_s, start.addSecs(1)),
        line(2, u"2"_s, start.addSecs(2)),
        line(1, u"3"_s, start.addSecs(3)),
        privateLine(u"alice"_s, 1, u"Bob"_s, 2, u"4"_s, start.addSecs(4)),
        line(1, u"5"_s, start.addSecs(5)),
        privateLine(u"carol"_s, 3, u"alice"_s, 1, u"6"_s, start.addSecs(6)),
        privateLine(u"alice"_s, 1, u"BOB"_s, 2, u"7"_s, start.addSecs(7)),
        line(2, u"8"_s, start.addSecs(8)),
        line(3, u"9"_s, start.addSecs(9)),
        privateLine(u"bob"_s, 2, u"carol"_s, 3, u"10"_s, start.addSecs(10)),
    };
    for (const Written &w : appendAll(*m_store, lines))
        QCOMPARE(w.error, QString());

    TargetsRequest request;
    request.person = person;
    request.roomIds = roomIds;
    request.afterMs = afterS != 0 ? start.addSecs(afterS).toMSecsSinceEpoch() : 0;
    request.beforeMs = beforeS != 0 ? start.addSecs(beforeS).toMSecsSinceEpoch() : 0;
    request.limit = limit;
    request.oldestFirst = oldestFirst;
    bool answered = false;
    const TargetsPage page = StoreHarness::readTargets(*m_store, request, &answered);
    QVERIFY(answered);
    QCOMPARE(page.error, QString());
    QStringList targets;
    for (const StoredTarget &target : page.targets) {
        const QString name =
            target.roomId != 0 ? u"room%1"_s.arg(target.roomId) : u'@' + target.peer;
        targets << u"%1 %2"_s.arg(name).arg(start.secsTo(target.latest));
    }
    QCOMPARE(targets, expected);
}

void tst_Store::countersContinueAfterReopen()
{
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    const QList<Written> first = appendAll(
        *m_store, {line(1, u"a"_s), line(1, u"b"_s), privateLine(u"x"_s, 1, u"y"_s, 2, u"c"_s)});
    QCOMPARE(first.constLast().committed.id, 3u);
    QVERIFY(reopen());
    QCOMPARE(m_store->rooms().value(0).lastSeq, 2u);
    const Written next = append(*m_store, line(1, u"d"_s));
    QCOMPARE(next.error, QString());
    QCOMPARE(next.committed.seq, 3u);
    QCOMPARE(next.committed.id, 4u);
    bool answered = false;
    HistoryRequest request;
    request.roomId = 1;
    QCOMPARE(texts(StoreHarness::read(*m_store, request, &answered)),
             QStringList({u"a"_s, u"b"_s, u"d"_s}));
}

void tst_Store::accountsSurviveReopen()
{
    QCOMPARE(m_store->accounts(), QList<StoredAccount>());
    StoredAccount alice = account(u"Alice"_s, u"hash-1"_s);
    const StoredAccount bob = account(u"bob"_s, u"hash-2"_s);
    const StoredAccount carol = account(u"carol"_s, u"hash-3"_s);
    // The store computes the key; a caller's is ignored.
    StoredAccount wrongKey = alice;
    wrongKey.key = u"whatever"_s;
    QCOMPARE(saveAccount(*m_store, wrongKey).error, QString());
    QCOMPARE(saveAccount(*m_store, bob).error, QString());
    QCOMPARE(saveAccount(*m_store, carol).error, QString());
    // A new password replaces the row with the same key; a deleted account is gone.
    alice.passwordHash = u"hash-4"_s;
    QCOMPARE(saveAccount(*m_store, alice).error, QString());
    QCOMPARE(deleteAccount(*m_store, u"carol"_s).error, QString());
    // Not seen before a reopen: open() reads them once.
    QCOMPARE(m_store->accounts(), QList<StoredAccount>());

    QVERIFY(reopen());
    QCOMPARE(m_store->accounts(), QList<StoredAccount>({alice, bob}));
}

void tst_Store::roomRulesSurviveReopen()
{
    QCOMPARE(m_store->roles(), QList<StoredRole>());
    QCOMPARE(m_store->sanctions(), QList<StoredSanction>());
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(2, u"den"_s)).error, QString());
    auto saveRole = [this](const StoredRole &role) {
        return written(*m_store,
                       [&](Store &s, Store::WriteDone done) { s.saveRole(role, std::move(done)); })
            .error;
    };
    auto deleteRole = [this](const StoredRole &role) {
        return written(
                   *m_store,
                   [&](Store &s, Store::WriteDone done) { s.deleteRole(role, std::move(done)); })
            .error;
    };
    auto saveSanction = [this](const StoredSanction &sanction) {
        return written(*m_store,
                       [&](Store &s, Store::WriteDone done) {
                           s.saveSanction(sanction, std::move(done));
                       })
            .error;
    };
    auto deleteSanction = [this](const StoredSanction &sanction) {
        return written(*m_store,
                       [&](Store &s, Store::WriteDone done) {
                           s.deleteSanction(sanction, std::move(done));
                       })
            .error;
    };

    const StoredRole owner{1, u"alice"_s, StoredRole::Role::Owner};
    StoredRole bob{1, u"bob"_s, StoredRole::Role::Operator};
    QCOMPARE(saveRole(owner), QString());
    QCOMPARE(saveRole(bob), QString());
    bob.role = StoredRole::Role::Owner; // replaces the row
    QCOMPARE(saveRole(bob), QString());
    QCOMPARE(saveRole({1, u"carol"_s, StoredRole::Role::Operator}), QString());
    QCOMPARE(deleteRole({1, u"carol"_s, {}}), QString());
    QCOMPARE(deleteRole({1, u"nobody"_s, {}}), QString()); // nothing to forget is no error
    QCOMPARE(saveRole({2, u"dave"_s, StoredRole::Role::Owner}), QString());
    QCOMPARE(saveRole({9, u"alice"_s, StoredRole::Role::Owner}), u"there is no room 9"_s);
    QCOMPARE(saveRole({1, QString(), StoredRole::Role::Owner}), u"a role needs an account"_s);

    StoredSanction ban;
    ban.roomId = 1;
    ban.kind = StoredSanction::Kind::Ban;
    ban.mask = u"2001:db8::/32"_s;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    ban.until = now.addSecs(3600);
    ban.setter = u"alice"_s;
    ban.reason = u"spam"_s;
    ban.created = now;
    StoredSanction mute = ban; // same mask, other kind: both kept
    mute.kind = StoredSanction::Kind::Mute;
    mute.until = {};
    mute.reason.clear();
    StoredSanction allow = mute; // and a third and fourth kind on the same mask
    allow.kind = StoredSanction::Kind::Allow;
    StoredSanction exempt = mute;
    exempt.kind = StoredSanction::Kind::Exempt;
    StoredSanction gone = ban;
    gone.mask = u"carol"_s;
    QCOMPARE(saveSanction(ban), QString());
    QCOMPARE(saveSanction(mute), QString());
    QCOMPARE(saveSanction(allow), QString());
    QCOMPARE(saveSanction(exempt), QString());
    QCOMPARE(saveSanction(gone), QString());
    QCOMPARE(deleteSanction(gone), QString());
    StoredSanction inDen = ban;
    inDen.roomId = 2;
    QCOMPARE(saveSanction(inDen), QString());
    StoredSanction noMask = ban;
    noMask.mask.clear();
    QCOMPARE(saveSanction(noMask), u"a sanction needs a mask"_s);
    // Deleting an account takes its roles with it.
    QCOMPARE(saveAccount(*m_store, account(u"erin"_s, u"hash"_s)).error, QString());
    QCOMPARE(saveRole({1, u"erin"_s, StoredRole::Role::Operator}), QString());
    QCOMPARE(StoreHarness::deleteAccount(*m_store, u"erin"_s).error, QString());
    // Deleting a room takes its rules with it.
    QCOMPARE(StoreHarness::deleteRoom(*m_store, 2).error, QString());
    // Not seen before a reopen: open() reads them once.
    QCOMPARE(m_store->roles(), QList<StoredRole>());

    QVERIFY(reopen());
    QCOMPARE(m_store->roles(), QList<StoredRole>({owner, bob}));
    QCOMPARE(m_store->sanctions(),
             QList<StoredSanction>({allow, ban, exempt, mute})); // by kind, then mask
}

void tst_Store::moderationLogSurvivesReopen()
{
    QCOMPARE(m_store->moderation(), QList<StoredModeration>());
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(2, u"den"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(3, u"attic"_s)).error, QString());
    auto log = [this](const StoredModeration &entry) {
        return written(*m_store,
                       [&](Store &s, Store::WriteDone done) {
                           s.logModeration(entry, std::move(done));
                       })
            .error;
    };
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    const StoredModeration attic{3, now, u"alice"_s, u"op"_s, u"bob"_s, QString()};
    const StoredModeration kick{1, now, u"alice"_s, u"kick"_s, u"bob"_s, u"spam"_s};
    // The same millisecond: kept in the order written.
    const StoredModeration ban{1, now, u"alice"_s, u"ban"_s, u"10.0.0.0/8"_s, u"0"_s};
    const StoredModeration rule{1, now.addSecs(1), u"bob"_s, u"rule"_s, u"topic-lock"_s, u"on"_s};
    QCOMPARE(log(attic), QString());
    QCOMPARE(log(kick), QString());
    QCOMPARE(log(ban), QString());
    QCOMPARE(log(rule), QString());
    QCOMPARE(log({2, now, u"alice"_s, u"mute"_s, u"carol"_s, QString()}), QString());
    QCOMPARE(log({9, now, u"alice"_s, u"kick"_s, u"carol"_s, QString()}), u"there is no room 9"_s);
    // Deleting a room takes its log with it.
    QCOMPARE(StoreHarness::deleteRoom(*m_store, 2).error, QString());
    QCOMPARE(m_store->moderation(), QList<StoredModeration>());

    QVERIFY(reopen());
    QCOMPARE(m_store->moderation(), QList<StoredModeration>({kick, ban, rule, attic}));
}

void tst_Store::refusedAccounts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("deleteKey");
    QTest::addColumn<QString>("error");

    QTest::newRow("no name") << QString() << u"h"_s << QString() << u"an account needs a name"_s;
    QTest::newRow("no hash") << u"alice"_s << QString() << QString()
                             << u"an account needs a password hash"_s;
    QTest::newRow("delete unknown")
        << QString() << QString() << u"nobody"_s << u"there is no account nobody"_s;
}

void tst_Store::refusedAccounts()
{
    QFETCH(QString, name);
    QFETCH(QString, hash);
    QFETCH(QString, deleteKey);
    QFETCH(QString, error);
    const Written written = deleteKey.isEmpty() ? saveAccount(*m_store, account(name, hash))
                                                : deleteAccount(*m_store, deleteKey);
    QVERIFY(written.answered);
    QCOMPARE(written.error, error);
    // The store goes on.
    QCOMPARE(saveAccount(*m_store, account(u"zed"_s, u"h"_s)).error, QString());
    QVERIFY(reopen());
    QCOMPARE(m_store->accounts().size(), 1);
}

void tst_Store::bootNumberCountsOpens()
{
    QCOMPARE(m_store->bootNumber(), 1u);
    QVERIFY(reopen());
    QCOMPARE(m_store->bootNumber(), 2u);
    QVERIFY(reopen());
    QCOMPARE(m_store->bootNumber(), 3u);
}

// Both stores may be closed and opened again as the same object.
void tst_Store::sameObjectOpensAgain()
{
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    QCOMPARE(append(*m_store, line(1, u"a"_s)).committed.seq, 1u);
    m_store->close();
    QVERIFY2(m_store->open(), qPrintable(m_store->errorString()));
    QCOMPARE(m_store->bootNumber(), 2u);
    QCOMPARE(m_store->rooms().size(), 1);
    QCOMPARE(m_store->rooms().constFirst().lastSeq, 1u);
    QCOMPARE(append(*m_store, line(1, u"b"_s)).committed.seq, 2u);
    QVERIFY(!m_store->open());
    QCOMPARE(m_store->errorString(), u"the store is already open"_s);
}

void tst_Store::closeAnswersQueuedWrites()
{
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    int answered = 0;
    for (int i = 0; i < 200; ++i) {
        m_store->append(line(1, QString::number(i)), [&](const StoredMessage &m, const QString &e) {
            QCOMPARE(e, QString());
            QCOMPARE(m.seq, quint64(answered + 1));
            ++answered;
        });
    }
    bool read = false;
    HistoryRequest request;
    request.roomId = 1;
    m_store->read(request, [&](const HistoryPage &) { read = true; });
    m_store->close();
    QCOMPARE(answered, 200);
    QVERIFY(read);

    // Closed: refused, still later and in order.
    QString refused;
    m_store->append(line(1, u"late"_s),
                    [&](const StoredMessage &, const QString &e) { refused = e; });
    QCOMPARE(refused, QString());
    QTRY_COMPARE(refused, u"the store is not open"_s);

    QVERIFY(isSql() ? openStore() : m_store->open());
    QCOMPARE(m_store->rooms().value(0).lastSeq, 200u);
}

void tst_Store::noPruningBeforeFirstInterval()
{
    m_store->close();
    m_options.historyDays = 1;
    m_options.maxLinesPerRoom = 1;
    m_options.pruneIntervalMs = 60 * 60 * 1000;
    QVERIFY(openStore());
    QCOMPARE(createRoom(*m_store, room(1, u"hall"_s)).error, QString());
    appendAll(*m_store, {line(1, u"old"_s, daysAgo(5)), line(1, u"new"_s)});
    bool answered = false;
    HistoryRequest request;
    request.roomId = 1;
    QCOMPARE(texts(StoreHarness::read(*m_store, request, &answered)),
             QStringList({u"old"_s, u"new"_s}));
    QCOMPARE(m_store->stats().prunedLines, 0);
}

void tst_Store::retention_data()
{
    QTest::addColumn<int>("historyDays");
    QTest::addColumn<qint64>("maxLinesPerRoom");
    QTest::addColumn<int>("pruneBatch");
    QTest::addColumn<int>("oldLines");   // room 1, three days old, o1...
    QTest::addColumn<int>("newLines");   // room 1, now, n1...
    QTest::addColumn<int>("otherLines"); // room 2, now, m1...
    QTest::addColumn<int>("oldPrivate"); // three days old; one more of now
    QTest::addColumn<int>("pruned");
    QTest::addColumn<QStringList>("roomAfter");
    QTest::addColumn<int>("privateAfter");

    // clang-format off
    QTest::newRow("by age") << 1 << 0ll << 3 << 7 << 3 << 2 << 2 << 9 << numbered(u"n"_s, 1, 3) << 1;
    QTest::newRow("by count") << 0 << 4ll << 3 << 0 << 10 << 3 << 2 << 6 << numbered(u"n"_s, 7, 10) << 3;
    QTest::newRow("by age and count") << 1 << 5ll << 2 << 4 << 8 << 2 << 1 << 8 << numbered(u"n"_s, 4, 8) << 1;
    QTest::newRow("one batch") << 1 << 0ll << 100 << 5 << 1 << 1 << 0 << 5 << numbered(u"n"_s, 1, 1) << 1;
    // clang-format on
}

// Age goes by id, the order lines were stored in: an old line stored after a newer one (the
// server's clock went back) waits until the newer one is old too. Not for the memory store,
// which keeps lines by room.
void tst_Store::retentionByAgeFollowsIdOrder()
{
    if (!isSql())
        QSKIP("SqlStore's rule: lines by id; the memory store keeps them by room");
    m_store->close();
    m_options.historyDays = 1;
    m_options.maxLinesPerRoom = 0;
    m_options.pruneIntervalMs = 200;
    QVERIFY(openStore());
    QCOMPARE(createRoom(*m_store, room(1, u"one"_s)).error, QString());
    const QList<Written> written =
        appendAll(*m_store, {line(1, u"old"_s, daysAgo(3)), line(1, u"new"_s),
                             line(1, u"late"_s, daysAgo(3))});
    QCOMPARE(written.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->stats().prunedLines, qint64(1), 10000);
    bool answered = false;
    HistoryRequest request;
    request.roomId = 1;
    request.limit = 10;
    QCOMPARE(texts(StoreHarness::read(*m_store, request, &answered)),
             (QStringList{u"new"_s, u"late"_s}));
}

void tst_Store::retention()
{
    QFETCH(int, historyDays);
    QFETCH(qint64, maxLinesPerRoom);
    QFETCH(int, pruneBatch);
    QFETCH(int, oldLines);
    QFETCH(int, newLines);
    QFETCH(int, otherLines);
    QFETCH(int, oldPrivate);
    QFETCH(int, pruned);
    QFETCH(QStringList, roomAfter);
    QFETCH(int, privateAfter);

    m_store->close();
    m_options.historyDays = historyDays;
    m_options.maxLinesPerRoom = maxLinesPerRoom;
    m_options.pruneBatch = pruneBatch;
    // Long enough for the lines below to be in before the first round, usually; the checks
    // hold either way.
    m_options.pruneIntervalMs = 500;
    QVERIFY(openStore());
    QCOMPARE(createRoom(*m_store, room(1, u"one"_s)).error, QString());
    QCOMPARE(createRoom(*m_store, room(2, u"two"_s)).error, QString());
    QList<StoredMessage> lines;
    // In the order a server stores them: the old ones first.
    for (const QString &text : numbered(u"o"_s, 1, oldLines))
        lines.append(line(1, text, daysAgo(3)));
    for (const QString &text : numbered(u"q"_s, 1, oldPrivate))
        lines.append(privateLine(u"alice"_s, 1, u"bob"_s, 2, text, daysAgo(3)));
    for (const QString &text : numbered(u"n"_s, 1, newLines))
        lines.append(line(1, text));
    for (const QString &text : numbered(u"m"_s, 1, otherLines))
        lines.append(line(2, text));
    lines.append(privateLine(u"alice"_s, 1, u"bob"_s, 2, u"fresh"_s));
    const QList<Written> written = appendAll(*m_store, lines);
    QCOMPARE(written.size(), lines.size());
    const quint64 lastId = written.constLast().committed.id;
    const StoreStats before = m_store->stats();

    QTRY_COMPARE_WITH_TIMEOUT(m_store->stats().prunedLines, pruned, 20000);
    // Never more than pruneBatch rows in one transaction.
    const StoreStats after = m_store->stats();
    const qint64 prunedSince = pruned - before.prunedLines;
    QVERIFY2(
        after.transactions - before.transactions >= (prunedSince + pruneBatch - 1) / pruneBatch,
        qPrintable(u"%1 transactions for %2 lines"_s.arg(after.transactions - before.transactions)
                       .arg(prunedSince)));

    bool answered = false;
    HistoryRequest request;
    request.roomId = 1;
    request.limit = 1000;
    QCOMPARE(texts(StoreHarness::read(*m_store, request, &answered)), roomAfter);
    request.roomId = 2;
    QCOMPARE(StoreHarness::read(*m_store, request, &answered).messages.size(), otherLines);
    request.roomId = 0;
    request.person = 1;
    QCOMPARE(StoreHarness::read(*m_store, request, &answered).messages.size(), privateAfter);

    // Nothing goes back: not the room's last sequence number, not the last id.
    const Written next = append(*m_store, line(1, u"next"_s));
    QCOMPARE(next.error, QString());
    QCOMPARE(next.committed.seq, quint64(oldLines + newLines + 1));
    QCOMPARE(next.committed.id, lastId + 1);
    QVERIFY(reopen());
    QCOMPARE(m_store->rooms().value(0).lastSeq, quint64(oldLines + newLines + 1));
    QCOMPARE(append(*m_store, privateLine(u"a"_s, 1, u"b"_s, 2, u"x"_s)).committed.id, lastId + 2);
}

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
