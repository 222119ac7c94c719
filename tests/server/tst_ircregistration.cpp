// SPDX-License-Identifier: MIT
#include "irc/IrcRegistration.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<IrcCapabilities::Offer> offers()
{
    return {{u"server-time"_s, {}}, {u"message-tags"_s, {}}, {u"sasl"_s, u"PLAIN"_s}};
}

} // namespace

// The start of an IRC connection, as RFC 2812 and IRCv3 capability negotiation describe it:
// each row sends the client's lines and checks every line the server answers and whether the
// client is registered at the end.
class TestIrcRegistration : public QObject
{
    Q_OBJECT

private slots:
    void session_data();
    void session();
    void capListIsSplit_data();
    void capListIsSplit();
    void names_data();
    void names();
    void fields();
};

void TestIrcRegistration::session_data()
{
    QTest::addColumn<QStringList>("sent");
    QTest::addColumn<QStringList>("replies");
    QTest::addColumn<bool>("complete");

    QTest::newRow("NICK and USER")
        << QStringList{u"NICK alice"_s, u"USER a 0 * :Alice"_s} << QStringList() << true;
    QTest::newRow("USER first") << QStringList{u"USER a 0 * :Alice"_s, u"NICK alice"_s}
                                << QStringList() << true;
    QTest::newRow("NICK alone") << QStringList{u"NICK alice"_s} << QStringList() << false;
    QTest::newRow("no nickname") << QStringList{u"NICK"_s}
                                 << QStringList{u":irc.test 431 * :No nickname given"_s} << false;
    QTest::newRow("erroneous nickname")
        << QStringList{u"NICK #alice"_s, u"USER a 0 * :A"_s}
        << QStringList{u":irc.test 432 * #alice :Erroneous nickname"_s} << false;
    QTest::newRow("a second NICK replaces the first")
        << QStringList{u"NICK alice"_s, u"NICK bob"_s, u"USER b 0 * b"_s} << QStringList() << true;
    QTest::newRow("USER short") << QStringList{u"NICK alice"_s, u"USER a 0 *"_s}
                                << QStringList{u":irc.test 461 alice USER :Not enough parameters"_s}
                                << false;
    QTest::newRow("USER with an empty real name")
        << QStringList{u"NICK alice"_s, u"USER a 0 * :"_s}
        << QStringList{u":irc.test 461 alice USER :Not enough parameters"_s} << false;
    QTest::newRow("USER with an empty user name")
        << QStringList{u"NICK alice"_s, u"USER  0 * :Alice"_s, u"USER a 0 * :Alice"_s}
        << QStringList{u":irc.test 461 alice USER :Not enough parameters"_s} << true;
    QTest::newRow("USER twice") << QStringList{u"USER a 0 * :A"_s, u"USER b 0 * :B"_s}
                                << QStringList{u":irc.test 462 * :You may not reregister"_s}
                                << false;
    QTest::newRow("a command before registering")
        << QStringList{u"JOIN #hall"_s, u"PRIVMSG #hall :hi"_s}
        << QStringList{u":irc.test 451 * :You have not registered"_s,
                       u":irc.test 451 * :You have not registered"_s}
        << false;
    QTest::newRow("PING before registering")
        << QStringList{u"PING :abc"_s} << QStringList{u":irc.test PONG irc.test abc"_s} << false;
    QTest::newRow("PING without a token")
        << QStringList{u"NICK alice"_s, u"PING"_s}
        << QStringList{u":irc.test 409 alice :No origin specified"_s} << false;
    QTest::newRow("PASS without a password")
        << QStringList{u"PASS"_s} << QStringList{u":irc.test 461 * PASS :Not enough parameters"_s}
        << false;
    QTest::newRow("CAP LS waits for CAP END")
        << QStringList{u"CAP LS"_s, u"NICK alice"_s, u"USER a 0 * :A"_s}
        << QStringList{u":irc.test CAP * LS :message-tags sasl server-time"_s} << false;
    QTest::newRow("CAP LS 302 shows values")
        << QStringList{u"CAP LS 302"_s, u"NICK alice"_s, u"USER a 0 * :A"_s, u"CAP END"_s}
        << QStringList{u":irc.test CAP * LS :message-tags sasl=PLAIN server-time"_s} << true;
    QTest::newRow("CAP REQ acknowledged")
        << QStringList{u"CAP LS 302"_s, u"CAP REQ :server-time message-tags"_s,
                       u"NICK alice"_s, u"USER a 0 * :A"_s,
                       u"CAP LIST"_s,   u"CAP END"_s}
        << QStringList{u":irc.test CAP * LS :message-tags sasl=PLAIN server-time"_s,
                       u":irc.test CAP * ACK :server-time message-tags"_s,
                       u":irc.test CAP alice LIST :message-tags server-time"_s}
        << true;
    QTest::newRow("CAP REQ with an unknown name refuses all")
        << QStringList{u"CAP REQ :server-time frobnicate"_s, u"CAP LIST"_s}
        << QStringList{u":irc.test CAP * NAK :server-time frobnicate"_s,
                       u":irc.test CAP * LIST :"_s}
        << false;
    QTest::newRow("CAP REQ turns one off")
        << QStringList{u"CAP REQ :server-time message-tags"_s, u"CAP REQ -server-time"_s,
                       u"CAP LIST"_s}
        << QStringList{u":irc.test CAP * ACK :server-time message-tags"_s,
                       u":irc.test CAP * ACK -server-time"_s,
                       u":irc.test CAP * LIST message-tags"_s}
        << false;
    QTest::newRow("CAP REQ alone starts a negotiation")
        << QStringList{u"NICK alice"_s, u"USER a 0 * :A"_s, u"CAP REQ sasl"_s}
        << QStringList{u":irc.test CAP alice ACK sasl"_s} << false;
    QTest::newRow("CAP REQ without names")
        << QStringList{u"CAP REQ"_s} << QStringList{u":irc.test 461 * CAP :Not enough parameters"_s}
        << false;
    QTest::newRow("CAP without a subcommand")
        << QStringList{u"CAP"_s} << QStringList{u":irc.test 461 * CAP :Not enough parameters"_s}
        << false;
    QTest::newRow("CAP unknown subcommand")
        << QStringList{u"CAP FOO"_s} << QStringList{u":irc.test 410 * FOO :Invalid CAP command"_s}
        << false;
    QTest::newRow("CAP END without LS")
        << QStringList{u"CAP END"_s, u"NICK alice"_s, u"USER a 0 * :A"_s} << QStringList() << true;
    QTest::newRow("lower-case subcommand")
        << QStringList{u"cap ls"_s, u"cap end"_s}
        << QStringList{u":irc.test CAP * LS :message-tags sasl server-time"_s} << false;
}

