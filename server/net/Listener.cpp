// SPDX-License-Identifier: MIT
#include "net/Listener.h"

#include "net/PeerSocket.h"
#include "net/ProxyHeaderReader.h"
#include "net/ProxyTrust.h"

#include <QSslSocket>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

QHostAddress Listener::plainAddress(const QHostAddress &address)
{
    // A copy shares the address's data; making a new one costs an allocation per call.
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

QHostAddress Listener::peerOf(qintptr descriptor, quint16 *port)
{
    sockaddr_storage storage = {};
    socklen_t length = sizeof storage;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    const auto *address = reinterpret_cast<const sockaddr *>(&storage);
    if (port) {
        *port = ntohs(storage.ss_family == AF_INET6
                          ? reinterpret_cast<const sockaddr_in6 *>(address)->sin6_port
                          : reinterpret_cast<const sockaddr_in *>(address)->sin_port);
    }
    return QHostAddress(address);
}

QString Listener::peerText(const QHostAddress &address, quint16 port)
{
    const QHostAddress plain = plainAddress(address);
    if (plain.protocol() == QAbstractSocket::IPv4Protocol)
        return QStringLiteral("%1:%2").arg(plain.toString()).arg(port);
    return QStringLiteral("[%1]:%2").arg(plain.toString()).arg(port);
}

Listener::Listener(Admission admission, QObject *parent)
    : QTcpServer(parent)
    , m_admission(std::move(admission))
{
}

void Listener::setTls(const QSslConfiguration &configuration, int handshakeTimeoutMs)
{
    m_tlsConfiguration = configuration;
    m_handshakeTimeoutMs = handshakeTimeoutMs;
}

void Listener::incomingConnection(qintptr descriptor)
{
    quint16 port = 0;
    const QHostAddress peer = plainAddress(peerOf(descriptor, &port));
    if (m_proxyTrust && m_proxyTrust->trusts(peer))
        readProxyHeader(descriptor, peer, port);
    else
        admit(descriptor, peer, port);
}

void Listener::readProxyHeader(qintptr descriptor, const QHostAddress &proxy, quint16 port)
{
    auto *reader = new ProxyHeaderReader(descriptor, m_proxyTrust->headerTimeoutMs(), this);
    connect(reader, &ProxyHeaderReader::headerRead, this,
            [this, proxy, port](qintptr descriptor, const ProxyHeader &header) {
                // UNKNOWN and LOCAL (the balancer's health checks) are the balancer's own.
                if (header.source.isNull())
                    admit(descriptor, proxy, port);
                else
                    admit(descriptor, plainAddress(header.source), header.sourcePort);
            });
    connect(reader, &ProxyHeaderReader::failed, this, [this, proxy, port](const QString &reason) {
        emit proxyHeaderFailed(peerText(proxy, port), reason);
    });
}

void Listener::admit(qintptr descriptor, const QHostAddress &peer, quint16 port)
{
    const QByteArray refusal = m_admission(peer);
    if (!refusal.isEmpty()) {
        // Best effort and never blocking: the refused peer may not be reading.
        [[maybe_unused]] const ssize_t sent =
            ::send(int(descriptor), refusal.constData(), size_t(refusal.size()),
                   MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(int(descriptor));
        return;
    }
    if (!m_tlsConfiguration) {
        emit descriptorAccepted(descriptor, peer, port);
        return;
    }
    // The handshake starts on bytes still in the kernel: a PROXY header before them is gone.
    auto *socket = new PeerSocket<QSslSocket>(this);
    socket->setSocketDescriptor(descriptor);
    socket->setPeer(peer, port);
    socket->setSslConfiguration(*m_tlsConfiguration);
    socket->startServerEncryption();
    QTimer::singleShot(m_handshakeTimeoutMs, socket, [socket] {
        if (!socket->isEncrypted())
            socket->abort();
    });
    addPendingConnection(socket);
}
