// SPDX-License-Identifier: MIT
// The web front end (docs/WEB.md): its files with their security headers, the WebSocket and
// who may open it, frames it refuses, and the same limits as every other connection, down to
// a web user and a telnet user talking in one room.
#include "ServerFixture.h"
#include "WebClient.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ServerConfig webConfig()
{
    ServerConfig config;
    config.webPort = ServerConfig::FreePort;
    return config;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs = WebClient::Timeout)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

// One HTTP exchange on a raw socket: what the server answered before it closed.
struct HttpReply
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

HttpReply exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; });
    socket.write(request);
    waitUntil([&] { return socket.state() == QAbstractSocket::UnconnectedState; });
    const QByteArray bytes = socket.readAll();
    HttpReply reply;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    reply.head = bytes.left(end);
    reply.body = bytes.mid(end + 4);
    reply.status = reply.head.mid(9, 3).toInt();
    return reply;
}

QByteArray get(const QByteArray &path, quint16 port, const QByteArray &method = "GET")
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\n\r\n";
}

// A client-to-server text frame, masked as the protocol requires of clients.
QByteArray maskedTextFrame(const QByteArray &payload)
{
    Q_ASSERT(payload.size() < 126);
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    QByteArray frame;
    frame += char(0x81);
    frame += char(0x80 | payload.size());
    frame += QByteArray(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame += char(payload[i] ^ mask[i % 4]);
    return frame;
}

} // namespace

class TestWebSession : public QObject
{
    Q_OBJECT

private slots:
    void offUnlessAsked();
    void files_data();
    void files();
    void headTooLong();
    void silentConnectionLetGo();
    void handshake();
    void origins_data();
    void origins();
    void originsReloadLive();
    void binaryFrameRefused();
    void oversizedFrameRefused();
    void floodPacing();
    void slowReaderIsDropped();
    void limitsCountWebConnections();
    void webAndTelnetChat();
    void tls();
};

void TestWebSession::offUnlessAsked()
{
    ServerConfig config;
    config.webPort = 0;
    ServerFixture f(config);
    QVERIFY(f.isListening());
    QCOMPARE(f.server().webPort(), quint16(0));
}

void TestWebSession::files_data()
{
    QTest::addColumn<QByteArray>("request"); // %1: the Host header's value
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("bodyHas");

    const QByteArray html = "text/html; charset=utf-8";
    const QByteArray plain = "text/plain; charset=utf-8";
    QTest::newRow("the page") << QByteArray("GET / HTTP/1.1\r\nHost: %1\r\n\r\n") << 200 << html
                              << QByteArray("src=\"app.js\"");
    QTest::newRow("the page, with a query")
        << QByteArray("GET /?lang=zh HTTP/1.1\r\nHost: %1\r\n\r\n") << 200 << html
        << QByteArray("<html");
    QTest::newRow("script") << QByteArray("GET /app.js HTTP/1.1\r\nHost: %1\r\n\r\n") << 200
                            << QByteArray("text/javascript; charset=utf-8") << QByteArray("import");
    QTest::newRow("style") << QByteArray("GET /style.css HTTP/1.1\r\nHost: %1\r\n\r\n") << 200
                           << QByteArray("text/css; charset=utf-8") << QByteArray("{");
    QTest::newRow("HEAD") << QByteArray("HEAD / HTTP/1.1\r\nHost: %1\r\n\r\n") << 200 << html
                          << QByteArray();
    QTest::newRow("unknown file") << QByteArray("GET /secret.html HTTP/1.1\r\nHost: %1\r\n\r\n")
                                  << 404 << plain << QByteArray("Not Found");
    QTest::newRow("out of the folder")
        << QByteArray("GET /../store/migrations/001_initial.sql HTTP/1.1\r\nHost: %1\r\n\r\n")
        << 404 << plain << QByteArray("Not Found");
    QTest::newRow("a resource path") << QByteArray("GET /:/web/app.js HTTP/1.1\r\nHost: %1\r\n\r\n")
                                     << 404 << plain << QByteArray();
    QTest::newRow("POST") << QByteArray("POST / HTTP/1.1\r\nHost: %1\r\nContent-Length: 0\r\n\r\n")
                          << 405 << plain << QByteArray("Method Not Allowed");
    QTest::newRow("the socket without upgrading")
        << QByteArray("GET /chat HTTP/1.1\r\nHost: %1\r\n\r\n") << 400 << plain << QByteArray();
    QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << plain
                             << QByteArray();
    QTest::newRow("a Host that is no host")
        << QByteArray("GET / HTTP/1.1\r\nHost: a b; script-src *\r\n\r\n") << 400 << plain
        << QByteArray();
    QTest::newRow("not HTTP") << QByteArray("login alice\r\n\r\n") << 400 << plain << QByteArray();
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: %1\r\n\r\n") << 400 << plain
                             << QByteArray();
}

