// SPDX-License-Identifier: MIT
#include "TelnetFilter.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Telnet bytes (RFC 854, 860), spelled out so that the rows read like the protocol.
constexpr char IAC = char(255), DONT = char(254), DO = char(253), WONT = char(252),
               WILL = char(251), SB = char(250), GA = char(249), AYT = char(246), AO = char(245),
               IP = char(244), DM = char(242), NOP = char(241), SE = char(240);
constexpr char ECHO = char(1), SGA = char(3), TIMING_MARK = char(6), TTYPE = char(24),
               NAWS = char(31), LINEMODE = char(34);

QByteArray bytes(std::initializer_list<char> list)
{
    return QByteArray(list.begin(), qsizetype(list.size()));
}

} // namespace

class tst_TelnetFilter : public QObject
{
    Q_OBJECT

private slots:
    void filter_data();
    void filter();
    void everySplit_data();
    void everySplit();
    void everyByteApart_data();
    void everyByteApart();
    void replyIsAppended();
};

void tst_TelnetFilter::filter_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("reply");

    using L = QByteArrayList;
    // clang-format off
    QTest::newRow("plain text") << L{"hello\r\n"} << QByteArray("hello\r\n") << QByteArray();
    // Linux telnet turns 0x8F (low bits ^O) into IAC AO IAC DO TIMING-MARK: 小 is E5 B0 8F.
    QTest::newRow("telnet-mangled chinese") << L{"hi \xe5\xb0" + bytes({IAC, AO, IAC, DO, TIMING_MARK}) + "\xe6\x98\x8e!\r\n"}
                                            << QByteArray("hi \xe5\xb0\x8f\xe6\x98\x8e!\r\n") << bytes({IAC, WONT, TIMING_MARK});
    QTest::newRow("telnet-mangled, split") << L{"\xe5\xb0", bytes({IAC, AO}), "!"} << QByteArray("\xe5\xb0\x8f!") << QByteArray();
    QTest::newRow("mangled ctrl-c byte") << L{"\xe4" + bytes({IAC, IP}) + "\x80"} << QByteArray("\xe4\x83\x80") << QByteArray();
    QTest::newRow("real ctrl-c after a character") << L{"\xe5\xb0\x8f" + bytes({IAC, IP})} << QByteArray("\xe5\xb0\x8f") << QByteArray();
    QTest::newRow("empty input") << L{""} << QByteArray() << QByteArray();
    QTest::newRow("utf8 text untouched") << L{"\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x91\x8b\r\n"}
                                         << QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x91\x8b\r\n") << QByteArray();
    QTest::newRow("do echo answered wont") << L{bytes({IAC, DO, ECHO})} << QByteArray() << bytes({IAC, WONT, ECHO});
    QTest::newRow("will sga answered dont") << L{bytes({IAC, WILL, SGA})} << QByteArray() << bytes({IAC, DONT, SGA});
    QTest::newRow("wont gets no reply") << L{bytes({IAC, WONT, ECHO})} << QByteArray() << QByteArray();
    QTest::newRow("dont gets no reply") << L{bytes({IAC, DONT, ECHO})} << QByteArray() << QByteArray();
    QTest::newRow("unknown option refused") << L{bytes({IAC, DO, char(200)})} << QByteArray() << bytes({IAC, WONT, char(200)});
    QTest::newRow("option byte 255 refused") << L{bytes({IAC, WILL, IAC})} << QByteArray() << bytes({IAC, DONT, IAC});
    QTest::newRow("negotiation inside text") << L{"ab" + bytes({IAC, DO, TTYPE}) + "cd"} << QByteArray("abcd") << bytes({IAC, WONT, TTYPE});
    QTest::newRow("client opening negotiation")
        << L{bytes({IAC, DO, SGA, IAC, WILL, TTYPE, IAC, WILL, NAWS, IAC, DO, ECHO, IAC, WILL, LINEMODE})}
        << QByteArray()
        << bytes({IAC, WONT, SGA, IAC, DONT, TTYPE, IAC, DONT, NAWS, IAC, WONT, ECHO, IAC, DONT, LINEMODE});
    QTest::newRow("iac iac literal") << L{"a" + bytes({IAC, IAC}) + "b"} << QByteArray("a\xff" "b") << QByteArray();
    QTest::newRow("two literal 255 bytes") << L{bytes({IAC, IAC, IAC, IAC})} << QByteArray("\xff\xff") << QByteArray();
    QTest::newRow("subnegotiation dropped")
        << L{"a" + bytes({IAC, SB, TTYPE, 0}) + "xterm" + bytes({IAC, SE}) + "b"} << QByteArray("ab") << QByteArray();
    QTest::newRow("subnegotiation with escaped iac")
        << L{bytes({IAC, SB, NAWS, 0, 80, IAC, IAC, 24, IAC, SE}) + "x"} << QByteArray("x") << QByteArray();
    QTest::newRow("subnegotiation hides negotiation bytes")
        << L{bytes({IAC, SB, TTYPE, DO, ECHO, IAC, SE}) + "x"} << QByteArray("x") << QByteArray();
    QTest::newRow("unterminated subnegotiation swallows the rest")
        << L{bytes({IAC, SB, TTYPE}) + "hello\r\n"} << QByteArray() << QByteArray();
    QTest::newRow("iac split across reads") << L{"a\xff", bytes({DO, ECHO}) + "b"} << QByteArray("ab") << bytes({IAC, WONT, ECHO});
    QTest::newRow("option split across reads") << L{bytes({IAC, WILL}), bytes({SGA})} << QByteArray() << bytes({IAC, DONT, SGA});
    QTest::newRow("iac iac split across reads") << L{bytes({IAC}), bytes({IAC})} << QByteArray("\xff") << QByteArray();
    QTest::newRow("subnegotiation split across reads")
        << L{bytes({IAC, SB, TTYPE, 0}) + "xt", "erm" + bytes({IAC}), bytes({SE}) + "ok"} << QByteArray("ok") << QByteArray();
    QTest::newRow("iac at end of a read waits") << L{"abc\xff"} << QByteArray("abc") << QByteArray();
    QTest::newRow("ayt answered with a line") << L{bytes({IAC, AYT})} << QByteArray() << QByteArray("\r\n[yes]\r\n");
    QTest::newRow("ayt inside text") << L{"hi" + bytes({IAC, AYT}) + "!"} << QByteArray("hi!") << QByteArray("\r\n[yes]\r\n");
    QTest::newRow("ctrl-c sequence") << L{bytes({IAC, IP, IAC, DO, TIMING_MARK})} << QByteArray() << bytes({IAC, WONT, TIMING_MARK});
    QTest::newRow("ctrl-c then a line") << L{bytes({IAC, IP, IAC, DO, TIMING_MARK}), "who\r\n"} << QByteArray("who\r\n") << bytes({IAC, WONT, TIMING_MARK});
    QTest::newRow("ctrl-c with data mark") << L{bytes({IAC, IP, IAC, DM, IAC, DO, TIMING_MARK})} << QByteArray() << bytes({IAC, WONT, TIMING_MARK});
    QTest::newRow("other two-byte commands dropped") << L{bytes({IAC, NOP, IAC, GA, IAC, DM}) + "x"} << QByteArray("x") << QByteArray();
    QTest::newRow("se outside subnegotiation dropped") << L{bytes({IAC, SE}) + "x"} << QByteArray("x") << QByteArray();
    QTest::newRow("malformed command byte eats one byte") << L{"\xff" "abc"} << QByteArray("bc") << QByteArray();
    QTest::newRow("stray 255 in invalid utf8") << L{"\xc3\xff\xff\xa9"} << QByteArray("\xc3\xff\xa9") << QByteArray();
    // clang-format on
}

