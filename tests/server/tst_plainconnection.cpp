// SPDX-License-Identifier: MIT
// PlainConnection on a real loopback TCP pair: the test holds the peer's end as a raw
// descriptor, so that it can stop reading, shrink buffers, half-close or reset at will.
#include "SocketWaits.h"
#include "net/Listener.h"
#include "net/PassArena.h"
#include "net/PlainConnection.h"

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

// What the connection tells its handler, as signals a QSignalSpy can wait for.
class ConnectionProbe : public QObject, public ConnectionHandler
{
    Q_OBJECT

signals:
    void received(const QByteArray &bytes);
    void drained();
    void failed(const QString &message);
    void ended();

private:
    void connectionReceived(QByteArrayView bytes) override { emit received(bytes.toByteArray()); }
    void connectionDrained() override { emit drained(); }
    void connectionFailed(const QString &message) override { emit failed(message); }
    void connectionEnded() override { emit ended(); }
};

class TestPlainConnection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void peerAddressAndPort();
    void receivesBytes();
    void sendsQueueInOrderOncePerPass_data();
    void sendsQueueInOrderOncePerPass();
    void slowPeerKeepsTheRest();
    void sharedBytesKeepOrder_data();
    void sharedBytesKeepOrder();
    void sharedBytesOutliveTheirPass();
    void drainedOncePerRequest();
    void closeSendsQueueThenFin();
    void graceEndsSilentPeer();
    void peerCloseIsDisconnected();
    void resetIsReportedLater();
    void abortDropsQueue();
    void destructorClosesDescriptor();

private:
    // The peer's end (m_peer) and the server's end wrapped in a PlainConnection.
    void connectPair(int peerReceiveBuffer = 0);
    QByteArray readPeer(qsizetype bytes, int timeoutMs = 5000);

    int m_listener = -1;
    int m_peer = -1;
    int m_descriptor = -1;
    PlainConnection *m_connection = nullptr;
    ConnectionProbe m_probe;
};

void TestPlainConnection::init()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(m_listener, 4), 0);
}

