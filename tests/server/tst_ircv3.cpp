// SPDX-License-Identifier: MIT
#include "IrcClient.h"
#include "Protocol.h"
#include "ServerFixture.h"
#include "irc/IrcSasl.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Server = IrcClient::Server;

// Lines until one contains what, for answers that wait for a password's hash.
QStringList readUntil(IrcClient &irc, const QString &what)
{
    QStringList lines;
    for (int i = 0; i < 50 && !lines.join(u'\n').contains(what); ++i)
        lines += irc.sync();
    return lines;
}

// A registered account, made by someone on telnet who then leaves.
bool registerAccount(ServerFixture &fixture, const QString &nick, const QString &password)
{
    LineClient &owner = fixture.loggedIn(nick);
    owner.send(u"register "_s + password);
    QString reply;
    for (int i = 0; i < 10 && !reply.contains(u"is registered"_s); ++i)
        reply = owner.readLine(30000); // the password is hashed on its own thread
    owner.send(u"logout"_s);
    return reply.contains(u"is registered"_s) && owner.waitForDisconnected();
}

// Lines with only the tags a client chose: the server's own (time, msgid, batch) removed.
QStringList clientTagsOnly(const QStringList &lines)
{
    static const QRegularExpression server(u"(?<=[@;])(time|msgid|batch)=[^; ]*;?"_s);
    static const QRegularExpression dangling(u"^@ |;(?= )"_s);
    QStringList kept;
    for (QString line : lines) {
        line.remove(server);
        line.remove(dangling);
        kept << line;
    }
    return kept;
}

QString plain(const QString &authzid, const QString &account, const QString &password)
{
    return QString::fromLatin1(
        (authzid.toUtf8() + '\0' + account.toUtf8() + '\0' + password.toUtf8()).toBase64());
}

} // namespace

// The IRCv3 extensions beyond message tags: draft/chathistory in batches, SASL PLAIN, the
// lookups (WHOIS, ISON, USERHOST, LUSERS) and the name list's prefixes, checked against the
// IRCv3 specifications and RFC 2812's numerics.
class TestIrcV3 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chatHistory_data();
    void chatHistory();
    void privateHistory();
    void historyWithoutBatch();
    void pingWaitsForHistory();
    void targets();
    void clientTags_data();
    void clientTags();
    void tagMessages();
    void joinHistoryComesInABatchOrNotAtAll();
    void sasl_data();
    void sasl();
    void saslInLines_data();
    void saslInLines();
    void saslBeforeClientWaits();
    void lookups_data();
    void lookups();
    void namesPrefixes();
    void awayNotify();
    void accountsShown();
    void namesFromUser();

private:
    // For the SASL rows: one server with carol's account (hashing a password takes a while).
    std::unique_ptr<ServerFixture> m_accounts;
    // For the history rows: one server where tess said "line 1" to "line 10" in the hall.
    std::unique_ptr<ServerFixture> m_history;
    // A time after lines 1 to 5 were said and before lines 6 to 10 were.
    QString m_middle;
};

void TestIrcV3::initTestCase()
{
    m_accounts = std::make_unique<ServerFixture>(IrcClient::serverConfig());
    QVERIFY(registerAccount(*m_accounts, u"carol"_s, u"s3cret-enough"_s));
    m_history = std::make_unique<ServerFixture>(IrcClient::serverConfig());
    LineClient &telnet = m_history->loggedIn(u"tess"_s);
    for (int n = 1; n <= 5; ++n)
        telnet.send(u"line %1"_s.arg(n));
    QVERIFY(!telnet.sync().isEmpty());
    // Lines 1 to 5 have their times (the server runs on this thread, on this clock): a
    // millisecond later than all of them and earlier than the lines said after it is waited
    // for, at most two milliseconds, so that a time in the middle is no race.
    const qint64 middle = QDateTime::currentMSecsSinceEpoch() + 1;
    while (QDateTime::currentMSecsSinceEpoch() <= middle) {
    }
    m_middle = QDateTime::fromMSecsSinceEpoch(middle, Qt::UTC).toString(Qt::ISODateWithMs);
    for (int n = 6; n <= 10; ++n)
        telnet.send(u"line %1"_s.arg(n));
    QVERIFY(!telnet.sync().isEmpty());
}

