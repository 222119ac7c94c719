// SPDX-License-Identifier: MIT
#include "LineFramer.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_LineFramer : public QObject
{
    Q_OBJECT

private slots:
    void push_data();
    void push();
    void defaultLimit();
    void boundedBuffer_data();
    void boundedBuffer();
    void byteAtATime();
};

void tst_LineFramer::push_data()
{
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArrayList>("lines"); // the frames, in order ("" for too long)
    QTest::addColumn<QList<bool>>("tooLong");  // which frames were too long
    QTest::addColumn<qsizetype>("buffered");   // bufferedBytes() after the last push

    using L = QByteArrayList;
    using B = QList<bool>;
    // clang-format off
    QTest::newRow("crlf") << qsizetype(8) << L{"hello\r\n"} << L{"hello"} << B{false} << qsizetype(0);
    QTest::newRow("bare lf") << qsizetype(8) << L{"hello\n"} << L{"hello"} << B{false} << qsizetype(0);
    QTest::newRow("two lines in one push") << qsizetype(8) << L{"a\r\nb\n"} << L{"a", "b"} << B{false, false} << qsizetype(0);
    QTest::newRow("crlf and lf mixed") << qsizetype(8) << L{"a\nb\r\nc\n"} << L{"a", "b", "c"} << B{false, false, false} << qsizetype(0);
    QTest::newRow("partial line") << qsizetype(8) << L{"hel"} << L{} << B{} << qsizetype(3);
    QTest::newRow("partial line across pushes") << qsizetype(8) << L{"hel", "lo\r", "\n"} << L{"hello"} << B{false} << qsizetype(0);
    QTest::newRow("line then partial") << qsizetype(8) << L{"one\ntw"} << L{"one"} << B{false} << qsizetype(2);
    QTest::newRow("crlf split between pushes") << qsizetype(8) << L{"abc\r", "\n"} << L{"abc"} << B{false} << qsizetype(0);
    QTest::newRow("cr kept inside line") << qsizetype(8) << L{"a\rb\n"} << L{"a\rb"} << B{false} << qsizetype(0);
    QTest::newRow("only last cr dropped") << qsizetype(8) << L{"a\r\r\n"} << L{"a\r"} << B{false} << qsizetype(0);
    QTest::newRow("cr at start kept") << qsizetype(8) << L{"\rab\n"} << L{"\rab"} << B{false} << qsizetype(0);
    QTest::newRow("lone cr is not a terminator") << qsizetype(8) << L{"abc\r"} << L{} << B{} << qsizetype(4);
    QTest::newRow("lf cr is lf then cr") << qsizetype(8) << L{"ab\n\rcd\n"} << L{"ab", "\rcd"} << B{false, false} << qsizetype(0);
    QTest::newRow("empty line") << qsizetype(8) << L{"\n"} << L{""} << B{false} << qsizetype(0);
    QTest::newRow("empty crlf line") << qsizetype(8) << L{"\r\n"} << L{""} << B{false} << qsizetype(0);
    QTest::newRow("several empty lines") << qsizetype(8) << L{"\n\r\n\n"} << L{"", "", ""} << B{false, false, false} << qsizetype(0);
    QTest::newRow("empty push") << qsizetype(8) << L{""} << L{} << B{} << qsizetype(0);
    QTest::newRow("trailing space kept") << qsizetype(8) << L{"hi \r\n"} << L{"hi "} << B{false} << qsizetype(0);
    QTest::newRow("nul byte kept") << qsizetype(8) << L{QByteArray("a\0b\n", 4)} << L{QByteArray("a\0b", 3)} << B{false} << qsizetype(0);
    QTest::newRow("utf8 chinese") << qsizetype(16) << L{"\xe4\xbd\xa0\xe5\xa5\xbd\r\n"} << L{"\xe4\xbd\xa0\xe5\xa5\xbd"} << B{false} << qsizetype(0);
    QTest::newRow("utf8 split mid character") << qsizetype(16) << L{"\xe4\xbd", "\xa0\n"} << L{"\xe4\xbd\xa0"} << B{false} << qsizetype(0);
    QTest::newRow("exactly the limit") << qsizetype(8) << L{"12345678\n"} << L{"12345678"} << B{false} << qsizetype(0);
    QTest::newRow("exactly the limit with crlf") << qsizetype(8) << L{"12345678\r\n"} << L{"12345678"} << B{false} << qsizetype(0);
    QTest::newRow("limit with crlf split") << qsizetype(8) << L{"12345678\r", "\n"} << L{"12345678"} << B{false} << qsizetype(0);
    QTest::newRow("one over the limit") << qsizetype(8) << L{"123456789\n"} << L{""} << B{true} << qsizetype(0);
    QTest::newRow("one over the limit with crlf") << qsizetype(8) << L{"123456789\r\n"} << L{""} << B{true} << qsizetype(0);
    QTest::newRow("limit then cr then text") << qsizetype(8) << L{"12345678\r", "x\n"} << L{""} << B{true} << qsizetype(0);
    QTest::newRow("overlong then normal") << qsizetype(8) << L{"123456789012\nok\n"} << L{"", "ok"} << B{true, false} << qsizetype(0);
    QTest::newRow("overlong across pushes reported once") << qsizetype(8) << L{"12345", "67890", "12345", "\nok\n"} << L{"", "ok"} << B{true, false} << qsizetype(0);
    QTest::newRow("overlong without newline") << qsizetype(8) << L{"1234567890"} << L{""} << B{true} << qsizetype(0);
    QTest::newRow("overlong discards up to its lf") << qsizetype(8) << L{"1234567890", "abc", "\n", "next\n"} << L{"", "next"} << B{true, false} << qsizetype(0);
    QTest::newRow("overlong then partial") << qsizetype(8) << L{"1234567890\nab"} << L{""} << B{true} << qsizetype(2);
    QTest::newRow("two overlong lines") << qsizetype(4) << L{"123456\n7890123\nok\n"} << L{"", "", "ok"} << B{true, true, false} << qsizetype(0);
    QTest::newRow("overlong then empty line") << qsizetype(4) << L{"123456\n\n"} << L{"", ""} << B{true, false} << qsizetype(0);
    // clang-format on
}