void TestPlainConnection::cleanup()
{
    delete m_connection;
    m_connection = nullptr;
    for (int *fd : {&m_peer, &m_listener}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void TestPlainConnection::connectPair(int peerReceiveBuffer)
{
    sockaddr_in address = {};
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
    m_peer = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (peerReceiveBuffer > 0) {
        QCOMPARE(::setsockopt(m_peer, SOL_SOCKET, SO_RCVBUF, &peerReceiveBuffer,
                              sizeof peerReceiveBuffer),
                 0);
    }
    QCOMPARE(::connect(m_peer, reinterpret_cast<sockaddr *>(&address), length), 0);
    m_descriptor = ::accept(m_listener, nullptr, nullptr);
    QVERIFY(m_descriptor >= 0);
    quint16 port = 0;
    const QHostAddress peer = Listener::peerOf(m_descriptor, &port);
    m_connection = new PlainConnection(m_descriptor, peer, port);
    m_connection->setHandler(&m_probe);
}

QByteArray TestPlainConnection::readPeer(qsizetype bytes, int timeoutMs)
{
    // The connection sends from the event loop: keep it running while the peer reads.
    QByteArray got;
    QDeadlineTimer deadline(timeoutMs);
    char buffer[65536];
    while (got.size() < bytes && !deadline.hasExpired()) {
        QCoreApplication::processEvents();
        const ssize_t n = ::recv(m_peer, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n > 0)
            got.append(buffer, n);
        else if (n == 0)
            break;
        else
            QTest::qWait(1);
    }
    return got;
}

void TestPlainConnection::peerAddressAndPort()
{
    connectPair();
    sockaddr_in local = {};
    socklen_t length = sizeof local;
    QCOMPARE(::getsockname(m_peer, reinterpret_cast<sockaddr *>(&local), &length), 0);
    QCOMPARE(m_connection->peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(m_connection->peerPort(), ntohs(local.sin_port));
}

void TestPlainConnection::receivesBytes()
{
    connectPair();
    QByteArray got;
    connect(&m_probe, &ConnectionProbe::received, this,
            [&got](const QByteArray &bytes) { got.append(bytes); });
    QCOMPARE(::send(m_peer, "hello\r\n", 7, 0), 7);
    QTRY_COMPARE(got, QByteArray("hello\r\n"));
}

void TestPlainConnection::sendsQueueInOrderOncePerPass_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("lineBytes");
    QTest::newRow("one line") << 1 << 20;
    QTest::newRow("many short lines") << 200 << 30;
    QTest::newRow("lines across block boundaries") << 300 << 999;
    QTest::newRow("empty lines are skipped") << 5 << 0;
    QTest::newRow("big lines") << 8 << 100000;
}

void TestPlainConnection::sendsQueueInOrderOncePerPass()
{
    QFETCH(int, lines);
    QFETCH(int, lineBytes);
    connectPair();
    QByteArray expected;
    const QByteArray shared(lineBytes, 's'); // the same bytes queued twice, as a broadcast does
    for (int i = 0; i < lines; ++i) {
        const QByteArray own = QByteArray::number(i).leftJustified(lineBytes, '.', true);
        m_connection->write(own);
        m_connection->write(shared);
        expected += own + shared;
    }
    // Nothing leaves before the event loop runs.
    QCOMPARE(m_connection->bytesToWrite(), expected.size());
    QCOMPARE(readPeer(expected.size()), expected);
    QCOMPARE(m_connection->bytesToWrite(), 0);
}

void TestPlainConnection::slowPeerKeepsTheRest()
{
    connectPair(4096);
    QByteArray expected;
    for (int i = 0; expected.size() < 8 * 1024 * 1024; ++i) {
        const QByteArray line = "line " + QByteArray::number(i) + ' ' + QByteArray(1000, 'x');
        m_connection->write(line);
        expected += line;
    }
    m_connection->flush();
    // The kernel took what it could; the rest waits for the peer.
    QVERIFY(m_connection->bytesToWrite() > 0);
    QVERIFY(m_connection->bytesToWrite() < expected.size());
    QCOMPARE(readPeer(expected.size(), 20000), expected);
    QTRY_COMPARE(m_connection->bytesToWrite(), 0);
}

void TestPlainConnection::sharedBytesKeepOrder_data()
{
    // Steps: 'a' and 'b' a new broadcast line for the readers of rendering A or B, 'A' the last
    // A line once more, 'o' bytes of this connection's own, 'L' an A line longer than the
    // arena's chunks (copied).
    QTest::addColumn<QString>("steps");
    QTest::newRow("a room's lines") << u"aaaaaaaaaa"_s;
    QTest::newRow("own bytes between") << u"aaoaaoo"_s;
    QTest::newRow("two renderings") << u"ababbaab"_s;
    QTest::newRow("the same line twice") << u"aAaA"_s;
    QTest::newRow("more runs than kept") << u"abababababab"_s;
    QTest::newRow("a long line") << u"aLaoL"_s;
}

void TestPlainConnection::sharedBytesKeepOrder()
{
    QFETCH(QString, steps);
    connectPair();
    const int streamA = 0, streamB = 0;
    QByteArray expected, lastA;
    for (int i = 0; i < steps.size(); ++i) {
        const QByteArray line = QByteArray::number(i) + ' ' + steps.mid(i, 1).toLatin1() + "\r\n";
        switch (steps[i].toLatin1()) {
        case 'a':
            lastA = line;
            m_connection->writeShared(lastA, &streamA);
            expected += lastA;
            break;
        case 'A':
            m_connection->writeShared(lastA, &streamA);
            expected += lastA;
            break;
        case 'b':
            m_connection->writeShared(line, &streamB);
            expected += line;
            break;
        case 'L': {
            const QByteArray long_(PassArena::ChunkBytes + 10, 'L');
            m_connection->writeShared(long_, &streamA);
            expected += long_;
            break;
        }
        default:
            m_connection->write(line);
            expected += line;
        }
    }
    QCOMPARE(m_connection->bytesToWrite(), expected.size());
    QCOMPARE(readPeer(expected.size()), expected);
}

void TestPlainConnection::sharedBytesOutliveTheirPass()
{
    // A broadcast's lines are kept once, in the pass's arena, and the connection refers to
    // them. What the kernel does not take by the pass's flush is copied, so that the arena can
    // be reused: overwritten in the next pass, it changes nothing of what the peer reads.
    connectPair(4096);
    // The kernel takes a few KiB at a time: most of the pass's referred bytes wait.
    const int sendBuffer = 4096;
    QCOMPARE(::setsockopt(m_descriptor, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer), 0);
    const int stream = 0;
    QByteArray expected;
    for (int i = 0; expected.size() < 1024 * 1024; ++i) {
        const QByteArray line = "line " + QByteArray::number(i) + ' ' + QByteArray(1000, 'x');
        m_connection->writeShared(line, &stream);
        expected += line;
    }
    QCoreApplication::processEvents(); // the pass's flush
    QVERIFY(m_connection->bytesToWrite() > 0);
    QVERIFY(m_connection->bytesToWrite() < expected.size());
    for (qsizetype kept = 0; kept < 2 * expected.size(); kept += 1000)
        QVERIFY(!PassArena::keep(QByteArray(1000, char('A' + kept % 26)), &stream).isEmpty());
    QCOMPARE(readPeer(expected.size(), 20000), expected);
    QTRY_COMPARE(m_connection->bytesToWrite(), 0);
}

void TestPlainConnection::drainedOncePerRequest()
{
    connectPair(4096);
    QSignalSpy drained(&m_probe, &ConnectionProbe::drained);
    const QByteArray line(1000, 'd');
    qsizetype queued = 0;
    while (m_connection->bytesToWrite() < 256 * 1024) {
        m_connection->write(line);
        queued += line.size();
        m_connection->flush();
    }
    m_connection->notifyWhenBelow(1024);
    // Told from the event loop once the peer took enough, never inside the request.
    QCOMPARE(drained.size(), 0);
    QCOMPARE(readPeer(queued, 20000).size(), queued);
    QTRY_COMPARE(drained.size(), 1);
    // Asking when the queue is already low enough is answered at once, from the event loop.
    m_connection->notifyWhenBelow(0);
    QCOMPARE(drained.size(), 1);
    QTRY_COMPARE(drained.size(), 2);
    QCoreApplication::processEvents();
    QCOMPARE(drained.size(), 2);
}

void TestPlainConnection::closeSendsQueueThenFin()
{
    connectPair();
    QSignalSpy disconnected(&m_probe, &ConnectionProbe::ended);
    m_connection->write("bye\r\n");
    m_connection->close(5000);
    m_connection->write("too late\r\n");
    QCOMPARE(readPeer(5), QByteArray("bye\r\n"));
    QVERIFY(SocketWaits::peerSeesEof(m_peer));
    // What the peer sends now is dropped; its own FIN ends the connection.
    QCOMPARE(::send(m_peer, "ignored\r\n", 9, MSG_NOSIGNAL), 9);
    QCOMPARE(disconnected.size(), 0);
    QVERIFY(!m_connection->isClosed());
    ::shutdown(m_peer, SHUT_WR);
    QVERIFY(disconnected.wait());
    QVERIFY(m_connection->isClosed());
}

void TestPlainConnection::graceEndsSilentPeer()
{
    connectPair();
    QSignalSpy disconnected(&m_probe, &ConnectionProbe::ended);
    m_connection->close(100);
    QVERIFY(SocketWaits::peerSeesEof(m_peer));
    QVERIFY(disconnected.wait(2000));
    QCOMPARE(disconnected.size(), 1);
}

void TestPlainConnection::peerCloseIsDisconnected()
{
    connectPair();
    QSignalSpy disconnected(&m_probe, &ConnectionProbe::ended);
    QSignalSpy errors(&m_probe, &ConnectionProbe::failed);
    ::close(m_peer);
    m_peer = -1;
    QVERIFY(disconnected.wait());
    QCOMPARE(errors.size(), 0);
    QVERIFY(m_connection->isClosed());
}

void TestPlainConnection::resetIsReportedLater()
{
    connectPair();
    QSignalSpy disconnected(&m_probe, &ConnectionProbe::ended);
    const linger reset = {1, 0};
    ::setsockopt(m_peer, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    ::close(m_peer);
    m_peer = -1;
    QTest::qSleep(50); // let the RST arrive, without running the event loop
    m_connection->write("into the void\r\n");
    m_connection->flush();
    m_connection->write("more\r\n");
    m_connection->flush();
    // A caller in the middle of a broadcast must not see the connection end.
    QCOMPARE(disconnected.size(), 0);
    QVERIFY(disconnected.wait());
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(m_connection->bytesToWrite(), 0);
}

void TestPlainConnection::abortDropsQueue()
{
    connectPair();
    QSignalSpy disconnected(&m_probe, &ConnectionProbe::ended);
    m_connection->write("never sent\r\n");
    m_connection->abort();
    QCOMPARE(disconnected.size(), 1);
    QVERIFY(m_connection->isClosed());
    QCOMPARE(m_connection->bytesToWrite(), 0);
    QVERIFY(SocketWaits::peerSeesEof(m_peer));
    m_connection->abort();
    QCOMPARE(disconnected.size(), 1);
}

void TestPlainConnection::destructorClosesDescriptor()
{
    connectPair();
    m_connection->write("queued\r\n");
    delete m_connection;
    m_connection = nullptr;
    QCOMPARE(::fcntl(m_descriptor, F_GETFD), -1);
    QCOMPARE(errno, EBADF);
    QCoreApplication::processEvents(); // the posted flush finds nothing to do
}

QTEST_GUILESS_MAIN(TestPlainConnection)
#include "tst_plainconnection.moc"
