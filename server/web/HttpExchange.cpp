// SPDX-License-Identifier: MIT
#include "web/HttpExchange.h"

#include "config/ServerConfig.h"
#include "web/HttpResponse.h"
#include "web/WebFiles.h"
#include "web/WebOrigins.h"

#include <QTcpSocket>
#include <QTimerEvent>

HttpExchange::HttpExchange(QTcpSocket *socket, const ServerConfig &config, bool tls,
                           QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_config(config)
    , m_tls(tls)
{
    m_socket->setParent(this);
    // The same deadline as logging in: a connection that sends nothing is let go as one that
    // never logs in is.
    m_deadline.start(m_config.loginTimeoutSeconds * 1000, this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpExchange::readHead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpExchange::finish);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpExchange::readHead, Qt::QueuedConnection);
}

void HttpExchange::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_deadline.timerId())
        return QObject::timerEvent(event);
    m_deadline.stop();
    m_socket->abort();
    finish();
}

void HttpExchange::readHead()
{
    if (m_answered || m_finished)
        return;
    const QByteArray bytes = m_socket->peek(HttpRequest::MaxHeadBytes);
    const qsizetype end = HttpRequest::headEnd(bytes);
    if (end < 0) {
        if (bytes.size() >= HttpRequest::MaxHeadBytes)
            respond(431, {});
        return;
    }
    const HttpRequest request = HttpRequest::parse(bytes.first(end));
    if (!request.isValid() || request.host().isEmpty())
        return respond(400, request);
    if (request.method() != "GET" && request.method() != "HEAD")
        return respond(405, request);
    if (request.path() != WebSocketPath)
        return respond(200, request);
    if (!request.isWebSocketUpgrade())
        return respond(400, request);
    if (!WebOrigins::allows(m_config.webOrigins, request.header("origin"), request.host(), m_tls))
        return respond(403, request);
    m_deadline.stop();
    m_answered = true;
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->setParent(nullptr);
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    emit upgradeWanted(socket);
}

void HttpExchange::respond(int status, const HttpRequest &request)
{
    HttpResponse response =
        status == 200 ? WebFiles::response(request.path()) : HttpResponse::error(status);
    if (status == 405)
        response.extraHeaders = "Allow: GET, HEAD\r\n";
    answer(response.toBytes(request.host(), request.method() == "HEAD"));
}

void HttpExchange::answer(const QByteArray &bytes)
{
    m_answered = true;
    // What else the peer sent is read and dropped: closing with unread bytes would reset the
    // connection, and the peer could lose the answer.
    m_socket->readAll();
    m_socket->write(bytes);
    // The deadline still runs: a peer that never takes the answer is let go with it.
    m_socket->disconnectFromHost();
}

void HttpExchange::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    emit finished();
}
