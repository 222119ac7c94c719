// SPDX-License-Identifier: MIT
// The built chat-server as an operator runs it: a real process, driven like telnet.
#include "LineClient.h"
#include "TaggedCodec.h"

#include <QDir>
#include <QFile>

#include <QProcess>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// Each server keeps its database where an operator's would (the XDG data folder), here in a
// temporary folder of its own.
void useDataHome(QProcess &process, const QTemporaryDir &home)
{
    // The suite silences the server log in-process; this test reads the real one.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home.path());
    process.setProcessEnvironment(environment);
}

// Starts chat-server with arguments and returns the port it reports, or 0.
quint16 startServer(QProcess &process, const QStringList &arguments, const QTemporaryDir &home)
{
    useDataHome(process, home);
    process.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE), arguments);
    if (!process.waitForStarted())
        return 0;
    static const QRegularExpression listening(u"listening on .* port (\\d+)"_s);
    QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
    while (!process.canReadLine()) {
        if (!ready.wait(LineClient::Timeout))
            return 0;
    }
    const auto match = listening.match(QString::fromUtf8(process.readLine()));
    return match.hasMatch() ? match.captured(1).toUShort() : 0;
}

bool waitForExit(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return true;
    QSignalSpy finished(&process, &QProcess::finished);
    return finished.wait(15000);
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void chatLikeTelnet();
    void sigtermTellsClientsAndExitsZero();
    void busyPortIsAnError();
    void helpAndVersion_data();
    void helpAndVersion();
    void badArguments_data();
    void badArguments();
    void unusableDatabaseIsAnError_data();
    void unusableDatabaseIsAnError();
    void restartKeepsRoomsAndHistory();
    void printConfigPrintsTheFileAndTheOptions();
    void sighupReloadsTheFile();
};

void TestServerProcess::chatLikeTelnet()
{
    QProcess server;
    QTemporaryDir home;
    const quint16 port =
        startServer(server,
                    {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s,
                     u"--bind"_s, u"127.0.0.1"_s, u"--name"_s, u"lan party"_s},
                    home);
    QVERIFY(port != 0);
    LineClient telnet;
    LineClient nc;
    QVERIFY(telnet.connectTo(port));
    QVERIFY(nc.connectTo(port));
    QCOMPARE(telnet.readLine(),
             u"Welcome to lan party! Log in with: login <nick>    (help lists the commands)"_s);
    nc.readLine();
    telnet.sendRaw("\xff\xfd\x01login alice\r\n"); // telnet negotiates first: refused, then ignored
    QVERIFY(telnet.readRaw(3).startsWith("\xff\xfc\x01"));
    nc.sendRaw("login bob\n"); // nc ends lines with a bare LF
    QVERIFY(nc.sync().contains(u"  alice"_s));
    telnet.sync();
    nc.sendRaw("hello from nc\n");
    QCOMPARE(nc.sync(), QStringList{u"bob: hello from nc"_s});
    QCOMPARE(telnet.sync(), QStringList{u"bob: hello from nc"_s});
    server.terminate();
    QVERIFY(waitForExit(server));
    const QByteArray log = server.readAllStandardError();
    QVERIFY2(log.contains("connected from 127.0.0.1"), log.constData());
    QVERIFY2(log.contains("logged in as alice"), log.constData());
    QVERIFY2(log.contains("alice entered hall"), log.constData());
}

void TestServerProcess::sigtermTellsClientsAndExitsZero()
{
    QProcess server;
    QTemporaryDir home;
    const quint16 port = startServer(
        server, {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s}, home);
    QVERIFY(port != 0);
    LineClient alice;
    LineClient waiting; // not logged in yet: told all the same
    QVERIFY(alice.connectTo(port, QHostAddress::LocalHostIPv6));
    QVERIFY(waiting.connectTo(port));
    alice.readLine();
    waiting.readLine();
    QVERIFY(alice.login(u"alice"_s));
    server.terminate(); // SIGTERM
    QCOMPARE(alice.readLine(), u"The server is shutting down. Goodbye!"_s);
    QCOMPARE(waiting.readLine(), u"The server is shutting down. Goodbye!"_s);
    QVERIFY(alice.waitForDisconnected());
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestServerProcess::busyPortIsAnError()
{
    QProcess first;
    QTemporaryDir firstHome;
    const quint16 port = startServer(
        first, {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s}, firstHome);
    QVERIFY(port != 0);
    QProcess second;
    QTemporaryDir home;
    useDataHome(second, home);
    second.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE), {u"--port"_s, QString::number(port)});
    QVERIFY(waitForExit(second));
    QCOMPARE(second.exitCode(), 1);
    const QString error = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(error.contains(u"cannot listen on"_s) && error.contains(QString::number(port)),
             qPrintable(error));
    first.terminate();
    QVERIFY(waitForExit(first));
}

