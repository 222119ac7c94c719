// SPDX-License-Identifier: MIT
// Reloading the configuration (what SIGHUP does) while people chat: what can change changes,
// for those connected too, nobody is disconnected by it, and a broken file changes nothing.
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "app/ServerOptions.h"
#include "security/PasswordHash.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A server that reads its settings from a file in a temporary folder, as chat-server does
// from /etc/chat-server/chat-server.conf; the command line gives what the fixture needs.
class ReloadFixture
{
public:
    explicit ReloadFixture(const QByteArray &settings)
    {
        write(settings);
        m_arguments = {u"chat-server"_s,
                       u"--config"_s,
                       path(),
                       u"--port"_s,
                       u"0"_s,
                       u"--bind"_s,
                       u"127.0.0.1"_s,
                       u"--data-dir"_s,
                       m_dir.filePath(u"data"_s),
                       u"--durability"_s,
                       u"normal"_s,
                       u"--irc-port"_s,
                       u"0"_s,
                       u"--web-port"_s,
                       u"0"_s};
        const ServerOptions::Result options = ServerOptions::parse(m_arguments);
        m_error = options.error;
        m_fixture = std::make_unique<ServerFixture>(options.config);
        server().setConfigurationSource(
            [arguments = m_arguments] { return ServerOptions::parse(arguments); });
    }

    QString path() const { return m_dir.filePath(u"chat-server.conf"_s); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString error() const { return m_error; }
    void write(const QByteArray &settings)
    {
        QFile file(path());
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(settings);
    }
    ServerFixture &f() { return *m_fixture; }
    ChatServer &server() { return m_fixture->server(); }

private:
    QTemporaryDir m_dir;
    QStringList m_arguments;
    QString m_error;
    std::unique_ptr<ServerFixture> m_fixture;
};

} // namespace

class TestReload : public QObject
{
    Q_OBJECT

private slots:
    void reloadUnderTraffic();
    void newLimitsReachThoseConnected_data();
    void newLimitsReachThoseConnected();
    void crowdedRoomAfterReload();
    void badFileChangesNothing_data();
    void badFileChangesNothing();
    void passwordFileIsReadAgain();
    void tlsCertificateIsReadAgain();
};

void TestReload::reloadUnderTraffic()
{
    ReloadFixture r("name = before\nmax-connections = 50\nflood-rate = 0\n");
    QVERIFY2(r.error().isEmpty(), qPrintable(r.error()));
    QVERIFY(r.f().isListening());
    const quint16 port = r.f().port();
    LineClient &alice = r.f().loggedIn(u"alice"_s);
    LineClient &bob = r.f().loggedIn(u"bob"_s);
    alice.sync();

    // Traffic in flight while the reload happens: lines sent, not yet read.
    for (int i = 0; i < 20; ++i)
        alice.send(u"before %1"_s.arg(i));
    r.write("name = after\nmax-connections = 3\nflood-rate = 0\nmax-output-bytes = 131072\n"
            "history-on-join = 0\nlisten-backlog = 10\n");
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(u"configuration: listen-backlog changed to \"10\" needs a restart; "
                           "keeping \"1024\""_s));
    QSignalSpy reloaded(&r.server(), &ChatServer::configurationReloaded);
    QVERIFY(r.server().reloadConfiguration());
    QCOMPARE(reloaded.size(), 1);
    QCOMPARE(reloaded.first().first().toBool(), true);
    for (int i = 0; i < 20; ++i)
        alice.send(u"after %1"_s.arg(i));

    QStringList expected;
    for (int i = 0; i < 20; ++i)
        expected << u"alice: before %1"_s.arg(i);
    for (int i = 0; i < 20; ++i)
        expected << u"alice: after %1"_s.arg(i);
    QCOMPARE(alice.sync(), expected); // answered once her lines reached everyone
    QCOMPARE(bob.sync(), expected);
    QVERIFY(alice.isConnected());
    QVERIFY(bob.isConnected());

    // The new values are in effect; the port is not one of them.
    QCOMPARE(r.server().config().name, u"after"_s);
    QCOMPARE(r.server().config().maxConnections, 3);
    QCOMPARE(r.server().config().maxOutputBytes, qsizetype(131072));
    QCOMPARE(r.server().config().port, quint16(0));
    QCOMPARE(r.f().port(), port);
    LineClient &carol = r.f().connect(); // the third of three
    carol.send(u"login carol"_s);
    const QStringList carolSaw = carol.sync();
    QVERIFY2(!carolSaw.join(u'\n').contains(u"alice: before"_s),
             "history-on-join = 0 still showed history");
    LineClient fourth;
    QVERIFY(fourth.connectTo(port));
    QCOMPARE(fourth.readLine(), u"Error: The server is full (3 connections); try again later."_s);
    LineClient greeted; // the name, once a place is free
    carol.send(u"logout"_s);
    QVERIFY(carol.waitForDisconnected());
    QTRY_COMPARE(r.server().sessionCount(), 2);
    QVERIFY(greeted.connectTo(port));
    QCOMPARE(greeted.readLine(),
             u"Welcome to after! Log in with: login <nick>    (help lists the commands)"_s);
    QCOMPARE(r.server().metrics().disconnects[int(ServerMetrics::Disconnect::Lost)], 0);
}

