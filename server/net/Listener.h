// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>
#include <optional>

class ProxyTrust;

// A QTcpServer that asks before it takes a connection. The question is asked on the bare
// descriptor, before any socket object exists, so refusing a flood of connections costs almost
// nothing. A connection from a trusted load balancer (setProxyTrust) is asked about only once
// its PROXY header has been read (ProxyHeaderReader), about the peer the header names. A plain
// listener hands on the bare descriptor (descriptorAccepted); with a TLS configuration,
// accepted connections are pending QSslSockets whose handshake must finish within a deadline.
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
    // "192.0.2.1:5000" or "[2001:db8::1]:5000", an IPv4 peer of a dual-stack listener as IPv4:
    // how the log names a peer.
    static QString peerText(const QHostAddress &address, quint16 port);

    void setTls(const QSslConfiguration &configuration, int handshakeTimeoutMs);
    // Whose connections start with a PROXY header; null or empty: nobody's. trust must outlive
    // the listener; changes to it apply to connections accepted afterwards.
    void setProxyTrust(const ProxyTrust *trust) { m_proxyTrust = trust; }

signals:
    // A plain listener admitted a connection from peer (the real one, behind a load balancer);
    // the receiver owns descriptor and must close it.
    void descriptorAccepted(qintptr descriptor, const QHostAddress &peer, quint16 port);
    // A trusted load balancer's connection came without a valid PROXY header in time and was
    // closed; proxy is the balancer's address and port.
    void proxyHeaderFailed(const QString &proxy, const QString &reason);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void readProxyHeader(qintptr descriptor, const QHostAddress &proxy, quint16 port);
    // Asks the admission about peer and hands the connection on, or refuses it.
    void admit(qintptr descriptor, const QHostAddress &peer, quint16 port);

    Admission m_admission;
    // Empty for a plain listener: a QSslConfiguration, even a default one, loads and
    // initialises the TLS backend (24 M instructions at start-up).
    std::optional<QSslConfiguration> m_tlsConfiguration;
    int m_handshakeTimeoutMs = 0;
    const ProxyTrust *m_proxyTrust = nullptr;
};
