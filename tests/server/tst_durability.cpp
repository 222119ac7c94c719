// SPDX-License-Identifier: MIT
// Durable before visible, against the built chat-server killed with SIGKILL at random moments
// (docs/PROTOCOL.md, "History"). Writers say numbered lines as fast as the server takes them and
// a reader records every line it is shown; the server is killed, started again on the same data
// folder, and its history must hold every line anyone was shown, with sequence numbers that have
// no gaps and each writer's lines without holes; the database file passes SQLite's integrity
// check. CHAT_DURABILITY_CYCLES sets the number of kills (3 by default; scripts/soak-durability.sh
// runs many), CHAT_DURABILITY_SEED repeats a run.
#include "LineClient.h"
#include "TaggedCodec.h"

#include <QDeadlineTimer>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Stops the test function when a helper it called failed.
#define CHECKED(call)                                                                              \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

constexpr int Writers = 3;
constexpr int Window = 64;              // lines a writer has said and not yet seen back
constexpr int MaxKillDelayMs = 1000;    // after the writers' first lines come back
constexpr int ProcessTimeoutMs = 15000; // a sanitizer build on two busy cores starts slowly

// A tagged client of the server under test, read as its lines arrive.
class Client
{
public:
    explicit Client(QString nick)
        : m_nick(std::move(nick))
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
    }

    void start(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        send("set tagged on");
        send("login " + m_nick.toUtf8());
    }

    void send(const QByteArray &line) { m_socket.write(line + "\r\n"); }
    bool isGone() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    const QString &nick() const { return m_nick; }
    // Every room line this client was shown.
    const QList<Event> &shown() const { return m_shown; }

    // Called for each event, after it is recorded.
    std::function<void(const Event &)> onEvent;

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        for (qsizetype end; (end = m_buffer.indexOf('\n')) >= 0;) {
            QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            const Event event = TaggedCodec::parse(QString::fromUtf8(line));
            if (event.kind == Event::Kind::Message)
                m_shown << event;
            if (onEvent)
                onEvent(event);
        }
    }

    QString m_nick;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<Event> m_shown;
};

// Says "c<cycle>-<nick>-<n>" for n = 1, 2, ..., keeping Window lines in flight.
class Writer : public Client
{
public:
    Writer(const QString &nick, int cycle)
        : Client(nick)
        , m_prefix(u"c%1-%2-"_s.arg(cycle).arg(nick))
    {
        onEvent = [this](const Event &event) {
            if (event.kind == Event::Kind::Ok && event.command == "login"_L1)
                fill();
            if (event.kind == Event::Kind::Message && event.nick == this->nick()) {
                ++m_echoed;
                fill();
            }
        };
    }

    int echoed() const { return m_echoed; }
    QString text(int n) const { return m_prefix + QString::number(n); }
    const QString &prefix() const { return m_prefix; }

private:
    void fill()
    {
        while (m_sent - m_echoed < Window)
            send("say " + text(++m_sent).toUtf8());
    }

    QString m_prefix;
    int m_sent = 0;
    int m_echoed = 0;
};

int cycles()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("CHAT_DURABILITY_CYCLES", &ok);
    return ok && n > 0 ? n : 3;
}

quint32 seed()
{
    bool ok = false;
    const quint32 given = quint32(qEnvironmentVariableIntValue("CHAT_DURABILITY_SEED", &ok));
    return ok ? given : QRandomGenerator::global()->generate();
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void killedAtRandomMoments();

private:
    void startServer();
    void stopServer();
    // The hall's lines after seq `after`, page by page, as a fresh client reads them.
    void readHistory(quint64 after, QList<Event> *lines);
    void checkIntegrity();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    int m_starts = 0;
};

void TestDurability::init()
{
    QVERIFY(m_dir.isValid());
}

void TestDurability::cleanup()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->kill();
        m_server->waitForFinished();
    }
    if (QTest::currentTestFailed()) {
        QFile log(m_dir.filePath(u"server.log"_s));
        if (log.open(QIODevice::ReadOnly))
            qWarning("server log (last 4 KiB):\n%s", log.readAll().right(4096).constData());
    }
    m_server.reset();
}