void TestIrcV3::chatHistory_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QStringList>("replies");
    const QString s = Server;
    // tess said "line 1" to "line 10" in the hall: ids and sequence numbers 1 to 10.
    auto page = [&s](QList<int> lines) {
        QStringList page{s + u" BATCH +history chathistory #hall"_s};
        for (int n : lines)
            page << u"@batch=history;msgid=%1-%1 :tess!tess@chat PRIVMSG #hall :line %1"_s.arg(n);
        return page << s + u" BATCH -history"_s;
    };
    QTest::newRow("LATEST *") << u"CHATHISTORY LATEST #hall * 3"_s << page({8, 9, 10});
    QTest::newRow("LATEST after a msgid")
        << u"CHATHISTORY LATEST #hall msgid=8-8 10"_s << page({9, 10});
    QTest::newRow("BEFORE") << u"CHATHISTORY BEFORE #hall msgid=5-5 2"_s << page({3, 4});
    QTest::newRow("AFTER") << u"CHATHISTORY AFTER #hall msgid=5-5 2"_s << page({6, 7});
    QTest::newRow("AROUND") << u"CHATHISTORY AROUND #hall msgid=5-5 4"_s << page({4, 5, 6, 7});
    QTest::newRow("BETWEEN") << u"CHATHISTORY BETWEEN #hall msgid=2-2 msgid=6-6 10"_s
                             << page({3, 4, 5});
    QTest::newRow("BETWEEN backwards")
        << u"CHATHISTORY BETWEEN #hall msgid=6-6 msgid=2-2 2"_s << page({4, 5});
    QTest::newRow("BETWEEN neighbours")
        << u"CHATHISTORY BETWEEN #hall msgid=2-2 msgid=3-3 10"_s << page({});
    QTest::newRow("a channel name in any case") << u"CHATHISTORY LATEST #HALL * 1"_s << page({10});
    QTest::newRow("more than the server gives")
        << u"CHATHISTORY LATEST #hall * 5000"_s << page({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    QTest::newRow("not in that channel")
        << u"CHATHISTORY LATEST #elsewhere * 10"_s
        << QStringList{s + u" FAIL CHATHISTORY INVALID_TARGET LATEST #elsewhere :You are not in "
                           "that channel"_s};
    const QString invalid = u" :References are *, msgid= (a msgid of this server) or "
                            "timestamp=, limits a number above 0"_s;
    // Every line was said between these two times.
    const QString earlier = u"timestamp=2000-01-01T00:00:00.000Z"_s;
    const QString later = u"timestamp=2999-01-01T00:00:00.000Z"_s;
    QTest::newRow("BEFORE a timestamp")
        << u"CHATHISTORY BEFORE #hall %1 2"_s.arg(later) << page({9, 10});
    QTest::newRow("BEFORE an earlier timestamp")
        << u"CHATHISTORY BEFORE #hall %1 2"_s.arg(earlier) << page({});
    QTest::newRow("AFTER a timestamp")
        << u"CHATHISTORY AFTER #hall %1 2"_s.arg(earlier) << page({1, 2});
    QTest::newRow("AFTER a later timestamp")
        << u"CHATHISTORY AFTER #hall %1 2"_s.arg(later) << page({});
    QTest::newRow("LATEST after a timestamp")
        << u"CHATHISTORY LATEST #hall %1 3"_s.arg(earlier) << page({1, 2, 3});
    QTest::newRow("LATEST after a later timestamp")
        << u"CHATHISTORY LATEST #hall %1 3"_s.arg(later) << page({});
    QTest::newRow("AROUND a timestamp")
        << u"CHATHISTORY AROUND #hall %1 2"_s.arg(later) << page({9, 10});
    QTest::newRow("BETWEEN timestamps")
        << u"CHATHISTORY BETWEEN #hall %1 %2 3"_s.arg(earlier, later) << page({1, 2, 3});
    QTest::newRow("BETWEEN timestamps backwards")
        << u"CHATHISTORY BETWEEN #hall %1 %2 2"_s.arg(later, earlier) << page({9, 10});
    QTest::newRow("BETWEEN timestamps, nothing between")
        << u"CHATHISTORY BETWEEN #hall %1 %1 10"_s.arg(later) << page({});
    const QString middle = u"timestamp="_s + m_middle;
    QTest::newRow("AROUND a timestamp in the middle")
        << u"CHATHISTORY AROUND #hall %1 4"_s.arg(middle) << page({4, 5, 6, 7});
    QTest::newRow("AROUND a timestamp in the middle, an odd limit")
        << u"CHATHISTORY AROUND #hall %1 3"_s.arg(middle) << page({4, 5, 6});
    QTest::newRow("AROUND an earlier timestamp")
        << u"CHATHISTORY AROUND #hall %1 2"_s.arg(earlier) << page({1, 2});
    QTest::newRow("AROUND the newest msgid")
        << u"CHATHISTORY AROUND #hall msgid=10-10 4"_s << page({7, 8, 9, 10});
    QTest::newRow("AROUND the first msgid")
        << u"CHATHISTORY AROUND #hall msgid=1-1 3"_s << page({1, 2, 3});
    QTest::newRow("BETWEEN a msgid and a later timestamp")
        << u"CHATHISTORY BETWEEN #hall msgid=2-2 %1 3"_s.arg(later) << page({3, 4, 5});
    QTest::newRow("BETWEEN a msgid and an earlier timestamp")
        << u"CHATHISTORY BETWEEN #hall msgid=8-8 %1 3"_s.arg(earlier) << page({5, 6, 7});
    QTest::newRow("BETWEEN a msgid and a timestamp in the middle")
        << u"CHATHISTORY BETWEEN #hall msgid=2-2 %1 10"_s.arg(middle) << page({3, 4, 5});
    QTest::newRow("BETWEEN a msgid and a timestamp in the middle, backwards")
        << u"CHATHISTORY BETWEEN #hall msgid=9-9 %1 10"_s.arg(middle) << page({6, 7, 8});
    QTest::newRow("BETWEEN a msgid and a timestamp, nothing between")
        << u"CHATHISTORY BETWEEN #hall msgid=5-5 %1 10"_s.arg(middle) << page({});
    QTest::newRow("BETWEEN an earlier timestamp and a msgid")
        << u"CHATHISTORY BETWEEN #hall %1 msgid=4-4 10"_s.arg(earlier) << page({1, 2, 3});
    QTest::newRow("BETWEEN a later timestamp and a msgid")
        << u"CHATHISTORY BETWEEN #hall %1 msgid=7-7 2"_s.arg(later) << page({9, 10});
    QTest::newRow("BETWEEN a timestamp in the middle and a msgid")
        << u"CHATHISTORY BETWEEN #hall %1 msgid=9-9 10"_s.arg(middle) << page({6, 7, 8});
    QTest::newRow("BETWEEN a timestamp in the middle and a msgid, backwards")
        << u"CHATHISTORY BETWEEN #hall %1 msgid=2-2 2"_s.arg(middle) << page({4, 5});
    QTest::newRow("BETWEEN a msgid and someone else's")
        << u"CHATHISTORY BETWEEN #hall msgid=2-2 msgid=abc 10"_s
        << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS BETWEEN"_s + invalid};
    QTest::newRow("BETWEEN a bad timestamp")
        << u"CHATHISTORY BETWEEN #hall %1 timestamp=yesterday 10"_s.arg(earlier)
        << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS BETWEEN"_s + invalid};
    QTest::newRow("a timestamp without milliseconds")
        << u"CHATHISTORY BEFORE #hall timestamp=2026-11-28T12:00:00Z 10"_s
        << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS BEFORE"_s + invalid};
    QTest::newRow("a timestamp in another zone")
        << u"CHATHISTORY AFTER #hall timestamp=2026-11-28T12:00:00.000+01:00 10"_s
        << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS AFTER"_s + invalid};
    QTest::newRow("an empty timestamp")
        << u"CHATHISTORY LATEST #hall timestamp= 10"_s
        << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS LATEST"_s + invalid};
    QTest::newRow("someone else's msgid")
        << u"CHATHISTORY BEFORE #hall msgid=abc 10"_s
        << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS BEFORE"_s + invalid};
    QTest::newRow("* for BEFORE") << u"CHATHISTORY BEFORE #hall * 10"_s
                                  << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS BEFORE"_s +
                                                 invalid};
    QTest::newRow("a limit of 0") << u"CHATHISTORY LATEST #hall * 0"_s
                                  << QStringList{s + u" FAIL CHATHISTORY INVALID_PARAMS LATEST"_s +
                                                 invalid};
    QTest::newRow("missing parameters")
        << u"CHATHISTORY BEFORE #hall"_s
        << QStringList{s + u" FAIL CHATHISTORY NEED_MORE_PARAMS BEFORE :Missing parameters"_s};
    const QString targetsInvalid =
        u" FAIL CHATHISTORY INVALID_PARAMS TARGETS :TARGETS takes two timestamps and a limit "
        "above 0"_s;
    QTest::newRow("TARGETS, nothing said then")
        << u"CHATHISTORY TARGETS %1 %1 10"_s.arg(earlier)
        << QStringList{s + u" BATCH +targets draft/chathistory-targets"_s,
                       s + u" BATCH -targets"_s};
    QTest::newRow("TARGETS, a bad timestamp")
        << u"CHATHISTORY TARGETS timestamp=a %1 10"_s.arg(later) << QStringList{s + targetsInvalid};
    QTest::newRow("TARGETS, a msgid")
        << u"CHATHISTORY TARGETS msgid=2-2 %1 10"_s.arg(later) << QStringList{s + targetsInvalid};
    QTest::newRow("TARGETS, a limit of 0")
        << u"CHATHISTORY TARGETS %1 %2 0"_s.arg(earlier, later) << QStringList{s + targetsInvalid};
    QTest::newRow("TARGETS, a limit that is no number")
        << u"CHATHISTORY TARGETS %1 %2 many"_s.arg(earlier, later)
        << QStringList{s + targetsInvalid};
    QTest::newRow("TARGETS, missing parameters")
        << u"CHATHISTORY TARGETS %1 %2"_s.arg(earlier, later)
        << QStringList{s + u" FAIL CHATHISTORY NEED_MORE_PARAMS TARGETS :Missing parameters"_s};
    QTest::newRow("another subcommand")
        << u"CHATHISTORY SOMETHING #hall * 10"_s
        << QStringList{s + u" FAIL CHATHISTORY UNKNOWN_COMMAND SOMETHING :Unknown subcommand"_s};
    QTest::newRow("nothing at all")
        << u"CHATHISTORY"_s
        << QStringList{s + u" FAIL CHATHISTORY UNKNOWN_COMMAND * :Unknown subcommand"_s};
}

