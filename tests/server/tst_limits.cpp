// SPDX-License-Identifier: MIT
// Every limit of the server trips as docs/SECURITY.md says, and only for the one who trips it.
// Limits are set low through ServerConfig so that each case takes a fraction of a second.
#include "PasswordFile.h"
#include "ServerFixture.h"
#include "security/LoginGuard.h"
#include "security/PasswordHash.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void burstThenPaced();
    void floodCloses();
    void slowReaderIsDropped();
    void connectionsPerAddress();
    void loopbackExemption();
    void serverFull();
    void loginDeadline();
    void crowdedRoom();
    void taggedClientsArePinged();
    void otherProtocols_data();
    void otherProtocols();
    void password();
    void passwordThenLoginAtOnce();
    void passwordHash_data();
    void passwordHash();
    void guessesAreSlowed();
    void tlsListener();
    void tlsHandshakeDeadline();
};

void TestLimits::burstThenPaced()
{
    ServerConfig config;
    config.floodBurst = 3;
    config.floodRate = 20;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    for (int i = 0; i < 8; ++i)
        alice.send(u"line %1"_s.arg(i));
    // Delayed, not dropped, and in order.
    for (int i = 0; i < 8; ++i)
        QCOMPARE(alice.readLine(), u"alice: line %1"_s.arg(i));
}

void TestLimits::floodCloses()
{
    ServerConfig config;
    config.floodBurst = 3;
    config.floodRate = 1;
    config.floodQueueLines = 5;
    ServerFixture f(config);
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &alice = f.loggedIn(u"alice"_s);
    bob.sync();
    QByteArray flood;
    for (int i = 0; i < 50; ++i)
        flood += "spam " + QByteArray::number(i) + "\r\n";
    alice.sendRaw(flood);
    QStringList seen;
    for (QString line = alice.readLine(); !line.isNull(); line = alice.readLine())
        seen << line;
    QVERIFY(alice.waitForDisconnected());
    QCOMPARE(seen.last(), u"You sent too many lines too fast; disconnected."_s);
    QVERIFY(seen.size() <= 4); // the burst at most, then the goodbye
    const QStringList bobSaw = bob.sync();
    QCOMPARE(bobSaw.last(), u"* alice lost the connection."_s);
}

void TestLimits::slowReaderIsDropped()
{
    ServerConfig config;
    config.floodRate = 0;
    config.maxOutputBytes = 64 * 1024;
    ServerFixture f(config);
    LineClient &talker = f.loggedIn(u"talker"_s);
    LineClient &slow = f.loggedIn(u"slow"_s);
    talker.sync();
    // Stop reading: Qt's buffer, then the kernel's, fill up, then the server's queue.
    slow.socket().setReadBufferSize(1024);
    slow.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    const QByteArray line = "say " + QByteArray(3000, 'x') + "\r\n";
    bool dropped = false;
    for (int round = 0; round < 100 && !dropped; ++round) {
        talker.sendRaw(line.repeated(50));
        const QStringList seen = talker.sync();
        // The slow reader's place is kept for a resume, as for any dropped connection.
        dropped = seen.contains(u"* slow lost the connection; their place is kept for a while."_s);
    }
    QVERIFY2(dropped, "the slow reader was never dropped");
    talker.send(u"still fine"_s);
    QCOMPARE(talker.sync(), QStringList{u"talker: still fine"_s});
}

void TestLimits::connectionsPerAddress()
{
    ServerConfig config;
    config.maxConnectionsPerAddress = 3;
    ServerFixture f(config);
    LineClient clients[3];
    for (LineClient &client : clients) {
        QVERIFY(client.connectTo(f.port()));
        QVERIFY(client.readLine().startsWith(u"Welcome"_s));
    }
    LineClient fourth;
    QVERIFY(fourth.connectTo(f.port()));
    QCOMPARE(fourth.readLine(),
             u"Error: Too many connections from your address (the limit is 3); try again later."_s);
    QVERIFY(fourth.waitForDisconnected());
    clients[0].send(u"quit"_s);
    QVERIFY(clients[0].waitForDisconnected());
    QTRY_COMPARE(f.server().sessionCount(), 2);
    LineClient again;
    QVERIFY(again.connectTo(f.port()));
    QVERIFY(again.readLine().startsWith(u"Welcome"_s));
}

void TestLimits::loopbackExemption()
{
    ServerConfig config;
    config.maxConnectionsPerAddress = 1;
    config.exemptLoopback = true;
    ServerFixture f(config);
    LineClient clients[4];
    for (LineClient &client : clients) {
        QVERIFY(client.connectTo(f.port()));
        QVERIFY(client.readLine().startsWith(u"Welcome"_s));
    }
}

void TestLimits::serverFull()
{
    ServerConfig config;
    config.maxConnections = 2;
    config.exemptLoopback = true;
    ServerFixture f(config);
    f.loggedIn(u"a"_s);
    f.loggedIn(u"b"_s);
    LineClient third;
    QVERIFY(third.connectTo(f.port()));
    QCOMPARE(third.readLine(), u"Error: The server is full (2 connections); try again later."_s);
    QVERIFY(third.waitForDisconnected());
}

