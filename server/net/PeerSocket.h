// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>

// A QTcpSocket or QSslSocket that reports the peer the listener names instead of the one the
// kernel does: behind a load balancer, the address its PROXY header gave. Everything that asks
// the socket (TlsConnection, the web front end, QWebSocket over it) then sees the real peer.
// QAbstractSocket's setPeerAddress() and setPeerPort() exist for this; they are protected.
template <typename Socket> class PeerSocket : public Socket
{
public:
    using Socket::Socket;

    // After setSocketDescriptor(), which reads the kernel's peer.
    void setPeer(const QHostAddress &address, quint16 port)
    {
        this->setPeerAddress(address);
        this->setPeerPort(port);
    }
};