void TestIrcV3::chatHistory()
{
    QFETCH(QString, sent);
    QFETCH(QStringList, replies);
    IrcClient irc;
    QVERIFY(irc.connectTo(*m_history));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch server-time message-tags draft/chathistory"_s));
    irc.send(sent);
    QCOMPARE(irc.syncWithoutTime(), replies);
    irc.send(u"QUIT"_s); // the name is free for the next row
    QVERIFY(irc.line().waitForDisconnected());
}

void TestIrcV3::privateHistory()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch message-tags draft/chathistory"_s));
    telnet.send(u"msg alice hello alice"_s);
    telnet.sync();
    irc.send(u"PRIVMSG tess :hello tess"_s);
    QCOMPARE(irc.syncWithoutTime(),
             QStringList{u"@msgid=1 :tess!tess@chat PRIVMSG alice :hello alice"_s});
    irc.send(u"CHATHISTORY LATEST tess * 10"_s);
    const QStringList both{Server + u" BATCH +history chathistory tess"_s,
                           u"@batch=history;msgid=1 :tess!tess@chat PRIVMSG alice :hello alice"_s,
                           u"@batch=history;msgid=2 :alice!alice@chat PRIVMSG tess :hello tess"_s,
                           Server + u" BATCH -history"_s};
    QCOMPARE(irc.syncWithoutTime(), both);
    irc.send(u"CHATHISTORY BEFORE tess msgid=2 10"_s);
    QCOMPARE(irc.syncWithoutTime(), (QStringList{both[0], both[1], both[3]}));
    irc.send(u"CHATHISTORY BETWEEN tess msgid=2 msgid=1 10"_s); // nothing between them
    QCOMPARE(irc.syncWithoutTime(), (QStringList{both[0], both[3]}));
    irc.send(u"CHATHISTORY BETWEEN tess msgid=1 timestamp=2999-01-01T00:00:00.000Z 10"_s);
    QCOMPARE(irc.syncWithoutTime(), (QStringList{both[0], both[2], both[3]}));
    irc.send(u"CHATHISTORY AROUND tess msgid=1 10"_s);
    QCOMPARE(irc.syncWithoutTime(), both);
    irc.send(u"CHATHISTORY LATEST not_a_nick! * 10"_s);
    QCOMPARE(irc.sync(), QStringList{Server + u" FAIL CHATHISTORY INVALID_TARGET LATEST "
                                              "not_a_nick! :You are not in that channel"_s});
}

void TestIrcV3::historyWithoutBatch()
{
    // Without batch (and without tags), a page is its lines alone.
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    telnet.send(u"said first"_s);
    telnet.sync();
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    irc.send(u"CHATHISTORY LATEST #hall * 5"_s);
    QCOMPARE(irc.sync(true), QStringList{u":tess!tess@chat PRIVMSG #hall :said first"_s});
}

void TestIrcV3::pingWaitsForHistory()
{
    // A line to store, history that must wait for it, and a PING, read in one go: the store
    // answers on a later pass, and the PONG still comes last, so a client can use it as a
    // barrier (as RFC 2812 servers that answer lines in order allow).
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch draft/chathistory"_s));
    irc.sync();
    irc.sendRaw("PRIVMSG #hall :just said\r\nCHATHISTORY LATEST #hall * 5\r\nPING :at last\r\n");
    QStringList lines;
    for (QString line = irc.line().readLine(); !line.isNull(); line = irc.line().readLine()) {
        lines << line.section(u' ', line.startsWith(u'@') ? 1 : 0);
        if (line.endsWith(u"PONG test.chat :at last"_s))
            break;
    }
    QCOMPARE(lines,
             (QStringList{Server + u" BATCH +history chathistory #hall"_s,
                          u":alice!alice@chat PRIVMSG #hall :just said"_s,
                          Server + u" BATCH -history"_s, Server + u" PONG test.chat :at last"_s}));
}

