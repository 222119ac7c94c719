// SPDX-License-Identifier: MIT
// The PROXY protocol header as data: versions 1 and 2, what each says about the peer, what is
// refused, and that a header cut anywhere gives the same verdict once it is whole.
#include "net/ProxyHeader.h"

#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {

using Status = ProxyHeader::Status;

QByteArray v1(const char *line)
{
    return QByteArray(line) + "\r\n";
}

// A version 2 header: the signature, version and command, family and transport, then payload.
QByteArray v2(quint8 versionCommand, quint8 familyTransport, const QByteArray &payload,
              int length = -1)
{
    QByteArray header("\r\n\r\n\0\r\nQUIT\n", 12);
    header.append(char(versionCommand));
    header.append(char(familyTransport));
    char size[2];
    qToBigEndian<quint16>(quint16(length < 0 ? payload.size() : length), size);
    header.append(size, 2);
    return header + payload;
}

QByteArray ipv4Block(const char *source, quint16 sourcePort)
{
    QByteArray block(12, '\0');
    qToBigEndian<quint32>(QHostAddress(QString::fromLatin1(source)).toIPv4Address(), block.data());
    qToBigEndian<quint32>(QHostAddress(u"10.0.0.1"_s).toIPv4Address(), block.data() + 4);
    qToBigEndian<quint16>(sourcePort, block.data() + 8);
    qToBigEndian<quint16>(5005, block.data() + 10);
    return block;
}

QByteArray ipv6Block(const char *source, quint16 sourcePort)
{
    QByteArray block(36, '\0');
    const Q_IPV6ADDR address = QHostAddress(QString::fromLatin1(source)).toIPv6Address();
    memcpy(block.data(), address.c, 16);
    memcpy(block.data() + 16, QHostAddress(u"2001:db8::1"_s).toIPv6Address().c, 16);
    qToBigEndian<quint16>(sourcePort, block.data() + 32);
    qToBigEndian<quint16>(5005, block.data() + 34);
    return block;
}

QByteArray tlv(quint8 type, const QByteArray &value)
{
    QByteArray out(1, char(type));
    char size[2];
    qToBigEndian<quint16>(quint16(value.size()), size);
    return out + QByteArray(size, 2) + value;
}

} // namespace

class TestProxyHeader : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void cutAnywhere_data() { parse_data(); }
    void cutAnywhere();
};