// Flood pacing and the output cap are copied into each session: a reload reaches them too.
void TestReload::newLimitsReachThoseConnected_data()
{
    QTest::addColumn<QByteArray>("settings");
    QTest::addColumn<QString>("goodbye");
    QTest::newRow("flood") << QByteArray("flood-burst = 2\nflood-rate = 1\nflood-queue-lines = 3\n")
                           << u"You sent too many lines too fast; disconnected."_s;
    QTest::newRow("no flood control")
        << QByteArray("flood-burst = 2\nflood-rate = 0\nflood-queue-lines = 3\n") << QString();
}

void TestReload::newLimitsReachThoseConnected()
{
    QFETCH(QByteArray, settings);
    QFETCH(QString, goodbye);
    ReloadFixture r("flood-burst = 100\nflood-rate = 100\nflood-queue-lines = 500\n");
    LineClient &alice = r.f().loggedIn(u"alice"_s);
    r.write(settings);
    QVERIFY(r.server().reloadConfiguration());
    QByteArray lines;
    for (int i = 0; i < 30; ++i)
        lines += "line " + QByteArray::number(i) + "\r\n";
    alice.sendRaw(lines);
    if (goodbye.isEmpty()) {
        QCOMPARE(alice.sync().size(), 30);
        return;
    }
    QStringList seen;
    for (QString line = alice.readLine(); !line.isNull(); line = alice.readLine())
        seen << line;
    QCOMPARE(seen.last(), goodbye);
    QVERIFY(alice.waitForDisconnected());
}

// A lower presence limit makes a room crowded at once: programs get the partial list.
void TestReload::crowdedRoomAfterReload()
{
    ReloadFixture r("presence-limit = 10\n");
    LineClient &alice = r.f().taggedLoggedIn(u"alice"_s);
    r.f().taggedLoggedIn(u"bob"_s);
    r.f().taggedLoggedIn(u"carol"_s);
    alice.sync();
    r.write("presence-limit = 2\n");
    QVERIFY(r.server().reloadConfiguration());
    Event users;
    for (const QString &line : alice.sync()) {
        const Event event = TaggedCodec::parse(line);
        if (event.kind == Event::Kind::Users)
            users = event;
    }
    QCOMPARE(users.kind, Event::Kind::Users);
    QCOMPARE(users.userCount(), 3);
    QCOMPARE(users.userNicks().size(), 2);
}