void TestIrcV3::clientTags_data()
{
    // What alice (message-tags, echo-message) sends; what bob (message-tags) and carol (no
    // capabilities) read, and what the history replays to bob.
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("tagged");  // bob's line and alice's echo, the server's tags left out
    QTest::addColumn<QString>("bare");    // carol's (empty: she is not told)
    QTest::addColumn<QString>("history"); // the CHATHISTORY target that replays it to bob

    const QString said = u":alice!alice@chat PRIVMSG #hall hi"_s;
    QTest::newRow("a reply") << u"@+draft/reply=1-1 PRIVMSG #hall hi"_s
                             << u"@+draft/reply=1-1 "_s + said << said << u"#hall"_s;
    QTest::newRow("the server's tags are not the client's")
        << u"@fizz=buzz;+baz=bat;msgid=forged PRIVMSG #hall hi"_s << u"@+baz=bat "_s + said << said
        << u"#hall"_s;
    QTest::newRow("escaped values stay escaped")
        << uR"(@+buzz=fizz\:buzz\sx\\;+steel=wootz PRIVMSG #hall hi)"_s
        << uR"(@+buzz=fizz\:buzz\sx\\;+steel=wootz )"_s + said << said << u"#hall"_s;
    QTest::newRow("a tag without a value") << u"@+draft/persist PRIVMSG #hall hi"_s
                                           << u"@+draft/persist "_s + said << said << u"#hall"_s;
    QTest::newRow("a key of no known form is dropped")
        << u"@+a!b=1;+=2;+vendor.example/ok=3 PRIVMSG #hall hi"_s
        << u"@+vendor.example/ok=3 "_s + said << said << u"#hall"_s;
    QTest::newRow("only the server's tags")
        << u"@fizz=buzz PRIVMSG #hall hi"_s << said << said << u"#hall"_s;
    QTest::newRow("an action")
        << u"@+x=1 PRIVMSG #hall :\u0001ACTION waves\u0001"_s
        << u"@+x=1 :alice!alice@chat PRIVMSG #hall :\u0001ACTION waves\u0001"_s
        << u":alice!alice@chat PRIVMSG #hall :\u0001ACTION waves\u0001"_s << u"#hall"_s;
    QTest::newRow("a notice") << u"@+x=1 NOTICE #hall hi"_s
                              << u"@+x=1 :alice!alice@chat NOTICE #hall hi"_s
                              << u":alice!alice@chat NOTICE #hall hi"_s << u"#hall"_s;
    QTest::newRow("to one person")
        << u"@+typing=done PRIVMSG bob :hi bob"_s
        << u"@+typing=done :alice!alice@chat PRIVMSG bob :hi bob"_s << QString() << u"alice"_s;
}

void TestIrcV3::clientTags()
{
    QFETCH(QString, line);
    QFETCH(QString, tagged);
    QFETCH(QString, bare);
    QFETCH(QString, history);
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    IrcClient bob;
    IrcClient carol;
    QVERIFY(alice.connectAs(fixture, u"alice"_s, u"message-tags echo-message"_s));
    QVERIFY(bob.connectAs(fixture, u"bob"_s, u"message-tags batch draft/chathistory"_s));
    QVERIFY(carol.connectAs(fixture, u"carol"_s));
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    for (IrcClient *irc : {&alice, &bob, &carol})
        irc->sync();
    tess.sync();

    alice.send(line);
    QCOMPARE(clientTagsOnly(alice.sync(true)), QStringList{tagged});
    QCOMPARE(clientTagsOnly(bob.sync(true)), QStringList{tagged});
    QCOMPARE(carol.sync(true), bare.isEmpty() ? QStringList() : QStringList{bare});
    if (!bare.isEmpty()) // nothing changes on telnet
        QVERIFY(!tess.sync().join(u'\n').contains(u'+'));

    // The history replays them as they were said.
    bob.send(u"CHATHISTORY LATEST %1 * 1"_s.arg(history));
    const QStringList page = clientTagsOnly(bob.sync(true));
    QCOMPARE(page.size(), 3);
    QCOMPARE(page[1], tagged);
}

void TestIrcV3::tagMessages()
{
    // IRCv3 TAGMSG: tags alone, to those whose clients take message-tags; echoed, labelled,
    // never stored.
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    IrcClient bob;
    IrcClient carol;
    IrcClient dave;
    QVERIFY(alice.connectAs(fixture, u"alice"_s,
                            u"message-tags echo-message batch labeled-response"_s));
    QVERIFY(bob.connectAs(fixture, u"bob"_s, u"message-tags batch draft/chathistory"_s));
    QVERIFY(carol.connectAs(fixture, u"carol"_s));
    QVERIFY(dave.connectAs(fixture, u"dave"_s, u"server-time"_s));
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    for (IrcClient *irc : {&alice, &bob, &carol, &dave})
        irc->sync();
    tess.sync();
    const auto nobodyElse = [&] {
        return carol.sync(true).isEmpty() && dave.sync(true).isEmpty() && tess.sync().isEmpty();
    };
    static const QRegularExpression msgid(u"msgid=([^; ]+)"_s);

    alice.send(u"@+typing=active;cat=dog TAGMSG #hall"_s);
    const QStringList echo = alice.sync(true);
    const QStringList relayed = bob.sync(true);
    const QString tagged = u"@+typing=active :alice!alice@chat TAGMSG #hall"_s;
    QCOMPARE(clientTagsOnly(echo), QStringList{tagged});
    QCOMPARE(clientTagsOnly(relayed), QStringList{tagged});
    const QString id = msgid.match(echo.value(0)).captured(1);
    QVERIFY2(!id.isEmpty(), qPrintable(echo.value(0)));
    QCOMPARE(msgid.match(relayed.value(0)).captured(1), id);
    QVERIFY(nobodyElse());

    // To one person; a second one has an id of its own.
    alice.send(u"@+draft/react=\U0001F44D TAGMSG bob"_s);
    const QString react = u"@+draft/react=\U0001F44D :alice!alice@chat TAGMSG bob"_s;
    const QStringList privateEcho = alice.sync(true);
    QCOMPARE(clientTagsOnly(privateEcho), QStringList{react});
    QCOMPARE(clientTagsOnly(bob.sync(true)), QStringList{react});
    QVERIFY(msgid.match(privateEcho.value(0)).captured(1) != id);
    QVERIFY(nobodyElse());

    // To oneself: as received, then the echo.
    alice.send(u"@+typing=active TAGMSG alice"_s);
    const QString toSelf = u"@+typing=active :alice!alice@chat TAGMSG alice"_s;
    QCOMPARE(clientTagsOnly(alice.sync(true)), (QStringList{toSelf, toSelf}));
    QVERIFY(bob.sync(true).isEmpty());
    QVERIFY(nobodyElse());

    // A label comes back on the echo alone; tags that are not the client's carry nothing, and
    // a labelled line that carries nothing is acknowledged.
    alice.send(u"@label=l1;+typing=paused TAGMSG #hall"_s);
    QCOMPARE(clientTagsOnly(alice.sync(true)),
             QStringList{u"@label=l1;+typing=paused :alice!alice@chat TAGMSG #hall"_s});
    QCOMPARE(clientTagsOnly(bob.sync(true)),
             QStringList{u"@+typing=paused :alice!alice@chat TAGMSG #hall"_s});
    alice.send(u"@label=l2;cat=dog TAGMSG #hall"_s);
    QCOMPARE(alice.sync(true), QStringList{u"@label=l2 "_s + Server + u" ACK"_s});
    QVERIFY(bob.sync(true).isEmpty());
    QVERIFY(nobodyElse());

    // Errors, as for PRIVMSG.
    alice.send(u"TAGMSG"_s);
    QCOMPARE(alice.sync(), QStringList{Server + u" 411 alice :No recipient given (TAGMSG)"_s});
    alice.send(u"@+typing=active TAGMSG #nowhere"_s);
    QCOMPARE(alice.sync(), QStringList{Server + u" 403 alice #nowhere :There is no room called "
                                                u"nowhere (list shows the rooms)."_s});
    alice.send(u"@+typing=active TAGMSG nobody"_s);
    QCOMPARE(alice.sync(),
             QStringList{Server + u" 401 alice nobody :No one called nobody is logged in."_s});

    // Not in the history: bob's page of the hall holds none of them.
    bob.send(u"CHATHISTORY LATEST #hall * 10"_s);
    QVERIFY(!bob.sync(true).join(u'\n').contains(u"TAGMSG"_s));
    // The chat's own command has nothing to send without an IRC client's tags.
    tess.send(u"tagmsg #hall"_s);
    QCOMPARE(tess.sync(), QStringList{u"Error: There is no text to send."_s});
}

