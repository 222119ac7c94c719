// SPDX-License-Identifier: MIT
#include "cluster/RespCommand.h"
#include "cluster/RespReader.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString escaped(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.replace(u"\r"_s, u"\\r"_s).replace(u"\n"_s, u"\\n"_s).replace(QChar(0), u"\\0"_s);
    return text;
}

// A reply as one short line: nil, +simple, -error, :integer, $bulk, #t, ,double, (big,
// [array], >[push], {key: value}.
QString describe(const RespValue &value)
{
    using T = RespValue::Type;
    QStringList parts;
    for (const RespValue &element : value.elements)
        parts << describe(element);
    switch (value.type) {
    case T::Null:
        return u"nil"_s;
    case T::SimpleString:
        return u"+"_s + escaped(value.bytes);
    case T::Error:
        return u"-"_s + escaped(value.bytes);
    case T::Integer:
        return u":"_s + QString::number(value.integer);
    case T::BulkString:
        return u"$"_s + escaped(value.bytes);
    case T::Boolean:
        return value.integer ? u"#t"_s : u"#f"_s;
    case T::Double:
        return u","_s + escaped(value.bytes);
    case T::BigNumber:
        return u"("_s + escaped(value.bytes);
    case T::Array:
        return u"["_s + parts.join(u", "_s) + u"]"_s;
    case T::Push:
        return u">["_s + parts.join(u", "_s) + u"]"_s;
    case T::Map: {
        QStringList pairs;
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2)
            pairs << parts[i] + u": "_s + parts[i + 1];
        return u"{"_s + pairs.join(u", "_s) + u"}"_s;
    }
    }
    return u"?"_s;
}

// Every reply the reader gives for bytes fed in pieces of chunk bytes (0: all at once).
QStringList readAll(RespReader &reader, const QByteArray &bytes, qsizetype chunk = 0)
{
    QStringList values;
    const qsizetype step = chunk > 0 ? chunk : qMax<qsizetype>(bytes.size(), 1);
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        reader.append(QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at)));
        while (const std::optional<RespValue> value = reader.next())
            values << describe(*value);
    }
    return values;
}

} // namespace

class TestRespReader : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void refuse_data();
    void refuse();
    void longStringIsRefusedBeforeItsBytesArrive();
    void manyRepliesInOneRead();
    void encode_data();
    void encode();
    void encodedCommandReadsBack();
};

