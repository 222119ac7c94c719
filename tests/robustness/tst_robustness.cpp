// SPDX-License-Identifier: MIT
// The built chat-server under hostile and broken clients. Each case starts a fresh server process,
// attacks it from loopback, and holds it to the same promises throughout: a bystander (the probe,
// logged in and sitting in a room of its own) keeps getting its own messages back quickly, the
// server's memory stays bounded, every socket it opened for the attackers is closed once they
// leave, and it is still running at the end.
#include "LineClient.h"
#include "TaggedCodec.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// What "quickly" and "bounded" mean for the probe and the server. Generous enough for a
// sanitizer build on two busy cores; a server that stalls or buffers attackers' data without
// limit misses them by far.
constexpr qint64 MaxProbeLatencyMs = 500;
// The most the server's resident memory may grow. bigList grows it most: 11 MB in the plain
// build, 60 MB under AddressSanitizer, whose books (shadow memory, red zones around every block,
// the quarantine of freed ones) grow with the heap. One bound for both left the sanitizer build
// 4 MB of room and the plain build none to notice a doubling.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 MaxRssGrowthKb = 128 * 1024;
#else
constexpr qint64 MaxRssGrowthKb = 32 * 1024;
#endif
constexpr int ProbeIntervalMs = 250; // 4 lines/s stays inside the server's flood rate
constexpr int SettleTimeoutMs = 10000;

const QString TooLongLine =
    u"Error: That line is too long (the limit is 4096 bytes); it was dropped."_s;

// The attackers come from 127.0.0.1; the probe from another loopback address, so that per-address
// limits aimed at the attackers never count it.
const QHostAddress AttackerAddress = QHostAddress::LocalHost;
const QHostAddress ProbeAddress{u"127.0.0.2"_s};

// Stops the test function when a helper it called failed.
#define CHECKED(call)                                                                              \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

qint64 residentKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression vmRss(u"^VmRSS:\\s+(\\d+) kB"_s,
                                          QRegularExpression::MultilineOption);
    const auto match = vmRss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

int openFiles(qint64 pid)
{
    std::error_code error;
    int count = 0;
    for (std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", error), end;
         !error && it != end; it.increment(error)) {
        ++count;
    }
    return error ? -1 : count;
}

// The bystander. Tagged, so that its own echo is recognised by label and every other event
// (who joined, who left) is kept for the test to look at.
class Probe
{
public:
    bool start(quint16 port, const QString &room)
    {
        m_client.socket().bind(ProbeAddress);
        if (!m_client.connectTo(port) || m_client.readLine().isNull())
            return false;
        if (!m_client.useTagged())
            return false;
        m_client.send(u"login probe"_s);
        m_client.send(u"create "_s + room);
        const QStringList replies = m_client.sync();
        return !replies.isEmpty() && !replies.contains(u"<no pong>"_s) &&
               std::none_of(replies.begin(), replies.end(), [](const QString &line) {
                   return TaggedCodec::parse(line).kind == Event::Kind::Error;
               });
    }

