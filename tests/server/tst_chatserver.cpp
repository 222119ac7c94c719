// SPDX-License-Identifier: MIT
// The server as a person on telnet sees it: text rendering, several real sockets on loopback.
#include "ServerFixture.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestChatServer : public QObject
{
    Q_OBJECT

private slots:
    void greetingAndLogin();
    void loginRejected_data();
    void loginRejected();
    void beforeLogin_data();
    void beforeLogin();
    void everyoneSeesOneOrder();
    void entriesAndLeaves();
    void arrivalsTogether();
    void lookWhoList();
    void roomsAreIsolated();
    void joinErrors_data();
    void joinErrors();
    void privateMessageReachesOnlyTarget();
    void privateMessageErrors();
    void nickChange();
    void nickCollision();
    void topic();
    void droppedConnectionHoldsNameForGrace();
    void droppedConnectionWithoutGraceFreesName();
    void logoutTellsRoom();
    void commandErrorsKeepSession_data();
    void commandErrorsKeepSession();
    void helpForOneCommand();
    void settings();
    void chineseNicknamesAndLanguage();
    void dollarLinesAreChat();
};

void TestChatServer::greetingAndLogin()
{
    ServerFixture f;
    QVERIFY(f.isListening());
    LineClient alice;
    QVERIFY(alice.connectTo(f.port()));
    QCOMPARE(alice.readLine(),
             u"Welcome to test! Log in with: login <nick>    (help lists the commands)"_s);
    alice.send(u"login alice"_s);
    QStringList lines = alice.sync();
    QCOMPARE(lines.size(), 5);
    // The way back after a dropped connection, shown once: a fresh secret each login.
    static const QRegularExpression resume(
        u"^If your connection drops, connect again within 120 seconds and type: "
        "resume [0-9a-f]{32}$"_s);
    QVERIFY2(resume.match(lines.takeAt(1)).hasMatch(), qPrintable(lines.join(u'\n')));
    QCOMPARE(lines, (QStringList{u"You are logged in as alice."_s, u"* You have entered hall."_s,
                                 u"Users in hall (1):"_s, u"  alice"_s}));
}

void TestChatServer::loginRejected_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error");
    const QString badNick =
        u"Error: \"%1\" is not a valid nickname: use up to 24 letters of one script, digits, '_' "
        "or '-', starting with a letter, digit or '_'."_s;
    QTest::newRow("no nick") << u"login"_s << u"Error: Usage: login <nick> [password]"_s;
    QTest::newRow("space") << u"login bob smith"_s << badNick.arg(u"bob smith"_s);
    QTest::newRow("leading dash") << u"login -bob"_s << badNick.arg(u"-bob"_s);
    QTest::newRow("punctuation") << u"login bob!"_s << badNick.arg(u"bob!"_s);
    QTest::newRow("emoji") << u"login 😀"_s << badNick.arg(u"😀"_s);
    QTest::newRow("25 characters")
        << u"login "_s + QString(25, u'a') << badNick.arg(QString(25, u'a'));
    QTest::newRow("taken") << u"login alice"_s << u"Error: The nickname alice is already taken."_s;
    QTest::newRow("taken, other case")
        << u"login ALICE"_s << u"Error: The nickname ALICE is already taken."_s;
    QTest::newRow("taken, slash") << u"/LOGIN Alice"_s
                                  << u"Error: The nickname Alice is already taken."_s;
}

void TestChatServer::loginRejected()
{
    QFETCH(QString, line);
    QFETCH(QString, error);
    ServerFixture f;
    f.loggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    bob.send(line);
    QCOMPARE(bob.sync(), QStringList{error});
    QVERIFY(bob.login(u"bob"_s)); // the session goes on and can still log in
}

void TestChatServer::beforeLogin_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reply");
    const QString notLoggedIn = u"Error: Log in first: login <nick>"_s;
    QTest::newRow("plain text") << u"hello"_s << notLoggedIn;
    QTest::newRow("say") << u"say hello"_s << notLoggedIn;
    QTest::newRow("who") << u"who"_s << notLoggedIn;
    QTest::newRow("join") << u"/join hall"_s << notLoggedIn;
    QTest::newRow("msg") << u"msg alice hi"_s << notLoggedIn;
    QTest::newRow("help works")
        << u"help login"_s
        << u"login <nick> [password]  Log in with a nickname, and its password if it is registered."_s;
    QTest::newRow("unknown") << u"/fly"_s
                             << u"Error: Unknown command: fly (help lists the commands)."_s;
}