void TestProxyHeader::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Status>("status");
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<QString>("source"); // empty: the balancer's own address
    QTest::addColumn<int>("port");

    const QByteArray tcp4 = v1("PROXY TCP4 192.0.2.7 10.0.0.1 56324 5005");
    QTest::newRow("v1 TCP4") << tcp4 << Status::Complete << tcp4.size() << u"192.0.2.7"_s << 56324;
    QTest::newRow("v1 TCP4, chat after it")
        << tcp4 + "login alice\r\n"
        << Status::Complete << tcp4.size() << u"192.0.2.7"_s << 56324;
    const QByteArray tcp6 = v1("PROXY TCP6 2001:db8::7 2001:db8::1 4000 5005");
    QTest::newRow("v1 TCP6") << tcp6 << Status::Complete << tcp6.size() << u"2001:db8::7"_s << 4000;
    const QByteArray mapped = v1("PROXY TCP6 ::ffff:192.0.2.7 ::ffff:10.0.0.1 1 2");
    QTest::newRow("v1 TCP6, IPv4-mapped")
        << mapped << Status::Complete << mapped.size() << u"::ffff:192.0.2.7"_s << 1;
    const QByteArray ports = v1("PROXY TCP4 192.0.2.7 10.0.0.1 0 65535");
    QTest::newRow("v1 ports 0 and 65535")
        << ports << Status::Complete << ports.size() << u"192.0.2.7"_s << 0;
    QTest::newRow("v1 UNKNOWN") << v1("PROXY UNKNOWN") << Status::Complete << qsizetype(15)
                                << QString() << 0;
    // The specification's longest line: exactly 107 bytes.
    const QByteArray longest = v1("PROXY UNKNOWN ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff "
                                  "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535");
    QTest::newRow("v1 UNKNOWN, 107 bytes")
        << longest << Status::Complete << qsizetype(107) << QString() << 0;
    QTest::newRow("v1 longer than 107 bytes")
        << QByteArray("PROXY UNKNOWN ") + QByteArray(100, 'f') + "\r\n"
        << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 108 bytes without an end")
        << QByteArray("PROXY TCP4 ") + QByteArray(97, '1') << Status::Invalid << qsizetype(0)
        << QString() << 0;
    QTest::newRow("v1 port 65536") << v1("PROXY TCP4 192.0.2.7 10.0.0.1 65536 5005")
                                   << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 port with a leading zero")
        << v1("PROXY TCP4 192.0.2.7 10.0.0.1 0080 5005") << Status::Invalid << qsizetype(0)
        << QString() << 0;
    QTest::newRow("v1 port not a number") << v1("PROXY TCP4 192.0.2.7 10.0.0.1 80a 5005")
                                          << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 negative port") << v1("PROXY TCP4 192.0.2.7 10.0.0.1 -1 5005")
                                      << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 bad destination port") << v1("PROXY TCP4 192.0.2.7 10.0.0.1 80 99999")
                                             << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 a port missing") << v1("PROXY TCP4 192.0.2.7 10.0.0.1 80") << Status::Invalid
                                       << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 a field too many") << v1("PROXY TCP4 192.0.2.7 10.0.0.1 80 81 82")
                                         << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 two spaces") << v1("PROXY TCP4  192.0.2.7 10.0.0.1 80 81") << Status::Invalid
                                   << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 TCP4 with an IPv6 address")
        << v1("PROXY TCP4 2001:db8::7 10.0.0.1 80 81") << Status::Invalid << qsizetype(0)
        << QString() << 0;
    QTest::newRow("v1 TCP6 with an IPv4 address")
        << v1("PROXY TCP6 192.0.2.7 2001:db8::1 80 81") << Status::Invalid << qsizetype(0)
        << QString() << 0;
    QTest::newRow("v1 short IPv4") << v1("PROXY TCP4 127.1 10.0.0.1 80 81") << Status::Invalid
                                   << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 IPv4 out of range") << v1("PROXY TCP4 300.1.1.1 10.0.0.1 80 81")
                                          << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 IPv6 with a scope") << v1("PROXY TCP6 fe80::1%eth0 2001:db8::1 80 81")
                                          << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 a host name") << v1("PROXY TCP4 example.com 10.0.0.1 80 81")
                                    << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 UDP4") << v1("PROXY UDP4 192.0.2.7 10.0.0.1 80 81") << Status::Invalid
                             << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 ended by LF alone") << QByteArray("PROXY TCP4 192.0.2.7 10.0.0.1 80 81\n")
                                          << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 empty after PROXY")
        << v1("PROXY ") << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 lower case") << v1("proxy TCP4 192.0.2.7 10.0.0.1 80 81") << Status::Invalid
                                   << qsizetype(0) << QString() << 0;
    QTest::newRow("v1 not finished") << QByteArray("PROXY TCP4 192.0.2.7 10.0.0.1 80")
                                     << Status::Incomplete << qsizetype(0) << QString() << 0;

    QTest::newRow("nothing yet") << QByteArray() << Status::Incomplete << qsizetype(0) << QString()
                                 << 0;
    QTest::newRow("a beginning of PROXY")
        << QByteArray("PRO") << Status::Incomplete << qsizetype(0) << QString() << 0;
    QTest::newRow("a beginning of the v2 signature")
        << QByteArray("\r\n\r\n\0\r", 6) << Status::Incomplete << qsizetype(0) << QString() << 0;
    QTest::newRow("a chat line") << QByteArray("login alice\r\n") << Status::Invalid << qsizetype(0)
                                 << QString() << 0;
    QTest::newRow("an empty line")
        << QByteArray("\r\n") + "x" << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("HTTP") << QByteArray("GET / HTTP/1.1\r\n") << Status::Invalid << qsizetype(0)
                          << QString() << 0;
    QTest::newRow("a TLS handshake") << QByteArray("\x16\x03\x01\x02\x00", 5) << Status::Invalid
                                     << qsizetype(0) << QString() << 0;

    const QByteArray proxy4 = v2(0x21, 0x11, ipv4Block("192.0.2.7", 56324));
    QTest::newRow("v2 PROXY IPv4")
        << proxy4 << Status::Complete << qsizetype(28) << u"192.0.2.7"_s << 56324;
    QTest::newRow("v2 PROXY IPv4, chat after it")
        << proxy4 + "login alice\r\n"
        << Status::Complete << qsizetype(28) << u"192.0.2.7"_s << 56324;
    QTest::newRow("v2 PROXY IPv6") << v2(0x21, 0x21, ipv6Block("2001:db8::7", 4000))
                                   << Status::Complete << qsizetype(52) << u"2001:db8::7"_s << 4000;
    const QByteArray tlvs = ipv4Block("192.0.2.8", 1234) + tlv(0x01, "h2") + tlv(0x04, "abc");
    QTest::newRow("v2 PROXY IPv4 with TLVs")
        << v2(0x21, 0x11, tlvs) << Status::Complete << qsizetype(16 + tlvs.size()) << u"192.0.2.8"_s
        << 1234;
    QTest::newRow("v2 PROXY IPv4, the longest taken")
        << v2(0x21, 0x11, ipv4Block("192.0.2.9", 1) + tlv(0x04, QByteArray(1024 - 12 - 3, 'x')))
        << Status::Complete << qsizetype(16 + 1024) << u"192.0.2.9"_s << 1;
    QTest::newRow("v2 LOCAL") << v2(0x20, 0x00, {}) << Status::Complete << qsizetype(16)
                              << QString() << 0;
    QTest::newRow("v2 LOCAL with addresses") << v2(0x20, 0x11, ipv4Block("192.0.2.7", 1))
                                             << Status::Complete << qsizetype(28) << QString() << 0;
    QTest::newRow("v2 LOCAL with an unknown family")
        << v2(0x20, 0xff, {}) << Status::Complete << qsizetype(16) << QString() << 0;
    QTest::newRow("v2 PROXY, family unspecified")
        << v2(0x21, 0x00, {}) << Status::Complete << qsizetype(16) << QString() << 0;
    QTest::newRow("v2 PROXY over a UNIX socket")
        << v2(0x21, 0x31, QByteArray(216, '\0')) << Status::Complete << qsizetype(232) << QString()
        << 0;
    QTest::newRow("v2 PROXY over UDP") << v2(0x21, 0x12, ipv4Block("192.0.2.7", 1))
                                       << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 unknown family") << v2(0x21, 0x41, ipv4Block("192.0.2.7", 1))
                                       << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 unknown command") << v2(0x22, 0x11, ipv4Block("192.0.2.7", 1))
                                        << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 another version") << v2(0x11, 0x11, ipv4Block("192.0.2.7", 1))
                                        << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 longer than taken") << v2(0x21, 0x11, ipv4Block("192.0.2.7", 1), 1025)
                                          << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 too short for IPv4")
        << v2(0x21, 0x11, QByteArray(8, '\0')) << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 too short for IPv6") << v2(0x21, 0x21, ipv4Block("192.0.2.7", 1))
                                           << Status::Invalid << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 truncated") << proxy4.first(27) << Status::Incomplete << qsizetype(0)
                                  << QString() << 0;
    QTest::newRow("v2 only the signature")
        << proxy4.first(12) << Status::Incomplete << qsizetype(0) << QString() << 0;
    QTest::newRow("v2 bad signature") << QByteArray("\r\n\r\n\0\r\nQUIT\r", 12) + proxy4.sliced(12)
                                      << Status::Invalid << qsizetype(0) << QString() << 0;
}

