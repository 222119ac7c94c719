// SPDX-License-Identifier: MIT
#include "net/TlsConnection.h"

#include <QSslSocket>
#include <QTimer>

TlsConnection::TlsConnection(QSslSocket *socket, QObject *parent)
    : Connection(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(ReadAheadBytes);
    connect(m_socket, &QSslSocket::readyRead, this, &TlsConnection::readSocket);
    connect(m_socket, &QSslSocket::disconnected, this, [this] { reportDisconnected(); });
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &TlsConnection::checkDrained);
    connect(m_socket, &QSslSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError) { reportError(m_socket->errorString()); });
}

QHostAddress TlsConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

quint16 TlsConnection::peerPort() const
{
    return m_socket->peerPort();
}

void TlsConnection::setKeepAlive(bool on)
{
    m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, on ? 1 : 0);
}

void TlsConnection::write(QByteArrayView bytes)
{
    m_socket->write(bytes.data(), bytes.size());
}

qint64 TlsConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void TlsConnection::flush()
{
    m_socket->flush();
}

void TlsConnection::notifyWhenBelow(qint64 bytes)
{
    m_drainedBelow = bytes;
    // Checked from the event loop, as the socket's own signal would be.
    QMetaObject::invokeMethod(this, &TlsConnection::checkDrained, Qt::QueuedConnection);
}

void TlsConnection::checkDrained()
{
    if (m_drainedBelow < 0 || m_socket->bytesToWrite() > m_drainedBelow ||
        m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_drainedBelow = -1;
    reportDrained();
}

void TlsConnection::close(int graceMs)
{
    m_socket->disconnectFromHost();
    // A peer that never reads would keep the socket open for ever.
    QTimer::singleShot(graceMs, m_socket, &QSslSocket::abort);
}

void TlsConnection::abort()
{
    m_socket->abort();
}

bool TlsConnection::isClosed() const
{
    return m_socket->state() == QAbstractSocket::UnconnectedState;
}

void TlsConnection::readSocket()
{
    // Whoever hears the bytes may close us in between.
    while (m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() > 0)
        reportReceived(m_socket->read(ReadAheadBytes));
}
