// SPDX-License-Identifier: MIT
#include "IrcMessage.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(IrcMessage::ParseError)
Q_DECLARE_METATYPE(IrcMessage)

// Cases after the IRC parser tests that irssi, Ergo and ircdocs share (msg-split, msg-join).
class TestIrcMessage : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void refuse_data();
    void refuse();
    void write_data();
    void write();
    void roundTrip_data();
    void roundTrip();
    void tagValues_data();
    void tagValues();
    void sourceNick_data();
    void sourceNick();
};

void TestIrcMessage::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("tags"); // key=value;… as parsed, unescaped
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("params");

    QTest::newRow("command only") << "QUIT"_ba << u""_s << u""_s << u"QUIT"_s << QStringList();
    QTest::newRow("lower case command") << "privmsg #hall hi"_ba << u""_s << u""_s << u"PRIVMSG"_s
                                        << QStringList{u"#hall"_s, u"hi"_s};
    QTest::newRow("trailing with spaces")
        << "PRIVMSG #hall :hello there  "_ba << u""_s << u""_s << u"PRIVMSG"_s
        << QStringList{u"#hall"_s, u"hello there  "_s};
    QTest::newRow("empty trailing")
        << "TOPIC #hall :"_ba << u""_s << u""_s << u"TOPIC"_s << QStringList{u"#hall"_s, u""_s};
    QTest::newRow("trailing with colons") << "PRIVMSG bob ::-) :x"_ba << u""_s << u""_s
                                          << u"PRIVMSG"_s << QStringList{u"bob"_s, u":-) :x"_s};
    QTest::newRow("source") << ":alice!a@host JOIN #hall"_ba << u""_s << u"alice!a@host"_s
                            << u"JOIN"_s << QStringList{u"#hall"_s};
    QTest::newRow("numeric") << ":irc.example 001 alice :Welcome"_ba << u""_s << u"irc.example"_s
                             << u"001"_s << QStringList{u"alice"_s, u"Welcome"_s};
    QTest::newRow("runs of spaces")
        << "  USER  alice 0   *  :Alice A"_ba << u""_s << u""_s << u"USER"_s
        << QStringList{u"alice"_s, u"0"_s, u"*"_s, u"Alice A"_s};
    QTest::newRow("spaces at the end")
        << "NICK alice   "_ba << u""_s << u""_s << u"NICK"_s << QStringList{u"alice"_s};
    QTest::newRow("tags") << "@label=12;+draft/reply=7 PRIVMSG #hall hi"_ba
                          << u"label=12;+draft/reply=7"_s << u""_s << u"PRIVMSG"_s
                          << QStringList{u"#hall"_s, u"hi"_s};
    QTest::newRow("tag without value")
        << "@solo;x= PING t"_ba << u"solo=;x="_s << u""_s << u"PING"_s << QStringList{u"t"_s};
    QTest::newRow("escaped tag value") << "@a=b\\sc\\:d\\\\e\\r\\n :s CMD"_ba << u"a=b c;d\\e\r\n"_s
                                       << u"s"_s << u"CMD"_s << QStringList();
    QTest::newRow("repeated tag: the last counts")
        << "@a=1;a=2 CMD"_ba << u"a=2"_s << u""_s << u"CMD"_s << QStringList();
    QTest::newRow("empty tag items skipped")
        << "@;a=1;; CMD"_ba << u"a=1"_s << u""_s << u"CMD"_s << QStringList();
    QTest::newRow("UTF-8 text") << "PRIVMSG #大厅 :你好，世界"_ba << u""_s << u""_s << u"PRIVMSG"_s
                                << QStringList{u"#大厅"_s, u"你好，世界"_s};
    QTest::newRow("CTCP ACTION") << "PRIVMSG #hall :\x01"
                                    "ACTION waves\x01"_ba
                                 << u""_s << u""_s << u"PRIVMSG"_s
                                 << QStringList{u"#hall"_s, u"\x01"
                                                            "ACTION waves\x01"_s};
    QTest::newRow("many parameters")
        << "CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"_ba << u""_s << u""_s << u"CMD"_s
        << QStringList{u"1"_s, u"2"_s,  u"3"_s,  u"4"_s,  u"5"_s,  u"6"_s,  u"7"_s,  u"8"_s,
                       u"9"_s, u"10"_s, u"11"_s, u"12"_s, u"13"_s, u"14"_s, u"15"_s, u"16"_s};
}

