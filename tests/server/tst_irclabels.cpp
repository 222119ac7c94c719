// SPDX-License-Identifier: MIT
#include "IrcClient.h"
#include "ServerFixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Server = IrcClient::Server;

// A labeled-response batch around lines given without tags; lines of a batch of their own (a
// chathistory batch nested in it) stay as they are.
QStringList batch(const QString &label, const QStringList &lines, const QString &id = u"L1"_s)
{
    QStringList all{u"@label="_s + label + u' ' + Server + u" BATCH +"_s + id +
                    u" labeled-response"_s};
    for (const QString &line : lines)
        all << (line.startsWith(u"@batch="_s) ? line : u"@batch="_s + id + u' ' + line);
    return all << Server + u" BATCH -"_s + id;
}

} // namespace

// IRCv3 labeled-response: the whole response to a labelled command, and nothing else, carries
// its label: one line itself, several in a labeled-response batch, none an ACK.
class TestIrcLabels : public QObject
{
    Q_OBJECT

private slots:
    void labelled_data();
    void labelled();
    void joinWithHistory();
    void chatHistoryNestsItsBatch();
    void othersLinesStayOutside();
    void othersLineDuringAHash();
    void linesAfterWaitForTheResponse();
};

void TestIrcLabels::labelled_data()
{
    QTest::addColumn<QString>("caps");
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QStringList>("replies");
    const QString s = Server;
    const QString all = u"batch labeled-response echo-message"_s;
    QTest::newRow("PRIVMSG echoed")
        << all << u"@label=m1 PRIVMSG #hall :hi"_s
        << QStringList{u"@label=m1 :alice!alice@chat PRIVMSG #hall hi"_s};
    QTest::newRow("PRIVMSG not echoed")
        << u"batch labeled-response"_s << u"@label=m1 PRIVMSG #hall :hi"_s
        << QStringList{u"@label=m1 "_s + s + u" ACK"_s};
    // To oneself: received (outside the response), then the echo, which is the response.
    QTest::newRow("PRIVMSG to oneself, echoed")
        << all << u"@label=s1 PRIVMSG alice :hi"_s
        << QStringList{u":alice!alice@chat PRIVMSG alice hi"_s,
                       u"@label=s1 :alice!alice@chat PRIVMSG alice hi"_s};
    QTest::newRow("PRIVMSG to oneself, not echoed")
        << u"batch labeled-response"_s << u"@label=s2 PRIVMSG alice :hi"_s
        << QStringList{u":alice!alice@chat PRIVMSG alice hi"_s, u"@label=s2 "_s + s + u" ACK"_s};
    QTest::newRow("NOTICE echoed") << all << u"@label=n2 NOTICE #hall :hi"_s
                                   << QStringList{u"@label=n2 :alice!alice@chat NOTICE #hall hi"_s};
    QTest::newRow("NOTICE to oneself, echoed")
        << all << u"@label=s3 NOTICE alice :hi"_s
        << QStringList{u":alice!alice@chat NOTICE alice hi"_s,
                       u"@label=s3 :alice!alice@chat NOTICE alice hi"_s};
    QTest::newRow("PRIVMSG to nobody")
        << all << u"@label=m2 PRIVMSG nobody :hi"_s
        << QStringList{u"@label=m2 "_s + s +
                       u" 401 alice nobody :No one called nobody is logged in."_s};
    QTest::newRow("NOTICE to nobody: never answered")
        << all << u"@label=m3 NOTICE nobody :hi"_s << QStringList{u"@label=m3 "_s + s + u" ACK"_s};
    QTest::newRow("MODE b: an error turned into an empty list")
        << all << u"@label=b1 MODE #hall b"_s
        << QStringList{u"@label=b1 "_s + s + u" 368 alice #hall :End of channel ban list"_s};
    QTest::newRow("LUSERS: two commands, one response")
        << all << u"@label=l1 LUSERS"_s
        << batch(u"l1"_s, {s + u" 254 alice 1 :channels formed"_s,
                           s + u" 251 alice :There are 1 users and 0 invisible on 1 servers"_s,
                           s + u" 255 alice :I have 1 clients and 0 servers"_s,
                           s + u" 265 alice :Current local users: 1"_s,
                           s + u" 266 alice :Current global users: 1"_s});
    QTest::newRow("NAMES") << all << u"@label=n1 NAMES #hall"_s
                           << batch(u"n1"_s, {s + u" 353 alice = #hall alice"_s,
                                              s + u" 366 alice #hall :End of /NAMES list"_s});
    QTest::newRow("WHOIS") << all << u"@label=w1 WHOIS alice"_s
                           << batch(u"w1"_s, {s + u" 311 alice alice ~alice chat * alice"_s,
                                              s + u" 319 alice alice #hall"_s,
                                              s + u" 312 alice alice test.chat :test server"_s,
                                              s + u" 318 alice alice :End of /WHOIS list"_s});
    QTest::newRow("PING") << all << u"@label=p1 PING tok"_s
                          << QStringList{u"@label=p1 "_s + s + u" PONG test.chat tok"_s};
    QTest::newRow("PONG: no reply")
        << all << u"@label=p2 PONG tok"_s << QStringList{u"@label=p2 "_s + s + u" ACK"_s};
    QTest::newRow("AWAY") << all << u"@label=a1 AWAY :lunch"_s
                          << QStringList{u"@label=a1 "_s + s +
                                         u" 306 alice :You have been marked as being away"_s};
    QTest::newRow("unknown command")
        << all << u"@label=u1 FROB"_s
        << QStringList{u"@label=u1 "_s + s + u" 421 alice FROB :Unknown command"_s};
    QTest::newRow("unknown command, as irctest sends it")
        << all << u"@label=deadbeef NONEXISTENT_COMMAND"_s
        << QStringList{u"@label=deadbeef "_s + s +
                       u" 421 alice NONEXISTENT_COMMAND :Unknown command"_s};
    QTest::newRow("escaped label")
        << all << u"@label=a\\sb\\:c PING tok"_s
        << QStringList{u"@label=a\\sb\\:c "_s + s + u" PONG test.chat tok"_s};
    QTest::newRow("other tags kept apart")
        << all << u"@+draft/reply=x;label=t1 PING tok"_s
        << QStringList{u"@label=t1 "_s + s + u" PONG test.chat tok"_s};
    const QString longest(64, u'x');
    QTest::newRow("64 bytes") << all << u"@label="_s + longest + u" PING tok"_s
                              << QStringList{u"@label="_s + longest + u' ' + s +
                                             u" PONG test.chat tok"_s};
    QTest::newRow("65 bytes: no label") << all << u"@label="_s + longest + u"y PING tok"_s
                                        << QStringList{s + u" PONG test.chat tok"_s};
    QTest::newRow("empty label: none")
        << all << u"@label= PING tok"_s << QStringList{s + u" PONG test.chat tok"_s};
    QTest::newRow("without the cap") << u"batch echo-message"_s << u"@label=m1 PRIVMSG #hall :hi"_s
                                     << QStringList{u":alice!alice@chat PRIVMSG #hall hi"_s};
    QTest::newRow("without batch") << u"labeled-response"_s << u"@label=n1 NAMES #hall"_s
                                   << QStringList{s + u" 353 alice = #hall alice"_s,
                                                  s + u" 366 alice #hall :End of /NAMES list"_s};
}