void TestIrcV3::targets()
{
    // tess speaks in the hall, then privately to alice; alice is in the hall too.
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    telnet.send(u"said in the hall"_s);
    telnet.sync();
    // Times have milliseconds: the private line must come at a later one than the hall's.
    const qint64 hallSaid = QDateTime::currentMSecsSinceEpoch();
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"batch draft/chathistory"_s));
    irc.sync();
    QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > hallSaid);
    telnet.send(u"msg alice hello alice"_s);
    telnet.sync();
    QCOMPARE(irc.sync(), QStringList{u":tess!tess@chat PRIVMSG alice :hello alice"_s});

    // The times of the latest lines vary: each is checked for its form.
    static const QRegularExpression isoTime(
        u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    const auto timeless = [](QStringList lines) {
        for (QString &line : lines)
            line.replace(isoTime, u"<time>"_s);
        return lines;
    };
    const QString earlier = u"timestamp=2000-01-01T00:00:00.000Z"_s;
    const QString later = u"timestamp=2999-01-01T00:00:00.000Z"_s;
    const QString open = Server + u" BATCH +targets draft/chathistory-targets"_s;
    const QString tess = u"@batch=targets "_s + Server + u" CHATHISTORY TARGETS tess <time>"_s;
    const QString hall = u"@batch=targets "_s + Server + u" CHATHISTORY TARGETS #hall <time>"_s;
    const QString close = Server + u" BATCH -targets"_s;
    // A PING is a barrier: its PONG comes after the batch that the store's read answered.
    const auto batch = [&irc] { return irc.sync(true); };
    // From the first time toward the second.
    irc.send(u"CHATHISTORY TARGETS %1 %2 10"_s.arg(later, earlier));
    QCOMPARE(timeless(batch()), (QStringList{open, tess, hall, close}));
    irc.send(u"CHATHISTORY TARGETS %1 %2 10"_s.arg(earlier, later));
    QCOMPARE(timeless(batch()), (QStringList{open, hall, tess, close}));
    irc.send(u"CHATHISTORY TARGETS %1 %2 1"_s.arg(later, earlier));
    QCOMPARE(timeless(batch()), (QStringList{open, tess, close}));
    irc.send(u"CHATHISTORY TARGETS %1 %2 1"_s.arg(earlier, later));
    QCOMPARE(timeless(batch()), (QStringList{open, hall, close}));

    // The latest private line's time bounds the next question: before it, only the hall.
    irc.send(u"CHATHISTORY TARGETS %1 %2 10"_s.arg(later, earlier));
    const QString latest = batch().value(1).section(u' ', -1);
    irc.send(u"CHATHISTORY TARGETS %1 timestamp=%2 10"_s.arg(earlier, latest));
    QCOMPARE(timeless(batch()), (QStringList{open, hall, close}));

    // Without batch, the lines alone.
    IrcClient bare;
    QVERIFY(bare.connectTo(fixture));
    QVERIFY(bare.registerAs(u"bob"_s));
    bare.sync();
    bare.send(u"CHATHISTORY TARGETS %1 %2 10"_s.arg(earlier, later));
    QCOMPARE(timeless(bare.sync(true)),
             QStringList{Server + u" CHATHISTORY TARGETS #hall <time>"_s});
}

void TestIrcV3::joinHistoryComesInABatchOrNotAtAll()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    telnet.send(u"said before you came"_s);
    telnet.sync();

    IrcClient batched;
    QVERIFY(batched.connectTo(fixture));
    QVERIFY(batched.registerAs(u"batched"_s, u"batch server-time"_s));
    batched.send(u"PART #hall"_s);
    batched.send(u"JOIN #hall"_s);
    QStringList lines = batched.sync(true);
    QVERIFY(lines.join(u'\n').contains(u"@batch=history;time=20"_s)); // when it was said
    lines = IrcClient::withoutTime(lines);
    QVERIFY2(lines.join(u'\n').contains(
                 Server +
                 u" BATCH +history chathistory #hall\n@batch=history :tess!tess@chat "
                 "PRIVMSG #hall :said before you came\n"_s +
                 Server + u" BATCH -history"_s),
             qPrintable(lines.join(u'\n')));

    // A client that asks for history itself is not sent it unasked.
    IrcClient asks;
    QVERIFY(asks.connectTo(fixture));
    QVERIFY(asks.registerAs(u"asks"_s, u"draft/chathistory"_s));
    asks.send(u"PART #hall"_s);
    asks.send(u"JOIN #hall"_s);
    const QString joined = asks.sync().join(u'\n');
    QVERIFY2(!joined.contains(u"said before you came"_s), qPrintable(joined));
    QVERIFY2(joined.contains(u" 366 asks #hall "_s), qPrintable(joined));
}