void TestServerProcess::helpAndVersion_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("help") << u"--help"_s << u"--port <number>"_s;
    QTest::newRow("version") << u"--version"_s << u"chat-server "_s;
}

void TestServerProcess::helpAndVersion()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    QProcess server;
    server.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE), {option});
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitCode(), 0);
    const QString out = QString::fromUtf8(server.readAllStandardOutput());
    QVERIFY2(out.contains(expected), qPrintable(out));
}

void TestServerProcess::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("port out of range")
        << QStringList{u"--port"_s, u"70000"_s} << u"Invalid --port (0 to 65535): 70000"_s;
    QTest::newRow("port not a number")
        << QStringList{u"--port"_s, u"http"_s} << u"Invalid --port (0 to 65535): http"_s;
    QTest::newRow("bad bind address") << QStringList{u"--bind"_s, u"999.1.1.1"_s}
                                      << u"Invalid --bind (an IP address): 999.1.1.1"_s;
    QTest::newRow("unknown option") << QStringList{u"--colour"_s} << u"Unknown option 'colour'"_s;
    QTest::newRow("unknown database")
        << QStringList{u"--database"_s, u"oracle"_s}
        << u"Invalid --database (sqlite, memory or postgresql://user:password@host:port/dbname): "
           u"oracle"_s;
    // The value is quoted, but not a database URL's password.
    QTest::newRow("database URL without a database")
        << QStringList{u"--database"_s, u"postgresql://chat:secret@db.example.org/"_s}
        << u"Invalid --database (sqlite, memory or postgresql://user:password@host:port/dbname): "
           u"postgresql://chat:****@db.example.org/"_s;
    QTest::newRow("unknown durability") << QStringList{u"--durability"_s, u"maybe"_s}
                                        << u"Invalid --durability (full or normal): maybe"_s;
    QTest::newRow("negative history days") << QStringList{u"--history-days"_s, u"-1"_s}
                                           << u"Invalid --history-days (0 to 36500): -1"_s;
    QTest::newRow("no configuration file")
        << QStringList{u"--config"_s, u"/nonexistent/chat-server.conf"_s}
        << u"cannot read /nonexistent/chat-server.conf"_s;
    QTest::newRow("a bad line in the configuration file")
        << QStringList{u"--config"_s, u"FILE:max-connections = -5"_s}
        << u".conf:1: invalid max-connections (1 to 1073741824): \"-5\""_s;
}

// A server never starts on a fresh database in place of one it cannot use: it says why and
// exits with 1, and the file is left as it was.
void TestServerProcess::unusableDatabaseIsAnError_data()
{
    QTest::addColumn<QByteArray>("contents"); // of chat.db; empty: another server holds the folder
    QTest::addColumn<QString>("message");
    QTest::newRow("held by another server") << QByteArray() << u"in use by another chat-server"_s;
    QTest::newRow("not a database")
        << QByteArray("this is a shopping list, not a database\n").repeated(200) << u"chat.db"_s;
}

void TestServerProcess::unusableDatabaseIsAnError()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QTemporaryDir home;
    const QString dataDirectory = home.filePath(u"chat-server"_s);
    QProcess first;
    if (contents.isEmpty()) {
        QVERIFY(startServer(first,
                            {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s,
                             u"--bind"_s, u"127.0.0.1"_s},
                            home) != 0);
    } else {
        QVERIFY(QDir().mkpath(dataDirectory));
        QFile file(dataDirectory + u"/chat.db"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    QProcess second;
    useDataHome(second, home);
    second.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE),
                 {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s,
                  u"--bind"_s, u"127.0.0.1"_s});
    QVERIFY(waitForExit(second));
    QCOMPARE(second.exitCode(), 1);
    const QString error = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
    if (!contents.isEmpty()) {
        QFile file(dataDirectory + u"/chat.db"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), contents);
    }
    if (first.state() != QProcess::NotRunning) {
        first.terminate();
        QVERIFY(waitForExit(first));
    }
}