    // Says something and waits for it to come back; the time it took, or -1.
    qint64 roundTrip()
    {
        const QString label = u"p%1"_s.arg(++m_count);
        const QString text = u"probe-%1"_s.arg(m_count);
        QElapsedTimer timer;
        timer.start();
        m_client.send(u"@%1 say %2"_s.arg(label, text));
        const QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired()) {
            const QString line = m_client.readLine(int(deadline.remainingTime()));
            if (line.isNull())
                break;
            const Event event = TaggedCodec::parse(line);
            if (event.kind == Event::Kind::Message && event.label == label && event.text == text)
                return timer.elapsed();
            m_seen.append(event);
        }
        return -1;
    }

    // Reads what has arrived, without waiting.
    void drain()
    {
        for (QString line; !(line = m_client.readLine(1)).isNull();)
            m_seen.append(TaggedCodec::parse(line));
    }

    bool sawLeave(const QString &nick)
    {
        drain();
        return std::any_of(m_seen.begin(), m_seen.end(), [&](const Event &event) {
            return event.kind == Event::Kind::Leave && event.nick == nick;
        });
    }

    // Gone from the probe's room: left, or dropped and held for a resume.
    bool sawGone(const QString &nick)
    {
        drain();
        return std::any_of(m_seen.begin(), m_seen.end(), [&](const Event &event) {
            return event.nick == nick &&
                   (event.kind == Event::Kind::Leave ||
                    (event.kind == Event::Kind::Presence && event.subject == u"reconnecting"_s));
        });
    }

    // How many rooms list says there are; -1 when the answer does not come.
    qint64 roomCount()
    {
        const QString label = u"l%1"_s.arg(++m_count);
        m_client.send(u"@%1 list 1"_s.arg(label));
        const QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired()) {
            const QString line = m_client.readLine(int(deadline.remainingTime()));
            if (line.isNull())
                break;
            const Event event = TaggedCodec::parse(line);
            if (event.label == label && event.kind == Event::Kind::ListingStart)
                return event.count;
            if (event.label != label)
                m_seen.append(event);
        }
        return -1;
    }

    qint64 worstLatency() const { return m_worst; }
    void record(qint64 latency) { m_worst = std::max(m_worst, latency); }

private:
    LineClient m_client;
    QList<Event> m_seen;
    int m_count = 0;
    qint64 m_worst = 0;
};

