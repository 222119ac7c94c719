// SPDX-License-Identifier: MIT
#pragma once

#include "CommandProcessor.h"
#include "ServerConfig.h"

#include <QObject>
#include <QTcpServer>

// The listening side: owns the QTcpServer, makes a Session for each connection and hands it to
// the CommandProcessor; on shutdown stops accepting, says goodbye and reports when done.
class ChatServer : public QObject
{
    Q_OBJECT

public:
    explicit ChatServer(const ServerConfig &config, QObject *parent = nullptr);

    // Starts listening; false with errorString() when the address cannot be used.
    bool listen();
    QString errorString() const { return m_listener.errorString(); }
    quint16 port() const { return m_listener.serverPort(); }
    QHostAddress address() const { return m_listener.serverAddress(); }
    int sessionCount() const { return m_sessionCount; }

    const CommandProcessor &processor() const { return m_processor; }

    // Stops accepting, tells everyone and closes; emits stopped() once every session has
    // gone or the grace period has passed.
    void shutdown();

signals:
    void stopped();

private:
    void acceptConnections();
    void sessionDestroyed();
    void finishStopping();

    ServerConfig m_config;
    QTcpServer m_listener;
    CommandProcessor m_processor;
    quint64 m_lastSessionNumber = 0;
    int m_sessionCount = 0;
    bool m_stopping = false;
    bool m_stopped = false;
};
