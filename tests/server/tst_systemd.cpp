// SPDX-License-Identifier: MIT
// What chat-server does for systemd: readiness datagrams to $NOTIFY_SOCKET (played here by a
// socket of the test's own), and log lines without a timestamp when stderr is the journal.
#include "LineClient.h"
#include "app/Systemd.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A fake systemd: a datagram socket bound to a path (or an abstract name, "@…"), collecting
// what is sent to it.
class NotifyListener : public QObject
{
    Q_OBJECT

public:
    explicit NotifyListener(const QByteArray &name)
        : m_name(name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (name.startsWith('@'))
            address.sun_path[0] = '\0';
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), length) == 0;
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char buffer[4096];
            const ssize_t size = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (size >= 0) {
                m_received.append(QByteArray(buffer, size));
                emit arrived();
            }
        });
    }
    ~NotifyListener() override { ::close(m_fd); }

    bool isBound() const { return m_bound; }
    QByteArray name() const { return m_name; }
    // Waits until a datagram containing text has arrived; false after the timeout.
    bool waitFor(const QByteArray &text)
    {
        QSignalSpy spy(this, &NotifyListener::arrived);
        while (!std::any_of(m_received.begin(), m_received.end(),
                            [&](const QByteArray &d) { return d.contains(text); })) {
            if (!spy.wait(LineClient::Timeout))
                return false;
        }
        return true;
    }
    QList<QByteArray> received() const { return m_received; }

signals:
    void arrived();

private:
    QByteArray m_name;
    int m_fd = -1;
    bool m_bound = false;
    QSocketNotifier *m_notifier = nullptr;
    QList<QByteArray> m_received;
};

QByteArray deviceAndInode(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    return QByteArray::number(qulonglong(status.st_dev)) + ':' +
           QByteArray::number(qulonglong(status.st_ino));
}

// Starts chat-server on a free loopback port with env added; the port, or 0.
quint16 startServer(QProcess &process, const QTemporaryDir &home, const QMap<QString, QString> &env)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home.path());
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE),
                  {u"--config"_s, u"/dev/null"_s, u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s,
                   u"--web-port"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s});
    QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
    while (!process.canReadLine()) {
        if (!ready.wait(LineClient::Timeout))
            return 0;
    }
    static const QRegularExpression listening(u"listening on .* port (\\d+)"_s);
    const auto match = listening.match(QString::fromUtf8(process.readLine()));
    return match.hasMatch() ? match.captured(1).toUShort() : 0;
}

bool stop(QProcess &process)
{
    process.terminate();
    return process.waitForFinished(15000) && process.exitCode() == 0;
}

} // namespace

class TestSystemd : public QObject
{
    Q_OBJECT

private slots:
    void notify_data();
    void notify();
    void journalStream_data();
    void journalStream();
    void serverReportsReadyReloadingStopping();
    void journalLinesHaveNoTimestamp_data();
    void journalLinesHaveNoTimestamp();
};

void TestSystemd::notify_data()
{
    QTest::addColumn<QByteArray>("socket"); // relative to a temporary folder; "@…": abstract
    QTest::addColumn<bool>("sent");
    QTest::newRow("a path") << QByteArray("notify") << true;
    QTest::newRow("an abstract name") << QByteArray("@chat-test-notify-%1") << true;
    QTest::newRow("unset") << QByteArray() << false;
    QTest::newRow("nobody listens") << QByteArray("nobody") << false;
    QTest::newRow("too long for a socket address") << QByteArray(200, 'x') << false;
}

void TestSystemd::notify()
{
    QFETCH(QByteArray, socket);
    QFETCH(bool, sent);
    QTemporaryDir dir;
    QByteArray name = socket;
    if (name.contains("%1"))
        name.replace("%1", QByteArray::number(QCoreApplication::applicationPid()));
    else if (!name.isEmpty())
        name = QFile::encodeName(dir.filePath(QString::fromUtf8(name)));
    std::unique_ptr<NotifyListener> listener;
    if (sent) {
        listener = std::make_unique<NotifyListener>(name);
        QVERIFY(listener->isBound());
    }
    if (name.isEmpty())
        qunsetenv("NOTIFY_SOCKET");
    else
        qputenv("NOTIFY_SOCKET", name);
    QCOMPARE(Systemd::notify("READY=1\nSTATUS=testing"), sent);
    qunsetenv("NOTIFY_SOCKET");
    if (sent) {
        QVERIFY(listener->waitFor("READY=1"));
        QCOMPARE(listener->received(), QList<QByteArray>{"READY=1\nSTATUS=testing"});
    }
}