// A socket that never reads: its kernel receive buffer is made tiny before it connects, so the
// server's output for it piles up in the server, not in our kernel.
class DeafSocket
{
public:
    ~DeafSocket() { close(); }
    bool connectTo(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return false;
        const int size = 1024;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
        // A server that stops reading must fail the test, not hang it.
        const timeval timeout{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    // Closing with unread data resets the connection, as a vanished peer would.
    void close()
    {
        if (m_fd >= 0)
            ::close(std::exchange(m_fd, -1));
    }
    bool send(const QByteArray &bytes)
    {
        return ::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) == bytes.size();
    }

private:
    int m_fd = -1;
};

// A socket that reads and throws away whatever the server sends, so that it never counts as a
// slow reader: whatever happens to it happens because of what it sent.
std::unique_ptr<QTcpSocket> discardingSocket(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    QTcpSocket *raw = socket.get();
    QObject::connect(raw, &QTcpSocket::readyRead, raw, [raw] { raw->readAll(); });
    raw->connectToHost(AttackerAddress, port);
    return socket;
}

QByteArray noise(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

// Lines until the peer closes (or nothing more arrives in time), without a greeting.
QStringList linesUntilClosed(LineClient &client)
{
    QStringList lines;
    for (QString line; !(line = client.readLine()).isNull();) {
        if (!line.startsWith(u"Welcome to "_s))
            lines << line;
    }
    return lines;
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void slowloris();
    void overlongLine();
    void randomBytes();
    void flood();
    void floodIsPacedNotDropped();
    void slowReader();
    void reconnectStorm();
    void foreignProtocol_data();
    void foreignProtocol();
    void telnetNegotiation_data();
    void telnetNegotiation();
    void telnetRepliesToDeafClient_data();
    void telnetRepliesToDeafClient();
    void connectionsPerAddress();
    void roomStorm();
    void bigList();

private:
    void startServer(const QStringList &extraArguments = {});
    // Probes (and watches memory) every ProbeIntervalMs until done() or the timeout.
    void attackUntil(const std::function<bool()> &done, int timeoutMs);
    void checkProbe();
    void checkMemory();
    // The promises after the attackers have gone.
    void checkRecovered();
    void waitForOpenFiles(int expected);

    QTemporaryDir m_logDir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    int m_starts = 0;
    std::unique_ptr<Probe> m_probe;
    qint64 m_baselineRssKb = 0;
    int m_baselineFiles = 0;
};

void TestRobustness::init()
{
    QVERIFY(m_logDir.isValid());
}

void TestRobustness::cleanup()
{
    m_probe.reset();
    if (!m_server)
        return;
    const bool failed = QTest::currentTestFailed();
    if (m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(15000))
            m_server->kill();
        m_server->waitForFinished();
    }
    QFile log(m_logDir.filePath(u"server.log"_s));
    if (failed && log.open(QIODevice::ReadOnly)) {
        const QByteArray text = log.readAll();
        qWarning("server log (last 4 KiB):\n%s", text.right(4096).constData());
    }
    // A sanitizer build reports what it found at exit, with a non-zero status.
    const bool clean = m_server->exitStatus() == QProcess::NormalExit && m_server->exitCode() == 0;
    m_server.reset();
    if (!failed)
        QVERIFY2(clean, "the server did not exit cleanly after SIGTERM (see its log)");
}

void TestRobustness::startServer(const QStringList &extraArguments)
{
    m_server = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The suite silences the server log in-process; here it is wanted, in a file, so that a
    // chatty server never blocks on a full pipe.
    environment.remove(u"QT_LOGGING_RULES"_s);
    // In an AddressSanitizer build, freed memory is held back (256 MB by default) to catch
    // use after free; that would count against the memory bound. The caller's options win.
    environment.insert(u"ASAN_OPTIONS"_s,
                       u"quarantine_size_mb=16:"_s + environment.value(u"ASAN_OPTIONS"_s));
    m_server->setProcessEnvironment(environment);
    m_server->setStandardErrorFile(m_logDir.filePath(u"server.log"_s));
    // Each server starts on a database of its own: what one test leaves behind (rooms, history)
    // must not meet the next.
    const QString dataDirectory = m_logDir.filePath(u"data-%1"_s.arg(++m_starts));
    m_server->start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE),
                    QStringList{u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s,
                                u"0"_s, u"--bind"_s, u"127.0.0.1"_s, u"--data-dir"_s,
                                dataDirectory} +
                        extraArguments);
    QVERIFY2(m_server->waitForStarted(), qPrintable(m_server->errorString()));
    QSignalSpy ready(m_server.get(), &QProcess::readyReadStandardOutput);
    while (!m_server->canReadLine())
        QVERIFY2(ready.wait(LineClient::Timeout), "the server did not say where it listens");
    static const QRegularExpression listening(u"listening on .* port (\\d+)"_s);
    const auto match = listening.match(QString::fromUtf8(m_server->readLine()));
    QVERIFY(match.hasMatch());
    m_port = match.captured(1).toUShort();

    m_probe = std::make_unique<Probe>();
    QVERIFY2(m_probe->start(m_port, u"probes"_s), "the probe could not log in");
    CHECKED(checkProbe());
    m_baselineRssKb = residentKb(m_server->processId());
    m_baselineFiles = openFiles(m_server->processId());
    QVERIFY(m_baselineRssKb > 0);
    QVERIFY(m_baselineFiles > 0);
}

void TestRobustness::checkProbe()
{
    const qint64 latency = m_probe->roundTrip();
    QVERIFY2(latency >= 0, "the probe's message never came back");
    m_probe->record(latency);
    QVERIFY2(latency < MaxProbeLatencyMs,
             qPrintable(u"the probe waited %1 ms for its own message"_s.arg(latency)));
}

void TestRobustness::checkMemory()
{
    QVERIFY2(m_server->state() == QProcess::Running, "the server is not running");
    const qint64 rss = residentKb(m_server->processId());
    QVERIFY2(rss > 0 && rss < m_baselineRssKb + MaxRssGrowthKb,
             qPrintable(u"server RSS %1 kB, baseline %2 kB"_s.arg(rss).arg(m_baselineRssKb)));
}

void TestRobustness::attackUntil(const std::function<bool()> &done, int timeoutMs)
{
    QTimer pace;
    pace.start(ProbeIntervalMs);
    QSignalSpy tick(&pace, &QTimer::timeout);
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        QVERIFY2(!deadline.hasExpired(), "the attack did not finish in time");
        QVERIFY(tick.wait(ProbeIntervalMs * 4));
        tick.clear();
        CHECKED(checkMemory());
        CHECKED(checkProbe());
    }
}

