// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

// A TCP proxy on loopback in front of a server, for tests of what happens when a connection
// drops: cut() ends every connection through it at once, as a dead Wi-Fi would, and hold()
// keeps new connections waiting (accepted, not yet forwarded) until release(), so that a test
// decides when a reconnecting client gets through.
class CutProxy : public QObject
{
    Q_OBJECT

public:
    explicit CutProxy(quint16 targetPort, QObject *parent = nullptr);

    quint16 port() const { return m_listener.serverPort(); }
    // Connections currently forwarded.
    int connectionCount() const { return int(m_pairs.size()); }

    void cut();
    void hold() { m_holding = true; }
    void release();

signals:
    void connectionForwarded();

private:
    struct Pair
    {
        QTcpSocket *client;
        QTcpSocket *server;
    };
    void accept();
    void forward(QTcpSocket *client);
    void drop(const Pair &pair);

    quint16 m_targetPort;
    QTcpServer m_listener;
    QList<Pair> m_pairs;
    QList<QTcpSocket *> m_waiting;
    bool m_holding = false;
};
