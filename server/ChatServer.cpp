// SPDX-License-Identifier: MIT
#include "ChatServer.h"

#include "ServerLog.h"
#include "Session.h"

#include <QTcpSocket>
#include <QTimer>

ChatServer::ChatServer(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_processor(config.name)
{
    // Qt's default backlog of 50 drops connections when many people arrive at once.
    m_listener.setListenBacklogSize(1024);
    connect(&m_listener, &QTcpServer::pendingConnectionAvailable, this,
            &ChatServer::acceptConnections);
}

bool ChatServer::listen()
{
    return m_listener.listen(m_config.bindAddress, m_config.port);
}

void ChatServer::acceptConnections()
{
    while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
        if (m_stopping) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *session = new Session(socket, ++m_lastSessionNumber, m_config.maxLineBytes, this);
        ++m_sessionCount;
        connect(session, &QObject::destroyed, this, &ChatServer::sessionDestroyed);
        qCInfo(lcServer, "#%llu connected from %s", session->number(),
               qUtf8Printable(session->peer()));
        m_processor.addSession(session);
    }
}

void ChatServer::sessionDestroyed()
{
    --m_sessionCount;
    if (m_stopping && m_sessionCount == 0)
        finishStopping();
}

void ChatServer::finishStopping()
{
    if (m_stopped)
        return;
    m_stopped = true;
    emit stopped();
}

void ChatServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer, "shutting down: telling %d session(s)", m_sessionCount);
    m_listener.close();
    m_processor.shutdown();
    if (m_sessionCount == 0) {
        QTimer::singleShot(0, this, &ChatServer::finishStopping);
        return;
    }
    QTimer::singleShot(m_config.shutdownGraceMs, this, [this] {
        if (m_sessionCount > 0)
            qCInfo(lcServer, "grace period over: %d session(s) still closing", m_sessionCount);
        finishStopping();
    });
}