void TestRobustness::waitForOpenFiles(int expected)
{
    // Judged on the sample that ended the wait. QTRY_* samples once more after its loop, and
    // a descriptor the server held for a moment (seen once, under ASan) failed a run that had
    // already settled.
    int files = openFiles(m_server->processId());
    for (QDeadlineTimer deadline(SettleTimeoutMs); files != expected && !deadline.hasExpired();
         files = openFiles(m_server->processId()))
        QTest::qWait(50);
    QVERIFY2(files == expected,
             qPrintable(u"server has %1 open files, expected %2"_s.arg(files).arg(expected)));
}

void TestRobustness::checkRecovered()
{
    // The server may take a moment to notice closed sockets; it must not take for ever.
    CHECKED(waitForOpenFiles(m_baselineFiles));
    CHECKED(checkMemory());
    CHECKED(checkProbe());
    qInfo("probe: worst latency %lld ms; server RSS %lld kB (baseline %lld kB)",
          m_probe->worstLatency(), residentKb(m_server->processId()), m_baselineRssKb);
}

// Many connections that each send a byte now and then and never finish a line, to tie up
// whatever the server keeps per connection.
void TestRobustness::slowloris()
{
    CHECKED(startServer({u"--exempt-loopback"_s}));
    constexpr int Sockets = 200;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < Sockets; ++i)
        sockets.push_back(discardingSocket(m_port));

    QTimer drip;
    int next = 0;
    QObject::connect(&drip, &QTimer::timeout, [&] {
        for (int i = 0; i < 10; ++i, ++next) {
            QTcpSocket &socket = *sockets[size_t(next % Sockets)];
            if (socket.state() == QAbstractSocket::ConnectedState)
                socket.write(next % 7 ? "x" : "\xff");
        }
    });
    drip.start(20); // every socket gets a byte about every 400 ms
    QElapsedTimer elapsed;
    elapsed.start();
    CHECKED(attackUntil([&] { return elapsed.elapsed() > 3000; }, 10000));
    drip.stop();
    const auto connected = std::count_if(sockets.begin(), sockets.end(), [](const auto &socket) {
        return socket->state() == QAbstractSocket::ConnectedState;
    });
    QCOMPARE(int(connected), Sockets); // with --exempt-loopback, all of them were let in
    sockets.clear();
    CHECKED(checkRecovered());
}

// 10 MB without a newline: dropped with one error, and the connection goes on.
void TestRobustness::overlongLine()
{
    CHECKED(startServer());
    LineClient attacker;
    QVERIFY(attacker.connectTo(m_port, AttackerAddress));
    QVERIFY(!attacker.readLine().isNull());
    attacker.sendRaw(QByteArray(10 * 1024 * 1024, 'A'));
    CHECKED(attackUntil([&] { return attacker.socket().bytesToWrite() == 0; }, 20000));
    attacker.sendRaw("\r\n");
    QCOMPARE(attacker.sync(), QStringList{TooLongLine});
    QVERIFY(attacker.isConnected());
    attacker.abort();
    CHECKED(checkRecovered());
}

// Seeded noise from several sockets: invalid UTF-8, control characters, telnet commands, lines
// of every length.
void TestRobustness::randomBytes()
{
    CHECKED(startServer());
    QRandomGenerator random(20261122);
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 4; ++i) {
        sockets.push_back(discardingSocket(m_port));
        QTcpSocket &socket = *sockets.back();
        QVERIFY(socket.waitForConnected(LineClient::Timeout));
        socket.write(noise(random, 1024 * 1024));
    }
    // Done when each socket has sent everything, or was closed by the server for flooding.
    CHECKED(attackUntil(
        [&] {
            return std::all_of(sockets.begin(), sockets.end(), [](const auto &socket) {
                return socket->bytesToWrite() == 0 ||
                       socket->state() != QAbstractSocket::ConnectedState;
            });
        },
        30000));
    sockets.clear();
    CHECKED(checkRecovered());
}

