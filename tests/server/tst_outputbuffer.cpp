// SPDX-License-Identifier: MIT
// OutputBuffer on its own: what gather() offers is always the unsent bytes in order, whatever
// the sizes of the pieces, where the blocks end and how much the kernel took.
#include "net/OutputBlockPool.h"
#include "net/OutputBuffer.h"

#include <QTest>

#include <vector>

#include <sys/uio.h>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype Block = OutputBuffer::BlockBytes;

// Everything gather() offers, concatenated.
QByteArray gathered(const OutputBuffer &buffer, int maxVectors = 1024)
{
    std::vector<iovec> vectors(static_cast<size_t>(maxVectors));
    const int count = buffer.gather(vectors.data(), maxVectors);
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes.append(static_cast<const char *>(vectors[size_t(i)].iov_base),
                     qsizetype(vectors[size_t(i)].iov_len));
    return bytes;
}

// A piece of size bytes whose content tells where it belongs.
QByteArray piece(int index, qsizetype size)
{
    QByteArray bytes(size, char('a' + index % 26));
    if (size > 0)
        bytes[0] = char('0' + index % 10);
    return bytes;
}

} // namespace

class TestOutputBuffer : public QObject
{
    Q_OBJECT

private slots:
    void appendKeepsOrder_data();
    void appendKeepsOrder();
    void partialSends_data();
    void partialSends();
    void gatherOffersAtMostMax();
    void drainedBufferHoldsNoBlock();
    void blocksAreReusedAcrossPasses();
    void poolKeepsABoundedNumber();
    void referredAndCopiedKeepOrder_data();
    void referredAndCopiedKeepOrder();
    void referredRunsAreBounded();
    void copyReferredLetsTheArenaGo_data();
    void copyReferredLetsTheArenaGo();
};

void TestOutputBuffer::appendKeepsOrder_data()
{
    QTest::addColumn<QList<qsizetype>>("sizes");
    QTest::addColumn<qsizetype>("blocks");
    QTest::newRow("nothing") << QList<qsizetype>{} << qsizetype(0);
    QTest::newRow("empty piece") << QList<qsizetype>{0} << qsizetype(0);
    QTest::newRow("one short line") << QList<qsizetype>{42} << qsizetype(1);
    QTest::newRow("a block exactly") << QList<qsizetype>{Block} << qsizetype(1);
    QTest::newRow("one byte past a block") << QList<qsizetype>{Block, 1} << qsizetype(2);
    QTest::newRow("a line across the boundary") << QList<qsizetype>{Block - 10, 30} << qsizetype(2);
    QTest::newRow("a piece of three blocks and a bit")
        << QList<qsizetype>{3 * Block + 5} << qsizetype(4);
    QTest::newRow("short lines filling blocks")
        << QList<qsizetype>(1000, 50) << qsizetype((1000 * 50 + Block - 1) / Block);
    QTest::newRow("a big piece after a short one")
        << QList<qsizetype>{7, 2 * Block} << qsizetype(3);
}

void TestOutputBuffer::appendKeepsOrder()
{
    QFETCH(QList<qsizetype>, sizes);
    QFETCH(qsizetype, blocks);
    OutputBuffer buffer;
    QByteArray expected;
    for (int i = 0; i < sizes.size(); ++i) {
        const QByteArray bytes = piece(i, sizes[i]);
        buffer.append(bytes);
        expected += bytes;
    }
    QCOMPARE(buffer.size(), expected.size());
    QCOMPARE(buffer.isEmpty(), expected.isEmpty());
    QCOMPARE(buffer.blockCount(), blocks);
    QCOMPARE(gathered(buffer), expected);
}

void TestOutputBuffer::partialSends_data()
{
    QTest::addColumn<qsizetype>("total");
    QTest::addColumn<QList<qsizetype>>("taken"); // what the kernel takes at each send
    QTest::newRow("a byte, then the rest") << qsizetype(100) << QList<qsizetype>{1, 99};
    QTest::newRow("up to a boundary") << 2 * Block << QList<qsizetype>{Block, Block};
    QTest::newRow("one short of a boundary") << 2 * Block << QList<qsizetype>{Block - 1, 1, Block};
    QTest::newRow("one past a boundary") << 3 * Block << QList<qsizetype>{Block + 1, 2 * Block - 1};
    QTest::newRow("several blocks at once")
        << 5 * Block + 17 << QList<qsizetype>{10, 4 * Block, Block + 7};
    QTest::newRow("small steps") << qsizetype(5000) << QList<qsizetype>(50, 100);
}