void TestIrcMessage::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, tags);
    QFETCH(QString, source);
    QFETCH(QString, command);
    QFETCH(QStringList, params);

    IrcMessage::ParseError error = IrcMessage::ParseError::Empty;
    const IrcMessage message = IrcMessage::parse(line, &error);
    QCOMPARE(error, IrcMessage::ParseError::None);
    QStringList parsedTags;
    for (const IrcMessage::Tag &tag : message.tags())
        parsedTags << tag.first + u'=' + tag.second;
    QCOMPARE(parsedTags.join(u';'), tags);
    QCOMPARE(message.source(), source);
    QCOMPARE(message.command(), command);
    QCOMPARE(message.params(), params);
}

void TestIrcMessage::refuse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<IrcMessage::ParseError>("error");

    using E = IrcMessage::ParseError;
    QTest::newRow("empty") << ""_ba << E::Empty;
    QTest::newRow("spaces") << "   "_ba << E::Empty;
    QTest::newRow("source only") << ":alice!a@h"_ba << E::NoCommand;
    QTest::newRow("tags only") << "@a=1"_ba << E::NoCommand;
    QTest::newRow("tags and source only") << "@a=1 :src  "_ba << E::NoCommand;
    QTest::newRow("digits, not three") << "01 x"_ba << E::BadCommand;
    QTest::newRow("punctuation") << "PRIV-MSG x"_ba << E::BadCommand;
    QTest::newRow("letters and digits") << "PRIVMSG2 x"_ba << E::BadCommand;
    QTest::newRow("non-ASCII command") << "ПРИВЕТ x"_ba << E::BadCommand;
    QTest::newRow("Latin-1") << "PRIVMSG #hall :caf\xe9"_ba << E::NotUtf8;
    QTest::newRow("truncated UTF-8") << "PRIVMSG #hall :\xe4\xbd"_ba << E::NotUtf8;
    QTest::newRow("NUL") << QByteArray("PRIVMSG #hall :a\0b", 18) << E::ControlBytes;
    QTest::newRow("tags over 4096 bytes")
        << "@a=" + QByteArray(4093, 'x') + " PING t" << E::TagsTooLong;
}

void TestIrcMessage::refuse()
{
    QFETCH(QByteArray, line);
    QFETCH(IrcMessage::ParseError, error);

    IrcMessage::ParseError got = IrcMessage::ParseError::None;
    const IrcMessage message = IrcMessage::parse(line, &got);
    QCOMPARE(got, error);
    // A word that is no command is kept, with the tags, for the 421 that answers it.
    QCOMPARE(message.isNull(), error != IrcMessage::ParseError::BadCommand);
}

void TestIrcMessage::write_data()
{
    QTest::addColumn<IrcMessage>("message");
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("no parameters") << IrcMessage(u"QUIT"_s) << "QUIT\r\n"_ba;
    QTest::newRow("plain last parameter")
        << IrcMessage(u"JOIN"_s, {u"#hall"_s}, u"alice!a@h"_s) << ":alice!a@h JOIN #hall\r\n"_ba;
    QTest::newRow("last parameter with a space")
        << IrcMessage(u"PRIVMSG"_s, {u"#hall"_s, u"hi there"_s})
        << "PRIVMSG #hall :hi there\r\n"_ba;
    QTest::newRow("empty last parameter")
        << IrcMessage(u"TOPIC"_s, {u"#hall"_s, u""_s}) << "TOPIC #hall :\r\n"_ba;
    QTest::newRow("last parameter starting with a colon")
        << IrcMessage(u"PRIVMSG"_s, {u"#hall"_s, u":-)"_s}) << "PRIVMSG #hall ::-)\r\n"_ba;
    IrcMessage tagged(u"PRIVMSG"_s, {u"#hall"_s, u"hi"_s}, u"bob"_s);
    tagged.addTag(u"time"_s, u"2026-11-28T12:00:00.000Z"_s);
    tagged.addTag(u"msgid"_s, u"42"_s);
    tagged.addTag(u"solo"_s);
    QTest::newRow("tags")
        << tagged << "@time=2026-11-28T12:00:00.000Z;msgid=42;solo :bob PRIVMSG #hall hi\r\n"_ba;
    IrcMessage escaped(u"TAGMSG"_s, {u"#hall"_s});
    escaped.addTag(u"+note"_s, u"a b;c\\d"_s);
    QTest::newRow("escaped tag value") << escaped << "@+note=a\\sb\\:c\\\\d TAGMSG #hall\r\n"_ba;
}