void TestIrcV3::sasl_data()
{
    QTest::addColumn<QStringList>("exchange"); // AUTHENTICATE lines after PLAIN
    QTest::addColumn<QString>("answer");       // the numeric that ends the exchange
    QTest::addColumn<QString>("welcomed");     // the nick 001 names after CAP END

    const QString s = Server;
    QTest::newRow("right password")
        << QStringList{plain({}, u"carol"_s, u"s3cret-enough"_s)}
        << s + u" 903 zed :SASL authentication successful"_s << u"carol"_s;
    QTest::newRow("an authzid that is the account")
        << QStringList{plain(u"carol"_s, u"carol"_s, u"s3cret-enough"_s)}
        << s + u" 903 zed :SASL authentication successful"_s << u"carol"_s;
    QTest::newRow("wrong password") << QStringList{plain({}, u"carol"_s, u"guess"_s)}
                                    << s + u" 904 zed :SASL authentication failed"_s << u"zed"_s;
    QTest::newRow("an account that does not exist")
        << QStringList{plain({}, u"nobody"_s, u"whatever"_s)}
        << s + u" 904 zed :SASL authentication failed"_s << u"zed"_s;
    QTest::newRow("another authzid")
        << QStringList{plain(u"admin"_s, u"carol"_s, u"s3cret-enough"_s)}
        << s + u" 904 zed :SASL authentication failed"_s << u"zed"_s;
    QTest::newRow("not base64") << QStringList{u"@@@@"_s}
                                << s + u" 904 zed :SASL authentication failed"_s << u"zed"_s;
    QTest::newRow("aborted") << QStringList{u"*"_s}
                             << s + u" 906 zed :SASL authentication aborted"_s << u"zed"_s;
    QTest::newRow("a line over 400 bytes")
        << QStringList{QString(401, u'A')} << s + u" 905 zed :SASL message too long"_s << u"zed"_s;
    // A client that never ends its lines of 400 bytes is stopped once they are more than any
    // account name and password take (IrcSasl::MaxEncodedBytes).
    QTest::newRow("more than credentials take")
        << QStringList(IrcSasl::MaxEncodedBytes / 400 + 1, QString(400, u'A'))
        << s + u" 904 zed :SASL authentication failed"_s << u"zed"_s;
}

void TestIrcV3::sasl()
{
    QFETCH(QStringList, exchange);
    QFETCH(QString, answer);
    QFETCH(QString, welcomed);
    IrcClient irc;
    QVERIFY(irc.connectTo(*m_accounts));
    irc.send(u"CAP LS 302"_s);
    irc.send(u"CAP REQ sasl"_s);
    irc.send(u"NICK zed"_s);
    irc.send(u"USER zed 0 * :Zed"_s);
    QCOMPARE(irc.sync().mid(1), QStringList{Server + u" CAP * ACK sasl"_s});
    irc.send(u"AUTHENTICATE PLAIN"_s);
    QCOMPARE(irc.sync(), QStringList{u"AUTHENTICATE +"_s});
    for (const QString &line : exchange)
        irc.send(u"AUTHENTICATE "_s + line);
    QStringList lines = readUntil(irc, answer.section(u' ', 1, 1) + u" zed"_s);
    // Nothing but the exchange before CAP END: not the welcome, not the hall.
    if (welcomed == u"carol")
        QCOMPARE(lines, (QStringList{Server + u" 900 zed carol!carol@chat carol :You are now "
                                              "logged in as carol"_s,
                                     answer}));
    else
        QCOMPARE(lines, QStringList{answer});
    irc.send(u"CAP END"_s);
    lines = readUntil(irc, u" 366 "_s);
    QVERIFY2(lines.value(0).startsWith(Server + u" 001 "_s + welcomed + u" :Welcome"_s),
             qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.contains(u":%1!%1@chat JOIN #hall"_s.arg(welcomed)),
             qPrintable(lines.join(u'\n')));
    if (welcomed == u"carol") {
        // Logged in to carol's account, the person goes by the nickname NICK asked for.
        if (!lines.join(u'\n').contains(u" NICK zed"_s))
            lines += readUntil(irc, u" NICK zed"_s);
        QVERIFY2(lines.contains(u":carol!carol@chat NICK zed"_s), qPrintable(lines.join(u'\n')));
    }
    // SASL is offered during registration only.
    irc.send(u"AUTHENTICATE PLAIN"_s);
    QCOMPARE(irc.sync(),
             QStringList{welcomed == u"carol"
                             ? Server + u" 907 zed :You have already authenticated"_s
                             : Server + u" 462 zed :You may not reregister: SASL is for "
                                        "registration"_s});
    irc.send(u"QUIT"_s); // the names are free for the next row
    QVERIFY(irc.line().waitForDisconnected());
}

void TestIrcV3::saslInLines_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("password");
    // Without an authzid the credentials are "\0account\0password": six bytes and the password.
    QTest::newRow("one line of 400, then +") << u"dora"_s << QString(294, u'x');
    QTest::newRow("two lines of 400, then +") << u"erin"_s << QString(594, u'x');
    QTest::newRow("the longest password")
        << u"fern"_s << QString(Protocol::PasswordMaxLength, u'x');
    QTest::newRow("the longest password, in Chinese")
        << u"gwen"_s << QString(Protocol::PasswordMaxLength, u'码');
}

void TestIrcV3::saslInLines()
{
    // Credentials longer than a line come in lines of 400 bytes (IRCv3 sasl 3.1), as for
    // passwords a password manager makes.
    QFETCH(QString, account);
    QFETCH(QString, password);
    QVERIFY(registerAccount(*m_accounts, account, password));
    IrcClient irc;
    QVERIFY(irc.connectTo(*m_accounts));
    irc.send(u"CAP REQ sasl"_s);
    irc.send(u"NICK zed"_s);
    irc.send(u"USER zed 0 * :Zed"_s);
    QCOMPARE(irc.sync(), QStringList{Server + u" CAP * ACK sasl"_s});
    irc.send(u"AUTHENTICATE PLAIN"_s);
    QCOMPARE(irc.sync(), QStringList{u"AUTHENTICATE +"_s});
    const QString encoded = plain({}, account, password);
    for (qsizetype at = 0; at < encoded.size(); at += IrcSasl::ChunkBytes)
        irc.send(u"AUTHENTICATE "_s + encoded.mid(at, IrcSasl::ChunkBytes));
    if (encoded.size() % IrcSasl::ChunkBytes == 0)
        irc.send(u"AUTHENTICATE +"_s); // a last line of 400 says that more follows
    const QStringList lines = readUntil(irc, u" 903 zed"_s);
    QCOMPARE(lines, (QStringList{Server + u" 900 zed %1!%1@chat %1 :You are now logged in as "
                                          "%1"_s.arg(account),
                                 Server + u" 903 zed :SASL authentication successful"_s}));
    irc.send(u"QUIT"_s);
    QVERIFY(irc.line().waitForDisconnected());
}