void TestRespReader::read_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("simple string") << "+OK\r\n"_ba << QStringList{u"+OK"_s};
    QTest::newRow("empty simple string") << "+\r\n"_ba << QStringList{u"+"_s};
    QTest::newRow("error") << "-ERR unknown command 'FOO'\r\n"_ba
                           << QStringList{u"-ERR unknown command 'FOO'"_s};
    QTest::newRow("integer") << ":1000\r\n"_ba << QStringList{u":1000"_s};
    QTest::newRow("negative integer") << ":-42\r\n"_ba << QStringList{u":-42"_s};
    QTest::newRow("largest integer")
        << ":9223372036854775807\r\n"_ba << QStringList{u":9223372036854775807"_s};
    QTest::newRow("bulk string") << "$5\r\nhello\r\n"_ba << QStringList{u"$hello"_s};
    QTest::newRow("empty bulk string") << "$0\r\n\r\n"_ba << QStringList{u"$"_s};
    QTest::newRow("bulk string holding CRLF and NUL")
        << "$6\r\na\r\nb\0c\r\n"_ba << QStringList{u"$a\\r\\nb\\0c"_s};
    QTest::newRow("bulk string in UTF-8")
        << "$6\r\n\xe4\xbd\xa0\xe5\xa5\xbd\r\n"_ba << QStringList{u"$你好"_s};
    QTest::newRow("null bulk string") << "$-1\r\n"_ba << QStringList{u"nil"_s};
    QTest::newRow("null array") << "*-1\r\n"_ba << QStringList{u"nil"_s};
    QTest::newRow("empty array") << "*0\r\n"_ba << QStringList{u"[]"_s};
    QTest::newRow("pub/sub message") << "*3\r\n$7\r\nmessage\r\n$4\r\nroom\r\n$2\r\nhi\r\n"_ba
                                     << QStringList{u"[$message, $room, $hi]"_s};
    QTest::newRow("subscribe acknowledgement") << "*3\r\n$9\r\nsubscribe\r\n$4\r\nroom\r\n:1\r\n"_ba
                                               << QStringList{u"[$subscribe, $room, :1]"_s};
    QTest::newRow("nested arrays with a null")
        << "*2\r\n*2\r\n:1\r\n$-1\r\n*1\r\n+x\r\n"_ba << QStringList{u"[[:1, nil], [+x]]"_s};
    QTest::newRow("several replies")
        << "+OK\r\n:7\r\n$1\r\nx\r\n"_ba << QStringList{u"+OK"_s, u":7"_s, u"$x"_s};
    QTest::newRow("RESP3 null") << "_\r\n"_ba << QStringList{u"nil"_s};
    QTest::newRow("RESP3 booleans") << "#t\r\n#f\r\n"_ba << QStringList{u"#t"_s, u"#f"_s};
    QTest::newRow("RESP3 doubles")
        << ",3.25\r\n,inf\r\n,-inf\r\n"_ba << QStringList{u",3.25"_s, u",inf"_s, u",-inf"_s};
    QTest::newRow("RESP3 big number")
        << "(3492890328409238509324850943850943825024385\r\n"_ba
        << QStringList{u"(3492890328409238509324850943850943825024385"_s};
    QTest::newRow("RESP3 blob error")
        << "!21\r\nSYNTAX invalid syntax\r\n"_ba << QStringList{u"-SYNTAX invalid syntax"_s};
    QTest::newRow("RESP3 verbatim string")
        << "=15\r\ntxt:Some string\r\n"_ba << QStringList{u"$Some string"_s};
    QTest::newRow("RESP3 map") << "%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n"_ba
                               << QStringList{u"{+first: :1, +second: :2}"_s};
    QTest::newRow("RESP3 set") << "~2\r\n+a\r\n+b\r\n"_ba << QStringList{u"[+a, +b]"_s};
    QTest::newRow("RESP3 push") << ">3\r\n+message\r\n+room\r\n+hi\r\n"_ba
                                << QStringList{u">[+message, +room, +hi]"_s};
    QTest::newRow("RESP3 attribute before a reply")
        << "|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*1\r\n:2039123\r\n"_ba
        << QStringList{u"[:2039123]"_s};
}

// The same replies however the bytes are cut: at once, byte by byte, in threes.
void TestRespReader::read()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, values);
    for (const qsizetype chunk : {0, 1, 3}) {
        RespReader reader;
        QCOMPARE(readAll(reader, bytes, chunk), values);
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(reader.buffered(), 0);
    }
}

void TestRespReader::refuse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("before"); // what is read before the bad reply

    QTest::newRow("unknown type") << "?what\r\n"_ba << QStringList();
    QTest::newRow("after a good reply") << "+OK\r\n@x\r\n"_ba << QStringList{u"+OK"_s};
    QTest::newRow("length not a number") << "$abc\r\n"_ba << QStringList();
    QTest::newRow("length below -1") << "$-2\r\n"_ba << QStringList();
    QTest::newRow("length with a plus") << "$+3\r\nabc\r\n"_ba << QStringList();
    QTest::newRow("empty length") << "*\r\n"_ba << QStringList();
    QTest::newRow("string longer than its length") << "$3\r\nabcd\r\n"_ba << QStringList();
    QTest::newRow("integer with letters") << ":12a\r\n"_ba << QStringList();
    QTest::newRow("integer too large") << ":9223372036854775808\r\n"_ba << QStringList();
    QTest::newRow("integer with spaces") << ": 12\r\n"_ba << QStringList();
    QTest::newRow("bad boolean") << "#x\r\n"_ba << QStringList();
    QTest::newRow("null with a value") << "_x\r\n"_ba << QStringList();
    QTest::newRow("null blob error") << "!-1\r\n"_ba << QStringList();
    QTest::newRow("null push") << ">-1\r\n"_ba << QStringList();
    QTest::newRow("verbatim without format") << "=2\r\nab\r\n"_ba << QStringList();
    QTest::newRow("bad element in an array") << "*2\r\n:1\r\n?\r\n"_ba << QStringList();
    QTest::newRow("nested too deep") << QByteArray("*1\r\n").repeated(20) + ":1\r\n"
                                     << QStringList();
    QTest::newRow("array over the element limit") << "*2000000\r\n"_ba << QStringList();
    QTest::newRow("line without end") << "+"_ba + QByteArray(70000, 'a') << QStringList();
}

