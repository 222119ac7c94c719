// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>

// A QTcpServer that asks before it takes a connection. The question is asked on the bare
// descriptor, before any socket object exists, so refusing a flood of connections costs almost
// nothing. With a TLS configuration, accepted connections are QSslSockets whose handshake must
// finish within a deadline.
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    // Returns an empty array to admit the peer, or the line to send it before closing.
    using Admission = std::function<QByteArray(const QHostAddress &peer)>;

    Listener(Admission admission, QObject *parent = nullptr);

    void setTls(const QSslConfiguration &configuration, int handshakeTimeoutMs);
    bool isTls() const { return m_tls; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Admission m_admission;
    QSslConfiguration m_tlsConfiguration;
    int m_handshakeTimeoutMs = 0;
    bool m_tls = false;
};