void TestIrcV3::saslBeforeClientWaits()
{
    ServerFixture &fixture = *m_accounts;
    // A client that sends CAP END without waiting for 903 is welcomed once the check is done.
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    irc.send(u"CAP REQ sasl"_s);
    irc.send(u"NICK zed"_s);
    irc.send(u"USER zed 0 * :Zed"_s);
    irc.send(u"AUTHENTICATE PLAIN"_s);
    irc.send(u"AUTHENTICATE "_s + plain({}, u"carol"_s, u"s3cret-enough"_s));
    irc.send(u"CAP END"_s);
    QStringList lines = readUntil(irc, u" 366 "_s);
    const QString all = lines.join(u'\n');
    QVERIFY2(all.contains(u" 903 zed :SASL authentication successful\n"_s + Server +
                          u" 001 carol :Welcome"_s),
             qPrintable(all));
    if (!all.contains(u" NICK zed"_s))
        lines = readUntil(irc, u" NICK zed"_s);
    QVERIFY2((all + lines.join(u'\n')).contains(u":carol!carol@chat NICK zed"_s),
             qPrintable(all + lines.join(u'\n')));
    irc.send(u"QUIT"_s); // carol's name is free for the tests after this one
    QVERIFY(irc.line().waitForDisconnected());

    // USER after the login: the person has its names all the same (WHO, WHOIS, extended-join).
    IrcClient late;
    QVERIFY(late.connectTo(fixture));
    late.send(u"CAP REQ sasl"_s);
    late.send(u"NICK zed"_s);
    late.send(u"AUTHENTICATE PLAIN"_s);
    late.send(u"AUTHENTICATE "_s + plain({}, u"carol"_s, u"s3cret-enough"_s));
    QVERIFY(readUntil(late, u" 903 "_s).join(u'\n').contains(u" 903 "_s));
    late.send(u"USER zed 0 * :Zed Real"_s);
    late.send(u"CAP END"_s);
    readUntil(late, u" NICK zed"_s);
    late.send(u"WHOIS zed"_s);
    const QStringList whois = late.sync();
    QCOMPARE(whois.value(0), Server + u" 311 zed zed ~zed chat * :Zed Real"_s);
    QVERIFY2(whois.contains(Server + u" 330 zed zed carol :is logged in as"_s),
             qPrintable(whois.join(u'\n')));
    late.send(u"QUIT"_s);
    QVERIFY(late.line().waitForDisconnected());

    // Without the sasl capability, AUTHENTICATE fails.
    IrcClient bare;
    QVERIFY(bare.connectTo(fixture));
    bare.send(u"AUTHENTICATE PLAIN"_s);
    QCOMPARE(bare.sync(), QStringList{Server + u" 904 * :SASL authentication failed"_s});
    // An unknown mechanism is answered with the ones there are.
    bare.send(u"CAP REQ sasl"_s);
    bare.send(u"AUTHENTICATE EXTERNAL"_s);
    QCOMPARE(bare.sync(), (QStringList{Server + u" CAP * ACK sasl"_s,
                                       Server + u" 908 * PLAIN :are available SASL mechanisms"_s,
                                       Server + u" 904 * :SASL authentication failed"_s}));
}

void TestIrcV3::lookups_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QStringList>("replies");
    const QString s = Server;
    // In the server: alice (this client), alice2 (away), bob.
    QTest::newRow("WHOIS finds the nick, not the ones that start with it")
        << u"WHOIS alice"_s
        << QStringList{s + u" 311 alice alice ~alice chat * alice"_s,
                       s + u" 319 alice alice #hall"_s,
                       s + u" 312 alice alice test.chat :test server"_s,
                       s + u" 318 alice alice :End of /WHOIS list"_s};
    QTest::newRow("WHOIS someone away")
        << u"WHOIS alice2"_s
        << QStringList{
               s + u" 311 alice alice2 alice2 chat * alice2"_s, s + u" 319 alice alice2 #hall"_s,
               s + u" 312 alice alice2 test.chat :test server"_s, s + u" 301 alice alice2 lunch"_s,
               s + u" 318 alice alice2 :End of /WHOIS list"_s};
    QTest::newRow("WHOIS nobody") << u"WHOIS nobody"_s
                                  << QStringList{s + u" 401 alice nobody :No such nick"_s,
                                                 s + u" 318 alice nobody :End of /WHOIS list"_s};
    QTest::newRow("WHOIS no nick at all")
        << u"WHOIS !!"_s
        << QStringList{s + u" 401 alice !! :No such nick"_s,
                       s + u" 318 alice !! :End of /WHOIS list"_s};
    QTest::newRow("ISON") << u"ISON alice2 carol BOB ali"_s
                          << QStringList{s + u" 303 alice :alice2 bob"_s};
    QTest::newRow("ISON nobody") << u"ISON carol"_s << QStringList{s + u" 303 alice :"_s};
    QTest::newRow("ISON without nicks")
        << u"ISON"_s << QStringList{s + u" 461 alice ISON :Not enough parameters"_s};
    QTest::newRow("USERHOST") << u"USERHOST bob alice2 nobody"_s
                              << QStringList{s +
                                             u" 302 alice :bob=+bob@chat alice2=-alice2@chat"_s};
    QTest::newRow("LUSERS") << u"LUSERS"_s
                            << QStringList{s + u" 254 alice 1 :channels formed"_s,
                                           s + u" 251 alice :There are 3 users and 0 invisible "
                                               "on 1 servers"_s,
                                           s + u" 255 alice :I have 3 clients and 0 servers"_s,
                                           s + u" 265 alice :Current local users: 3"_s,
                                           s + u" 266 alice :Current global users: 3"_s};
}

void TestIrcV3::lookups()
{
    QFETCH(QString, sent);
    QFETCH(QStringList, replies);
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &alice2 = fixture.loggedIn(u"alice2"_s);
    alice2.send(u"away lunch"_s);
    alice2.sync();
    fixture.loggedIn(u"bob"_s);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    irc.send(sent);
    QCOMPARE(irc.sync(), replies);
}

void TestIrcV3::namesPrefixes()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &bob = fixture.loggedIn(u"bob"_s);
    bob.send(u"create den"_s);
    bob.sync();
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s, u"userhost-in-names"_s));
    irc.send(u"JOIN #den"_s);
    irc.sync();
    bob.send(u"op #den alice"_s);
    bob.sync();
    irc.sync();
    irc.send(u"NAMES #den"_s);
    QCOMPARE(irc.sync(),
             (QStringList{Server + u" 353 alice = #den :@bob!bob@chat @alice!alice@chat"_s,
                          Server + u" 366 alice #den :End of /NAMES list"_s}));
}

