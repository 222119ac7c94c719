// SPDX-License-Identifier: MIT
#include "web/WebConnection.h"

#include <QTcpSocket>
#include <QTimerEvent>
#include <QWebSocket>

using namespace Qt::StringLiterals;

WebConnection::WebConnection(QWebSocket *socket, QTcpSocket *transport, qsizetype maxLineBytes,
                             QObject *parent)
    : Connection(parent)
    , m_socket(socket)
    , m_transport(transport)
{
    m_socket->setParent(this);
    transport->setParent(this);
    // A frame is a line: what is longer than a line is refused before it is buffered.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(maxLineBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxLineBytes));
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebConnection::receiveText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] {
        m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"text frames only"_s);
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, &WebConnection::checkDrained);
    connect(m_socket, &QWebSocket::disconnected, this, &WebConnection::end);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                // A peer that leaves is no error: disconnected() says it.
                if (error != QAbstractSocket::RemoteHostClosedError && !m_closed)
                    reportError(m_socket->errorString());
            });
}

WebConnection::~WebConnection()
{
    // The WebSocket first: it may still write a close frame to the transport.
    delete m_socket;
}

QHostAddress WebConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

quint16 WebConnection::peerPort() const
{
    return m_socket->peerPort();
}

void WebConnection::setKeepAlive(bool on)
{
    if (m_transport)
        m_transport->setSocketOption(QAbstractSocket::KeepAliveOption, on ? 1 : 0);
}

void WebConnection::receiveText(const QString &message)
{
    if (m_closed || m_graceTimer.isActive())
        return; // after close() what the peer still sends is dropped, as on TCP
    // A line break inside a frame ends a line there, as in a TCP stream.
    reportReceived(QByteArray(message.toUtf8() + '\n'));
}

void WebConnection::write(QByteArrayView bytes)
{
    if (m_closed || m_graceTimer.isActive())
        return;
    m_partialLine.append(bytes);
    qsizetype start = 0;
    for (qsizetype end = m_partialLine.indexOf('\n'); end >= 0;
         end = m_partialLine.indexOf('\n', start)) {
        QByteArrayView line(m_partialLine.constData() + start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        m_socket->sendTextMessage(QString::fromUtf8(line));
        start = end + 1;
    }
    m_partialLine.remove(0, start);
}

qint64 WebConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite() + m_partialLine.size();
}

void WebConnection::flush()
{
    m_socket->flush();
}

void WebConnection::notifyWhenBelow(qint64 bytes)
{
    m_drainedBelow = bytes;
    // Checked from the event loop, as the socket's own signal would be.
    QMetaObject::invokeMethod(this, &WebConnection::checkDrained, Qt::QueuedConnection);
}

void WebConnection::checkDrained()
{
    if (m_drainedBelow < 0 || bytesToWrite() > m_drainedBelow || m_closed)
        return;
    m_drainedBelow = -1;
    reportDrained();
}

void WebConnection::close(int graceMs)
{
    if (m_closed || m_graceTimer.isActive())
        return;
    // The close frame follows what is queued; a peer that never answers it is let go.
    m_graceTimer.start(graceMs, this);
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
}

void WebConnection::abort()
{
    m_socket->abort();
    end();
}

void WebConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_graceTimer.timerId())
        abort();
    else
        Connection::timerEvent(event);
}

void WebConnection::end()
{
    if (m_closed)
        return;
    m_closed = true;
    m_graceTimer.stop();
    reportDisconnected();
}