void TestReload::badFileChangesNothing_data()
{
    QTest::addColumn<QByteArray>("settings"); // empty: the file is removed
    QTest::addColumn<QString>("error");
    QTest::newRow("bad value") << QByteArray("name = changed\nmax-connections = lots\n")
                               << u"chat-server.conf:2: invalid max-connections"_s;
    QTest::newRow("unknown key") << QByteArray("name = changed\nmax-conections = 5\n")
                                 << u"chat-server.conf:2: unknown key \"max-conections\""_s;
    QTest::newRow("not a setting")
        << QByteArray("name = changed\n<html>\n") << u"chat-server.conf:2: expected"_s;
    QTest::newRow("file gone") << QByteArray() << u"cannot read"_s;
}

void TestReload::badFileChangesNothing()
{
    QFETCH(QByteArray, settings);
    QFETCH(QString, error);
    ReloadFixture r("name = kept\nmax-connections = 50\n");
    LineClient &alice = r.f().loggedIn(u"alice"_s);
    if (settings.isEmpty())
        QFile::remove(r.path());
    else
        r.write(settings);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"configuration: not reloaded, the settings in effect "
                                            "stay: .*"_s +
                                            QRegularExpression::escape(error)));
    QVERIFY(!r.server().reloadConfiguration());
    QCOMPARE(r.server().config().name, u"kept"_s);
    QCOMPARE(r.server().config().maxConnections, 50);
    alice.send(u"still here"_s);
    QCOMPARE(alice.sync(), QStringList{u"alice: still here"_s});
}

void TestReload::passwordFileIsReadAgain()
{
    ReloadFixture r("");
    LineClient &alice = r.f().loggedIn(u"alice"_s);
    QFile file(r.filePath(u"password"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PasswordHash::create(u"open sesame"_s, 1000) + '\n');
    file.close();
    r.write("password-file = " + file.fileName().toUtf8() + '\n');
    QVERIFY(r.server().reloadConfiguration());

    LineClient &bob = r.f().connect();
    bob.send(u"login bob"_s);
    QCOMPARE(
        bob.sync(),
        QStringList{u"Error: This server needs a password: pass <password>, then login <nick>."_s});
    alice.send(u"already in"_s); // whoever was in stays in
    QCOMPARE(alice.sync(), QStringList{u"alice: already in"_s});

    // A password file that cannot be used keeps the password in effect.
    r.write("password-file = " + r.filePath(u"missing"_s).toUtf8() + '\n');
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(u"configuration: keeping the password in effect"_s));
    QVERIFY(r.server().reloadConfiguration());
    QCOMPARE(r.server().config().passwordFile, file.fileName());
}

void TestReload::tlsCertificateIsReadAgain()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    const QByteArray tls = "tls-port = 0\ntls-cert = " TEST_DATA
                           "/test-cert.pem\ntls-key = " TEST_DATA "/test-key.pem\n";
    ReloadFixture r(tls);
    QVERIFY2(r.f().isListening(), qPrintable(r.server().errorString()));
    r.write(tls + "tls-handshake-timeout = 5\n");
    QVERIFY(r.server().reloadConfiguration());
    QCOMPARE(r.server().config().tlsHandshakeTimeoutSeconds, 5);

    QSslSocket socket;
    QSslConfiguration configuration = socket.sslConfiguration();
    configuration.setCaCertificates(
        QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem")));
    socket.setSslConfiguration(configuration);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"localhost"_s, r.server().tlsPort());
    QVERIFY(encrypted.wait(LineClient::Timeout));

    // A key that cannot be read keeps the certificate in effect.
    r.write("tls-port = 0\ntls-cert = " TEST_DATA "/test-cert.pem\ntls-key = " TEST_DATA
            "/README.md\n");
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(u"configuration: keeping the TLS certificate in effect"_s));
    QVERIFY(r.server().reloadConfiguration());
    QCOMPARE(r.server().config().tlsKeyFile, QStringLiteral(TEST_DATA "/test-key.pem"));
}

QTEST_GUILESS_MAIN(TestReload)
#include "tst_reload.moc"
