// SPDX-License-Identifier: MIT
#include "net/ProxyHeader.h"

#include <QtEndian>

#include <string_view>

namespace {

constexpr QByteArrayView V1Prefix = "PROXY ";
constexpr char V2SignatureBytes[] = "\r\n\r\n\0\r\nQUIT\n";
constexpr QByteArrayView V2Signature(V2SignatureBytes, 12);

ProxyHeader invalid(int version, const char *why)
{
    ProxyHeader header;
    header.status = ProxyHeader::Status::Invalid;
    header.version = version;
    header.error = why;
    return header;
}

// "0" to "65535", no sign, no leading zero.
bool parsePort(QByteArrayView text, quint16 *port)
{
    if (text.isEmpty() || text.size() > 5 || (text.size() > 1 && text.front() == '0'))
        return false;
    quint32 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + quint32(c - '0');
    }
    if (value > 65535)
        return false;
    *port = quint16(value);
    return true;
}

// An address of the family the line names, written as such: QHostAddress alone would also take
// "127.1", "::1%eth0" or an IPv4 address for TCP6.
bool parseAddress(QByteArrayView text, bool v6, QHostAddress *address)
{
    if (text.isEmpty() || text.size() > 45)
        return false;
    for (char c : text) {
        const bool digit = c >= '0' && c <= '9';
        const bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!(v6 ? hex || c == ':' || c == '.' : digit || c == '.'))
            return false;
    }
    const QString written = QString::fromLatin1(text);
    QHostAddress parsed;
    if (!parsed.setAddress(written))
        return false;
    if (v6 ? parsed.protocol() != QAbstractSocket::IPv6Protocol
           : parsed.protocol() != QAbstractSocket::IPv4Protocol || parsed.toString() != written)
        return false;
    *address = parsed;
    return true;
}

ProxyHeader parseV1(QByteArrayView bytes)
{
    const qsizetype newline =
        bytes.first(qMin(bytes.size(), ProxyHeader::MaxV1Bytes)).indexOf('\n');
    if (newline < 0) {
        if (bytes.size() >= ProxyHeader::MaxV1Bytes)
            return invalid(1, "a version 1 header longer than 107 bytes");
        return {};
    }
    if (bytes[newline - 1] != '\r')
        return invalid(1, "a version 1 header not ended by CRLF");
    const QByteArrayView line = bytes.first(newline - 1).sliced(V1Prefix.size());
    ProxyHeader header;
    header.status = ProxyHeader::Status::Complete;
    header.version = 1;
    header.length = newline + 1;
    if (line == "UNKNOWN" || line.startsWith("UNKNOWN "))
        return header; // the balancer's own address: what HAProxy's health checks send
    const QList<QByteArrayView> fields = [&line] {
        QList<QByteArrayView> split;
        qsizetype from = 0;
        for (qsizetype at = line.indexOf(' '); at >= 0; at = line.indexOf(' ', from)) {
            split.append(line.sliced(from, at - from));
            from = at + 1;
        }
        split.append(line.sliced(from));
        return split;
    }();
    if (fields.size() != 5 || (fields[0] != "TCP4" && fields[0] != "TCP6"))
        return invalid(1, "a version 1 header that is not TCP4, TCP6 or UNKNOWN");
    const bool v6 = fields[0] == "TCP6";
    QHostAddress destination;
    quint16 destinationPort = 0;
    if (!parseAddress(fields[1], v6, &header.source) || !parseAddress(fields[2], v6, &destination))
        return invalid(1, "a version 1 header with a bad address");
    if (!parsePort(fields[3], &header.sourcePort) || !parsePort(fields[4], &destinationPort))
        return invalid(1, "a version 1 header with a bad port");
    return header;
}

ProxyHeader parseV2(QByteArrayView bytes)
{
    if (bytes.size() < ProxyHeader::V2FixedBytes)
        return {};
    const auto byte = [&bytes](qsizetype at) { return quint8(bytes[at]); };
    const quint8 versionCommand = byte(12);
    const quint8 familyTransport = byte(13);
    const qsizetype payload = qFromBigEndian<quint16>(bytes.data() + 14);
    if (versionCommand >> 4 != 2)
        return invalid(2, "a version 2 header of another version");
    const quint8 command = versionCommand & 0x0f;
    if (command > 1)
        return invalid(2, "a version 2 header with an unknown command");
    if (payload > ProxyHeader::MaxV2PayloadBytes)
        return invalid(2, "a version 2 header longer than the server takes");
    // LOCAL (the balancer's own connection) ignores the address block, whatever it says.
    const quint8 family = familyTransport >> 4;
    const quint8 transport = familyTransport & 0x0f;
    if (command == 1 && (family > 3 || transport > 2))
        return invalid(2, "a version 2 header with an unknown address family");
    // The addresses' size is known before they arrive: a header too short for them is refused
    // without waiting for the rest.
    const bool inet = command == 1 && (family == 1 || family == 2);
    if (inet && transport != 1)
        return invalid(2, "a version 2 header of another transport than TCP");
    if (inet && payload < (family == 1 ? 12 : 36))
        return invalid(2, "a version 2 header too short for its addresses");
    if (bytes.size() < ProxyHeader::V2FixedBytes + payload)
        return {};
    ProxyHeader header;
    header.status = ProxyHeader::Status::Complete;
    header.version = 2;
    header.length = ProxyHeader::V2FixedBytes + payload;
    // LOCAL, an unspecified family and a UNIX socket keep the balancer's own address.
    if (!inet)
        return header;
    const char *addresses = bytes.data() + ProxyHeader::V2FixedBytes;
    if (family == 1) {
        header.source = QHostAddress(qFromBigEndian<quint32>(addresses));
        header.sourcePort = qFromBigEndian<quint16>(addresses + 8);
    } else {
        header.source = QHostAddress(reinterpret_cast<const quint8 *>(addresses));
        header.sourcePort = qFromBigEndian<quint16>(addresses + 32);
    }
    return header;
}

} // namespace

ProxyHeader ProxyHeader::parse(QByteArrayView bytes)
{
    // Which version is known from the first byte; until its signature is whole, a beginning of
    // it is all that may have arrived.
    const auto begins = [&bytes](QByteArrayView signature) {
        const qsizetype known = qMin(bytes.size(), signature.size());
        return bytes.first(known) == signature.first(known);
    };
    if (begins(V1Prefix))
        return bytes.size() < V1Prefix.size() ? ProxyHeader{} : parseV1(bytes);
    if (begins(V2Signature))
        return bytes.size() < V2Signature.size() ? ProxyHeader{} : parseV2(bytes);
    return invalid(0, "no PROXY header");
}

bool ProxyHeader::operator==(const ProxyHeader &other) const
{
    return status == other.status && length == other.length && version == other.version &&
           source == other.source && sourcePort == other.sourcePort &&
           std::string_view(error) == std::string_view(other.error);
}
