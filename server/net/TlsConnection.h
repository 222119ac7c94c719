// SPDX-License-Identifier: MIT
#pragma once

#include "net/Connection.h"

class QSslSocket;

// A connection over TLS: QSslSocket does the encryption and the buffering.
class TlsConnection : public Connection
{
    Q_OBJECT

public:
    // Takes ownership of socket, which the listener has already started encrypting.
    explicit TlsConnection(QSslSocket *socket, QObject *parent = nullptr);

    QHostAddress peerAddress() const override;
    quint16 peerPort() const override;
    void setKeepAlive(bool on) override;
    void write(QByteArrayView bytes) override;
    qint64 bytesToWrite() const override;
    void flush() override;
    void notifyWhenBelow(qint64 bytes) override;
    void close(int graceMs) override;
    void abort() override;
    bool isClosed() const override;

private:
    void readSocket();
    void checkDrained();

    QSslSocket *m_socket;
    qint64 m_drainedBelow = -1; // -1: nobody waits to be told it drained
};