// A logged-in client sending as fast as it can: it is delayed, then cut off when its backlog
// passes the limit, and nobody else notices.
void TestRobustness::flood()
{
    CHECKED(startServer());
    LineClient flooder;
    QVERIFY(flooder.connectTo(m_port, AttackerAddress));
    QVERIFY(flooder.login(u"flooder"_s));
    QByteArray lines;
    for (int i = 0; i < 5000; ++i)
        lines += "say flood " + QByteArray::number(i) + "\r\n";
    QElapsedTimer timer;
    timer.start();
    flooder.sendRaw(lines);
    CHECKED(attackUntil([&] { return !flooder.isConnected(); }, 10000));
    // Served at the flood rate until cut off, not thousands of lines at once.
    qsizetype served = 0;
    for (QString line; !(line = flooder.readLine()).isNull();)
        served += line.startsWith(u"flooder: flood "_s);
    const qint64 allowance = 10 + 5 * (timer.elapsed() / 1000 + 1);
    QVERIFY2(served <= allowance,
             qPrintable(u"%1 lines served in %2 ms"_s.arg(served).arg(timer.elapsed())));
    CHECKED(checkRecovered());
}

// A short burst beyond the allowance is paced, not lost.
void TestRobustness::floodIsPacedNotDropped()
{
    CHECKED(startServer());
    LineClient talker;
    QVERIFY(talker.connectTo(m_port, AttackerAddress));
    QVERIFY(talker.login(u"talker"_s));
    constexpr int Lines = 16; // the burst allowance is 10, and login used two of it
    QByteArray lines;
    for (int i = 1; i <= Lines; ++i)
        lines += "say pace " + QByteArray::number(i) + "\r\n";
    QElapsedTimer timer;
    timer.start();
    talker.sendRaw(lines);
    for (int i = 1; i <= Lines; ++i)
        QCOMPARE(talker.readLine(), u"talker: pace %1"_s.arg(i));
    // At least the last six waited their turn at 5 lines/s.
    QVERIFY2(timer.elapsed() >= 1000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QVERIFY(talker.isConnected());
    CHECKED(checkProbe());
    talker.abort();
    CHECKED(checkRecovered());
}

// A member of the probe's room that never reads while the room is busy: the server gives up on
// it once its unsent output passes the limit, and the room goes on.
void TestRobustness::slowReader()
{
    CHECKED(startServer({u"--exempt-loopback"_s}));
    DeafSocket slow;
    QVERIFY(slow.connectTo(m_port));
    QVERIFY(slow.send("login slow\r\njoin probes\r\n"));

    // Within the flood rules, so that only the slow reader is at fault: a burst of eight lines
    // each, then four a second.
    const QByteArray say = "say " + QByteArray(4000, 'w') + "\r\n";
    std::vector<std::unique_ptr<QTcpSocket>> talkers;
    for (int i = 0; i < 8; ++i) {
        talkers.push_back(discardingSocket(m_port));
        QByteArray start = "login talker" + QByteArray::number(i) + "\r\njoin probes\r\n";
        for (int j = 0; j < 8; ++j)
            start += say;
        talkers.back()->write(start);
    }
    QTimer chatter;
    QObject::connect(&chatter, &QTimer::timeout, [&] {
        for (const auto &talker : talkers)
            talker->write(say);
    });
    chatter.start(250);
    CHECKED(attackUntil([&] { return m_probe->sawLeave(u"slow"_s); }, 20000));
    chatter.stop();
    for (const auto &talker : talkers)
        QCOMPARE(talker->state(), QAbstractSocket::ConnectedState);
    talkers.clear();
    slow.close();
    CHECKED(checkRecovered());
}

// Hundreds of short visits, ten at a time, half of them ending in a reset.
void TestRobustness::reconnectStorm()
{
    CHECKED(startServer({u"--exempt-loopback"_s}));
    QTimer pace;
    pace.start(ProbeIntervalMs);
    QSignalSpy tick(&pace, &QTimer::timeout);
    int visit = 0;
    for (int round = 0; round < 30; ++round) {
        std::vector<std::unique_ptr<LineClient>> clients;
        for (int i = 0; i < 10; ++i) {
            clients.push_back(std::make_unique<LineClient>());
            QVERIFY(clients.back()->connectTo(m_port, AttackerAddress));
            clients.back()->send(u"login storm%1"_s.arg(++visit));
        }
        for (auto &client : clients) {
            QString line;
            do {
                line = client->readLine();
            } while (!line.isNull() && !line.startsWith(u"You are logged in as storm"_s));
            QVERIFY2(!line.isNull(), "a visitor was not logged in");
        }
        for (size_t i = 0; i < clients.size(); ++i) {
            if (i % 2)
                clients[i]->abort();
            else
                clients[i]->socket().disconnectFromHost();
        }
        if (tick.count() > 0) {
            tick.clear();
            CHECKED(checkMemory());
            CHECKED(checkProbe());
        }
    }
    CHECKED(checkRecovered());
}

// Other protocols knocking on the plain port get one line saying so, and the door closed.
void TestRobustness::foreignProtocol_data()
{
    QTest::addColumn<QByteArray>("request");
    // A complete TLS 1.2 ClientHello (SNI "localhost"), the first thing a TLS client sends.
    const QByteArray hello = QByteArray::fromHex(
        "16030100530100004f0303000102030405060708090a0b0c0d0e0f101112131415161718191a"
        "1b1c1d1e1f000004c02bc02f010000220000000e000c0000096c6f63616c686f7374000a0004"
        "0002001d000d000400020403");
    QTest::newRow("TLS ClientHello") << hello;
    QTest::newRow("HTTP GET") << "GET / HTTP/1.1\r\nHost: x\r\n\r\n"_ba;
}

void TestRobustness::foreignProtocol()
{
    QFETCH(QByteArray, request);
    CHECKED(startServer());
    LineClient stranger;
    QVERIFY(stranger.connectTo(m_port, AttackerAddress));
    stranger.sendRaw(request);
    QVERIFY2(stranger.waitForDisconnected(), "the server kept the connection");
    const QStringList lines = linesUntilClosed(stranger);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(u"Error:"_s), qPrintable(lines.first()));
    CHECKED(checkRecovered());
}