void TestSystemd::journalStream_data()
{
    QTest::addColumn<QByteArray>("value"); // "same": the file's own device and inode
    QTest::addColumn<bool>("journal");
    QTest::newRow("the same file") << QByteArray("same") << true;
    QTest::newRow("another inode") << QByteArray("other") << false;
    QTest::newRow("unset") << QByteArray() << false;
    QTest::newRow("garbage") << QByteArray("journal") << false;
    QTest::newRow("three parts") << QByteArray("1:2:3") << false;
    QTest::newRow("not numbers") << QByteArray("a:b") << false;
}

void TestSystemd::journalStream()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, journal);
    QTemporaryDir dir;
    QFile file(dir.filePath(u"stderr"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray own = deviceAndInode(file.fileName());
    if (value == "same")
        value = own;
    else if (value == "other")
        value = own.split(':').first() + ':' +
                QByteArray::number(own.split(':').last().toULongLong() + 1);
    QCOMPARE(Systemd::isJournalStream(value, file.handle()), journal);
    QVERIFY(!Systemd::messagePattern(true).contains(u"%{time"_s));
    QVERIFY(Systemd::messagePattern(false).contains(u"%{time"_s));
}

void TestSystemd::serverReportsReadyReloadingStopping()
{
    QTemporaryDir dir;
    NotifyListener systemd(QFile::encodeName(dir.filePath(u"notify"_s)));
    QVERIFY(systemd.isBound());
    QProcess server;
    const quint16 port =
        startServer(server, dir, {{u"NOTIFY_SOCKET"_s, QString::fromUtf8(systemd.name())}});
    QVERIFY(port != 0);
    QVERIFY(systemd.waitFor("READY=1"));
    QVERIFY(systemd.received().first().contains("STATUS=listening on port " +
                                                QByteArray::number(port)));
    ::kill(pid_t(server.processId()), SIGHUP);
    QVERIFY(systemd.waitFor("RELOADING=1"));
    QTRY_COMPARE(systemd.received().size(), 3); // READY=1 again once reloaded
    QCOMPARE(systemd.received().last(), QByteArray("READY=1"));
    LineClient client; // still serving
    QVERIFY(client.connectTo(port));
    QVERIFY(client.readLine().startsWith(u"Welcome"_s));
    server.terminate();
    QVERIFY(systemd.waitFor("STOPPING=1"));
    QVERIFY(server.waitForFinished(15000));
    QCOMPARE(server.exitCode(), 0);
}

void TestSystemd::journalLinesHaveNoTimestamp_data()
{
    QTest::addColumn<bool>("journal");
    QTest::newRow("to the journal") << true;
    QTest::newRow("to a file") << false;
}

void TestSystemd::journalLinesHaveNoTimestamp()
{
    QFETCH(bool, journal);
    QTemporaryDir dir;
    const QString log = dir.filePath(u"stderr"_s);
    QFile(log).open(QIODevice::WriteOnly); // so that it has its inode before the server starts
    QProcess server;
    server.setStandardErrorFile(log, QIODevice::Append);
    QMap<QString, QString> env;
    if (journal)
        env.insert(u"JOURNAL_STREAM"_s, QString::fromUtf8(deviceAndInode(log)));
    const quint16 port = startServer(server, dir, env);
    QVERIFY(port != 0);
    {
        LineClient client;
        QVERIFY(client.connectTo(port));
        QVERIFY(client.readLine().startsWith(u"Welcome"_s));
    }
    QVERIFY(stop(server));
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression connected(u"^(.*)#1 connected from 127.0.0.1"_s,
                                              QRegularExpression::MultilineOption);
    const auto match = connected.match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text));
    static const QRegularExpression timestamp(
        u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} $"_s);
    QCOMPARE(timestamp.match(match.captured(1)).hasMatch(), !journal);
    if (journal)
        QCOMPARE(match.captured(1), QString());
}

QTEST_GUILESS_MAIN(TestSystemd)
#include "tst_systemd.moc"