void TestChatServer::beforeLogin()
{
    QFETCH(QString, line);
    QFETCH(QString, reply);
    ServerFixture f;
    LineClient &client = f.connect();
    client.send(line);
    QCOMPARE(client.sync(), QStringList{reply});
}

void TestChatServer::everyoneSeesOneOrder()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    alice.send(u"hello there"_s);
    bob.send(u"say hi alice"_s);
    alice.send(u"me waves"_s);
    alice.send(u"/SAY   spaces trimmed   "_s);
    const QStringList aliceSees = alice.sync();
    const QStringList bobSees = bob.sync();
    QCOMPARE(aliceSees.size(), 4);
    QCOMPARE(aliceSees, bobSees);
    QVERIFY(aliceSees.contains(u"alice: hello there"_s));
    QVERIFY(aliceSees.contains(u"bob: hi alice"_s));
    QVERIFY(aliceSees.contains(u"* alice waves"_s));
    QVERIFY(aliceSees.contains(u"alice: spaces trimmed"_s));
    QVERIFY(aliceSees.indexOf(u"alice: hello there"_s) < aliceSees.indexOf(u"* alice waves"_s));
}

void TestChatServer::entriesAndLeaves()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    QCOMPARE(alice.sync(), QStringList{u"* bob has entered the room."_s});
    bob.send(u"create games"_s);
    QCOMPARE(bob.sync(), (QStringList{u"* You have left hall."_s, u"* You have entered games."_s,
                                      u"Users in games (1):"_s, u"  bob"_s}));
    QCOMPARE(alice.sync(), QStringList{u"* bob has left the room."_s});
    alice.send(u"select games"_s);
    QCOMPARE(alice.sync(), (QStringList{u"* You have left hall."_s, u"* You have entered games."_s,
                                        u"Users in games (2):"_s, u"  bob"_s, u"  alice"_s}));
    QCOMPARE(bob.sync(), QStringList{u"* alice has entered the room."_s});
}

void TestChatServer::arrivalsTogether()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    QList<LineClient *> crowd;
    for (int i = 0; i < 6; ++i)
        crowd << &f.connect();
    for (int i = 0; i < crowd.size(); ++i)
        crowd[i]->send(u"login guest%1"_s.arg(i));
    const QString seen = alice.readLine();
    QVERIFY2(seen.startsWith(u"* guest"_s) &&
                 seen.endsWith(u" and 3 others have entered the room."_s),
             qPrintable(seen));
    QCOMPARE(alice.sync(), QStringList());
}

void TestChatServer::lookWhoList()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"create games"_s);
    bob.send(u"topic dice and cards"_s);
    bob.sync();
    alice.sync();
    alice.send(u"look"_s);
    QCOMPARE(alice.sync(), (QStringList{u"Users in hall (1):"_s, u"  alice"_s}));
    alice.send(u"who"_s);
    QCOMPARE(alice.sync(),
             (QStringList{u"Users online (2):"_s, u"  alice in hall"_s, u"  bob in games"_s}));
    alice.send(u"/LIST"_s);
    QCOMPARE(alice.sync(), (QStringList{u"Rooms (2):"_s, u"  hall (1 user)"_s,
                                        u"  games (1 user): dice and cards"_s}));
    alice.send(u"who is here?"_s); // a command word followed by words is chat
    QCOMPARE(alice.sync(), QStringList{u"alice: who is here?"_s});
    alice.send(u"/who is here?"_s);
    QCOMPARE(alice.sync(), QStringList{u"Error: Usage: who [filter] [page]"_s});
}

void TestChatServer::roomsAreIsolated()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &carol = f.loggedIn(u"carol"_s);
    bob.send(u"create games"_s);
    bob.sync();
    carol.send(u"join games"_s);
    carol.sync();
    QCOMPARE(bob.sync(), QStringList{u"* carol has entered the room."_s});
    alice.sync();
    bob.send(u"only for games"_s);
    QCOMPARE(carol.sync(), QStringList{u"bob: only for games"_s});
    alice.send(u"only for the hall"_s);
    QCOMPARE(alice.sync(), QStringList{u"alice: only for the hall"_s});
    QCOMPARE(bob.sync(), QStringList{u"bob: only for games"_s});
    QCOMPARE(carol.sync(), QStringList());
}

