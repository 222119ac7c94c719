// SPDX-License-Identifier: MIT
#include "Translations.h"
#include "app/ChatServer.h"
#include "app/ServerOptions.h"
#include "app/SignalWatcher.h"
#include "app/Systemd.h"
#include "config/ServerLog.h"
#include "net/EpollEventDispatcher.h"
#include "security/PasswordHash.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <csignal>
#include <sys/resource.h>

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("main", text);
}

// Every connection is a descriptor; the usual soft limit of 1024 would cap the server far
// below --max-connections, so take what the hard limit allows.
void raiseDescriptorLimit()
{
    rlimit limit = {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int hashPassword()
{
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.isEmpty()) {
        fprintf(
            stderr, "chat-server: %s\n",
            qUtf8Printable(translated(QT_TRANSLATE_NOOP("main", "no password on standard input"))));
        return 2;
    }
    printf("%s\n", PasswordHash::create(password).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // glib's dispatcher removes a socket notifier by searching a list of all of them, and Qt's
    // Unix one builds a poll() set of all of them on every wake-up: with 10,000 connections
    // either costs more than the work. Installed before the application, so Qt creates neither.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chat-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    if (const QTranslator *translator =
            Translations::translator(Translations::closestLanguage(QLocale::system().name()))) {
        QCoreApplication::installTranslator(const_cast<QTranslator *>(translator));
    }
    // The journal timestamps every line itself: a second timestamp would only be noise.
    qSetMessagePattern(
        Systemd::messagePattern(Systemd::isJournalStream(qgetenv("JOURNAL_STREAM"), 2)));
    // A peer that resets its connection must not kill the server with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    raiseDescriptorLimit();

    const ServerOptions::Result options = ServerOptions::parse(app.arguments());
    if (options.exit)
        return 0;
    if (!options.error.isEmpty()) {
        fprintf(stderr, "chat-server: %s\n", qUtf8Printable(options.error));
        return 2;
    }
    if (options.hashPassword)
        return hashPassword();

    // Before anything can tell systemd or a script that the server is up: a SIGHUP or SIGTERM
    // that follows must find the handlers in place, not the default action (exit).
    SignalWatcher watcher;
    if (!options.configFile.isEmpty())
        qCInfo(lcServer, "configuration read from %s", qUtf8Printable(options.configFile));
    ChatServer server(options.config);
    const QStringList arguments = app.arguments();
    server.setConfigurationSource([arguments] { return ServerOptions::parse(arguments); });
    if (!server.listen()) {
        fprintf(stderr, "chat-server: %s\n", qUtf8Printable(server.errorString()));
        return 1;
    }
    const QString where = server.address() == QHostAddress::Any
                              ? translated(QT_TRANSLATE_NOOP("main", "all addresses"))
                              : server.address().toString();
    printf("%s\n", qUtf8Printable(
                       translated(QT_TRANSLATE_NOOP("main", "chat-server listening on %1 port %2"))
                           .arg(where)
                           .arg(server.port())));
    if (server.ircPort() != 0) {
        printf("%s\n",
               qUtf8Printable(translated(QT_TRANSLATE_NOOP(
                                             "main", "chat-server listening for IRC on %1 port %2"))
                                  .arg(where)
                                  .arg(server.ircPort())));
    }
    if (server.webPort() != 0) {
        printf("%s\n",
               qUtf8Printable(
                   translated(QT_TRANSLATE_NOOP("main",
                                                "chat-server listening for browsers on %1 port %2"))
                       .arg(where)
                       .arg(server.webPort())));
    }
    if (server.tlsPort() != 0) {
        printf("%s\n",
               qUtf8Printable(translated(QT_TRANSLATE_NOOP(
                                             "main", "chat-server listening for TLS on %1 port %2"))
                                  .arg(where)
                                  .arg(server.tlsPort())));
    }
    if (server.ircTlsPort() != 0) {
        printf("%s\n",
               qUtf8Printable(
                   translated(QT_TRANSLATE_NOOP("main", "chat-server listening for IRC over TLS on "
                                                        "%1 port %2"))
                       .arg(where)
                       .arg(server.ircTlsPort())));
    }
    if (server.metricsPort() != 0) {
        printf("%s\n", qUtf8Printable(translated(QT_TRANSLATE_NOOP(
                                                     "main", "chat-server metrics on %1 port %2"))
                                          .arg(options.config.metricsAddress.toString())
                                          .arg(server.metricsPort())));
    }
    fflush(stdout);
    Systemd::notify("READY=1\nSTATUS=listening on port " + QByteArray::number(server.port()));

    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server,
                     [&server](int number) {
                         qCInfo(lcServer, "signal %d received", number);
                         Systemd::notify("STOPPING=1");
                         server.shutdown();
                     });
    QObject::connect(&watcher, &SignalWatcher::reloadRequested, &server, [&server] {
        qCInfo(lcServer, "SIGHUP received: reading the configuration again");
        Systemd::notify("RELOADING=1");
        server.reloadConfiguration();
        Systemd::notify("READY=1");
    });
    QObject::connect(&server, &ChatServer::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
