// SPDX-License-Identifier: MIT
// A server behind a load balancer (--proxy-from): on every listener, a connection from a
// trusted address is admitted, counted and banned as the peer its PROXY header names; one
// without a valid header in time is closed and counted; from anyone else a PROXY line is only
// a line.
#include "ServerFixture.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString Banned = u"Error: You are banned from games."_s;
const QString Entered = u"* You have entered games."_s;

QByteArray v1(const char *source)
{
    return "PROXY TCP4 " + QByteArray(source) + " 127.0.0.1 40000 5005\r\n";
}

QByteArray v2(const char *source)
{
    QByteArray header("\r\n\r\n\0\r\nQUIT\n\x21\x11\0\x0c", 16);
    QByteArray block(12, '\0');
    qToBigEndian<quint32>(QHostAddress(QString::fromLatin1(source)).toIPv4Address(), block.data());
    qToBigEndian<quint32>(QHostAddress(QHostAddress::LocalHost).toIPv4Address(), block.data() + 4);
    qToBigEndian<quint16>(40000, block.data() + 8);
    qToBigEndian<quint16>(5005, block.data() + 10);
    return header + block;
}

enum class Port { Chat, Irc, Tls, Web };

ServerConfig behindBalancer(Port port)
{
    ServerConfig config;
    config.proxyFrom = u"192.0.2.200, 127.0.0.0/8"_s;
    config.proxyHeaderTimeoutMs = 300;
    config.maxConnectionsPerAddress = 1;
    config.ircPort = port == Port::Irc ? ServerConfig::FreePort : 0;
    config.webPort = port == Port::Web ? ServerConfig::FreePort : 0;
    if (port == Port::Tls) {
        config.tlsCertificateFile = QStringLiteral(TEST_DATA "/test-cert.pem");
        config.tlsKeyFile = QStringLiteral(TEST_DATA "/test-key.pem");
        config.tlsPort = 0;
    }
    return config;
}

quint16 portOf(ChatServer &server, Port port)
{
    switch (port) {
    case Port::Irc:
        return server.ircPort();
    case Port::Tls:
        return server.tlsPort();
    case Port::Web:
        return server.webPort();
    case Port::Chat:
        break;
    }
    return server.port();
}

// A connection through the "balancer" (loopback): header first, then TLS on the TLS port.
std::unique_ptr<QSslSocket> through(quint16 port, const QByteArray &header, bool tls)
{
    auto socket = std::make_unique<QSslSocket>();
    QSignalSpy connected(socket.get(), &QSslSocket::connected);
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!connected.wait(LineClient::Timeout))
        return socket;
    socket->write(header);
    if (tls) {
        QSslConfiguration configuration = socket->sslConfiguration();
        configuration.setCaCertificates(
            QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem")));
        socket->setSslConfiguration(configuration);
        socket->setPeerVerifyName(u"localhost"_s);
        socket->startClientEncryption();
    }
    return socket;
}

bool waitForLine(QSslSocket &socket)
{
    QSignalSpy readyRead(&socket, &QSslSocket::readyRead);
    while (!socket.canReadLine()) {
        if (!readyRead.wait(LineClient::Timeout))
            return false;
    }
    return true;
}

bool waitForDisconnected(QSslSocket &socket)
{
    QSignalSpy disconnected(&socket, &QSslSocket::disconnected);
    return socket.state() == QAbstractSocket::UnconnectedState ||
           disconnected.wait(LineClient::Timeout);
}

// A chat connection through the balancer from source, logged in as nick.
LineClient &loggedInFrom(ServerFixture &f, const QString &nick, const char *source,
                         std::vector<std::unique_ptr<LineClient>> &clients)
{
    LineClient &client = *clients.emplace_back(std::make_unique<LineClient>());
    if (client.connectTo(f.port())) {
        client.sendRaw(v1(source));
        client.readLine();
        client.login(nick);
    }
    return client;
}

// Whether exactly one of the server's sessions has address for its peer.
bool hasSessionFrom(ChatServer &server, const QString &address)
{
    const QList<Session *> &sessions = server.processor().sessions();
    return std::count_if(sessions.begin(), sessions.end(), [&address](const Session *session) {
               return session->peerAddress() == QHostAddress(address);
           }) == 1;
}

qint64 proxyHeaderRefusals(const ChatServer &server)
{
    return server.metrics().refused[int(ServerMetrics::Refusal::ProxyHeader)];
}

} // namespace

class TestProxyProtocol : public QObject
{
    Q_OBJECT

private slots:
    void countedByTheHeadersAddress_data();
    void countedByTheHeadersAddress();
    void webSocketHasTheHeadersAddress();
    void banByTheHeadersAddress();
    void noValidHeaderIsClosed_data();
    void noValidHeaderIsClosed();
    void headerAfterChatIsChat();
    void untrustedHeaderIsOnlyALine();
    void reloadTrustsAnotherBalancer();
};

