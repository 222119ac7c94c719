// SPDX-License-Identifier: MIT
// Several SqlStores writing to one PostgreSQL database at once, as the nodes of a cluster do
// (StoreOptions::sharedWriters): ids unique, each room's sequence numbers gap-free and in
// commit order whoever commits, and a lone server kept off the cluster's database.
#include "StoreHarness.h"
#include "store/SqlStore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace StoreHarness;

namespace {

constexpr int TimeoutMs = 60000;

StoreOptions shared()
{
    StoreOptions options = onDatabase(u"postgresql"_s, {});
    options.sharedWriters = true;
    options.durability = StoreOptions::Durability::Normal;
    return options;
}

std::unique_ptr<SqlStore> opened(const StoreOptions &options)
{
    auto store = std::make_unique<SqlStore>(options);
    if (!store->open()) {
        qWarning("open: %s", qPrintable(store->errorString()));
        return {};
    }
    return store;
}

} // namespace

class TestSharedStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void twoWritersOneRoom();
    void roomMadeByAnotherWriter();
    void roomDeletedByAnotherWriter();
    void privateLinesFromBoth();
    void bootNumbersDiffer();
    void loneServerKeptOff_data();
    void loneServerKeptOff();
    void sqliteRefusesSharing();
};

void TestSharedStore::init()
{
    if (qstrcmp(QTest::currentTestFunction(), "sqliteRefusesSharing") == 0)
        return;
    if (postgresUrl().isEmpty())
        QSKIP("needs PostgreSQL: run through tests/store/with-postgres.sh (the store_postgresql "
              "test)");
    QString error;
    QVERIFY2(emptyPostgres(&error), qPrintable(error));
}

void TestSharedStore::twoWritersOneRoom()
{
    auto a = opened(shared());
    QVERIFY(a);
    QVERIFY(createRoom(*a, room(1, u"hall"_s)).error.isEmpty());
    auto b = opened(shared());
    QVERIFY(b);

    // Both write at once, many lines each, so that their transactions interleave.
    constexpr int PerWriter = 300;
    QList<StoredMessage> committed;
    QStringList errors;
    auto done = [&](const StoredMessage &line, const QString &error) {
        if (!error.isEmpty())
            errors << error;
        else
            committed << line;
    };
    for (int i = 0; i < PerWriter; ++i) {
        a->append(line(1, u"a%1"_s.arg(i)), done);
        b->append(line(1, u"b%1"_s.arg(i)), done);
    }
    QTRY_COMPARE_WITH_TIMEOUT(committed.size() + errors.size(), 2 * PerWriter, TimeoutMs);
    QCOMPARE(errors, QStringList());

    QSet<quint64> ids;
    QSet<quint64> seqs;
    for (const StoredMessage &m : std::as_const(committed)) {
        ids.insert(m.id);
        seqs.insert(m.seq);
    }
    QCOMPARE(ids.size(), 2 * PerWriter);
    QCOMPARE(seqs.size(), 2 * PerWriter);
    QCOMPARE(*std::min_element(seqs.cbegin(), seqs.cend()), 1u);
    QCOMPARE(*std::max_element(seqs.cbegin(), seqs.cend()), quint64(2 * PerWriter));

    // Each writer's own lines keep the order it wrote them in.
    QMap<quint64, QString> bySeq;
    for (const StoredMessage &m : std::as_const(committed))
        bySeq.insert(m.seq, m.text);
    int nextA = 0;
    int nextB = 0;
    for (const QString &text : std::as_const(bySeq)) {
        if (text.startsWith(u'a'))
            QCOMPARE(text, u"a%1"_s.arg(nextA++));
        else
            QCOMPARE(text, u"b%1"_s.arg(nextB++));
    }

    // Either store reads what both wrote, by sequence number.
    HistoryRequest request;
    request.roomId = 1;
    request.direction = HistoryRequest::Direction::After;
    request.limit = 1000;
    bool answered = false;
    const HistoryPage page = read(*b, request, &answered);
    QVERIFY(answered);
    QCOMPARE(page.messages.size(), 2 * PerWriter);
    for (int i = 0; i < page.messages.size(); ++i) {
        QCOMPARE(page.messages.at(i).seq, quint64(i + 1));
        QCOMPARE(page.messages.at(i).text, bySeq.value(i + 1));
    }
    a->close();
    b->close();
}