// A stream that breaks the protocol cannot be followed further: the reader says why and
// gives nothing more, whatever arrives after.
void TestRespReader::refuse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, before);
    RespReader reader;
    QCOMPARE(readAll(reader, bytes), before);
    QVERIFY(reader.hasError());
    QVERIFY(!reader.errorString().isEmpty());
    reader.append("+OK\r\n");
    QVERIFY(!reader.next());
    QCOMPARE(reader.buffered(), 0);
}

void TestRespReader::longStringIsRefusedBeforeItsBytesArrive()
{
    RespReader reader(RespReader::Limits{.maxBulkBytes = 1024});
    reader.append("$1024\r\n");
    QVERIFY(!reader.next());
    QVERIFY(!reader.hasError()); // at the limit: waits for its bytes
    RespReader over(RespReader::Limits{.maxBulkBytes = 1024});
    over.append("$1025\r\n");
    QVERIFY(!over.next());
    QVERIFY(over.hasError());
    QVERIFY2(over.errorString().contains(u"1025"_s), qPrintable(over.errorString()));
}

// A busy subscriber: replies are dropped from the buffer as they are read, so it does not grow
// with the stream.
void TestRespReader::manyRepliesInOneRead()
{
    RespReader reader;
    const QByteArray message = "*3\r\n$7\r\nmessage\r\n$4\r\nroom\r\n$5\r\nhello\r\n"_ba;
    for (int round = 0; round < 100; ++round) {
        reader.append(message.repeated(50) + message.left(10));
        int read = 0;
        while (const std::optional<RespValue> value = reader.next()) {
            QCOMPARE(describe(*value), u"[$message, $room, $hello]"_s);
            ++read;
        }
        QCOMPARE(read, round == 0 ? 50 : 51);
        QVERIFY(reader.buffered() < message.size());
        reader.append(message.mid(10));
    }
    QVERIFY(reader.next());
    QCOMPARE(reader.buffered(), 0);
}

void TestRespReader::encode_data()
{
    QTest::addColumn<QList<QByteArray>>("arguments");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("one word") << QList<QByteArray>{"PING"} << "*1\r\n$4\r\nPING\r\n"_ba;
    QTest::newRow("publish") << QList<QByteArray>{"PUBLISH", "room", "hi"}
                             << "*3\r\n$7\r\nPUBLISH\r\n$4\r\nroom\r\n$2\r\nhi\r\n"_ba;
    QTest::newRow("empty argument")
        << QList<QByteArray>{"SET", "k", ""} << "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n"_ba;
    QTest::newRow("argument with CRLF and NUL")
        << QList<QByteArray>{"SET", "k", "a\r\n\0b"_ba}
        << "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\na\r\n\0b\r\n"_ba;
}

void TestRespReader::encode()
{
    QFETCH(QList<QByteArray>, arguments);
    QFETCH(QByteArray, bytes);
    QCOMPARE(RespCommand::encode(arguments), bytes);
}

// A command is itself a RESP array of bulk strings: what is sent reads back as it was.
void TestRespReader::encodedCommandReadsBack()
{
    const QList<QByteArray> arguments{"SET", "nick:alice", "node-1\r\n\0", QByteArray(5000, 'x')};
    RespReader reader;
    reader.append(RespCommand::encode(arguments));
    const std::optional<RespValue> value = reader.next();
    QVERIFY(value);
    QCOMPARE(value->type, RespValue::Type::Array);
    QCOMPARE(value->elements.size(), arguments.size());
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QCOMPARE(value->elements[i].type, RespValue::Type::BulkString);
        QCOMPARE(value->elements[i].bytes, arguments[i]);
    }
}

QTEST_GUILESS_MAIN(TestRespReader)
#include "tst_respreader.moc"