void TestWebSession::files()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, bodyHas);
    ServerFixture f(webConfig());
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    const quint16 port = f.server().webPort();
    const HttpReply reply =
        exchange(port, request.replace("%1", "127.0.0.1:" + QByteArray::number(port)));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("content-type"), type);
    QVERIFY(reply.body.contains(bodyHas));
    if (request.startsWith("HEAD"))
        QVERIFY(reply.body.isEmpty() && reply.header("content-length").toInt() > 0);
    // Every answer, whatever its status, carries the same protections.
    const QByteArray policy = reply.header("content-security-policy");
    QVERIFY2(policy.startsWith("default-src 'none'; script-src 'self'; style-src 'self';"),
             policy.constData());
    QVERIFY(!policy.contains("unsafe"));
    QCOMPARE(reply.header("x-content-type-options"), QByteArray("nosniff"));
    QCOMPARE(reply.header("set-cookie"), QByteArray());
    if (status == 405)
        QCOMPARE(reply.header("allow"), QByteArray("GET, HEAD"));
    if (status == 200) {
        QVERIFY(policy.contains("connect-src 'self' ws://127.0.0.1:" + QByteArray::number(port) +
                                " wss://127.0.0.1:" + QByteArray::number(port) + ';'));
    }
    QTRY_COMPARE(f.server().sessionCount(), 0);
}

void TestWebSession::headTooLong()
{
    ServerFixture f(webConfig());
    const quint16 port = f.server().webPort();
    const HttpReply reply =
        exchange(port, "GET / HTTP/1.1\r\nX-Filler: " + QByteArray(9000, 'x') + "\r\n\r\n");
    QCOMPARE(reply.status, 431);
    QTRY_COMPARE(f.server().sessionCount(), 0);
}

void TestWebSession::silentConnectionLetGo()
{
    ServerConfig config = webConfig();
    config.loginTimeoutSeconds = 1;
    ServerFixture f(config);
    // Connected, and never a byte: let go at the login deadline, its admission given back.
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, f.server().webPort());
    QVERIFY(waitUntil([&] { return silent.state() == QAbstractSocket::ConnectedState; }));
    QTRY_COMPARE(f.server().sessionCount(), 1); // counted as any connection
    QVERIFY(waitUntil([&] { return silent.state() == QAbstractSocket::UnconnectedState; }));
    QTRY_COMPARE(f.server().sessionCount(), 0);
}

void TestWebSession::handshake()
{
    ServerFixture f(webConfig());
    const quint16 port = f.server().webPort();
    WebClient web(u"http://127.0.0.1:%1"_s.arg(port));
    QVERIFY(web.open(port));
    QCOMPARE(f.server().sessionCount(), 1);
    QVERIFY(web.readLine().startsWith(u"Welcome to test!"_s));
    QVERIFY(web.taggedLogin(u"alice"_s));
    web.send(u"@1 say #hall 你好 web"_s);
    const Event said = web.waitFor(Event::Kind::Message);
    QCOMPARE(said.text, u"你好 web"_s);
    QCOMPARE(said.label, u"1"_s);
    web.send(u"logout"_s);
    QVERIFY(web.waitForDisconnected());
    QTRY_COMPARE(f.server().sessionCount(), 0);
}

void TestWebSession::origins_data()
{
    QTest::addColumn<QString>("allowed"); // --web-origins
    QTest::addColumn<QString>("origin");  // %1: the server's web port
    QTest::addColumn<bool>("opens");

    QTest::newRow("same origin") << QString() << u"http://127.0.0.1:%1"_s << true;
    QTest::newRow("same origin, upper case") << QString() << u"HTTP://127.0.0.1:%1"_s << true;
    QTest::newRow("no Origin: not a browser") << QString() << QString() << true;
    QTest::newRow("another site") << QString() << u"http://evil.example"_s << false;
    QTest::newRow("another port") << QString() << u"http://127.0.0.1:1"_s << false;
    QTest::newRow("https page for an http server")
        << QString() << u"https://127.0.0.1:%1"_s << false;
    QTest::newRow("a path is no origin") << QString() << u"http://127.0.0.1:%1/x"_s << false;
    QTest::newRow("null") << QString() << u"null"_s << false;
    QTest::newRow("listed") << u"https://chat.example.org, http://localhost:8080"_s
                            << u"http://localhost:8080"_s << true;
    QTest::newRow("listed with a slash")
        << u"https://chat.example.org/"_s << u"https://chat.example.org"_s << true;
    QTest::newRow("the list replaces same origin")
        << u"https://chat.example.org"_s << u"http://127.0.0.1:%1"_s << false;
}