void TestDurability::startServer()
{
    m_server = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s); // the log is wanted, in a file
    m_server->setProcessEnvironment(environment);
    m_server->setStandardErrorFile(m_dir.filePath(u"server.log"_s), QIODevice::Append);
    // As fast as a writer can send; nothing is pruned, so that the history starts at 1; no
    // history on entering, so that what a client is shown is what was said in its cycle.
    m_server->start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE), {u"--port"_s,
                                                                u"0"_s,
                                                                u"--irc-port"_s,
                                                                u"0"_s,
                                                                u"--web-port"_s,
                                                                u"0"_s,
                                                                u"--bind"_s,
                                                                u"127.0.0.1"_s,
                                                                u"--data-dir"_s,
                                                                m_dir.filePath(u"data"_s),
                                                                u"--flood-burst"_s,
                                                                u"1000"_s,
                                                                u"--flood-rate"_s,
                                                                u"100000"_s,
                                                                u"--exempt-loopback"_s,
                                                                u"--history-per-room"_s,
                                                                u"0"_s,
                                                                u"--history-days"_s,
                                                                u"0"_s,
                                                                u"--history-on-join"_s,
                                                                u"0"_s});
    QVERIFY2(m_server->waitForStarted(), qPrintable(m_server->errorString()));
    ++m_starts;
    QSignalSpy ready(m_server.get(), &QProcess::readyReadStandardOutput);
    while (!m_server->canReadLine())
        QVERIFY2(ready.wait(ProcessTimeoutMs), "the server did not say where it listens");
    static const QRegularExpression listening(u"listening on .* port (\\d+)"_s);
    const auto match = listening.match(QString::fromUtf8(m_server->readLine()));
    QVERIFY(match.hasMatch());
    m_port = match.captured(1).toUShort();
}

void TestDurability::stopServer()
{
    // The event loop runs meanwhile, so that clients still here take their goodbye and close.
    QSignalSpy finished(m_server.get(), &QProcess::finished);
    m_server->terminate();
    QVERIFY(finished.wait(ProcessTimeoutMs));
    QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server->exitCode(), 0);
}

void TestDurability::readHistory(quint64 after, QList<Event> *lines)
{
    LineClient checker;
    QVERIFY(checker.connectTo(m_port));
    QVERIFY(!checker.readLine(ProcessTimeoutMs).isNull());
    QVERIFY(checker.useTagged());
    checker.send(u"login checker%1"_s.arg(m_starts));
    checker.sync();
    for (;;) {
        checker.send(u"history hall 1000 after %1"_s.arg(after));
        Event event = checker.readEvent(ProcessTimeoutMs);
        QCOMPARE(event.kind, Event::Kind::HistoryStart);
        for (event = checker.readEvent(); event.kind == Event::Kind::Message;
             event = checker.readEvent()) {
            *lines << event;
        }
        QCOMPARE(event.kind, Event::Kind::HistoryEnd);
        if (event.target.isEmpty())
            return;
        QCOMPARE(event.target, u"after"_s);
        after = event.seq;
    }
}

void TestDurability::checkIntegrity()
{
    const QString name = u"integrity%1"_s.arg(m_starts);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_dir.filePath(u"data/chat.db"_s));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery check(db);
        QVERIFY2(check.exec(u"PRAGMA integrity_check"_s), qPrintable(check.lastError().text()));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
        // The room's counter never falls behind its lines: a number is never given twice.
        QSqlQuery counters(db);
        QVERIFY(counters.exec(u"SELECT r.last_seq, MAX(m.seq), COUNT(m.seq) FROM rooms r "
                              "JOIN messages m ON m.room_id = r.id WHERE r.name = 'hall'"_s));
        QVERIFY(counters.next());
        QCOMPARE(counters.value(0).toLongLong(), counters.value(1).toLongLong());
        QCOMPARE(counters.value(2).toLongLong(), counters.value(1).toLongLong());
    }
    QSqlDatabase::removeDatabase(name);
}