void TestLimits::loginDeadline()
{
    ServerConfig config;
    config.loginTimeoutSeconds = 1;
    ServerFixture f(config);
    LineClient &member = f.loggedIn(u"member"_s);
    LineClient &lurker = f.connect();
    QCOMPARE(lurker.readLine(3000), u"You did not log in in time; disconnected."_s);
    QVERIFY(lurker.waitForDisconnected());
    member.send(u"hi"_s); // logging in stopped the clock
    QCOMPARE(member.sync(), QStringList{u"member: hi"_s});
}

void TestLimits::crowdedRoom()
{
    ServerConfig config;
    config.presenceLimit = 3;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &tom = f.loggedIn(u"tom"_s); // a person on telnet
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    QCOMPARE(alice.readEvent().nick, u"tom"_s);
    QCOMPARE(alice.readEvent().nick, u"bob"_s);
    QCOMPARE(tom.sync(), QStringList{u"* bob has entered the room."_s});

    // The fourth makes the room crowded: programs get the count and the first three names
    // instead of the arrival, people get nothing, the newcomer gets the same list.
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    const QStringList firstThree{u"alice"_s, u"tom"_s, u"bob"_s};
    for (LineClient *program : {&alice, &bob}) {
        const Event users = program->readEvent();
        QCOMPARE(users.kind, Event::Kind::Users);
        QCOMPARE(users.subject, u"4"_s);
        QCOMPARE(users.userNicks(), firstThree);
    }
    QCOMPARE(tom.sync(), QStringList());
    carol.send(u"look"_s);
    const Event look = carol.readEvent();
    QCOMPARE(look.subject, u"4"_s);
    QCOMPARE(look.userNicks(), firstThree);

    // In a crowded room nobody is told of arrivals and departures; what is said still reaches all.
    LineClient &dave = f.taggedLoggedIn(u"dave"_s);
    dave.send(u"say hi"_s);
    for (LineClient *member : {&alice, &bob, &carol, &dave})
        QCOMPARE(member->readEvent().text, u"hi"_s);
    QCOMPARE(tom.sync(), QStringList{u"dave: hi"_s});
    dave.send(u"logout"_s);
    QVERIFY(dave.waitForDisconnected());
    QCOMPARE(alice.sync(), QStringList());

    // Back to three: programs get the whole list again, instead of the departure.
    carol.send(u"logout"_s);
    QVERIFY(carol.waitForDisconnected());
    const Event whole = alice.readEvent();
    QCOMPARE(whole.kind, Event::Kind::Users);
    QCOMPARE(whole.subject, u"3"_s);
    QCOMPARE(whole.userNicks(), firstThree);
    QCOMPARE(tom.sync(), QStringList());

    // And departures are announced again.
    bob.send(u"logout"_s);
    QVERIFY(bob.waitForDisconnected());
    QCOMPARE(alice.readEvent().kind, Event::Kind::Leave);
    QCOMPARE(tom.sync(), QStringList{u"* bob has left the chat."_s});
}

void TestLimits::taggedClientsArePinged()
{
    ServerConfig config;
    config.pingIntervalSeconds = 1;
    config.pingTimeoutSeconds = 1;
    ServerFixture f(config);
    LineClient &answers = f.connect();
    LineClient &silent = f.connect();
    LineClient &person = f.loggedIn(u"person"_s); // text sessions are never pinged
    QVERIFY(answers.useTagged());
    QVERIFY(silent.useTagged());

    const Event ping = answers.readEvent(3000);
    QCOMPARE(ping.kind, Event::Kind::Ping);
    answers.send(u"pong "_s + ping.subject);
    QCOMPARE(silent.readEvent(3000).kind, Event::Kind::Ping);
    const Event bye = silent.readEvent(3000);
    QCOMPARE(bye.kind, Event::Kind::Bye);
    QCOMPARE(bye.subject, u"ping-timeout"_s);
    QVERIFY(silent.waitForDisconnected());
    QVERIFY(answers.isConnected());
    QCOMPARE(person.sync(), QStringList());
}

void TestLimits::otherProtocols_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("tls client hello")
        << QByteArray::fromHex("16030100a5010000a10303") + QByteArray(160, '\x01');
    QTest::newRow("http get") << QByteArray("GET / HTTP/1.1\r\nHost: chat\r\n\r\n");
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
}

void TestLimits::otherProtocols()
{
    QFETCH(QByteArray, bytes);
    ServerFixture f;
    LineClient &client = f.connect();
    client.sendRaw(bytes);
    QCOMPARE(client.readLine(),
             u"Error: This is a chat server: connect with telnet, nc or chat-client."_s);
    QVERIFY(client.waitForDisconnected());
}