void TestProxyProtocol::countedByTheHeadersAddress_data()
{
    QTest::addColumn<Port>("port");
    QTest::addColumn<QByteArray>("first"); // the second connection sends it too
    QTest::addColumn<QByteArray>("other"); // from another address
    QTest::addColumn<QString>("greeting"); // what the first reads, when the port greets
    QTest::addColumn<QString>("address");  // the first's, as its session knows it

    QTest::newRow("chat, v1") << Port::Chat << v1("192.0.2.7") << v1("192.0.2.8")
                              << u"Welcome to test!"_s << u"192.0.2.7"_s;
    QTest::newRow("chat, v2") << Port::Chat << v2("192.0.2.7") << v2("192.0.2.8")
                              << u"Welcome to test!"_s << u"192.0.2.7"_s;
    QTest::newRow("chat, v1 TCP6")
        << Port::Chat << QByteArray("PROXY TCP6 2001:db8::7 ::1 40000 5005\r\n")
        << QByteArray("PROXY TCP6 2001:db8::8 ::1 40000 5005\r\n") << u"Welcome to test!"_s
        << u"2001:db8::7"_s;
    // A health check's header: the balancer's own address, loopback here, counts.
    QTest::newRow("chat, UNKNOWN is the balancer")
        << Port::Chat << QByteArray("PROXY UNKNOWN\r\n") << v1("192.0.2.8") << u"Welcome to test!"_s
        << u"127.0.0.1"_s;
    QTest::newRow("chat, v2 LOCAL is the balancer")
        << Port::Chat << QByteArray("\r\n\r\n\0\r\nQUIT\n\x20\x00\0\0", 16) << v2("192.0.2.8")
        << u"Welcome to test!"_s << u"127.0.0.1"_s;
    QTest::newRow("IRC, v1") << Port::Irc << v1("192.0.2.7") << v1("192.0.2.8") << QString()
                             << u"192.0.2.7"_s;
    QTest::newRow("TLS, v2") << Port::Tls << v2("192.0.2.7") << v2("192.0.2.8")
                             << u"Welcome to test!"_s << u"192.0.2.7"_s;
    QTest::newRow("web, v1") << Port::Web << v1("192.0.2.7") << v1("192.0.2.8") << QString()
                             << u"192.0.2.7"_s;
}

void TestProxyProtocol::countedByTheHeadersAddress()
{
    QFETCH(Port, port);
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, other);
    QFETCH(QString, greeting);
    QFETCH(QString, address);
    if (port == Port::Tls && !QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");

    // One connection per address: every connection comes from loopback, so only the headers'
    // addresses tell them apart.
    ServerFixture f(behindBalancer(port));
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    const quint16 listening = portOf(f.server(), port);
    const bool tls = port == Port::Tls;

    const auto admitted = through(listening, first, tls);
    QTRY_COMPARE(f.server().sessionCount(), 1);
    // The session itself knows the header's address (a web connection has none before it
    // becomes a WebSocket: webSocketHasTheHeadersAddress).
    if (port != Port::Web)
        QTRY_VERIFY(hasSessionFrom(f.server(), address));
    if (!greeting.isEmpty()) {
        QVERIFY(waitForLine(*admitted));
        QVERIFY(admitted->readLine().startsWith(greeting.toUtf8()));
    }
    const auto refused = through(listening, first, false);
    QVERIFY(waitForDisconnected(*refused));
    QCOMPARE(f.server().metrics().refused[int(ServerMetrics::Refusal::PerAddress)], qint64(1));
    const auto another = through(listening, other, tls);
    QTRY_COMPARE(f.server().sessionCount(), 2);
    QCOMPARE(proxyHeaderRefusals(f.server()), qint64(0));
    QVERIFY(admitted->state() == QAbstractSocket::ConnectedState);
}

