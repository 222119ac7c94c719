// SPDX-License-Identifier: MIT
// The built chat-server as an operator runs it: a real process, driven like telnet.
#include "LineClient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
};

void TestServerProcess::chatLikeTelnet()
{
    QProcess server;
    QTemporaryDir home;
    const quint16 port = startServer(
        server, {u"--port"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s, u"--name"_s, u"lan party"_s},
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
    const quint16 port = startServer(server, {u"--port"_s, u"0"_s}, home);
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
    const quint16 port = startServer(first, {u"--port"_s, u"0"_s}, firstHome);
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
    QTest::newRow("bad bind address")
        << QStringList{u"--bind"_s, u"999.1.1.1"_s} << u"Invalid address: 999.1.1.1"_s;
    QTest::newRow("unknown option") << QStringList{u"--colour"_s} << u"Unknown option 'colour'"_s;
}

void TestServerProcess::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess server;
    server.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE), arguments);
    QVERIFY(waitForExit(server));
    QCOMPARE(server.exitCode(), 2);
    const QString error = QString::fromUtf8(server.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
