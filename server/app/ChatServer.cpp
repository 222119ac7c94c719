// SPDX-License-Identifier: MIT
#include "app/ChatServer.h"

#include "NameRules.h"
#include "Protocol.h"
#include "Rendering.h"
#include "Translations.h"
#include "app/MetricsReport.h"
#include "app/MetricsServer.h"
#include "app/OptionTable.h"
#include "app/Reconfiguration.h"
#include "app/ServerOptions.h"
#include "cluster/ClusterNode.h"
#include "commands/RoomRuleKeeper.h"
#include "config/ServerLog.h"
#include "core/ClusterFeed.h"
#include "core/Room.h"
#include "net/PlainConnection.h"
#include "net/TlsConnection.h"
#include "net/TlsCredentials.h"
#include "session/Session.h"
#include "store/MemoryStore.h"
#include "store/PostgresUrl.h"
#include "store/SqlStore.h"
#include "web/WebListener.h"

#include <QEventLoop>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

StoreOptions storeOptions(const ServerConfig &config)
{
    StoreOptions options;
    options.dataDirectory = config.dataDirectory.isEmpty() ? ServerOptions::defaultDataDirectory()
                                                           : config.dataDirectory;
    if (PostgresUrl::isPostgres(config.database))
        options.databaseUrl = config.database;
    options.durability = config.durability;
    options.maxBytes = qint64(config.maxDatabaseMegabytes) * 1024 * 1024;
    options.historyDays = config.historyDays;
    options.maxLinesPerRoom = config.historyPerRoom;
    options.sharedWriters = !config.cluster.isEmpty();
    return options;
}

} // namespace