// Rooms, topics and what was said are there after a restart, with the numbering going on.
void TestServerProcess::restartKeepsRoomsAndHistory()
{
    QTemporaryDir home;
    QProcess server;
    quint16 port = startServer(server,
                               {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s,
                                u"0"_s, u"--bind"_s, u"127.0.0.1"_s},
                               home);
    QVERIFY(port != 0);
    {
        LineClient alice;
        QVERIFY(alice.connectTo(port));
        alice.readLine();
        QVERIFY(alice.useTagged());
        alice.send(u"login alice"_s);
        alice.send(u"create games"_s);
        alice.send(u"topic #games chess at eight"_s);
        alice.send(u"say #games first move"_s);
        alice.sync();
    }
    server.terminate();
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitCode(), 0);

    port = startServer(server,
                       {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s,
                        u"--bind"_s, u"127.0.0.1"_s},
                       home);
    QVERIFY(port != 0);
    LineClient bob;
    QVERIFY(bob.connectTo(port));
    bob.readLine();
    QVERIFY(bob.useTagged());
    bob.send(u"login bob"_s);
    bob.send(u"@j join games"_s);
    QStringList lines = bob.sync();
    QStringList kinds;
    for (const QString &line : lines) {
        const Event event = TaggedCodec::parse(line);
        if (event.label == u"j"_s)
            kinds << TaggedCodec::kindWord(event.kind) + u' ' + event.text;
    }
    QVERIFY2(kinds.size() == 7, qPrintable(lines.join(u'\n')));
    QCOMPARE(kinds, (QStringList{u"join "_s, u"topic chess at eight"_s, u"users "_s, u"history "_s,
                                 u"topicchanged chess at eight"_s, u"message first move"_s,
                                 u"historyend "_s}));
    bob.send(u"@s say #games second move"_s);
    Event said;
    for (const QString &line : bob.sync()) {
        const Event event = TaggedCodec::parse(line);
        if (event.kind == Event::Kind::Message)
            said = event;
    }
    QCOMPARE(said.seq, quint64(3));
    server.terminate();
    QVERIFY(waitForExit(server));
    const QString log = QString::fromUtf8(server.readAllStandardError());
    QVERIFY2(log.contains(u"store: 1 lines committed"_s), qPrintable(log));
}

void TestServerProcess::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    for (QString &argument : arguments) {
        if (!argument.startsWith(u"FILE:"_s))
            continue;
        QFile file(dir.filePath(u"chat-server.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(argument.mid(5).toUtf8() + '\n');
        argument = file.fileName();
    }
    QProcess server;
    server.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE), arguments);
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitCode(), 2);
    const QString error = QString::fromUtf8(server.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
}

// --print-config: the file's settings with the command line's on top, in the file's format.
void TestServerProcess::printConfigPrintsTheFileAndTheOptions()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"chat-server.conf"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# mine\nname = from the file\nport = 5050\n");
    file.close();
    QProcess server;
    server.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE),
                 {u"--config"_s, file.fileName(), u"--port"_s, u"6060"_s, u"--print-config"_s});
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitCode(), 0);
    const QString out = QString::fromUtf8(server.readAllStandardOutput());
    QVERIFY2(out.contains(u"\nname = from the file\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"\nport = 6060\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"# TCP port to listen on (0 picks a free one). Default: 5005."_s),
             qPrintable(out));
}

// SIGHUP: the file is read again while people stay connected; a broken file is logged and
// changes nothing.
void TestServerProcess::sighupReloadsTheFile()
{
    QTemporaryDir home;
    QFile file(home.filePath(u"chat-server.conf"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name = before\n");
    file.close();
    QProcess server;
    const quint16 port =
        startServer(server,
                    {u"--config"_s, file.fileName(), u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s,
                     u"--web-port"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s},
                    home);
    QVERIFY(port != 0);
    LineClient alice;
    QVERIFY(alice.connectTo(port));
    QCOMPARE(alice.readLine(),
             u"Welcome to before! Log in with: login <nick>    (help lists the commands)"_s);
    QVERIFY(alice.login(u"alice"_s));

    const auto reload = [&server](const QByteArray &settings, const QByteArray &logged) {
        QFile file(server.arguments().at(1));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(settings);
        file.close();
        server.readAllStandardError(); // what was logged before
        QSignalSpy more(&server, &QProcess::readyReadStandardError);
        ::kill(pid_t(server.processId()), SIGHUP);
        QByteArray log;
        for (;;) {
            log += server.readAllStandardError();
            if (log.contains(logged))
                return true;
            if (!more.wait(LineClient::Timeout)) {
                qWarning("%s", log.constData());
                return false;
            }
        }
    };
    QVERIFY(reload("name = after\nport = 7\n", "configuration reloaded from"));
    LineClient bob;
    QVERIFY(bob.connectTo(port));
    QCOMPARE(bob.readLine(),
             u"Welcome to after! Log in with: login <nick>    (help lists the commands)"_s);
    QVERIFY(reload("name = broken\nport = seven\n", "configuration: not reloaded"));
    LineClient carol;
    QVERIFY(carol.connectTo(port));
    QVERIFY(carol.readLine().startsWith(u"Welcome to after!"_s));
    alice.send(u"still here"_s);
    QCOMPARE(alice.sync(), QStringList{u"alice: still here"_s});
    server.terminate();
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