void TestIrcMessage::write()
{
    QFETCH(IrcMessage, message);
    QFETCH(QByteArray, line);
    QCOMPARE(message.toLine(), line);
}

void TestIrcMessage::roundTrip_data()
{
    QTest::addColumn<QStringList>("params");

    QTest::newRow("text") << QStringList{u"#hall"_s, u"hello, world"_s};
    QTest::newRow("colon first") << QStringList{u"bob"_s, u":x"_s};
    QTest::newRow("spaces only") << QStringList{u"bob"_s, u"   "_s};
    QTest::newRow("empty") << QStringList{u"bob"_s, u""_s};
    QTest::newRow("Chinese") << QStringList{u"#大厅"_s, u"晚上好 :)"_s};
}

// What the server writes, any client (and this parser) reads back unchanged.
void TestIrcMessage::roundTrip()
{
    QFETCH(QStringList, params);
    IrcMessage message(u"PRIVMSG"_s, params, u"alice!a@h"_s);
    message.addTag(u"+x"_s, u"; \\\r\n"_s);
    QByteArray line = message.toLine();
    QVERIFY(line.endsWith("\r\n"));
    line.chop(2);
    const IrcMessage back = IrcMessage::parse(line);
    QCOMPARE(back.params(), params);
    QCOMPARE(back.source(), message.source());
    QCOMPARE(back.tag(u"+x"), u"; \\\r\n"_s);
}

void TestIrcMessage::tagValues_data()
{
    QTest::addColumn<QString>("escaped");
    QTest::addColumn<QString>("plain");

    QTest::newRow("nothing to do") << u"abc"_s << u"abc"_s;
    QTest::newRow("every escape") << u"\\:\\s\\\\\\r\\n"_s << u"; \\\r\n"_s;
    QTest::newRow("unknown escape is the letter") << u"a\\bc"_s << u"abc"_s;
    QTest::newRow("lone backslash at the end dropped") << u"abc\\"_s << u"abc"_s;
    QTest::newRow("empty") << u""_s << u""_s;
}

void TestIrcMessage::tagValues()
{
    QFETCH(QString, escaped);
    QFETCH(QString, plain);
    QCOMPARE(IrcMessage::unescapeTagValue(escaped), plain);
    QCOMPARE(IrcMessage::unescapeTagValue(IrcMessage::escapeTagValue(plain)), plain);
}

void TestIrcMessage::sourceNick_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("nick");

    QTest::newRow("full") << u"alice!a@host"_s << u"alice"_s;
    QTest::newRow("nick and host") << u"alice@host"_s << u"alice"_s;
    QTest::newRow("nick only") << u"alice"_s << u"alice"_s;
    QTest::newRow("server") << u"irc.example"_s << u"irc.example"_s;
}

void TestIrcMessage::sourceNick()
{
    QFETCH(QString, source);
    QFETCH(QString, nick);
    QCOMPARE(IrcMessage(u"PING"_s, {}, source).sourceNick(), nick);
}

QTEST_APPLESS_MAIN(TestIrcMessage)
#include "tst_ircmessage.moc"