// Telnet negotiation mixed into lines: removed from the text, options refused.
void TestRobustness::telnetNegotiation_data()
{
    QTest::addColumn<QByteArrayList>("writes");
    QTest::addColumn<QByteArray>("reply"); // expected negotiation answer; empty: none
    QTest::newRow("DO inside a line")
        << QByteArrayList{"lo\xff\xfd\x18gin tn\r\n"} << "\xff\xfc\x18"_ba;
    QTest::newRow("WILL before a line")
        << QByteArrayList{"\xff\xfb\x1flogin tn\r\n"} << "\xff\xfe\x1f"_ba;
    QTest::newRow("SB..SE inside a line")
        << QByteArrayList{"login \xff\xfa\x18\x00xterm\xff\xf0tn\r\n"_ba} << QByteArray();
    QTest::newRow("IAC IAC inside SB, then DO")
        << QByteArrayList{"\xff\xfa\x18\x00x\xff\xffy\xff\xf0\xff\xfd\x01login tn\r\n"_ba}
        << "\xff\xfc\x01"_ba;
    QTest::newRow("DO split across writes")
        << QByteArrayList{"login tn\xff", "\xfd", "\x03\r\n"} << "\xff\xfc\x03"_ba;
}

void TestRobustness::telnetNegotiation()
{
    QFETCH(QByteArrayList, writes);
    QFETCH(QByteArray, reply);
    CHECKED(startServer());
    LineClient telnet;
    QVERIFY(telnet.connectTo(m_port, AttackerAddress));
    QVERIFY(!telnet.readLine().isNull());
    for (const QByteArray &bytes : std::as_const(writes))
        telnet.sendRaw(bytes);
    QByteArray received;
    const QDeadlineTimer deadline(LineClient::Timeout);
    while (!received.contains("You are logged in as tn.") && !deadline.hasExpired())
        received += telnet.readRaw(received.size() + 1, int(deadline.remainingTime()));
    QVERIFY2(received.contains("You are logged in as tn."),
             received.toPercentEncoding().constData());
    if (reply.isEmpty())
        QVERIFY2(!received.contains('\xff'), received.toPercentEncoding().constData());
    else
        QVERIFY2(received.contains(reply), received.toPercentEncoding().constData());
    telnet.send(u"say after"_s);
    QCOMPARE(telnet.sync(), QStringList{u"tn: after"_s});
    telnet.abort();
    CHECKED(checkRecovered());
}

