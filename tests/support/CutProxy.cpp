// SPDX-License-Identifier: MIT
#include "CutProxy.h"

#include <QTcpSocket>

CutProxy::CutProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    m_listener.listen(QHostAddress::LocalHost);
    connect(&m_listener, &QTcpServer::newConnection, this, &CutProxy::accept);
}

void CutProxy::accept()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        client->setParent(this);
        if (m_holding)
            m_waiting.append(client);
        else
            forward(client);
    }
}

void CutProxy::release()
{
    m_holding = false;
    for (QTcpSocket *client : std::exchange(m_waiting, {})) {
        if (client->state() == QAbstractSocket::ConnectedState)
            forward(client);
        else
            client->deleteLater();
    }
}

void CutProxy::forward(QTcpSocket *client)
{
    auto *server = new QTcpSocket(this);
    const Pair pair{client, server};
    m_pairs.append(pair);
    connect(client, &QTcpSocket::readyRead, server, [=] { server->write(client->readAll()); });
    connect(server, &QTcpSocket::readyRead, client, [=] { client->write(server->readAll()); });
    connect(server, &QTcpSocket::connected, this, [=, this] {
        server->write(client->readAll()); // what the client sent before the server answered
        emit connectionForwarded();
    });
    connect(client, &QTcpSocket::disconnected, this, [=, this] { drop(pair); });
    connect(server, &QTcpSocket::disconnected, this, [=, this] { drop(pair); });
    server->connectToHost(QHostAddress::LocalHost, m_targetPort);
}

void CutProxy::drop(const Pair &pair)
{
    for (qsizetype i = 0; i < m_pairs.size(); ++i) {
        if (m_pairs[i].client != pair.client)
            continue;
        m_pairs.removeAt(i);
        // Whatever one side still had for the other goes first, as TCP would deliver it.
        if (pair.server->state() == QAbstractSocket::ConnectedState)
            pair.server->write(pair.client->readAll());
        if (pair.client->state() == QAbstractSocket::ConnectedState)
            pair.client->write(pair.server->readAll());
        pair.client->disconnectFromHost();
        pair.server->disconnectFromHost();
        pair.client->deleteLater();
        pair.server->deleteLater();
        return;
    }
}

void CutProxy::cut()
{
    // Both ends at once, dropping what is in flight: neither side says goodbye.
    for (const Pair &pair : std::exchange(m_pairs, {})) {
        pair.client->abort();
        pair.server->abort();
        pair.client->deleteLater();
        pair.server->deleteLater();
    }
}