void TestOutputBuffer::partialSends()
{
    QFETCH(qsizetype, total);
    QFETCH(QList<qsizetype>, taken);
    OutputBuffer buffer;
    QByteArray expected;
    for (int i = 0; expected.size() < total; ++i) {
        const QByteArray bytes = piece(i, std::min<qsizetype>(61, total - expected.size()));
        buffer.append(bytes);
        expected += bytes;
    }
    for (qsizetype bytes : taken) {
        buffer.consume(bytes);
        expected.remove(0, bytes);
        QCOMPARE(buffer.size(), expected.size());
        QCOMPARE(gathered(buffer), expected);
        // Only the blocks that still hold unsent bytes are kept.
        if (!expected.isEmpty())
            QVERIFY(buffer.blockCount() <= (expected.size() + 2 * Block - 2) / Block);
    }
    QCOMPARE(buffer.blockCount(), 0);
    // New bytes after a partial send come after the old ones.
    buffer.append("tail");
    QCOMPARE(gathered(buffer), QByteArray("tail"));
}

void TestOutputBuffer::gatherOffersAtMostMax()
{
    OutputBuffer buffer;
    const QByteArray bytes = piece(1, 5 * Block);
    buffer.append(bytes);
    buffer.consume(3);
    QCOMPARE(gathered(buffer, 2), bytes.mid(3, 2 * Block - 3));
    QCOMPARE(gathered(buffer, 5), bytes.mid(3));
}

void TestOutputBuffer::drainedBufferHoldsNoBlock()
{
    OutputBuffer buffer;
    buffer.append(piece(0, 100));
    buffer.consume(100);
    QCOMPARE(buffer.blockCount(), 0);
    QVERIFY(buffer.isEmpty());
    buffer.append(piece(1, 3 * Block));
    buffer.clear();
    QCOMPARE(buffer.blockCount(), 0);
    QCOMPARE(gathered(buffer), QByteArray());
}

void TestOutputBuffer::blocksAreReusedAcrossPasses()
{
    // Pass after pass, a busy connection takes its blocks from the pool and gives them back:
    // nothing is allocated once the pool has them.
    OutputBuffer buffer;
    buffer.append(piece(0, 2 * Block));
    buffer.consume(buffer.size());
    const qsizetype kept = OutputBlockPool::keptCount();
    QVERIFY(kept >= 2);
    for (int pass = 0; pass < 10; ++pass) {
        const QByteArray bytes = piece(pass, 2 * Block - 7);
        buffer.append(bytes);
        QCOMPARE(OutputBlockPool::keptCount(), kept - 2);
        QCOMPARE(gathered(buffer), bytes);
        buffer.consume(buffer.size());
        QCOMPARE(OutputBlockPool::keptCount(), kept);
    }
}

void TestOutputBuffer::poolKeepsABoundedNumber()
{
    const qsizetype blocks = OutputBlockPool::KeptBlocks + 10;
    {
        OutputBuffer buffer;
        const QByteArray full(Block, 'x');
        for (qsizetype i = 0; i < blocks; ++i)
            buffer.append(full);
        QCOMPARE(buffer.blockCount(), blocks);
    }
    QCOMPARE(OutputBlockPool::keptCount(), OutputBlockPool::KeptBlocks);
}