void TestSharedStore::roomMadeByAnotherWriter()
{
    auto a = opened(shared());
    QVERIFY(a);
    QVERIFY(createRoom(*a, room(1, u"hall"_s)).error.isEmpty());
    auto b = opened(shared());
    QVERIFY(b);
    // Made after b opened: b learns of it from its first line there.
    QVERIFY(createRoom(*a, room(2, u"games"_s, u"ann"_s)).error.isEmpty());
    QCOMPARE(append(*a, line(2, u"first"_s)).committed.seq, 1u);
    const Written second = append(*b, line(2, u"second"_s));
    QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
    QCOMPARE(second.committed.seq, 2u);
    QCOMPARE(append(*a, line(2, u"third"_s)).committed.seq, 3u);
    // Its name is taken for every writer: the database refuses the second room.
    const Written again = createRoom(*b, room(3, u"Games"_s, u"bob"_s));
    QVERIFY(again.answered);
    QVERIFY(!again.error.isEmpty());
    a->close();
    b->close();
}

void TestSharedStore::roomDeletedByAnotherWriter()
{
    auto a = opened(shared());
    QVERIFY(a);
    QVERIFY(createRoom(*a, room(1, u"hall"_s)).error.isEmpty());
    QVERIFY(createRoom(*a, room(2, u"games"_s, u"ann"_s)).error.isEmpty());
    auto b = opened(shared());
    QVERIFY(b);
    QCOMPARE(append(*b, line(2, u"hello"_s)).committed.seq, 1u);
    QVERIFY(deleteRoom(*a, 2).error.isEmpty());
    // b still remembers the room; the database decides.
    const Written late = append(*b, line(2, u"too late"_s));
    QVERIFY(late.answered);
    QVERIFY(!late.error.isEmpty());
    // b's other lines are not held back by the refusal.
    QCOMPARE(append(*b, line(1, u"in the hall"_s)).committed.seq, 1u);
    a->close();
    b->close();
}

void TestSharedStore::privateLinesFromBoth()
{
    auto a = opened(shared());
    QVERIFY(a);
    auto b = opened(shared());
    QVERIFY(b);
    QList<quint64> ids;
    for (int i = 0; i < 20; ++i) {
        ids << append(*a, privateLine(u"ann"_s, 1, u"bob"_s, 2, u"a%1"_s.arg(i))).committed.id;
        ids << append(*b, privateLine(u"bob"_s, 2, u"ann"_s, 1, u"b%1"_s.arg(i))).committed.id;
    }
    // Waited for one at a time: ids increase in commit order, whichever writer.
    for (int i = 1; i < ids.size(); ++i)
        QVERIFY2(ids.at(i) > ids.at(i - 1),
                 qPrintable(u"id %1 after %2"_s.arg(ids.at(i)).arg(ids.at(i - 1))));
    HistoryRequest request;
    request.person = 1;
    request.direction = HistoryRequest::Direction::Latest;
    request.limit = 100;
    bool answered = false;
    QCOMPARE(read(*a, request, &answered).messages.size(), 40);
    a->close();
    b->close();
}

void TestSharedStore::bootNumbersDiffer()
{
    // Person ids are made from the boot number: two nodes must never share one.
    auto a = opened(shared());
    QVERIFY(a);
    auto b = opened(shared());
    QVERIFY(b);
    auto c = opened(shared());
    QVERIFY(c);
    const QSet<quint32> boots = {a->bootNumber(), b->bootNumber(), c->bootNumber()};
    QCOMPARE(boots.size(), 3);
}

void TestSharedStore::loneServerKeptOff_data()
{
    QTest::addColumn<bool>("firstShared");
    QTest::newRow("cluster first, then a lone server") << true;
    QTest::newRow("lone server first, then a node") << false;
}

void TestSharedStore::loneServerKeptOff()
{
    QFETCH(bool, firstShared);
    StoreOptions lone = onDatabase(u"postgresql"_s, {});
    auto first = opened(firstShared ? shared() : lone);
    QVERIFY(first);
    SqlStore second(firstShared ? lone : shared());
    QVERIFY(!second.open());
    QVERIFY2(second.errorString().contains(u"in use"_s), qPrintable(second.errorString()));
    first->close();
    first.reset();
    // Once the first is gone, the second may open.
    SqlStore third(firstShared ? lone : shared());
    QVERIFY2(third.open(), qPrintable(third.errorString()));
    third.close();
}

void TestSharedStore::sqliteRefusesSharing()
{
    QTemporaryDir dir;
    StoreOptions options;
    options.dataDirectory = dir.path();
    options.sharedWriters = true;
    SqlStore store(options);
    QVERIFY(!store.open());
    QVERIFY2(store.errorString().contains(u"PostgreSQL"_s), qPrintable(store.errorString()));
}

QTEST_GUILESS_MAIN(TestSharedStore)
#include "tst_sharedstore.moc"