// Telnet commands that the server answers, from a client that never reads: the answers are
// output like any other and must not pile up without limit (AYT's answer is 4.5 times its size).
void TestRobustness::telnetRepliesToDeafClient_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::newRow("AYT") << "\xff\xf6"_ba;
    QTest::newRow("DO") << "\xff\xfd\x01"_ba;
}

void TestRobustness::telnetRepliesToDeafClient()
{
    QFETCH(QByteArray, command);
    CHECKED(startServer());
    DeafSocket deaf;
    QVERIFY(deaf.connectTo(m_port));
    const QByteArray chunk = command.repeated(1024 * 1024 / command.size());
    constexpr int MaxChunks = 32;
    int sent = 0;
    bool refused = false;
    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, [&] {
        if (!refused && sent < MaxChunks && (refused = !deaf.send(chunk)) == false)
            ++sent;
    });
    pump.start(20);
    CHECKED(attackUntil([&] { return refused || sent == MaxChunks; }, 20000));
    pump.stop();
    QVERIFY2(refused, qPrintable(u"the server took %1 MB of telnet commands from a client that "
                                 "never reads its answers, and kept it"_s.arg(sent)));
    deaf.close();
    CHECKED(checkRecovered());
}

// Without --exempt-loopback one address gets 16 connections; the 17th is told why and closed.
void TestRobustness::connectionsPerAddress()
{
    CHECKED(startServer());
    std::vector<std::unique_ptr<LineClient>> clients;
    for (int i = 0; i < 16; ++i) {
        clients.push_back(std::make_unique<LineClient>());
        QVERIFY(clients.back()->connectTo(m_port, AttackerAddress));
        QVERIFY2(clients.back()->readLine().startsWith(u"Welcome to "_s),
                 qPrintable(u"connection %1"_s.arg(i + 1)));
        QCOMPARE(clients.back()->sync(), QStringList());
    }
    LineClient extra;
    QVERIFY(extra.connectTo(m_port, AttackerAddress));
    QVERIFY2(extra.waitForDisconnected(), "the 17th connection was kept");
    const QStringList lines = linesUntilClosed(extra);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(u"Error:"_s), qPrintable(lines.first()));
    CHECKED(checkProbe());

    // The count goes down when one leaves, so the address is not locked out for good.
    clients.back()->abort();
    clients.pop_back();
    CHECKED(waitForOpenFiles(m_baselineFiles + 15));
    // The server closes the socket first and gives the address's place back as the session
    // goes, a moment later: a connection in between is refused, and the next one is welcome.
    QElapsedTimer waited;
    waited.start();
    bool welcomed = false;
    while (!welcomed && waited.elapsed() < LineClient::Timeout) {
        LineClient again;
        QVERIFY(again.connectTo(m_port, AttackerAddress));
        welcomed = again.readLine().startsWith(u"Welcome to "_s);
        if (!welcomed)
            QVERIFY2(again.waitForDisconnected(), "a refused connection was kept");
        again.abort();
    }
    QVERIFY2(welcomed, "the address stayed locked out after one of its connections left");
    clients.clear();
    CHECKED(checkRecovered());
}

