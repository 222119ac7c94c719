// SPDX-License-Identifier: MIT
#include "irc/IrcText.h"

#include <QTest>

using namespace Qt::StringLiterals;

// IrcText::plain(): what an IRC client's formatting leaves of a line for everyone else.
class TestIrcText : public QObject
{
    Q_OBJECT

private slots:
    void plain_data();
    void plain();
};

void TestIrcText::plain_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plain");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("nothing to drop") << u"hello, world: 3,14"_s << u"hello, world: 3,14"_s;
    QTest::newRow("not only Latin") << u"你好 ünïcode"_s << u"你好 ünïcode"_s;
    QTest::newRow("tabs stay") << u"a\tb"_s << u"a\tb"_s;
    QTest::newRow("bold, italics, underline, reset") << u"\x02"
                                                        "bold\x02 \x1d"
                                                        "it\x1d \x1funder\x1f\x0f."_s
                                                     << u"bold it under."_s;
    QTest::newRow("formatting first") << u"\x02hi"_s << u"hi"_s;
    QTest::newRow("formatting last") << u"hi\x0f"_s << u"hi"_s;
    QTest::newRow("only formatting") << u"\x02\x02\x0f"_s << QString();
    QTest::newRow("colour, one digit") << u"\x03"
                                          "4red"_s
                                       << u"red"_s;
    QTest::newRow("colour, two digits") << u"\x03"
                                           "04red"_s
                                        << u"red"_s;
    QTest::newRow("colour, a third digit is text") << u"\x03"
                                                      "123"_s
                                                   << u"3"_s;
    QTest::newRow("colour and background") << u"\x03"
                                              "4,12on blue"_s
                                           << u"on blue"_s;
    QTest::newRow("colour, a comma without a digit is text") << u"\x03"
                                                                "4,x"_s
                                                             << u",x"_s;
    QTest::newRow("colour without digits") << u"a\x03"
                                              "b"_s
                                           << u"ab"_s;
    QTest::newRow("colour at the end") << u"a\x03"_s << u"a"_s;
    QTest::newRow("other controls") << u"a\x01"
                                       "b\x07"
                                       "c\rd\ne\x7f"
                                       "f"_s
                                    << u"abcdef"_s;
    QTest::newRow("C1 controls") << u"a\u0080b\u009fc\u00a0d"_s << u"abc\u00a0d"_s;
}

void TestIrcText::plain()
{
    QFETCH(QString, text);
    QFETCH(QString, plain);
    QCOMPARE(IrcText::plain(text), plain);
}

QTEST_APPLESS_MAIN(TestIrcText)
#include "tst_irctext.moc"
