// SPDX-License-Identifier: MIT
#pragma once

#include "app/ServerOptions.h"
#include "app/SessionRoster.h"
#include "commands/CommandProcessor.h"
#include "config/ServerConfig.h"
#include "metrics/ServerMetrics.h"
#include "net/Listener.h"
#include "net/ProxyTrust.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

class ClusterFeed;
class ClusterNode;
class Connection;
class MetricsServer;
class WebListener;

// The server put together: opens the store and brings back its rooms, owns the listeners
// (plain, IRC, web, and TLS when configured) and the metrics endpoint, admits connections within
// the limits, makes a Session for each and hands it to the CommandProcessor; reloads its
// configuration on request; on shutdown stops accepting, says goodbye, lets the store commit
// what is queued and reports when done.
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
    quint16 ircPort() const { return m_irc ? m_irc->serverPort() : 0; }
    quint16 ircTlsPort() const { return m_ircTls ? m_ircTls->serverPort() : 0; }
    quint16 webPort() const;
    quint16 metricsPort() const;
    QHostAddress address() const { return m_plain.serverAddress(); }
    int sessionCount() const { return m_sessionCount; }
    // Listening, the store open, not shutting down and, on a node of a cluster, holding its
    // lease: what /readyz reports.
    bool isReady() const;

    CommandProcessor &processor() { return *m_processor; }
    Store &store() { return *m_store; }
    // This node's part in its cluster, or null for a server on its own.
    ClusterNode *cluster() { return m_cluster.get(); }
    // The settings in effect: sessions and commands read this object, which a reload updates.
    const ServerConfig &config() const { return m_config; }
    const ServerMetrics &metrics() const { return m_metrics; }
    // The /metrics page.
    QByteArray metricsText() const;

    // Where reloadConfiguration() reads the settings again: main() passes the command line to
    // ServerOptions::parse, so that the file is read again and the command line still wins.
    void setConfigurationSource(std::function<ServerOptions::Result()> source);
    // Reads the settings again and puts in effect what can change while running (see
    // ServerOption::Reload), logging each change and each setting that needs a restart. The
    // TLS certificate and key and the password file are read again even when their names
    // did not change. False, and the settings in effect kept, when the settings cannot be read.
    bool reloadConfiguration();

    // Stops accepting, tells everyone and closes; emits stopped() once every session has
    // gone or the grace period has passed.
    void shutdown();

signals:
    void stopped();
    // A reload finished (ok: it was applied).
    void configurationReloaded(bool ok);

private:
    bool openStore();
    // Joins the cluster that the configuration names.
    bool joinCluster();
    QByteArray admit(const QHostAddress &peer, bool irc = false);
    bool setUpTls();
    // A TLS listener on port for the chat's clients, or for IRC clients.
    std::unique_ptr<Listener> tlsListener(const QSslConfiguration &tls, quint16 port, bool irc);
    bool setUpIrc();
    bool setUpWeb();
    bool setUpMetrics();
    QString listenError(quint16 port, const QString &reason) const;
    void acceptTlsConnections(Listener *listener, bool irc);
    // Gives listener the load balancers' trust and logs and counts their failed headers.
    void trustProxies(Listener *listener);
    void proxyHeaderFailed(const QString &proxy, const QString &reason);
    void addSession(Connection *connection, bool tls, bool irc = false, bool web = false);
    void sessionDestroyed(const QHostAddress &peer, bool tls);
    // Gives back what admit() counted for peer.
    void release(const QHostAddress &peer);
    void finishStopping();
    // The file-backed parts of a reload; each keeps what is in effect when it fails.
    void reloadTls(ServerConfig &applied);
    void reloadPasswords(ServerConfig &applied);

    // First, so that it goes last: sessions refer to much of what follows.
    SessionRoster m_sessions;
    ServerConfig m_config;
    const Clock *m_clock = &Clock::system();
    ServerMetrics m_metrics;
    std::function<ServerOptions::Result()> m_source;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<CommandProcessor> m_processor; // made once the store is open
    std::unique_ptr<ClusterNode> m_cluster;        // a node of a cluster only
    std::unique_ptr<ClusterFeed> m_feed;           // the same
    // Before the listeners, which hold on to it; a reload replaces it in place.
    ProxyTrust m_proxyTrust;
    Listener m_plain;
    std::unique_ptr<Listener> m_tls;
    std::unique_ptr<Listener> m_irc;
    std::unique_ptr<Listener> m_ircTls;
    std::unique_ptr<WebListener> m_web;
    std::unique_ptr<MetricsServer> m_metricsServer;
    QHash<QHostAddress, int> m_perAddress;
    QString m_error;
    quint64 m_lastSessionNumber = 0;
    int m_sessionCount = 0;
    bool m_stopping = false;
    bool m_stopped = false;
};