void TestWebSession::origins()
{
    QFETCH(QString, allowed);
    QFETCH(QString, origin);
    QFETCH(bool, opens);
    ServerConfig config = webConfig();
    config.webOrigins = allowed;
    ServerFixture f(config);
    const quint16 port = f.server().webPort();
    WebClient web(origin.contains(u"%1"_s) ? origin.arg(port) : origin);
    QCOMPARE(web.open(port), opens);
    if (opens)
        QVERIFY(web.readLine().startsWith(u"Welcome"_s));
    else
        QTRY_COMPARE(f.server().sessionCount(), 0);
}

void TestWebSession::originsReloadLive()
{
    ServerConfig config = webConfig();
    config.webOrigins = u"https://old.example"_s;
    ServerFixture f(config);
    const quint16 port = f.server().webPort();
    WebClient refused(u"https://new.example"_s);
    QVERIFY(!refused.open(port));
    // A reload (SIGHUP) puts a new list in effect for the next handshake.
    ServerConfig reloaded = f.server().config();
    reloaded.webOrigins = u"https://new.example"_s;
    f.server().setConfigurationSource([reloaded] {
        ServerOptions::Result result;
        result.config = reloaded;
        return result;
    });
    QVERIFY(f.server().reloadConfiguration());
    WebClient allowed(u"https://new.example"_s);
    QVERIFY(allowed.open(port));
    WebClient old(u"https://old.example"_s);
    QVERIFY(!old.open(port));
}