void TestIrcLabels::labelled()
{
    QFETCH(QString, caps);
    QFETCH(QString, sent);
    QFETCH(QStringList, replies);
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, caps));
    irc.send(sent);
    QCOMPARE(irc.syncWithoutTime(), replies);
}

void TestIrcLabels::joinWithHistory()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    tess.send(u"create den"_s);
    tess.send(u"say #den said before you came"_s);
    tess.sync();
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch labeled-response"_s));
    irc.send(u"@label=j1 JOIN #den"_s);
    const QString s = Server;
    QCOMPARE(
        irc.syncWithoutTime(),
        batch(u"j1"_s, {u":alice!alice@chat JOIN #den"_s, s + u" 353 alice = #den :@tess alice"_s,
                        s + u" 366 alice #den :End of /NAMES list"_s,
                        s + u" BATCH +history chathistory #den"_s,
                        u"@batch=history :tess!tess@chat PRIVMSG #den :said before you came"_s,
                        s + u" BATCH -history"_s}));
}

void TestIrcLabels::chatHistoryNestsItsBatch()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    tess.send(u"line 1"_s);
    tess.send(u"line 2"_s);
    tess.sync();
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch labeled-response draft/chathistory message-tags"_s));
    irc.send(u"@label=h1 CHATHISTORY LATEST #hall * 5"_s);
    const QString s = Server;
    QCOMPARE(irc.syncWithoutTime(),
             batch(u"h1"_s, {s + u" BATCH +history chathistory #hall"_s,
                             u"@batch=history;msgid=1-1 :tess!tess@chat PRIVMSG #hall :line 1"_s,
                             u"@batch=history;msgid=2-2 :tess!tess@chat PRIVMSG #hall :line 2"_s,
                             s + u" BATCH -history"_s}));
    // An error is one line, with the label.
    irc.send(u"@label=h2 CHATHISTORY LATEST #elsewhere * 5"_s);
    QCOMPARE(irc.sync(true), QStringList{u"@label=h2 "_s + s +
                                         u" FAIL CHATHISTORY INVALID_TARGET LATEST #elsewhere "
                                         ":You are not in that channel"_s});
}

