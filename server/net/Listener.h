// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <optional>

// A QTcpServer that asks before it takes a connection. The question is asked on the bare
// descriptor, before any socket object exists, so refusing a flood of connections costs almost
// nothing. A plain listener hands on the bare descriptor (descriptorAccepted); with a TLS
// configuration, accepted connections are pending QSslSockets whose handshake must finish
// within a deadline.
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    // Returns an empty array to admit the peer, or the line to send it before closing.
    using Admission = std::function<QByteArray(const QHostAddress &peer)>;

    Listener(Admission admission, QObject *parent = nullptr);

    // The address connections are counted by: an IPv4 peer of a dual-stack listener
    // (::ffff:192.0.2.1) as plain IPv4. Sessions use it too, so that what was counted on
    // admission is what is released when they end.
    static QHostAddress plainAddress(const QHostAddress &address);
    // The peer of a connected descriptor as the kernel reports it (null when it cannot), and
    // its port in *port when asked.
    static QHostAddress peerOf(qintptr descriptor, quint16 *port = nullptr);

    void setTls(const QSslConfiguration &configuration, int handshakeTimeoutMs);

signals:
    // A plain listener admitted a connection; the receiver owns descriptor and must close it.
    void descriptorAccepted(qintptr descriptor);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Admission m_admission;
    // Empty for a plain listener: a QSslConfiguration, even a default one, loads and
    // initialises the TLS backend (24 M instructions at start-up).
    std::optional<QSslConfiguration> m_tlsConfiguration;
    int m_handshakeTimeoutMs = 0;
};