void TestOutputBuffer::referredAndCopiedKeepOrder_data()
{
    // Steps: 'r' refers to the next piece of the arena, 's' skips a piece of it (another room's
    // line), 'c' copies a piece of its own. What gather() offers is the bytes in step order, in
    // as many vectors as there are runs; referred runs hold no block.
    QTest::addColumn<QString>("steps");
    QTest::addColumn<int>("vectors");
    QTest::addColumn<qsizetype>("blocks");
    QTest::newRow("one referred piece") << u"r"_s << 1 << qsizetype(0);
    QTest::newRow("a pass of a room's lines is one run") << u"rrrrrrrrrr"_s << 1 << qsizetype(0);
    QTest::newRow("own bytes first") << u"crrr"_s << 2 << qsizetype(1);
    QTest::newRow("own bytes between") << u"rrcrr"_s << 3 << qsizetype(1);
    QTest::newRow("another room's line between") << u"rrsrr"_s << 2 << qsizetype(0);
    QTest::newRow("own bytes across blocks, then a run")
        << QString(45, u'c') + u"r"_s << 3 << qsizetype(2);
}

void TestOutputBuffer::referredAndCopiedKeepOrder()
{
    QFETCH(QString, steps);
    QFETCH(int, vectors);
    QFETCH(qsizetype, blocks);
    QByteArray arena;
    for (int i = 0; i < 64; ++i)
        arena += piece(i, 61);
    OutputBuffer buffer;
    QByteArray expected;
    qsizetype at = 0;
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i] == u'c') {
            const QByteArray own = piece(100 + i, 61);
            buffer.append(own);
            expected += own;
            continue;
        }
        const QByteArrayView next(arena.constData() + at, 61);
        at += 61;
        if (steps[i] == u's')
            continue;
        QVERIFY(buffer.refer(next));
        expected += next.toByteArray();
    }
    QCOMPARE(buffer.size(), expected.size());
    QCOMPARE(gathered(buffer), expected);
    std::vector<iovec> all(64);
    QCOMPARE(buffer.gather(all.data(), 64), vectors);
    QCOMPARE(buffer.blockCount(), blocks);
}

void TestOutputBuffer::referredRunsAreBounded()
{
    // Lines of a pass that are not side by side in the arena start new runs up to MaxRuns;
    // the next is refused (and copied by the caller), a continuation of the last run is not.
    QByteArray arena(1000, 'a');
    OutputBuffer buffer;
    for (qsizetype run = 0; run < OutputBuffer::MaxRuns; ++run)
        QVERIFY(buffer.refer(QByteArrayView(arena.constData() + 100 * run, 10)));
    QVERIFY(!buffer.refer(QByteArrayView(arena.constData() + 900, 10)));
    const qsizetype lastEnd = 100 * (OutputBuffer::MaxRuns - 1) + 10;
    QVERIFY(buffer.refer(QByteArrayView(arena.constData() + lastEnd, 5)));
    QCOMPARE(buffer.size(), 10 * OutputBuffer::MaxRuns + 5);
}

void TestOutputBuffer::copyReferredLetsTheArenaGo_data()
{
    QTest::addColumn<qsizetype>("sent"); // what the kernel took before the pass ended
    QTest::newRow("nothing sent") << qsizetype(0);
    QTest::newRow("part of the first run") << qsizetype(20);
    QTest::newRow("the first run and own bytes") << qsizetype(300 + 61);
    QTest::newRow("into the last run") << qsizetype(300 + 61 + 150);
}

void TestOutputBuffer::copyReferredLetsTheArenaGo()
{
    // What the kernel did not take by the end of the pass is copied; the arena's bytes may then
    // change without changing what is sent.
    QFETCH(qsizetype, sent);
    QByteArray arena(600, 'r');
    for (qsizetype i = 0; i < arena.size(); ++i)
        arena[i] = char('a' + i % 26);
    OutputBuffer buffer;
    QVERIFY(buffer.refer(QByteArrayView(arena.constData(), 300)));
    const QByteArray own = piece(7, 61);
    buffer.append(own);
    QVERIFY(buffer.refer(QByteArrayView(arena.constData() + 300, 300)));
    QByteArray expected = arena.left(300) + own + arena.mid(300);
    buffer.consume(sent);
    expected.remove(0, sent);
    buffer.copyReferred();
    QVERIFY(!buffer.refers());
    arena.fill('X');
    QCOMPARE(buffer.size(), expected.size());
    QCOMPARE(gathered(buffer), expected);
    buffer.consume(buffer.size());
    QCOMPARE(buffer.blockCount(), 0);
}

QTEST_GUILESS_MAIN(TestOutputBuffer)
#include "tst_outputbuffer.moc"
