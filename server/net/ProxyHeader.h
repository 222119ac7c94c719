// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QHostAddress>

// The PROXY protocol header that a TCP load balancer (HAProxy's send-proxy, send-proxy-v2)
// puts before a connection's first byte to say whom the connection is from
// (https://www.haproxy.org/download/2.8/doc/proxy-protocol.txt). Parsing only: no socket, so
// that the reader (ProxyHeaderReader) and the fuzzer share it.
//
// Version 1, one line of at most 107 bytes, CRLF included, single spaces:
//   "PROXY" SP "TCP4" SP ipv4 SP ipv4 SP port SP port CRLF
//   "PROXY" SP "TCP6" SP ipv6 SP ipv6 SP port SP port CRLF
//   "PROXY" SP "UNKNOWN" [ SP anything-but-CRLF ] CRLF
//   the first address and port are the source; a port is 0 to 65535 without leading zeros
// Version 2, binary, 16 bytes then `length` bytes:
//   signature: 0D 0A 0D 0A 00 0D 0A 51 55 49 54 0A
//   version and command: 0x20 LOCAL (the balancer's own: health checks), 0x21 PROXY
//   family and transport: 0x11 TCP over IPv4, 0x21 TCP over IPv6; 0x00 unspecified and
//     0x31 a UNIX socket (kept as the balancer's own address); others refused
//   length: 16 bits, network order, at most MaxV2PayloadBytes
//   addresses: IPv4 source, destination (4 bytes each), source port, destination port (2 each);
//     IPv6 the same with 16-byte addresses; what follows (TLVs) is skipped
//
// parse() reads from the connection's first byte. It is Incomplete only while the bytes are a
// true beginning of a header: a reader may then take all of them off the connection and wait
// for more, and whatever arrives later never changes a verdict already given.
struct ProxyHeader
{
    enum class Status { Incomplete, Complete, Invalid };

    static constexpr qsizetype MaxV1Bytes = 107;
    static constexpr qsizetype V2FixedBytes = 16;
    // HAProxy's addresses and its usual TLVs (ALPN, authority, unique id, SSL) fit in a few
    // hundred bytes; the bound keeps what a connection may make the server hold small.
    static constexpr qsizetype MaxV2PayloadBytes = 1024;
    // The most a header can be: what a reader looks at, at most.
    static constexpr qsizetype MaxBytes = V2FixedBytes + MaxV2PayloadBytes;

    Status status = Status::Incomplete;
    qsizetype length = 0; // the header's bytes, when Complete
    int version = 0;      // 1 or 2, once known
    // The connection's real source; null when the header says to keep the balancer's own
    // address (UNKNOWN, LOCAL, an unspecified family or a UNIX socket).
    QHostAddress source;
    quint16 sourcePort = 0;
    const char *error = ""; // why, when Invalid: for the log, which is not translated

    static ProxyHeader parse(QByteArrayView bytes);

    bool operator==(const ProxyHeader &other) const;
};
