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
    connect(m_socket, &QSslSocket::disconnected, this, &Connection::disconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError) { emit errorOccurred(m_socket->errorString()); });
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

void TlsConnection::write(const QByteArray &bytes)
{
    m_socket->write(bytes);
}

qint64 TlsConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void TlsConnection::flush()
{
    m_socket->flush();
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
        emit received(m_socket->read(ReadAheadBytes));
}