void TestChatServer::joinErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error");
    const QString badRoom =
        u"Error: \"%1\" is not a valid room name: use up to 32 letters of one script, digits, "
        "'_' or '-', starting with a letter, digit or '_'."_s;
    QTest::newRow("no such room")
        << u"join nowhere"_s << u"Error: There is no room called nowhere (list shows the rooms)."_s;
    QTest::newRow("already there") << u"join HALL"_s << u"Error: You are already in hall."_s;
    QTest::newRow("join without name") << u"join"_s << u"Error: Usage: join <room> [key]"_s;
    QTest::newRow("create hall") << u"create Hall"_s
                                 << u"Error: The room Hall already exists: use join Hall."_s;
    QTest::newRow("create bad name") << u"create my room"_s << badRoom.arg(u"my room"_s);
    QTest::newRow("create too long")
        << u"create "_s + QString(33, u'r') << badRoom.arg(QString(33, u'r'));
}

void TestChatServer::joinErrors()
{
    QFETCH(QString, line);
    QFETCH(QString, error);
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(line);
    QCOMPARE(alice.sync(), QStringList{error});
}

void TestChatServer::privateMessageReachesOnlyTarget()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &carol = f.loggedIn(u"carol"_s);
    bob.send(u"create games"_s); // rooms do not matter for private messages
    bob.sync();
    alice.sync();
    carol.sync();
    alice.send(u"msg BOB  see you   later "_s);
    QCOMPARE(alice.sync(), QStringList{u"-> *bob* see you   later"_s});
    QCOMPARE(bob.sync(), QStringList{u"*alice* see you   later"_s});
    QCOMPARE(carol.sync(), QStringList());
}

void TestChatServer::privateMessageErrors()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"msg nobody hi"_s);
    QCOMPARE(alice.sync(), QStringList{u"Error: No one called nobody is logged in."_s});
    alice.send(u"msg alice"_s);
    QCOMPARE(alice.sync(), QStringList{u"Error: There is no text to send."_s});
    alice.send(u"msg"_s);
    QCOMPARE(alice.sync(), QStringList{u"Error: Usage: msg <nick> <text>"_s});
    alice.send(u"msg alice note to self"_s);
    QCOMPARE(alice.sync(), QStringList{u"-> *alice* note to self"_s});
}

void TestChatServer::nickChange()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    alice.send(u"nick alicia"_s);
    QCOMPARE(alice.sync(), QStringList{u"* You are now known as alicia."_s});
    QCOMPARE(bob.sync(), QStringList{u"* alice is now known as alicia."_s});
    bob.send(u"msg alicia hi"_s);
    QCOMPARE(bob.sync(), QStringList{u"-> *alicia* hi"_s});
    QCOMPARE(alice.sync(), QStringList{u"*bob* hi"_s});
    // The same name again changes nothing, and nobody is told.
    alice.send(u"nick alicia"_s);
    QCOMPARE(alice.sync(), QStringList{u"OK: nick alicia"_s});
    QCOMPARE(bob.sync(), QStringList{});
    bob.send(u"msg alice hi"_s);
    QCOMPARE(bob.sync(), QStringList{u"Error: No one called alice is logged in."_s});
    LineClient &newcomer = f.connect(); // the old name is free again
    QVERIFY(newcomer.login(u"alice"_s));
    QCOMPARE(alice.sync(), QStringList{u"* alice has entered the room."_s});
    alice.send(u"nick Alicia"_s); // a change of case is allowed
    QCOMPARE(alice.sync(), QStringList{u"* You are now known as Alicia."_s});
}

void TestChatServer::nickCollision()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    f.loggedIn(u"bob"_s);
    alice.sync();
    alice.send(u"nick BOB"_s);
    QCOMPARE(alice.sync(), QStringList{u"Error: The nickname BOB is already taken."_s});
    alice.send(u"nick b@d"_s);
    QCOMPARE(alice.sync().size(), 1);
}