void TestWebSession::binaryFrameRefused()
{
    ServerFixture f(webConfig());
    WebClient web;
    QVERIFY(web.open(f.server().webPort()));
    QVERIFY(web.taggedLogin(u"bin"_s));
    web.socket().sendBinaryMessage("login x\n");
    QVERIFY(web.waitForDisconnected());
    QCOMPARE(web.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QTRY_COMPARE(f.server().sessionCount(), 0);
}

void TestWebSession::oversizedFrameRefused()
{
    ServerConfig config = webConfig();
    config.maxLineBytes = 100;
    ServerFixture f(config);
    WebClient web;
    QVERIFY(web.open(f.server().webPort()));
    QVERIFY(web.taggedLogin(u"big"_s));
    // A frame of the line limit is a line...
    const QString longest = u"say #hall "_s + QString(90, u'x');
    web.send(longest);
    QCOMPARE(web.waitFor(Event::Kind::Message).text, QString(90, u'x'));
    // ...and one byte more is refused before it is buffered.
    web.send(longest + u'x');
    QVERIFY(web.waitForDisconnected());
    QCOMPARE(web.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
}

void TestWebSession::floodPacing()
{
    ServerConfig config = webConfig();
    config.floodBurst = 3;
    config.floodRate = 1;
    config.floodQueueLines = 5;
    ServerFixture f(config);
    LineClient &bob = f.loggedIn(u"bob"_s);
    WebClient web;
    QVERIFY(web.open(f.server().webPort()));
    QVERIFY(web.readLine().startsWith(u"Welcome"_s));
    web.send(u"login flooder"_s);
    QCOMPARE(web.readLine(), u"You are logged in as flooder."_s);
    for (int i = 0; i < 50; ++i)
        web.send(u"spam %1"_s.arg(i));
    QStringList seen;
    for (QString line = web.readLine(); !line.isNull(); line = web.readLine())
        seen << line;
    QVERIFY(web.waitForDisconnected());
    QCOMPARE(seen.last(), u"You sent too many lines too fast; disconnected."_s);
    QVERIFY(!seen.join(u'\n').contains(u"spam 10"_s)); // the burst at most reached the room
    QVERIFY(bob.sync().contains(u"* flooder lost the connection."_s));
}

void TestWebSession::slowReaderIsDropped()
{
    ServerConfig config = webConfig();
    config.floodRate = 0;
    config.maxOutputBytes = 64 * 1024;
    ServerFixture f(config);
    const quint16 port = f.server().webPort();
    LineClient &talker = f.loggedIn(u"talker"_s);
    // A raw socket, so that the test decides when it reads: with a small window the server's
    // queue fills as soon as the reader stops.
    QTcpSocket slow;
    slow.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    slow.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(waitUntil([&] { return slow.state() == QAbstractSocket::ConnectedState; }));
    slow.write("GET /chat HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(waitUntil([&] { return slow.peek(1024).contains("\r\n\r\n"); }));
    QVERIFY(slow.peek(1024).startsWith("HTTP/1.1 101"));
    slow.write(maskedTextFrame("login slow"));
    QVERIFY(waitUntil([&] { return slow.peek(4096).contains("Users in hall"); }));
    talker.sync();
    // Stop reading: Qt's buffer, then the kernel's, fill up, then the server's queue.
    slow.setReadBufferSize(1024);
    const QByteArray line = "say " + QByteArray(3000, 'x') + "\r\n";
    bool dropped = false;
    for (int round = 0; round < 100 && !dropped; ++round) {
        talker.sendRaw(line.repeated(50));
        const QStringList seen = talker.sync();
        dropped = seen.contains(u"* slow lost the connection; their place is kept for a while."_s);
    }
    QVERIFY2(dropped, "the slow web reader was never dropped");
    talker.send(u"still fine"_s);
    QCOMPARE(talker.sync(), QStringList{u"talker: still fine"_s});
}

void TestWebSession::limitsCountWebConnections()
{
    ServerConfig config = webConfig();
    config.maxConnectionsPerAddress = 1;
    ServerFixture f(config);
    const quint16 port = f.server().webPort();
    WebClient web;
    QVERIFY(web.open(port));
    QVERIFY(web.readLine().startsWith(u"Welcome"_s));
    // The WebSocket holds the address's one connection: a page request is refused.
    const HttpReply refused = exchange(port, get("/", port));
    QCOMPARE(refused.status, 503);
    QVERIFY(refused.body.contains("Too many connections"));
    QVERIFY(!refused.header("content-security-policy").isEmpty());
    web.socket().close();
    QVERIFY(web.waitForDisconnected());
    QTRY_COMPARE(f.server().sessionCount(), 0);
    QCOMPARE(exchange(port, get("/", port)).status, 200);
}

void TestWebSession::webAndTelnetChat()
{
    ServerFixture f(webConfig());
    WebClient web;
    QVERIFY(web.open(f.server().webPort()));
    QVERIFY(web.taggedLogin(u"browser"_s));
    LineClient &telnet = f.loggedIn(u"telnet"_s);
    QCOMPARE(web.waitFor(Event::Kind::Join).nick, u"telnet"_s);

    web.send(u"say #hall hello from the browser"_s);
    QCOMPARE(web.waitFor(Event::Kind::Message).nick, u"browser"_s); // the echo
    QCOMPARE(telnet.readLine(), u"browser: hello from the browser"_s);
    telnet.send(u"hello from telnet"_s);
    const Event heard = web.waitFor(Event::Kind::Message);
    QCOMPARE(heard.nick, u"telnet"_s);
    QCOMPARE(heard.text, u"hello from telnet"_s);
    telnet.send(u"msg browser psst"_s);
    const Event whispered = web.waitFor(Event::Kind::Private);
    QCOMPARE(whispered.nick, u"telnet"_s);
    QCOMPARE(whispered.text, u"psst"_s);
}

void TestWebSession::tls()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    ServerConfig config = webConfig();
    config.tlsCertificateFile = QStringLiteral(TEST_DATA "/test-cert.pem");
    config.tlsKeyFile = QStringLiteral(TEST_DATA "/test-key.pem");
    config.tlsPort = 0;
    ServerFixture f(config);
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    const quint16 port = f.server().webPort();
    WebClient web(u"https://localhost:%1"_s.arg(port));
    QSslConfiguration tls = web.socket().sslConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem")));
    web.socket().setSslConfiguration(tls);
    QSignalSpy connected(&web.socket(), &QWebSocket::connected);
    web.socket().open(QUrl(u"wss://localhost:%1/chat"_s.arg(port)));
    QVERIFY(connected.wait(WebClient::Timeout));
    QVERIFY(web.readLine().startsWith(u"Welcome to test!"_s));
}

QTEST_GUILESS_MAIN(TestWebSession)
#include "tst_websession.moc"