// Visitor after visitor logs in under a new name and creates rooms as fast as it may: each
// person stops at 5 a minute, the server at --max-rooms, and the probe goes on.
void TestRobustness::roomStorm()
{
    constexpr int MaxRooms = 100;
    constexpr int Visits = 60; // each tries 8 rooms: 480 tries
    CHECKED(startServer({u"--exempt-loopback"_s, u"--max-rooms"_s, QString::number(MaxRooms)}));
    std::vector<std::unique_ptr<QTcpSocket>> visitors;
    int visits = 0;
    QTimer spawn;
    QObject::connect(&spawn, &QTimer::timeout, [&] {
        std::erase_if(visitors, [](const std::unique_ptr<QTcpSocket> &socket) {
            return socket->state() == QAbstractSocket::UnconnectedState;
        });
        // Ten at a time, each within the flood allowance: a login, eight creates, a logout.
        while (visitors.size() < 10 && visits < Visits) {
            const QByteArray name = "storm" + QByteArray::number(++visits);
            QByteArray lines = "login " + name + "\r\n";
            for (int i = 1; i <= 8; ++i)
                lines += "create " + name + "-" + QByteArray::number(i) + "\r\n";
            lines += "logout\r\n";
            visitors.push_back(discardingSocket(m_port));
            visitors.back()->write(lines);
        }
    });
    spawn.start(20);
    CHECKED(attackUntil([&] { return visits == Visits && visitors.empty(); }, 60000));
    spawn.stop();
    // 60 people at 5 each could make 300: the server holds 100, the hall and probes included.
    QCOMPARE(m_probe->roomCount(), qint64(MaxRooms));
    CHECKED(checkRecovered());
}

// Two thousand rooms, and clients that list them all: the one that reads gets every room, the
// ones that ask again and again and never read are dropped at the output cap, the probe goes
// on and memory stays bounded.
void TestRobustness::bigList()
{
    constexpr int Makers = 40;
    constexpr int RoomsEach = 50;
    constexpr int AllRooms = Makers * RoomsEach + 2; // and the hall and probes
    CHECKED(startServer({u"--exempt-loopback"_s, u"--flood-rate"_s, u"0"_s, u"--rooms-per-minute"_s,
                         u"0"_s, u"--max-rooms"_s, u"5000"_s}));
    for (int maker = 0; maker < Makers; ++maker) {
        LineClient client;
        QVERIFY(client.connectTo(m_port, AttackerAddress));
        client.send(u"login maker%1"_s.arg(maker));
        for (int i = 0; i < RoomsEach; ++i)
            client.send(u"create room-%1-%2"_s.arg(maker).arg(i));
        client.send(u"logout"_s);
        QVERIFY(client.waitForDisconnected(30000));
    }
    QCOMPARE(m_probe->roomCount(), qint64(AllRooms));

    std::vector<std::unique_ptr<DeafSocket>> deaf;
    for (int i = 0; i < 8; ++i) {
        deaf.push_back(std::make_unique<DeafSocket>());
        QVERIFY(deaf.back()->connectTo(m_port));
        QVERIFY(deaf.back()->send("set tagged on\r\nlogin deaf" + QByteArray::number(i) +
                                  "\r\njoin probes\r\n"));
    }
    const QByteArray lists = QByteArray("list\r\n").repeated(2000);
    for (const auto &socket : deaf)
        QVERIFY(socket->send(lists));
    // Meanwhile someone who reads lists them all.
    LineClient reader;
    QVERIFY(reader.connectTo(m_port, AttackerAddress));
    QVERIFY(reader.useTagged());
    reader.send(u"login reader"_s);
    reader.sync();
    reader.send(u"@all list"_s);
    qsizetype listed = 0;
    for (Event event = reader.readEvent(); event.kind != Event::Kind::ListingEnd;
         event = reader.readEvent()) {
        QVERIFY2(event.isValid(), "the reader's list stopped");
        if (event.kind == Event::Kind::Rooms)
            listed += event.list.size() / 3;
    }
    QCOMPARE(listed, AllRooms);
    CHECKED(attackUntil(
        [&] {
            for (int i = 0; i < 8; ++i) {
                if (!m_probe->sawGone(u"deaf%1"_s.arg(i)))
                    return false;
            }
            return true;
        },
        30000));
    deaf.clear();
    reader.abort();
    CHECKED(checkRecovered());
}

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