void TestProxyProtocol::webSocketHasTheHeadersAddress()
{
    ServerFixture f(behindBalancer(Port::Web));
    const quint16 port = f.server().webPort();
    const auto socket = through(port, v2("192.0.2.7"), false);
    socket->write(
        "GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(waitForLine(*socket));
    QVERIFY(socket->readLine().startsWith("HTTP/1.1 101"));
    QTRY_VERIFY(hasSessionFrom(f.server(), u"192.0.2.7"_s));
}

void TestProxyProtocol::banByTheHeadersAddress()
{
    ServerConfig config = behindBalancer(Port::Chat);
    config.maxConnectionsPerAddress = 16;
    ServerFixture f(config);
    std::vector<std::unique_ptr<LineClient>> clients;
    LineClient &alice = loggedInFrom(f, u"alice"_s, "192.0.2.1", clients);
    alice.send(u"create games"_s);
    alice.send(u"ban 192.0.2.7"_s);
    QVERIFY(alice.sync().contains(u"* alice banned 192.0.2.7 from the room."_s));

    LineClient &bob = loggedInFrom(f, u"bob"_s, "192.0.2.7", clients);
    bob.send(u"join games"_s);
    QCOMPARE(bob.sync(), QStringList{Banned});
    LineClient &carol = loggedInFrom(f, u"carol"_s, "192.0.2.8", clients);
    carol.send(u"join games"_s);
    QVERIFY(carol.sync().contains(Entered));
}

void TestProxyProtocol::noValidHeaderIsClosed_data()
{
    QTest::addColumn<QByteArray>("sent");

    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("half a header") << QByteArray("PROXY TCP4 192.0.2.7");
    QTest::newRow("chat instead") << QByteArray("login alice\r\n");
    QTest::newRow("a bad port") << QByteArray("PROXY TCP4 192.0.2.7 127.0.0.1 70000 5005\r\n");
    QTest::newRow("a bad v2 signature") << v2("192.0.2.7").replace(11, 1, "\r");
    QTest::newRow("longer than 107 bytes") << QByteArray("PROXY UNKNOWN ") + QByteArray(100, 'x');
}

void TestProxyProtocol::noValidHeaderIsClosed()
{
    QFETCH(QByteArray, sent);

    ServerFixture f(behindBalancer(Port::Chat));
    LineClient client;
    QVERIFY(client.connectTo(f.port()));
    client.sendRaw(sent);
    // No greeting: nothing is said to a connection before its header.
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.readRaw(1, 0), QByteArray());
    QTRY_COMPARE(proxyHeaderRefusals(f.server()), qint64(1));
    QCOMPARE(f.server().sessionCount(), 0);

    // The server goes on: the next connection with a header is taken.
    LineClient next;
    QVERIFY(next.connectTo(f.port()));
    next.sendRaw(v1("192.0.2.7"));
    QVERIFY(next.readLine().startsWith(u"Welcome to test!"_s));
}

void TestProxyProtocol::headerAfterChatIsChat()
{
    // A header in two writes is read whole (tst_proxyheaderreader cuts it for certain); a
    // second header after it is chat, which the chat port answers rather than believes.
    ServerFixture f(behindBalancer(Port::Chat));
    LineClient client;
    QVERIFY(client.connectTo(f.port()));
    const QByteArray header = v1("192.0.2.7");
    client.sendRaw(header.first(9));
    client.socket().flush();
    client.sendRaw(header.sliced(9) + v1("192.0.2.9"));
    QVERIFY(client.readLine().startsWith(u"Welcome to test!"_s));
    QVERIFY(client.readLine().startsWith(u"Error:"_s));
    QCOMPARE(f.server().sessionCount(), 1);
    // Still counted under the first header's address: another from 192.0.2.9 is let in.
    LineClient other;
    QVERIFY(other.connectTo(f.port()));
    other.sendRaw(v1("192.0.2.9"));
    QVERIFY(other.readLine().startsWith(u"Welcome to test!"_s));
}

void TestProxyProtocol::untrustedHeaderIsOnlyALine()
{
    // The balancer is elsewhere: loopback's PROXY line is a line like any other, and both
    // connections count as loopback.
    ServerConfig config = behindBalancer(Port::Chat);
    config.proxyFrom = u"192.0.2.200"_s;
    ServerFixture f(config);
    LineClient liar;
    QVERIFY(liar.connectTo(f.port()));
    QVERIFY(liar.readLine().startsWith(u"Welcome to test!"_s));
    liar.sendRaw(v1("192.0.2.7"));
    QVERIFY(liar.readLine().startsWith(u"Error:"_s));
    LineClient second;
    QVERIFY(second.connectTo(f.port()));
    QCOMPARE(second.readLine(),
             u"Error: Too many connections from your address (the limit is 1); try again later."_s);
    QCOMPARE(proxyHeaderRefusals(f.server()), qint64(0));
}

void TestProxyProtocol::reloadTrustsAnotherBalancer()
{
    ServerConfig config = behindBalancer(Port::Chat);
    config.proxyFrom.clear();
    ServerFixture f(config);
    LineClient before;
    QVERIFY(before.connectTo(f.port()));
    QVERIFY(before.readLine().startsWith(u"Welcome to test!"_s));

    // A reload applies to connections made after it; the one already in stays as it is.
    ServerConfig reloaded = f.server().config();
    reloaded.proxyFrom = u"127.0.0.1"_s;
    f.server().setConfigurationSource([reloaded] {
        ServerOptions::Result result;
        result.config = reloaded;
        return result;
    });
    QVERIFY(f.server().reloadConfiguration());
    LineClient after;
    QVERIFY(after.connectTo(f.port()));
    after.sendRaw(v1("192.0.2.7"));
    QVERIFY(after.readLine().startsWith(u"Welcome to test!"_s));
    QCOMPARE(f.server().sessionCount(), 2);
    before.send(u"login alice"_s);
    QVERIFY(before.readLine().startsWith(u"You are logged in as alice."_s));
}

QTEST_GUILESS_MAIN(TestProxyProtocol)
#include "tst_proxyprotocol.moc"