void TestIrcRegistration::session()
{
    QFETCH(QStringList, sent);
    QFETCH(QStringList, replies);
    QFETCH(bool, complete);

    IrcRegistration registration(u"irc.test"_s, offers());
    QStringList got;
    for (const QString &line : std::as_const(sent)) {
        for (const IrcMessage &reply : registration.handle(IrcMessage::parse(line.toUtf8())))
            got << QString::fromUtf8(reply.toLine()).chopped(2);
    }
    QCOMPARE(got, replies);
    QCOMPARE(registration.isComplete(), complete);
}

void TestIrcRegistration::capListIsSplit_data()
{
    QTest::addColumn<QString>("ls");
    QTest::addColumn<bool>("marked");

    QTest::newRow("302: '*' before the last line") << u"CAP LS 302"_s << true;
    QTest::newRow("older: lines as they come") << u"CAP LS"_s << false;
}

// A list longer than one line comes in several, each within the 512 bytes of an IRC line.
void TestIrcRegistration::capListIsSplit()
{
    QFETCH(QString, ls);
    QFETCH(bool, marked);

    QList<IrcCapabilities::Offer> many;
    for (int i = 0; i < 60; ++i)
        many.append({u"vendor.example/capability-%1"_s.arg(i), {}});
    IrcRegistration registration(u"irc.test"_s, many);
    const QList<IrcMessage> replies = registration.handle(IrcMessage::parse(ls.toUtf8()));
    QVERIFY(replies.size() > 1);
    QStringList names;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const IrcMessage &reply = replies[i];
        QVERIFY(reply.toLine().size() <= 512);
        const bool more = reply.paramCount() == 4;
        QCOMPARE(more, marked && i + 1 < replies.size());
        if (more)
            QCOMPARE(reply.param(2), u"*"_s);
        names += reply.params().last().split(u' ');
    }
    QCOMPARE(names.size(), 60);
}