void TestIrcV3::awayNotify()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    LineClient &program = fixture.taggedLoggedIn(u"prog"_s);
    IrcClient notified;
    QVERIFY(notified.connectTo(fixture));
    QVERIFY(notified.registerAs(u"alice"_s, u"away-notify"_s));
    IrcClient plain;
    QVERIFY(plain.connectTo(fixture));
    QVERIFY(plain.registerAs(u"bob"_s));
    notified.sync();
    telnet.sync();
    program.sync();

    telnet.send(u"away lunch"_s);
    telnet.sync();
    QCOMPARE(notified.sync(), QStringList{u":tess!tess@chat AWAY lunch"_s});
    QCOMPARE(plain.sync(), QStringList());
    const QStringList tagged = program.sync();
    QCOMPARE(tagged.size(), 1);
    QVERIFY2(tagged.first().startsWith(u"presence "_s) &&
                 tagged.first().endsWith(u" hall tess away"_s),
             qPrintable(tagged.first()));
    // The same text again changes nothing, and says nothing.
    telnet.send(u"away lunch"_s);
    telnet.sync();
    QCOMPARE(notified.sync(), QStringList());

    telnet.send(u"back"_s);
    QCOMPARE(telnet.sync(), QStringList{u"You are no longer marked as away."_s});
    QCOMPARE(notified.sync(), QStringList{u":tess!tess@chat AWAY"_s});
    // From IRC too.
    plain.send(u"AWAY :gone fishing"_s);
    plain.sync();
    QCOMPARE(notified.sync(), QStringList{u":bob!bob@chat AWAY :gone fishing"_s});

    // Someone away who arrives is away in the channel from the start.
    notified.send(u"JOIN #den"_s);
    notified.sync();
    plain.send(u"JOIN #den"_s);
    plain.sync();
    QCOMPARE(notified.sync(),
             (QStringList{u":bob!bob@chat JOIN #den"_s, u":bob!bob@chat AWAY :gone fishing"_s}));
    program.send(u"join den"_s);
    program.sync();
    QVERIFY(notified.sync().contains(u":prog!prog@chat JOIN #den"_s));
    program.send(u"away"_s);
    program.sync();
    // Once, though they share two channels: AWAY names none.
    QCOMPARE(notified.sync(), QStringList{u":prog!prog@chat AWAY Away"_s});
}

void TestIrcV3::accountsShown()
{
    ServerFixture &fixture = *m_accounts; // carol has an account there
    IrcClient watcher;
    QVERIFY(watcher.connectTo(fixture));
    QVERIFY(watcher.registerAs(u"watcher"_s, u"account-tag extended-join"_s));

    LineClient &carol = fixture.connect();
    carol.send(u"login carol s3cret-enough"_s);
    QString reply;
    for (int i = 0; i < 10 && !reply.contains(u"logged in"_s); ++i)
        reply = carol.readLine(30000); // the password is hashed on its own thread
    QVERIFY2(reply.contains(u"logged in"_s), qPrintable(reply));
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    carol.send(u"hello from an account"_s);
    carol.sync();
    tess.send(u"hello from no account"_s);
    tess.sync();
    carol.send(u"msg watcher psst"_s);
    carol.sync();
    QStringList lines;
    QTRY_VERIFY((lines += watcher.sync(true), lines.size() >= 5));
    QCOMPARE(lines, (QStringList{
                        u":carol!carol@chat JOIN #hall carol carol"_s,
                        u":tess!tess@chat JOIN #hall * tess"_s,
                        u"@account=carol :carol!carol@chat PRIVMSG #hall :hello from an account"_s,
                        u":tess!tess@chat PRIVMSG #hall :hello from no account"_s,
                        u"@account=carol :carol!carol@chat PRIVMSG watcher psst"_s}));
    // What someone with an account does to others carries it too (an invitation, a mode).
    carol.send(u"create den"_s);
    carol.sync();
    carol.send(u"invite watcher"_s);
    carol.sync();
    QStringList more;
    QTRY_VERIFY((more += watcher.sync(true), !more.filter(u"INVITE"_s).isEmpty()));
    QCOMPARE(more.filter(u"INVITE"_s),
             QStringList{u"@account=carol :carol!carol@chat INVITE watcher #den"_s});
    carol.send(u"logout"_s);
    QVERIFY(carol.waitForDisconnected());
}

void TestIrcV3::namesFromUser()
{
    // What USER gave is what WHO, WHOIS and extended-join show of the person, to everyone.
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient watcher;
    QVERIFY(watcher.connectTo(fixture));
    QVERIFY(watcher.registerAs(u"watcher"_s, u"extended-join"_s));
    IrcClient bob;
    QVERIFY(bob.connectTo(fixture));
    bob.send(u"NICK bob"_s);
    bob.send(u"USER bobby 0 * :Bob the \x02"
             "Builder\x02"_s);
    QVERIFY(!bob.sync().filter(u" 001 bob "_s).isEmpty());
    QCOMPARE(watcher.sync(), QStringList{u":bob!bob@chat JOIN #hall * :Bob the Builder"_s});
    bob.send(u"JOIN #bobs"_s); // his own: WHOIS marks it with @
    bob.sync();
    watcher.send(u"WHOIS bob"_s);
    QCOMPARE(watcher.sync(), (QStringList{Server + u" 311 watcher bob ~bobby chat * :Bob the "
                                                   "Builder"_s,
                                          Server + u" 319 watcher bob :#hall @#bobs"_s,
                                          Server + u" 312 watcher bob test.chat :test server"_s,
                                          Server + u" 318 watcher bob :End of /WHOIS list"_s}));
    watcher.send(u"WHO bob"_s);
    QCOMPARE(watcher.sync(),
             (QStringList{Server + u" 352 watcher #hall ~bobby chat test.chat bob H :0 Bob the "
                                   "Builder"_s,
                          Server + u" 315 watcher bob :End of /WHO list"_s}));
    // WHO by nick shows the first room they are in, and their prefix there.
    bob.send(u"PART #hall"_s);
    bob.sync();
    QCOMPARE(watcher.sync(), QStringList{u":bob!bob@chat PART #hall"_s});
    watcher.send(u"WHO bob"_s);
    QCOMPARE(watcher.sync(),
             (QStringList{Server + u" 352 watcher #bobs ~bobby chat test.chat bob H@ :0 Bob the "
                                   "Builder"_s,
                          Server + u" 315 watcher bob :End of /WHO list"_s}));
    // A telnet user has no other names than the nickname.
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    Q_UNUSED(tess);
    QCOMPARE(watcher.sync(), QStringList{u":tess!tess@chat JOIN #hall * tess"_s});
}

QTEST_GUILESS_MAIN(TestIrcV3)
#include "tst_ircv3.moc"
