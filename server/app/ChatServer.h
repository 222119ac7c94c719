// SPDX-License-Identifier: MIT
#pragma once

#include "commands/CommandProcessor.h"
#include "config/ServerConfig.h"
#include "net/Listener.h"

#include <QHash>
#include <QObject>

#include <memory>

class Connection;

// The server put together: opens the store and brings back its rooms, owns the listeners
// (plain, and TLS when configured), admits connections within the limits, makes a Session for
// each and hands it to the CommandProcessor; on shutdown stops accepting, says goodbye, lets
// the store commit what is queued and reports when done.
class ChatServer : public QObject
{
    Q_OBJECT

public:
    explicit ChatServer(const ServerConfig &config, QObject *parent = nullptr);
    ~ChatServer() override;

    // Opens the store and starts listening; false with errorString() when the store, an
    // address, port, certificate, key or password file cannot be used.
    bool listen();
    // What the room limits count time on; before listen(). The system's clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_plain.serverPort(); }
    quint16 tlsPort() const { return m_tls ? m_tls->serverPort() : 0; }
    QHostAddress address() const { return m_plain.serverAddress(); }
    int sessionCount() const { return m_sessionCount; }

    CommandProcessor &processor() { return *m_processor; }
    Store &store() { return *m_store; }

    // Stops accepting, tells everyone and closes; emits stopped() once every session has
    // gone or the grace period has passed.
    void shutdown();

signals:
    void stopped();

private:
    bool openStore();
    QByteArray admit(const QHostAddress &peer);
    bool setUpTls();
    QString listenError(quint16 port, const QString &reason) const;
    void acceptTlsConnections();
    void addSession(Connection *connection, bool tls);
    void sessionDestroyed(const QHostAddress &peer);
    void finishStopping();

    ServerConfig m_config;
    const Clock *m_clock = &Clock::system();
    std::unique_ptr<Store> m_store;
    std::unique_ptr<CommandProcessor> m_processor; // made once the store is open
    Listener m_plain;
    std::unique_ptr<Listener> m_tls;
    QHash<QHostAddress, int> m_perAddress;
    QString m_error;
    quint64 m_lastSessionNumber = 0;
    int m_sessionCount = 0;
    bool m_stopping = false;
    bool m_stopped = false;
};