void TestIrcRegistration::names_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("userName");
    QTest::addColumn<QString>("realName");
    QTest::newRow("plain") << QByteArray("USER bob 0 * :Bob Marley") << u"~bob"_s
                           << u"Bob Marley"_s;
    QTest::newRow("long user name, cut to 10")
        << QByteArray("USER abcdefghijklmn 0 * :x") << u"~abcdefghij"_s << u"x"_s;
    QTest::newRow("characters a user name cannot hold are dropped")
        << QByteArray("USER b!o@b\x01 0 * :x") << u"~bob"_s << u"x"_s;
    QTest::newRow("emoji are whole characters")
        << QByteArray("USER \xF0\x9F\x98\x8A\xF0\x9F\x98\x8A 0 * :realname")
        << u"~\U0001F60A\U0001F60A"_s << u"realname"_s;
    QTest::newRow("control characters and padding leave the real name")
        << QByteArray("USER bob 0 * :  Bob\x02 Bold\x03  ") << u"~bob"_s << u"Bob Bold"_s;
    QTest::newRow("colours leave the real name with their digits")
        << QByteArray("USER bob 0 * :\x03"
                      "4Bob \x03"
                      "12,1Marley\x03")
        << u"~bob"_s << u"Bob Marley"_s;
    QTest::newRow("a colour before the real name leaves no space")
        << QByteArray("USER bob 0 * :\x03"
                      "4 Bob")
        << u"~bob"_s << u"Bob"_s;
    QTest::newRow("long real name, cut to 64")
        << QByteArray("USER bob 0 * :") + QByteArray(80, 'r') << u"~bob"_s << QString(64, u'r');
    QTest::newRow("nothing left of the user name")
        << QByteArray("USER @!@ 0 * :x") << QString() << u"x"_s;
}

void TestIrcRegistration::names()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, userName);
    QFETCH(QString, realName);
    IrcRegistration registration(u"irc.test"_s, offers());
    QVERIFY(registration.handle(IrcMessage::parse("NICK bob")).isEmpty());
    QVERIFY(registration.handle(IrcMessage::parse(line)).isEmpty());
    QVERIFY(registration.isComplete());
    QCOMPARE(registration.userName(), userName);
    QCOMPARE(registration.realName(), realName);
}

void TestIrcRegistration::fields()
{
    IrcRegistration registration(u"irc.test"_s, offers());
    for (const char *line : {"PASS s3cret", "NICK Ａlice", "USER alice 0 * :Alice Liddell"})
        QVERIFY(registration.handle(IrcMessage::parse(line)).isEmpty());
    QVERIFY(registration.isComplete());
    QCOMPARE(registration.nick(), u"Alice"_s); // fullwidth Ａ: the plain letter (NFKC)
    QCOMPARE(registration.userName(), u"~alice"_s);
    QCOMPARE(registration.realName(), u"Alice Liddell"_s);
    QCOMPARE(registration.password(), u"s3cret"_s);

    registration.refuseNick();
    QVERIFY(!registration.isComplete());
    QCOMPARE(registration.target(), u"*"_s);
    QVERIFY(registration.handle(IrcMessage::parse("NICK alice2")).isEmpty());
    QVERIFY(registration.isComplete());

    QVERIFY(!registration.hasQuit());
    registration.handle(IrcMessage::parse("QUIT :bye"));
    QVERIFY(registration.hasQuit());
}

QTEST_APPLESS_MAIN(TestIrcRegistration)
#include "tst_ircregistration.moc"