void TestIrcLabels::othersLinesStayOutside()
{
    // tess speaks while alice's labelled requests are answered: her lines reach alice, never
    // labelled and never in alice's batch, wherever they fall among the response's lines (where
    // that is depends on when the store answers; each label comes once, a batch's lines carry
    // it, and a response outside a batch is one labelled line).
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    for (int n = 1; n <= 20; ++n)
        tess.send(u"earlier %1"_s.arg(n));
    tess.sync();
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch labeled-response draft/chathistory echo-message"_s));
    QStringList lines;
    for (int n = 1; n <= 5; ++n) {
        irc.send(u"@label=h%1 CHATHISTORY LATEST #hall * 20"_s.arg(n));
        for (int i = 1; i <= 4; ++i)
            tess.send(u"now %1.%2"_s.arg(n).arg(i));
        irc.send(u"@label=m%1 PRIVMSG #hall :mine %1"_s.arg(n));
        lines += irc.sync(true);
    }
    tess.sync(); // her last lines, paced by flood control
    lines += irc.sync(true);
    QStringList open; // batches open at each line
    int tessSaid = 0;
    QSet<QString> labels;
    for (const QString &line : std::as_const(lines)) {
        const QString tags = line.startsWith(u'@') ? line.section(u' ', 0, 0) : QString();
        static const QRegularExpression labelTag(u"[@;]label=([^; ]+)"_s);
        const QRegularExpressionMatch label = labelTag.match(tags);
        if (label.hasMatch()) {
            QVERIFY2(!labels.contains(label.captured(1)), qPrintable(line)); // once a label
            labels.insert(label.captured(1));
        }
        if (line.contains(u"PRIVMSG #hall :now "_s) && !tags.contains(u"batch=history"_s)) {
            ++tessSaid;
            QVERIFY2(tags.isEmpty(), qPrintable(line));
            continue;
        }
        if (line.contains(u" BATCH +L"_s)) {
            QVERIFY2(label.hasMatch() && open.isEmpty(), qPrintable(line));
            open << line.section(u" BATCH +"_s, 1).section(u' ', 0, 0);
        } else if (line.contains(u" BATCH -L"_s)) {
            QCOMPARE(line.section(u" BATCH -"_s, 1), open.value(0));
            open.clear();
        } else if (open.isEmpty()) {
            QVERIFY2(label.hasMatch(), qPrintable(line)); // a response of one line
        } else { // in the batch, or in the chathistory batch nested in it
            QVERIFY2(tags.contains(u"batch="_s + open.first()) || tags.contains(u"batch=history"_s),
                     qPrintable(line));
        }
    }
    QCOMPARE(tessSaid, 20);
    QCOMPARE(labels.size(), 10);
}

void TestIrcLabels::othersLineDuringAHash()
{
    // Registering hashes the password on its own thread, long enough for tess to speak: her
    // line comes first, unlabelled; the response after it, labelled (an ACK: IRC shows nothing
    // for a registration that worked).
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch labeled-response"_s));
    irc.send(u"@label=r1 REGISTER s3cret-enough"_s);
    tess.send(u"meanwhile"_s);
    const QStringList lines = irc.sync(true);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.value(0), u":tess!tess@chat PRIVMSG #hall meanwhile"_s);
    QCOMPARE(lines.value(1), u"@label=r1 "_s + Server + u" ACK"_s);
}

void TestIrcLabels::linesAfterWaitForTheResponse()
{
    // A room made on JOIN waits for the store; the line after the JOIN is answered after it.
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch labeled-response"_s));
    irc.send(u"@label=j1 JOIN #fresh"_s);
    irc.send(u"@label=t1 TOPIC #fresh"_s);
    const QString s = Server;
    QCOMPARE(
        irc.syncWithoutTime(),
        batch(u"j1"_s, {u":alice!alice@chat JOIN #fresh"_s, s + u" 353 alice = #fresh @alice"_s,
                        s + u" 366 alice #fresh :End of /NAMES list"_s}) +
            QStringList{u"@label=t1 "_s + s + u" 331 alice #fresh :No topic is set"_s});
}

QTEST_GUILESS_MAIN(TestIrcLabels)
#include "tst_irclabels.moc"
