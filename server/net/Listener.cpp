// SPDX-License-Identifier: MIT
#include "net/Listener.h"

#include <QSslSocket>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

QHostAddress Listener::plainAddress(const QHostAddress &address)
{
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
    const QByteArray refusal = m_admission(plainAddress(peerOf(descriptor)));
    if (!refusal.isEmpty()) {
        // Best effort and never blocking: the refused peer may not be reading.
        [[maybe_unused]] const ssize_t sent =
            ::send(int(descriptor), refusal.constData(), size_t(refusal.size()),
                   MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(int(descriptor));
        return;
    }
    if (!m_tlsConfiguration) {
        emit descriptorAccepted(descriptor);
        return;
    }
    auto *socket = new QSslSocket(this);
    socket->setSocketDescriptor(descriptor);
    socket->setSslConfiguration(*m_tlsConfiguration);
    socket->startServerEncryption();
    QTimer::singleShot(m_handshakeTimeoutMs, socket, [socket] {
        if (!socket->isEncrypted())
            socket->abort();
    });
    addPendingConnection(socket);
}
