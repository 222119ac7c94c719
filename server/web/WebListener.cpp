// SPDX-License-Identifier: MIT
#include "web/WebListener.h"

#include "config/ServerConfig.h"
#include "net/PeerSocket.h"
#include "web/HttpExchange.h"
#include "web/HttpResponse.h"
#include "web/WebConnection.h"

#include <QSslSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u' ' + QString::number(port);
}

} // namespace

WebListener::WebListener(const ServerConfig &config, Listener::Admission admission, QObject *parent)
    : QObject(parent)
    , m_config(config)
    // A refusal is the chat's line (error 429 or 503) as the body of an HTTP 503.
    , m_listener([admission = std::move(admission)](const QHostAddress &peer) {
        const QByteArray refusal = admission(peer);
        if (refusal.isEmpty())
            return refusal;
        HttpResponse response = HttpResponse::error(503);
        response.body = refusal;
        return response.toBytes({});
    })
    // Non-secure mode even over TLS: the socket handed to it is already encrypted.
    , m_handshakes(u"chat-server"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_listener, &Listener::descriptorAccepted, this,
            [this](qintptr descriptor, const QHostAddress &peer, quint16 port) {
                auto *socket = new PeerSocket<QTcpSocket>;
                socket->setSocketDescriptor(descriptor);
                socket->setPeer(peer, port);
                accept(socket);
            });
    connect(&m_listener, &QTcpServer::pendingConnectionAvailable, this, [this] {
        // With TLS the listener makes nothing but QSslSockets, already encrypting.
        while (QTcpSocket *socket = m_listener.nextPendingConnection())
            accept(socket);
    });
    connect(&m_handshakes, &QWebSocketServer::newConnection, this, &WebListener::takeWebSockets);
}

void WebListener::setTls(const QSslConfiguration &configuration, int handshakeTimeoutMs)
{
    m_tls = true;
    m_listener.setTls(configuration, handshakeTimeoutMs);
}

bool WebListener::listen(const QHostAddress &address, quint16 port)
{
    m_listener.setListenBacklogSize(m_config.listenBacklog);
    return m_listener.listen(address, port);
}

void WebListener::accept(QTcpSocket *socket)
{
    // Reads no further ahead than a chat connection does.
    socket->setReadBufferSize(Connection::ReadAheadBytes);
    const QHostAddress peer = Listener::plainAddress(socket->peerAddress());
    auto *exchange = new HttpExchange(socket, m_config, m_tls, this);
    connect(exchange, &HttpExchange::finished, this, [this, exchange, peer] {
        exchange->deleteLater();
        emit released(peer);
    });
    connect(exchange, &HttpExchange::upgradeWanted, this, [this, exchange](QTcpSocket *socket) {
        exchange->deleteLater();
        handOver(socket);
    });
}

void WebListener::handOver(QTcpSocket *socket)
{
    const QHostAddress peer = Listener::plainAddress(socket->peerAddress());
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    m_handshaking.insert(key, socket);
    socket->setParent(this);
    // A handshake that fails closes the socket, and QWebSocketServer deletes it.
    connect(socket, &QObject::destroyed, this, [this, key, peer, socket] {
        const auto it = m_handshaking.constFind(key);
        if (it != m_handshaking.cend() && *it == socket) {
            m_handshaking.erase(it);
            emit released(peer);
        }
    });
    m_handshakes.handleConnection(socket);
}

void WebListener::takeWebSockets()
{
    while (QWebSocket *webSocket = m_handshakes.nextPendingConnection()) {
        QTcpSocket *transport =
            m_handshaking.take(peerKey(webSocket->peerAddress(), webSocket->peerPort()));
        if (!transport) {
            webSocket->abort();
            webSocket->deleteLater();
            continue;
        }
        emit connectionReady(new WebConnection(webSocket, transport, m_config.maxLineBytes));
    }
}