void TestDurability::killedAtRandomMoments()
{
    const quint32 randomSeed = seed();
    const int total = cycles();
    qInfo("seed %u (CHAT_DURABILITY_SEED repeats it), %d cycles", randomSeed, total);
    QRandomGenerator random(randomSeed);
    quint64 verified = 0; // the hall's lines up to here were checked in an earlier cycle

    for (int cycle = 1; cycle <= total; ++cycle) {
        CHECKED(startServer());
        Client reader(u"reader"_s);
        reader.start(m_port);
        std::vector<std::unique_ptr<Writer>> writers;
        for (int i = 0; i < Writers; ++i) {
            writers.push_back(std::make_unique<Writer>(u"w%1"_s.arg(i), cycle));
            writers.back()->start(m_port);
        }
        // Kill at a random moment once every writer is under way.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(writers.begin(), writers.end(),
                                             [](const auto &w) { return w->echoed() > 0; }),
                                 ProcessTimeoutMs);
        const int delayMs = int(random.bounded(MaxKillDelayMs));
        QSignalSpy finished(m_server.get(), &QProcess::finished);
        QTimer::singleShot(delayMs, m_server.get(), &QProcess::kill);
        QVERIFY(finished.wait(ProcessTimeoutMs));
        QCOMPARE(m_server->exitStatus(), QProcess::CrashExit);
        // Whatever the kernel still held for the clients has reached them.
        QTRY_VERIFY_WITH_TIMEOUT(reader.isGone() &&
                                     std::all_of(writers.begin(), writers.end(),
                                                 [](const auto &w) { return w->isGone(); }),
                                 ProcessTimeoutMs);

        // Every line anyone was shown, by sequence number.
        QMap<quint64, Event> shown;
        for (const Client *client : std::initializer_list<const Client *>{
                 &reader, writers[0].get(), writers[1].get(), writers[2].get()}) {
            for (const Event &event : client->shown()) {
                const auto it = shown.constFind(event.seq);
                if (it != shown.cend()) {
                    QCOMPARE(event.id, it->id); // one line, one number, for everyone
                    QCOMPARE(event.text, it->text);
                }
                shown.insert(event.seq, event);
            }
        }
        qInfo("cycle %d: killed after %d ms; %lld lines shown before the kill", cycle, delayMs,
              qint64(shown.size()));

        CHECKED(startServer());
        QList<Event> stored;
        CHECKED(readHistory(verified, &stored));
        // No gaps: the hall's numbers run on from the last cycle's.
        for (qsizetype i = 0; i < stored.size(); ++i)
            QCOMPARE(stored.at(i).seq, verified + quint64(i) + 1);
        QMap<quint64, Event> bySeq;
        for (const Event &event : std::as_const(stored))
            bySeq.insert(event.seq, event);
        // Durable before visible: all that was shown is there, as it was shown.
        for (const Event &event : std::as_const(shown)) {
            const auto it = bySeq.constFind(event.seq);
            QVERIFY2(it != bySeq.cend(),
                     qPrintable(
                         u"line %1 (%2) was shown and then lost"_s.arg(event.seq).arg(event.text)));
            QCOMPARE(it->id, event.id);
            QCOMPARE(it->nick, event.nick);
            QCOMPARE(it->text, event.text);
            QCOMPARE(it->time, event.time);
        }
        // Each writer's lines are stored in the order said, without holes.
        for (const auto &writer : writers) {
            int next = 1;
            for (const Event &event : std::as_const(stored)) {
                if (event.text.startsWith(writer->prefix()))
                    QCOMPARE(event.text, writer->text(next++));
            }
            QVERIFY(next - 1 >= writer->echoed());
        }
        // And numbering goes on after the restart.
        LineClient after;
        QVERIFY(after.connectTo(m_port));
        QVERIFY(!after.readLine(ProcessTimeoutMs).isNull());
        QVERIFY(after.useTagged());
        after.send(u"login after%1"_s.arg(cycle));
        after.sync();
        after.send(u"say after the restart"_s);
        const Event next = after.readEvent(ProcessTimeoutMs);
        QCOMPARE(next.kind, Event::Kind::Message);
        QCOMPARE(next.seq, verified + quint64(stored.size()) + 1);
        verified = next.seq;
        after.send(u"logout"_s);
        QVERIFY(after.waitForDisconnected());
        CHECKED(stopServer());
        CHECKED(checkIntegrity());
    }
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
