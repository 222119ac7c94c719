// SPDX-License-Identifier: MIT
#pragma once

#include "net/Listener.h"

#include <QHash>
#include <QObject>
#include <QWebSocketServer>

class Connection;
class HttpExchange;
class QTcpSocket;
struct ServerConfig;

// The web front end's port: HTTP for the browser client's files and, on the same port, the
// WebSocket that carries its session (docs/WEB.md). Each connection is admitted as any other
// (the per-address and server-wide limits count it from its first byte to its end), answered
// by an HttpExchange, and, when it becomes a WebSocket, handed on as a WebConnection whose
// Session then holds the admission. With TLS configured it speaks HTTPS and WSS with the TLS
// listener's certificate.
class WebListener : public QObject
{
    Q_OBJECT

public:
    WebListener(const ServerConfig &config, Listener::Admission admission,
                QObject *parent = nullptr);

    void setTls(const QSslConfiguration &configuration, int handshakeTimeoutMs);
    bool listen(const QHostAddress &address, quint16 port);
    void close() { m_listener.close(); }
    quint16 serverPort() const { return m_listener.serverPort(); }
    QString errorString() const { return m_listener.errorString(); }
    // The listener under it, for what ChatServer sets on every listener (the load balancers it
    // trusts for PROXY headers, ahead of TLS and HTTP alike).
    Listener &listener() { return m_listener; }

signals:
    // A WebSocket is ready for a Session; the receiver owns connection. Its admission goes
    // with it.
    void connectionReady(Connection *connection);
    // A connection admitted by the admission function ended without becoming a WebSocket.
    void released(const QHostAddress &peer);

private:
    void accept(QTcpSocket *socket);
    void handOver(QTcpSocket *socket);
    void takeWebSockets();

    const ServerConfig &m_config;
    Listener m_listener;
    QWebSocketServer m_handshakes;
    // Sockets in the WebSocket handshake, by peer: QWebSocketServer names neither the socket
    // a new WebSocket came from nor one whose handshake failed.
    QHash<QString, QTcpSocket *> m_handshaking;
    bool m_tls = false;
};
