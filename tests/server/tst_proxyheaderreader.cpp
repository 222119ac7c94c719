// SPDX-License-Identifier: MIT
// ProxyHeaderReader on a real loopback TCP pair: a header cut into pieces, each piece waiting
// in the kernel until the reader has taken it, is read whole; exactly the header's bytes are
// taken, so what follows is still there for the next owner; anything else, a silence past the
// deadline or a peer that leaves closes the connection.
#include "SocketWaits.h"
#include "net/ProxyHeaderReader.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QByteArray V2Proxy("\r\n\r\n\0\r\nQUIT\n\x21\x11\0\x0c"
                         "\xc0\x00\x02\x07\x0a\x00\x00\x01\x9c\x40\x13\x8d",
                         28);

} // namespace

class TestProxyHeaderReader : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pieces_data();
    void pieces();
    void deadline();
    void peerLeaves();

private:
    // Connects m_peer to an accepted m_descriptor.
    void connectPair();
    void send(const QByteArray &bytes);
    // Bytes the kernel holds for m_descriptor, not yet read.
    int waiting() const;

    int m_listener = -1;
    int m_peer = -1;
    int m_descriptor = -1; // the reader's until it hands it back
};

void TestProxyHeaderReader::init()
{
    m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(m_listener, 4), 0);
    connectPair();
}

void TestProxyHeaderReader::cleanup()
{
    for (int *fd : {&m_peer, &m_listener}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
    m_descriptor = -1;
}

void TestProxyHeaderReader::connectPair()
{
    sockaddr_in address = {};
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
    m_peer = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QCOMPARE(::connect(m_peer, reinterpret_cast<sockaddr *>(&address), length), 0);
    m_descriptor = ::accept(m_listener, nullptr, nullptr);
    QVERIFY(m_descriptor >= 0);
}

void TestProxyHeaderReader::send(const QByteArray &bytes)
{
    QCOMPARE(::send(m_peer, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL),
             ssize_t(bytes.size()));
}

int TestProxyHeaderReader::waiting() const
{
    int bytes = -1;
    ::ioctl(m_descriptor, FIONREAD, &bytes);
    return bytes;
}

void TestProxyHeaderReader::pieces_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");
    QTest::addColumn<bool>("read");
    QTest::addColumn<QString>("source"); // empty: the balancer's own
    QTest::addColumn<QByteArray>("after");

    QTest::newRow("v1 whole, chat after")
        << QList<QByteArray>{"PROXY TCP4 192.0.2.7 10.0.0.1 40000 5005\r\nlogin alice\r\n"} << true
        << u"192.0.2.7"_s << QByteArray("login alice\r\n");
    QTest::newRow("v1 in three pieces")
        << QList<QByteArray>{"PRO", "XY TCP4 192.0.2.7 10.0", ".0.1 40000 5005\r\nhello"} << true
        << u"192.0.2.7"_s << QByteArray("hello");
    QTest::newRow("v1 cut between CR and LF") << QList<QByteArray>{"PROXY UNKNOWN\r", "\nhello"}
                                              << true << QString() << QByteArray("hello");
    QTest::newRow("v2 cut in the signature, a TLS hello after")
        << QList<QByteArray>{V2Proxy.first(5), V2Proxy.sliced(5) + "\x16\x03\x01"} << true
        << u"192.0.2.7"_s << QByteArray("\x16\x03\x01");
    QTest::newRow("v2 cut in the addresses")
        << QList<QByteArray>{V2Proxy.first(20), V2Proxy.sliced(20)} << true << u"192.0.2.7"_s
        << QByteArray();
    QTest::newRow("chat instead") << QList<QByteArray>{"login alice\r\n"} << false << QString()
                                  << QByteArray();
    QTest::newRow("bad after a good beginning")
        << QList<QByteArray>{"PROXY TCP4", " x y 1 2\r\n"} << false << QString() << QByteArray();
}

void TestProxyHeaderReader::pieces()
{
    QFETCH(QList<QByteArray>, pieces);
    QFETCH(bool, read);
    QFETCH(QString, source);
    QFETCH(QByteArray, after);

    auto *reader = new ProxyHeaderReader(m_descriptor, 5000);
    QPointer<ProxyHeaderReader> alive(reader);
    qintptr handedBack = -1;
    ProxyHeader header;
    QString failure;
    connect(reader, &ProxyHeaderReader::headerRead, this,
            [&](qintptr descriptor, const ProxyHeader &given) {
                handedBack = descriptor;
                header = given;
            });
    connect(reader, &ProxyHeaderReader::failed, this,
            [&](const QString &reason) { failure = reason; });

    for (qsizetype i = 0; i < pieces.size(); ++i) {
        send(pieces[i]);
        // Every piece but the last is taken before the next is sent: a read of its own.
        if (i + 1 < pieces.size())
            QTRY_COMPARE(waiting(), 0);
    }
    QTRY_VERIFY(handedBack >= 0 || !failure.isEmpty());
    QTRY_VERIFY(alive.isNull()); // it deletes itself
    if (!read) {
        QVERIFY(handedBack < 0);
        QVERIFY(SocketWaits::peerSeesEof(m_peer));
        return;
    }
    QCOMPARE(handedBack, qintptr(m_descriptor));
    QCOMPARE(header.status, ProxyHeader::Status::Complete);
    QCOMPARE(header.source, source.isEmpty() ? QHostAddress() : QHostAddress(source));
    // What followed the header is still in the kernel, whole.
    QTRY_COMPARE(waiting(), int(after.size()));
    QByteArray rest(after.size(), '\0');
    if (!after.isEmpty())
        QCOMPARE(::recv(m_descriptor, rest.data(), size_t(rest.size()), 0), ssize_t(after.size()));
    QCOMPARE(rest, after);
    ::close(m_descriptor);
}

void TestProxyHeaderReader::deadline()
{
    auto *reader = new ProxyHeaderReader(m_descriptor, 100);
    QSignalSpy failed(reader, &ProxyHeaderReader::failed);
    send("PROXY TCP4 192.0.2.7"); // and no more
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(0).toString(), u"PROXY header not finished within 100 ms"_s);
    QVERIFY(SocketWaits::peerSeesEof(m_peer));
}

void TestProxyHeaderReader::peerLeaves()
{
    auto *reader = new ProxyHeaderReader(m_descriptor, 5000);
    QSignalSpy failed(reader, &ProxyHeaderReader::failed);
    ::close(std::exchange(m_peer, -1));
    QVERIFY(failed.wait());
    QCOMPARE(failed.at(0).at(0).toString(), u"closed before its PROXY header"_s);
}

QTEST_GUILESS_MAIN(TestProxyHeaderReader)
#include "tst_proxyheaderreader.moc"
