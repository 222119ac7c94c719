// SPDX-License-Identifier: MIT
#include "ChatServer.h"
#include "ServerLog.h"
#include "ServerOptions.h"
#include "SignalWatcher.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chat-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    if (const QTranslator *translator =
            Translations::translator(Translations::closestLanguage(QLocale::system().name()))) {
        QCoreApplication::installTranslator(const_cast<QTranslator *>(translator));
    }
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd hh:mm:ss.zzz} %{message}"));
    // A peer that resets its connection must not kill the server with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    const ServerOptions::Result options = ServerOptions::parse(app.arguments());
    if (options.exit)
        return 0;
    if (!options.error.isEmpty()) {
        fprintf(stderr, "chat-server: %s\n", qUtf8Printable(options.error));
        return 2;
    }

    ChatServer server(options.config);
    if (!server.listen()) {
        fprintf(
            stderr, "chat-server: %s\n",
            qUtf8Printable(QCoreApplication::translate("main", "cannot listen on %1 port %2: %3")
                               .arg(options.config.bindAddress.toString())
                               .arg(options.config.port)
                               .arg(server.errorString())));
        return 1;
    }
    const QString where = server.address() == QHostAddress::Any
                              ? QCoreApplication::translate("main", "all addresses")
                              : server.address().toString();
    printf("%s\n",
           qUtf8Printable(QCoreApplication::translate("main", "chat-server listening on %1 port %2")
                              .arg(where)
                              .arg(server.port())));
    fflush(stdout);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server,
                     [&server](int number) {
                         qCInfo(lcServer, "signal %d received", number);
                         server.shutdown();
                     });
    QObject::connect(&server, &ChatServer::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