ChatServer::ChatServer(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_sessions([this](const QHostAddress &peer, bool tls) { sessionDestroyed(peer, tls); }, this)
    , m_config(config)
    , m_proxyTrust(config.proxyFrom, config.proxyHeaderTimeoutMs)
    , m_plain([this](const QHostAddress &peer) { return admit(peer); })
{
    m_plain.setListenBacklogSize(config.listenBacklog);
    trustProxies(&m_plain);
    connect(&m_plain, &Listener::descriptorAccepted, this,
            [this](qintptr descriptor, const QHostAddress &peer, quint16 port) {
                addSession(new PlainConnection(descriptor, peer, port), false);
            });
}

ChatServer::~ChatServer()
{
    // The store's callbacks reach into the processor: no more of them once it is gone.
    if (m_store)
        m_store->close();
    m_store.reset();
}

bool ChatServer::openStore()
{
    const StoreOptions options = storeOptions(m_config);
    if (!m_config.cluster.isEmpty() && !PostgresUrl::isPostgres(m_config.database)) {
        m_error = tr("the nodes of a cluster share one PostgreSQL database: give --database "
                     "postgresql://user:password@host:port/dbname with --cluster");
        return false;
    }
    if (m_config.database == "memory"_L1)
        m_store = std::make_unique<MemoryStore>(options);
    else
        m_store = std::make_unique<SqlStore>(options);
    if (!m_store->open()) {
        m_error = m_store->errorString();
        return false;
    }
    m_processor = std::make_unique<CommandProcessor>(m_config, *m_store, m_metrics, *m_clock);
    Directory &directory = m_processor->directory();
    for (const StoredRoom &stored : m_store->rooms()) {
        Room *room = directory.addRoom(stored.id, stored.name);
        room->setTopic(stored.topic, stored.topicSetter, stored.topicTime);
        room->setCreated(stored.created);
        room->setLastSeq(stored.lastSeq);
    }
    RoomRuleKeeper(*m_store, *m_clock).restore(directory);
    m_processor->sanctionExpiry().schedule();
    if (!m_config.cluster.isEmpty() && !joinCluster())
        return false;
    if (directory.hall())
        return true;
    // A new store: the hall is its first room, stored before anyone can say anything in it.
    StoredRoom hall;
    hall.id = directory.nextRoomId();
    hall.name = QString(Protocol::HallName);
    hall.key = NameRules::key(hall.name);
    hall.created = QDateTime::currentDateTimeUtc();
    QString error;
    QEventLoop loop;
    m_store->createRoom(hall, [&](const QString &result) {
        error = result;
        loop.quit();
    });
    loop.exec();
    if (!error.isEmpty()) {
        m_error = tr("cannot store the room %1: %2").arg(hall.name, error);
        return false;
    }
    directory.addRoom(hall.id, hall.name)->setCreated(hall.created);
    return true;
}

bool ChatServer::joinCluster()
{
    ClusterNode::Options options;
    QString error;
    if (!ClusterNode::parseUrl(m_config.cluster, &options, &error)) {
        m_error = tr("cannot join the cluster %1: %2").arg(m_config.cluster, error);
        return false;
    }
    options.nodeId = (m_config.nodeName.isEmpty()
                          ? QSysInfo::machineHostName() + u':' + QString::number(m_config.port)
                          : m_config.nodeName)
                         .toUtf8();
    m_cluster = std::make_unique<ClusterNode>(options);
    m_feed = std::make_unique<ClusterFeed>(m_cluster->bus(), *m_store, m_processor->directory(),
                                           m_processor->log());
    m_processor->names().setClaims(&m_cluster->claims());
    m_processor->publishOn(&m_cluster->bus());
    connect(m_feed.get(), &ClusterFeed::storedElsewhere, m_processor.get(),
            &CommandProcessor::applyStored);
    connect(m_feed.get(), &ClusterFeed::resumeElsewhere, m_processor.get(),
            &CommandProcessor::resumeElsewhere);
    connect(m_feed.get(), &ClusterFeed::administeredElsewhere, m_processor.get(),
            &CommandProcessor::administeredElsewhere);
    m_processor->roomExpiry().disable();
    m_processor->directory().setIdBase(qint64(m_store->bootNumber()) * Directory::IdRange);
    connect(&m_cluster->lease(), &NodeLease::acquired, this, [this] {
        m_processor->reclaimNames();
        m_feed->resync(m_cluster->lease().owner());
    });
    // Back on the bus under the same lease: what this node's people did meanwhile, and the
    // others' did, may have gone by unheard.
    connect(m_cluster.get(), &ClusterNode::connected, this, [this] {
        if (m_cluster->lease().isHeld())
            m_feed->resync(m_cluster->lease().owner());
    });
    m_cluster->start();
    return true;
}

bool ChatServer::listen()
{
    if (!openStore())
        return false;
    if (!m_processor->isReady()) {
        m_error = m_processor->errorString();
        return false;
    }
    if (!m_plain.listen(m_config.bindAddress, m_config.port)) {
        m_error = listenError(m_config.port, m_plain.errorString());
        return false;
    }
    if (m_config.ircPort != 0 && !setUpIrc())
        return false;
    if (!m_config.tlsCertificateFile.isEmpty() && !setUpTls())
        return false;
    // After TLS: the web front end speaks HTTPS with its certificate.
    if (m_config.webPort != 0 && !setUpWeb())
        return false;
    return m_config.metricsPort < 0 || setUpMetrics();
}

bool ChatServer::isReady() const
{
    // A node of a cluster without its lease can take no names: a load balancer should send
    // people elsewhere.
    return m_store && m_processor && m_plain.isListening() && !m_stopping &&
           (!m_cluster || m_cluster->lease().isHeld());
}

quint16 ChatServer::metricsPort() const
{
    return m_metricsServer ? m_metricsServer->port() : 0;
}

bool ChatServer::setUpMetrics()
{
    m_metricsServer = std::make_unique<MetricsServer>([this] { return metricsText(); },
                                                      [this] { return isReady(); });
    if (!m_metricsServer->listen(m_config.metricsAddress, quint16(m_config.metricsPort))) {
        m_error = m_metricsServer->errorString();
        return false;
    }
    return true;
}

QByteArray ChatServer::metricsText() const
{
    const MetricsReport::Gauges gauges =
        m_processor ? MetricsReport::gauges(*m_processor) : MetricsReport::Gauges{};
    return MetricsReport::render(m_metrics, gauges, m_store ? m_store->stats() : StoreStats{});
}

void ChatServer::setConfigurationSource(std::function<ServerOptions::Result()> source)
{
    m_source = std::move(source);
}

bool ChatServer::reloadConfiguration()
{
    if (!m_processor)
        return false; // not started: there is nothing to reconfigure yet
    ServerOptions::Result loaded;
    if (m_source)
        loaded = m_source();
    else
        loaded.config = m_config; // nothing to read: files (TLS, password) are read again
    if (!loaded.error.isEmpty()) {
        qCWarning(lcServer, "configuration: not reloaded, the settings in effect stay: %s",
                  qUtf8Printable(loaded.error));
        emit configurationReloaded(false);
        return false;
    }
    Reconfiguration plan = Reconfiguration::plan(m_config, loaded.config);
    for (const Reconfiguration::Change &change : std::as_const(plan.needRestart)) {
        // A database URL may hold a password, which the log never shows.
        qCWarning(lcServer, "configuration: %s changed to \"%s\" needs a restart; keeping \"%s\"",
                  qUtf8Printable(change.option), qUtf8Printable(PostgresUrl::redacted(change.to)),
                  qUtf8Printable(PostgresUrl::redacted(change.from)));
    }
    reloadTls(plan.applied);
    reloadPasswords(plan.applied);
    for (const Reconfiguration::Change &change : std::as_const(plan.changed)) {
        if (OptionTable::find(change.option)->get(plan.applied) != change.to)
            continue; // a file that could not be used: said above
        qCInfo(lcServer, "configuration: %s changed from \"%s\" to \"%s\"",
               qUtf8Printable(change.option), qUtf8Printable(PostgresUrl::redacted(change.from)),
               qUtf8Printable(PostgresUrl::redacted(change.to)));
    }
    // In place: sessions and commands hold references to m_config, listeners to the trust.
    m_config = plan.applied;
    m_proxyTrust = ProxyTrust(m_config.proxyFrom, m_config.proxyHeaderTimeoutMs);
    m_processor->reconfigure();
    qCInfo(lcServer, "configuration reloaded%s%s", loaded.configFile.isEmpty() ? "" : " from ",
           qUtf8Printable(loaded.configFile));
    emit configurationReloaded(true);
    return true;
}

void ChatServer::reloadTls(ServerConfig &applied)
{
    // The listener exists or not for the life of the process.
    const bool wanted = !applied.tlsCertificateFile.isEmpty();
    if (wanted != bool(m_tls)) {
        qCWarning(lcServer, "configuration: turning TLS %s needs a restart", wanted ? "on" : "off");
        applied.tlsCertificateFile = m_config.tlsCertificateFile;
        applied.tlsKeyFile = m_config.tlsKeyFile;
        return;
    }
    if (!m_tls)
        return;
    QSslConfiguration tls;
    QString error;
    if (!TlsCredentials::load(applied.tlsCertificateFile, applied.tlsKeyFile, &tls, &error)) {
        qCWarning(lcServer, "configuration: keeping the TLS certificate in effect: %s",
                  qUtf8Printable(error));
        applied.tlsCertificateFile = m_config.tlsCertificateFile;
        applied.tlsKeyFile = m_config.tlsKeyFile;
        return;
    }
    m_tls->setTls(tls, applied.tlsHandshakeTimeoutSeconds * 1000);
    if (m_ircTls)
        m_ircTls->setTls(tls, applied.tlsHandshakeTimeoutSeconds * 1000);
    if (m_web) // with TLS on, the web front end is HTTPS with the same certificate
        m_web->setTls(tls, applied.tlsHandshakeTimeoutSeconds * 1000);
    qCInfo(lcServer, "tls: certificate for new connections read from %s (expires %s)",
           qUtf8Printable(applied.tlsCertificateFile),
           qUtf8Printable(tls.localCertificate().expiryDate().toString(Qt::ISODate)));
}

void ChatServer::reloadPasswords(ServerConfig &applied)
{
    QString error;
    if (!m_processor->passwords().reload(applied.passwordFile, &error)) {
        qCWarning(lcServer, "configuration: keeping the password in effect: %s",
                  qUtf8Printable(error));
        applied.passwordFile = m_config.passwordFile;
    }
}

QString ChatServer::listenError(quint16 port, const QString &reason) const
{
    return tr("cannot listen on %1 port %2: %3")
        .arg(m_config.bindAddress.toString())
        .arg(port)
        .arg(reason);
}

bool ChatServer::setUpIrc()
{
    m_irc =
        std::make_unique<Listener>([this](const QHostAddress &peer) { return admit(peer, true); });
    m_irc->setListenBacklogSize(m_config.listenBacklog);
    trustProxies(m_irc.get());
    connect(m_irc.get(), &Listener::descriptorAccepted, this,
            [this](qintptr descriptor, const QHostAddress &peer, quint16 port) {
                addSession(new PlainConnection(descriptor, peer, port), false, true);
            });
    const quint16 port = m_config.ircPort == ServerConfig::FreePort ? 0 : quint16(m_config.ircPort);
    if (!m_irc->listen(m_config.bindAddress, port)) {
        // Most often another IRC server has the port.
        m_error = listenError(port, m_irc->errorString()) + u' ' +
                  tr("(the IRC listener: --irc-port picks another port, 0 turns it off)");
        return false;
    }
    return true;
}

quint16 ChatServer::webPort() const
{
    return m_web ? m_web->serverPort() : 0;
}

bool ChatServer::setUpWeb()
{
    m_web = std::make_unique<WebListener>(m_config,
                                          [this](const QHostAddress &peer) { return admit(peer); });
    trustProxies(&m_web->listener());
    if (m_tls) {
        QSslConfiguration tls;
        if (!TlsCredentials::load(m_config.tlsCertificateFile, m_config.tlsKeyFile, &tls, &m_error))
            return false;
        m_web->setTls(tls, m_config.tlsHandshakeTimeoutSeconds * 1000);
    }
    connect(m_web.get(), &WebListener::connectionReady, this,
            [this](Connection *connection) { addSession(connection, bool(m_tls), false, true); });
    connect(m_web.get(), &WebListener::released, this, &ChatServer::release);
    const quint16 port = m_config.webPort == ServerConfig::FreePort ? 0 : quint16(m_config.webPort);
    if (!m_web->listen(m_config.bindAddress, port)) {
        m_error = listenError(port, m_web->errorString()) + u' ' +
                  tr("(the web front end: --web-port picks another port, 0 turns it off)");
        return false;
    }
    return true;
}

bool ChatServer::setUpTls()
{
    QSslConfiguration tls;
    if (!TlsCredentials::load(m_config.tlsCertificateFile, m_config.tlsKeyFile, &tls, &m_error))
        return false;
    m_tls = tlsListener(tls, m_config.tlsPort, false);
    if (!m_tls)
        return false;
    if (m_config.ircTlsPort != 0) {
        const int port = m_config.ircTlsPort == ServerConfig::FreePort ? 0 : m_config.ircTlsPort;
        m_ircTls = tlsListener(tls, quint16(port), true);
        if (!m_ircTls) {
            m_error += u' ' + tr("(the IRC listener over TLS: --irc-tls-port picks another port, "
                                 "0 turns it off)");
            return false;
        }
    }
    return true;
}

std::unique_ptr<Listener> ChatServer::tlsListener(const QSslConfiguration &tls, quint16 port,
                                                  bool irc)
{
    auto listener = std::make_unique<Listener>(
        [this, irc](const QHostAddress &peer) { return admit(peer, irc); });
    listener->setTls(tls, m_config.tlsHandshakeTimeoutSeconds * 1000);
    listener->setListenBacklogSize(m_config.listenBacklog);
    trustProxies(listener.get());
    connect(listener.get(), &QTcpServer::pendingConnectionAvailable, this,
            [this, accepting = listener.get(), irc] { acceptTlsConnections(accepting, irc); });
    if (!listener->listen(m_config.bindAddress, port)) {
        m_error = listenError(port, listener->errorString());
        return {};
    }
    return listener;
}

void ChatServer::trustProxies(Listener *listener)
{
    listener->setProxyTrust(&m_proxyTrust);
    connect(listener, &Listener::proxyHeaderFailed, this, &ChatServer::proxyHeaderFailed);
}

void ChatServer::proxyHeaderFailed(const QString &proxy, const QString &reason)
{
    ++m_metrics.refused[int(ServerMetrics::Refusal::ProxyHeader)];
    qCInfo(lcServer, "refused %s (a load balancer): %s", qUtf8Printable(proxy),
           qUtf8Printable(reason));
}

QByteArray ChatServer::admit(const QHostAddress &peer, bool irc)
{
    // Refusals are rendered in English text (or IRC): nothing is known yet of what the peer reads.
    Rendering text{false, {false, Translations::translator(u"en"_s), false}, {}};
    text.irc.enabled = irc;
    text.irc.serverName = m_config.ircServerName();
    using Refusal = ServerMetrics::Refusal;
    if (m_stopping) {
        ++m_metrics.refused[int(Refusal::Shutdown)];
        return text.render(Event::bye(u"shutdown"_s));
    }
    if (m_sessionCount >= m_config.maxConnections) {
        ++m_metrics.refused[int(Refusal::ServerFull)];
        qCInfo(lcServer, "refused %s: %d connections in all", qUtf8Printable(peer.toString()),
               m_sessionCount);
        return text.render(
            Event::error(ErrorCode::ServerFull, {}, QString::number(m_config.maxConnections)));
    }
    const bool exempt = m_config.exemptLoopback && peer.isLoopback();
    if (!exempt && m_perAddress.value(peer) >= m_config.maxConnectionsPerAddress) {
        ++m_metrics.refused[int(Refusal::PerAddress)];
        qCInfo(lcServer, "refused %s: %d connections from it", qUtf8Printable(peer.toString()),
               m_perAddress.value(peer));
        return text.render(Event::error(ErrorCode::TooManyConnections, {},
                                        QString::number(m_config.maxConnectionsPerAddress)));
    }
    ++m_perAddress[peer];
    ++m_sessionCount;
    return {};
}

void ChatServer::acceptTlsConnections(Listener *listener, bool irc)
{
    // A TLS listener makes nothing but QSslSockets.
    while (QTcpSocket *socket = listener->nextPendingConnection())
        addSession(new TlsConnection(static_cast<QSslSocket *>(socket)), true, irc);
}

void ChatServer::addSession(Connection *connection, bool tls, bool irc, bool web)
{
    auto *session = new Session(connection, ++m_lastSessionNumber, m_config, m_metrics,
                                irc ? Session::Dialect::Irc : Session::Dialect::Chat);
    ++m_metrics.accepted[tls];
    ++m_metrics.open[tls];
    m_sessions.adopt(session, session->peerAddress(), tls);
    qCInfo(lcServer, "#%llu connected from %s%s", session->number(),
           qUtf8Printable(session->peer()),
           web          ? (tls ? " (web, TLS)" : " (web)")
           : tls && irc ? " (IRC, TLS)"
           : tls        ? " (TLS)"
           : irc        ? " (IRC)"
                        : "");
    m_processor->addSession(session);
}

void ChatServer::sessionDestroyed(const QHostAddress &peer, bool tls)
{
    --m_metrics.open[tls];
    release(peer);
}

void ChatServer::release(const QHostAddress &peer)
{
    --m_sessionCount;
    auto it = m_perAddress.find(peer);
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
    if (m_stopping && m_sessionCount == 0)
        finishStopping();
}

void ChatServer::finishStopping()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_store->close();
    // One line for the operator and for bench/: what the store did in this run.
    const StoreStats stats = m_store->stats();
    qCInfo(lcStore,
           "store: %lld lines committed in %lld transactions, %lld writes failed, %lld lines "
           "pruned; commit latency mean %lld us, max %lld us",
           stats.committedLines, stats.transactions, stats.failedWrites, stats.prunedLines,
           stats.commitLatencyTotalUs / std::max<qint64>(1, stats.committedLines),
           stats.commitLatencyMaxUs);
    emit stopped();
}

void ChatServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer, "shutting down: telling %d session(s)", m_sessionCount);
    m_plain.close();
    if (m_irc)
        m_irc->close();
    if (m_web)
        m_web->close();
    if (m_tls)
        m_tls->close();
    if (m_ircTls)
        m_ircTls->close();
    m_processor->shutdown();
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