void TestLimits::passwordThenLoginAtOnce()
{
    // A program sends both lines at once: the login waits for the password's verdict, which
    // comes from another thread.
    const PasswordFile password(u"open sesame"_s);
    ServerConfig config;
    config.passwordFile = password.path();
    ServerFixture f(config);
    LineClient &client = f.connect();
    client.sendRaw("pass open sesame\nlogin alice\n");
    QCOMPARE(client.readLine(), u"Password accepted: now log in with login <nick>."_s);
    QCOMPARE(client.readLine(), u"You are logged in as alice."_s);
}

void TestLimits::password()
{
    const PasswordFile password(u"open sesame"_s);
    ServerConfig config;
    config.passwordFile = password.path();
    ServerFixture f(config);
    QVERIFY(f.isListening());

    LineClient &client = f.connect();
    client.send(u"login alice"_s);
    QCOMPARE(
        client.sync(),
        QStringList{u"Error: This server needs a password: pass <password>, then login <nick>."_s});
    client.send(u"pass open says me"_s);
    QCOMPARE(client.readLine(), u"Error: Wrong password."_s);
    client.send(u"pass open sesame"_s);
    QCOMPARE(client.readLine(), u"Password accepted: now log in with login <nick>."_s);
    QVERIFY(client.login(u"alice"_s));

    LineClient &guesser = f.connect();
    for (int i = 0; i < 2; ++i) {
        guesser.send(u"pass guess"_s);
        QCOMPARE(guesser.readLine(), u"Error: Wrong password."_s);
    }
    guesser.send(u"pass guess"_s);
    QCOMPARE(guesser.readLine(), u"Error: Wrong password."_s);
    QCOMPARE(guesser.readLine(), u"Too many wrong passwords; disconnected."_s);
    QVERIFY(guesser.waitForDisconnected());
}

void TestLimits::passwordHash_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::newRow("made here") << PasswordHash::create(u"x"_s, 10) << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("plain text") << QByteArray("hunter2") << false;
    QTest::newRow("other scheme") << QByteArray("md5$10$c2FsdA==$AAAA") << false;
    QTest::newRow("bad iterations")
        << QByteArray("pbkdf2-sha256$x$c2FsdA==$") + QByteArray(32, 'A').toBase64() << false;
    QTest::newRow("bad base64") << QByteArray("pbkdf2-sha256$10$!!!$AAAA") << false;
    QTest::newRow("short hash") << QByteArray("pbkdf2-sha256$10$c2FsdA==$AAAA") << false;
}

void TestLimits::passwordHash()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    const PasswordHash hash = PasswordHash::fromLine(line);
    QCOMPARE(hash.isValid(), valid);
    if (valid) {
        QVERIFY(hash.matches(u"x"_s));
        QVERIFY(!hash.matches(u"y"_s));
        QVERIFY(!line.contains("$x$")); // never the plain text
    }
}

void TestLimits::guessesAreSlowed()
{
    LoginGuard guard;
    const QString a = u"192.0.2.1"_s;
    const QString b = u"192.0.2.2"_s;
    QCOMPARE(guard.scheduleAttempt(a, 0), 0);
    guard.recordFailure(a, 0);
    QCOMPARE(guard.scheduleAttempt(a, 0), 250);
    guard.recordFailure(a, 250);
    QCOMPARE(guard.scheduleAttempt(a, 250), 500);
    QCOMPARE(guard.scheduleAttempt(a, 250), 1000); // a second connection waits its turn
    QCOMPARE(guard.scheduleAttempt(b, 250), 0);    // other addresses are not slowed
    guard.recordSuccess(a);
    QCOMPARE(guard.scheduleAttempt(a, 5000), 0);
}

void TestLimits::tlsListener()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    ServerConfig config;
    config.tlsCertificateFile = QStringLiteral(TEST_DATA "/test-cert.pem");
    config.tlsKeyFile = QStringLiteral(TEST_DATA "/test-key.pem");
    config.tlsPort = 0;
    ServerFixture f(config);
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    QVERIFY(f.server().tlsPort() != 0);

    QSslSocket socket;
    QSslConfiguration tls = socket.sslConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem")));
    socket.setSslConfiguration(tls);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"localhost"_s, f.server().tlsPort());
    QVERIFY(encrypted.wait(LineClient::Timeout));
    QTRY_VERIFY(socket.canReadLine());
    QVERIFY(socket.readLine().startsWith("Welcome to test!"));
}

void TestLimits::tlsHandshakeDeadline()
{
    ServerConfig config;
    config.tlsCertificateFile = QStringLiteral(TEST_DATA "/test-cert.pem");
    config.tlsKeyFile = QStringLiteral(TEST_DATA "/test-key.pem");
    config.tlsPort = 0;
    config.tlsHandshakeTimeoutSeconds = 1;
    ServerFixture f(config);
    QVERIFY(f.isListening());
    LineClient idle; // connects in plain TCP and never starts the handshake
    QVERIFY(idle.connectTo(f.server().tlsPort()));
    QVERIFY(idle.waitForDisconnected(5000));
    QTRY_COMPARE(f.server().sessionCount(), 0);
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