void tst_LineFramer::push()
{
    QFETCH(qsizetype, limit);
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArrayList, lines);
    QFETCH(QList<bool>, tooLong);
    QFETCH(qsizetype, buffered);

    LineFramer framer(limit);
    QCOMPARE(framer.maxLineBytes(), limit);
    QByteArrayList gotLines;
    QList<bool> gotTooLong;
    for (const QByteArray &chunk : chunks) {
        for (const LineFramer::Frame &frame : framer.push(chunk)) {
            gotLines.append(frame.line);
            gotTooLong.append(frame.tooLong);
        }
        QVERIFY2(framer.bufferedBytes() <= limit + 1, "the framer held more than the limit");
    }
    QCOMPARE(gotLines, lines);
    QCOMPARE(gotTooLong, tooLong);
    QCOMPARE(framer.bufferedBytes(), buffered);
}

void tst_LineFramer::defaultLimit()
{
    LineFramer framer;
    QCOMPARE(framer.maxLineBytes(), Protocol::DefaultMaxLineBytes);
    QCOMPARE(framer.bufferedBytes(), 0);

    const QByteArray longest(Protocol::DefaultMaxLineBytes, 'x');
    const auto frames = framer.push(longest + "\r\n" + longest + "x\n");
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames[0].line, longest);
    QVERIFY(!frames[0].tooLong);
    QVERIFY(frames[1].line.isEmpty());
    QVERIFY(frames[1].tooLong);
}

void tst_LineFramer::boundedBuffer_data()
{
    QTest::addColumn<qsizetype>("chunkSize");

    QTest::newRow("one push of 10 MB") << qsizetype(10 * 1024 * 1024);
    QTest::newRow("64 KiB pushes") << qsizetype(64 * 1024);
    QTest::newRow("pushes of limit plus one") << qsizetype(Protocol::DefaultMaxLineBytes + 1);
    QTest::newRow("odd 1000 byte pushes") << qsizetype(1000);
}

void tst_LineFramer::boundedBuffer()
{
    QFETCH(qsizetype, chunkSize);

    const qsizetype total = 10 * 1024 * 1024;
    const QByteArray chunk(chunkSize, 'a');
    LineFramer framer;
    const qsizetype limit = framer.maxLineBytes();
    int tooLongFrames = 0;
    for (qsizetype sent = 0; sent < total; sent += chunkSize) {
        const auto frames = framer.push(QByteArrayView(chunk).first(qMin(chunkSize, total - sent)));
        for (const LineFramer::Frame &frame : frames) {
            QVERIFY(frame.tooLong);
            QVERIFY(frame.line.isEmpty());
            ++tooLongFrames;
        }
        if (framer.bufferedBytes() > limit + 1)
            QFAIL(qPrintable(u"holding %1 bytes after %2"_s.arg(framer.bufferedBytes()).arg(sent)));
    }
    QCOMPARE(tooLongFrames, 1);

    // The end of the huge line ends the discarding; the next line arrives whole.
    const auto frames = framer.push("\r\nhello\r\n");
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].line, QByteArray("hello"));
    QVERIFY(!frames[0].tooLong);
    QCOMPARE(framer.bufferedBytes(), 0);
}

void tst_LineFramer::byteAtATime()
{
    const QByteArray stream = "alice\r\n\r\n\xe5\xbc\xa0\xe4\xbc\x9f\nx\ry\n0123456789ab\nend";
    LineFramer framer(10);
    QByteArrayList lines;
    QList<bool> tooLong;
    for (const char c : stream) {
        for (const LineFramer::Frame &frame : framer.push(QByteArrayView(&c, 1))) {
            lines.append(frame.line);
            tooLong.append(frame.tooLong);
        }
    }
    QCOMPARE(lines, (QByteArrayList{"alice", "", "\xe5\xbc\xa0\xe4\xbc\x9f", "x\ry", ""}));
    QCOMPARE(tooLong, (QList<bool>{false, false, false, false, true}));
    QCOMPARE(framer.bufferedBytes(), 3);
}

QTEST_GUILESS_MAIN(tst_LineFramer)
#include "tst_lineframer.moc"