void TestChatServer::topic()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    alice.send(u"topic"_s);
    QCOMPARE(alice.sync(), QStringList{u"No topic is set in hall."_s});
    alice.send(u"topic Friday: pizza 🍕"_s);
    QCOMPARE(alice.sync(), QStringList{u"* alice changed the topic to: Friday: pizza 🍕"_s});
    QCOMPARE(bob.sync(), QStringList{u"* alice changed the topic to: Friday: pizza 🍕"_s});
    LineClient &carol = f.connect();
    carol.send(u"login carol"_s);
    QStringList lines = carol.sync();
    QCOMPARE(lines.size(), 11);
    lines.removeAt(1); // how to resume
    // The topic change is the hall's history, shown with its time between dividers.
    const QString now = QTime::currentTime().toString(u"HH:mm"_s);
    QCOMPARE(lines.mid(7, 1), QStringList{u"--- 1 earlier message, since %1 ---"_s.arg(now)});
    QCOMPARE(lines.mid(8),
             (QStringList{u"[%1] * alice changed the topic to: Friday: pizza 🍕"_s.arg(now),
                          u"--- now ---"_s}));
    QCOMPARE(lines.first(7),
             (QStringList{u"You are logged in as carol."_s, u"* You have entered hall."_s,
                          u"Topic of hall: Friday: pizza 🍕 (set by alice)"_s,
                          u"Users in hall (3):"_s, u"  alice"_s, u"  bob"_s, u"  carol"_s}));
    QCOMPARE(bob.sync(), QStringList{u"* carol has entered the room."_s});
    bob.send(u"topic -"_s);
    QCOMPARE(bob.sync(), QStringList{u"* bob cleared the topic."_s});
    bob.send(u"topic "_s + QString(301, u'x'));
    QCOMPARE(bob.sync(),
             QStringList{u"Error: That topic is too long (the limit is 300 characters)."_s});
}

void TestChatServer::droppedConnectionHoldsNameForGrace()
{
    ServerConfig config;
    config.resumeGraceSeconds = 1;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    bob.abort();
    QCOMPARE(alice.readLine(), u"* bob lost the connection; their place is kept for a while."_s);
    alice.send(u"look"_s);
    QCOMPARE(alice.sync(),
             (QStringList{u"Users in hall (2):"_s, u"  alice"_s, u"  bob (reconnecting)"_s}));
    LineClient &other = f.connect();
    other.send(u"login bob"_s);
    QCOMPARE(other.sync(), QStringList{u"Error: The nickname bob is already taken."_s});
    // The grace period over, bob is gone and the name is free.
    QCOMPARE(alice.readLine(3000), u"* bob lost the connection."_s);
    QVERIFY(other.login(u"bob"_s));
}

void TestChatServer::droppedConnectionWithoutGraceFreesName()
{
    ServerConfig config;
    config.resumeGraceSeconds = 0;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    bob.abort();
    QCOMPARE(alice.readLine(), u"* bob lost the connection."_s);
    LineClient &again = f.connect();
    QVERIFY(again.login(u"bob"_s));
}

void TestChatServer::logoutTellsRoom()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    bob.send(u"quit"_s);
    QCOMPARE(bob.readLine(), u"Goodbye!"_s);
    QVERIFY(bob.waitForDisconnected());
    QCOMPARE(alice.sync(), QStringList{u"* bob has left the chat."_s});
}

void TestChatServer::commandErrorsKeepSession_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown command")
        << QByteArray("/dance\r\n")
        << u"Error: Unknown command: dance (help lists the commands)."_s;
    QTest::newRow("empty say") << QByteArray("say   \r\n") << u"Error: There is no text to send."_s;
    QTest::newRow("empty me") << QByteArray("/me\n") << u"Error: There is no text to send."_s;
    QTest::newRow("invalid utf-8")
        << QByteArray("caf\xe9\r\n") << u"Error: That line is not valid UTF-8 text."_s;
    QTest::newRow("escape sequence")
        << QByteArray("\x1b[2Jgone\r\n") << u"Error: Control characters are not allowed in text."_s;
    QTest::newRow("nul") << QByteArray("a\0b\n", 4)
                         << u"Error: Control characters are not allowed in text."_s;
    QTest::newRow("bare cr") << QByteArray("fake\rline\n")
                             << u"Error: Control characters are not allowed in text."_s;
    QTest::newRow("too long")
        << QByteArray(5000, 'x') + "\n"
        << u"Error: That line is too long (the limit is 4096 bytes); it was dropped."_s;
    QTest::newRow("set nonsense")
        << QByteArray("set colour red\n")
        << u"Error: Usage: set [time|tagged|lang|rooms|invisible] [value]"_s;
    QTest::newRow("login again") << QByteArray("login zed\n")
                                 << u"Error: You are already logged in as alice."_s;
}

