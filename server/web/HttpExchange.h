// SPDX-License-Identifier: MIT
#pragma once

#include "web/HttpRequest.h"

#include <QBasicTimer>
#include <QObject>

class QTcpSocket;
struct ServerConfig;

// One connection of the web front end until it is either answered or becomes a WebSocket. It
// reads the request head (at most HttpRequest::MaxHeadBytes, within the login deadline) and
// answers a file, or an error, then closes; or, for a WebSocket request to WebSocketPath from
// an allowed origin, hands the socket on with the head still unread, for the handshake.
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *WebSocketPath = "/chat";

    // Takes ownership of socket, connected (and encrypted, or encrypting, when tls).
    HttpExchange(QTcpSocket *socket, const ServerConfig &config, bool tls,
                 QObject *parent = nullptr);

signals:
    // The request is a WebSocket handshake that may proceed: socket is the receiver's from now
    // on, the head still in it; finished() does not follow.
    void upgradeWanted(QTcpSocket *socket);
    // The exchange is over and its socket closed (answered, refused, timed out, or the peer
    // left); emitted once. The receiver deletes the exchange.
    void finished();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void readHead();
    void respond(int status, const HttpRequest &request);
    void answer(const QByteArray &bytes);
    void finish();

    QTcpSocket *m_socket;
    const ServerConfig &m_config;
    bool m_tls;
    bool m_answered = false;
    bool m_finished = false;
    QBasicTimer m_deadline;
};