void TestProxyHeader::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Status, status);
    QFETCH(qsizetype, length);
    QFETCH(QString, source);
    QFETCH(int, port);

    const ProxyHeader header = ProxyHeader::parse(bytes);
    QCOMPARE(header.status, status);
    QCOMPARE(header.length, length);
    QCOMPARE(header.source, source.isEmpty() ? QHostAddress() : QHostAddress(source));
    QCOMPARE(header.sourcePort, quint16(port));
    // An invalid header says why, for the log.
    QCOMPARE(QByteArrayView(header.error).isEmpty(), status != Status::Invalid);
    if (status == Status::Complete)
        QVERIFY(header.version == 1 || header.version == 2);
}

void TestProxyHeader::cutAnywhere()
{
    QFETCH(QByteArray, bytes);

    // Every beginning of the bytes is either still incomplete or already gives the final
    // verdict: a reader that takes what arrived while it is incomplete never takes a byte
    // beyond the header, and more bytes never change a verdict.
    const ProxyHeader whole = ProxyHeader::parse(bytes);
    bool decided = false;
    for (qsizetype size = 0; size <= bytes.size(); ++size) {
        const ProxyHeader part = ProxyHeader::parse(bytes.first(size));
        if (part.status == Status::Incomplete) {
            QVERIFY2(!decided, qPrintable(u"undecided again at %1 bytes"_s.arg(size)));
            QVERIFY(size < ProxyHeader::MaxBytes);
            continue;
        }
        decided = true;
        QVERIFY2(part == whole, qPrintable(u"a different verdict at %1 bytes"_s.arg(size)));
        if (part.status == Status::Complete)
            QVERIFY(part.length <= size);
    }
    QCOMPARE(decided, whole.status != Status::Incomplete);
}

QTEST_GUILESS_MAIN(TestProxyHeader)
#include "tst_proxyheader.moc"