void TestChatServer::commandErrorsKeepSession()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    alice.sendRaw(bytes);
    QCOMPARE(alice.sync(), QStringList{error});
    QCOMPARE(bob.sync(), QStringList()); // nothing was relayed
    alice.send(u"still here"_s);
    QCOMPARE(bob.sync(), QStringList{u"alice: still here"_s});
}

void TestChatServer::helpForOneCommand()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"? /select"_s);
    QCOMPARE(
        alice.sync(),
        QStringList{
            u"join <room> [key]  Enter a room (with rooms one, leaving the one you are in)."_s});
    alice.send(u"h"_s);
    const QStringList all = alice.sync();
    QCOMPARE(all.size(), 1 + CommandTable::all().size());
    QVERIFY(all.first().startsWith(u"Commands"_s));
    alice.send(u"help fly"_s);
    QCOMPARE(alice.sync(),
             QStringList{u"Error: Unknown command: fly (help lists the commands)."_s});
}

void TestChatServer::settings()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"set"_s);
    QCOMPARE(alice.sync(), (QStringList{u"Your settings:"_s, u"  time off"_s, u"  tagged off"_s,
                                        u"  lang en"_s, u"  rooms one"_s, u"  invisible off"_s}));
    alice.send(u"set time on"_s);
    alice.send(u"hi"_s);
    const QStringList lines = alice.sync();
    QCOMPARE(lines.size(), 2);
    const QString stamp = QTime::currentTime().toString(u"[HH:mm] "_s);
    const QString minuteLater = QTime::currentTime().addSecs(-60).toString(u"[HH:mm] "_s);
    QVERIFY2(lines[1] == stamp + u"alice: hi"_s || lines[1] == minuteLater + u"alice: hi"_s,
             qPrintable(lines[1]));
    QVERIFY(lines[0].endsWith(u"Setting time is now on."_s));
}

void TestChatServer::chineseNicknamesAndLanguage()
{
    ServerFixture f;
    LineClient &zhang = f.loggedIn(u"张伟"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    zhang.sync();
    zhang.send(u"set lang zh_CN"_s);
    QCOMPARE(zhang.sync(), QStringList{u"设置 lang 现在为 zh_CN。"_s});
    zhang.send(u"你好，世界"_s);
    QCOMPARE(zhang.sync(), QStringList{u"张伟: 你好，世界"_s});
    QCOMPARE(bob.sync(), QStringList{u"张伟: 你好，世界"_s});
    bob.send(u"msg 张伟 hi"_s);
    QCOMPARE(bob.sync(), QStringList{u"-> *张伟* hi"_s});
    QCOMPARE(zhang.sync(), QStringList{u"*bob* hi"_s});
    zhang.send(u"join nowhere"_s);
    QCOMPARE(zhang.sync(),
             QStringList{u"错误：没有名为 nowhere 的房间（list 可列出所有房间）。"_s});
    bob.send(u"quit"_s);
    QVERIFY(bob.waitForDisconnected());
    QCOMPARE(zhang.sync(), QStringList{u"* bob 离开了聊天。"_s});
}

void TestChatServer::dollarLinesAreChat()
{
    // One of the tutorials ran lines starting with '$' in a shell. Here they are chat.
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    alice.send(u"$ touch /tmp/chat-pwned"_s);
    QCOMPARE(bob.sync(), QStringList{u"alice: $ touch /tmp/chat-pwned"_s});
    QVERIFY(!QFile::exists(u"/tmp/chat-pwned"_s));
}

QTEST_GUILESS_MAIN(TestChatServer)
#include "tst_chatserver.moc"