void tst_TelnetFilter::filter()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, reply);

    TelnetFilter filter;
    QByteArray gotText;
    QByteArray gotReply;
    for (const QByteArray &chunk : chunks)
        gotText += filter.filter(chunk, gotReply);
    QCOMPARE(gotText, text);
    QCOMPARE(gotReply, reply);
}

// Every way of cutting a stream in two gives the same result as reading it whole.
void tst_TelnetFilter::everySplit_data()
{
    QTest::addColumn<QByteArray>("stream");

    QTest::newRow("negotiation in text")
        << "ab" + bytes({IAC, DO, ECHO, IAC, WILL, SGA}) + "cd\r\n";
    QTest::newRow("ctrl-c") << "x" + bytes({IAC, IP, IAC, DO, TIMING_MARK}) + "y";
    QTest::newRow("subnegotiation") << bytes({IAC, SB, NAWS, 0, 80, IAC, IAC, 24, IAC, SE}) + "z";
    QTest::newRow("literal and ayt") << bytes({IAC, IAC, IAC, AYT, IAC, IAC});
    // 小 is E5 B0 8F; Linux telnet sends its last byte as IAC AO. Restoring it depends on where
    // the text stands in the character, whatever the reads were.
    QTest::newRow("special character after short reads")
        << bytes({char(0xe5), char(0xb0), IAC, AO});
    QTest::newRow("special character after a literal 255")
        << bytes({char(0xf5), IAC, IAC, char(0x80), IAC, AO, 'x'});
    QTest::newRow("special character after a long read")
        << "abc" + bytes({char(0xe5), char(0xb0), IAC, AO});
}

void tst_TelnetFilter::everySplit()
{
    QFETCH(QByteArray, stream);

    QByteArray wholeReply;
    const QByteArray wholeText = TelnetFilter().filter(stream, wholeReply);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        TelnetFilter filter;
        QByteArray reply;
        QByteArray text = filter.filter(QByteArrayView(stream).first(cut), reply);
        text += filter.filter(QByteArrayView(stream).sliced(cut), reply);
        QVERIFY2(text == wholeText, qPrintable(u"text differs when cut at %1"_s.arg(cut)));
        QVERIFY2(reply == wholeReply, qPrintable(u"reply differs when cut at %1"_s.arg(cut)));
    }
}

// The same, read one byte at a time: the shortest reads there are.
void tst_TelnetFilter::everyByteApart_data()
{
    everySplit_data();
}

void tst_TelnetFilter::everyByteApart()
{
    QFETCH(QByteArray, stream);

    QByteArray wholeReply;
    const QByteArray wholeText = TelnetFilter().filter(stream, wholeReply);
    TelnetFilter filter;
    QByteArray text;
    QByteArray reply;
    for (qsizetype i = 0; i < stream.size(); ++i)
        text += filter.filter(QByteArrayView(stream).sliced(i, 1), reply);
    QCOMPARE(text, wholeText);
    QCOMPARE(reply, wholeReply);
}

void tst_TelnetFilter::replyIsAppended()
{
    TelnetFilter filter;
    QByteArray reply = "earlier";
    const QByteArray text = filter.filter(bytes({IAC, DO, ECHO}) + "hi", reply);
    QCOMPARE(text, QByteArray("hi"));
    QCOMPARE(reply, "earlier" + bytes({IAC, WONT, ECHO}));
}

QTEST_GUILESS_MAIN(tst_TelnetFilter)
#include "tst_telnetfilter.moc"
