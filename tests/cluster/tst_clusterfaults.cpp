// SPDX-License-Identifier: MIT
// The faults a cluster must live through, played on real chat-server processes (two nodes on
// the PostgreSQL that with-postgres.sh starts and a redis-server of the test's own): a node
// killed with SIGKILL, a node paused with SIGSTOP past its lease and continued, Redis killed and
// started again. Each is bounded in time; what anyone saw is never lost and no name is held
// twice.
#include "EventWaits.h"
#include "LineClient.h"
#include "RedisProcess.h"
#include "ScratchPostgres.h"
#include "cluster/NameClaims.h"
#include "cluster/RedisConnection.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace EventWaits;

namespace {

// How long a dead node's people may take to leave the others' lists (docs/CLUSTER.md): its
// lease (3 s) and one lease watch (1 s), and two seconds for a loaded machine.
constexpr int GoneWithinMs = 6000;

// One chat-server process, a node of the test's cluster.
class Node
{
public:
    Node(const QString &name, quint16 redisPort)
        : m_name(name)
        , m_redisPort(redisPort)
    {
    }
    // Stopped as an operator would (SIGTERM): it gives its lease and names up, so that the next
    // test finds them free.
    ~Node()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished();
    }

    // Starts it and waits until it listens and holds its place in the cluster (ready); false
    // with the reason in a warning when it does not.
    bool start()
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"QT_LOGGING_RULES"_s); // the port is read from the log
        m_process.setProcessEnvironment(environment);
        m_process.start(QString::fromUtf8(CHAT_SERVER_EXECUTABLE),
                        {u"--port"_s, u"0"_s, u"--irc-port"_s, u"0"_s, u"--web-port"_s, u"0"_s,
                         u"--data-dir"_s, m_home.path(), u"--database"_s, ScratchPostgres::url(),
                         u"--cluster"_s, u"redis://127.0.0.1:%1"_s.arg(m_redisPort),
                         u"--node-name"_s, m_name, u"--exempt-loopback"_s});
        static const QRegularExpression listening(u"listening on .* port (\\d+)"_s);
        // A node listens a moment before it holds its lease, and takes no logins until then.
        static const QRegularExpression leased(u"cluster: node .* holds its lease"_s);
        bool ready = false;
        QElapsedTimer elapsed;
        elapsed.start();
        while ((m_port == 0 || !ready) && elapsed.elapsed() < TimeoutMs) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(1000)) {
                if (m_process.state() == QProcess::NotRunning)
                    break;
                continue;
            }
            while (m_process.canReadLine()) {
                const QString line = QString::fromUtf8(m_process.readLine());
                const auto match = listening.match(line);
                if (match.hasMatch() && m_port == 0)
                    m_port = match.captured(1).toUShort();
                ready = ready || leased.match(line).hasMatch();
            }
        }
        if (m_port == 0 || !ready)
            qWarning("node %s did not start: %s", qPrintable(m_name),
                     m_process.readAll().constData());
        // Whatever it logs from now on is not read: keep the pipe from filling.
        QObject::connect(&m_process, &QProcess::readyRead, &m_process,
                         [this] { m_process.readAll(); });
        return m_port != 0 && ready;
    }

    // A tagged client logged in as nick on this node.
    LineClient &loggedIn(const QString &nick)
    {
        LineClient &client = connect();
        client.send(u"login "_s + nick);
        const Event ok = answer(client, u"login"_s);
        if (ok.kind != Event::Kind::Ok)
            qWarning("login %s on %s: %s", qPrintable(nick), qPrintable(m_name),
                     qPrintable(ok.subject));
        return client;
    }
    LineClient &connect()
    {
        auto *client = new LineClient;
        m_clients.emplace_back(client);
        if (!client->connectTo(m_port))
            qWarning("cannot connect to node %s", qPrintable(m_name));
        client->useTagged();
        return *client;
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

private:
    QString m_name;
    quint16 m_redisPort;
    QTemporaryDir m_home;
    QProcess m_process;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<LineClient>> m_clients;
};

} // namespace

class TestClusterFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void killedNodesPeopleLeave();
    void pausedNodePastItsLease();
    void redisRestarted();

private:
    RedisProcess m_redis;
    std::unique_ptr<Node> m_a;
    std::unique_ptr<Node> m_b;
    int m_round = 0;
};

void TestClusterFaults::initTestCase()
{
    if (ScratchPostgres::url().isEmpty())
        QSKIP("needs PostgreSQL: run through tests/store/with-postgres.sh (the cluster_faults "
              "test)");
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void TestClusterFaults::init()
{
    QString error;
    QVERIFY2(ScratchPostgres::empty(&error), qPrintable(error));
    // New names each time: a node restarted under its old name waits for its last lease.
    ++m_round;
    m_a = std::make_unique<Node>(u"a%1"_s.arg(m_round), m_redis.port());
    QVERIFY(m_a->start());
    m_b = std::make_unique<Node>(u"b%1"_s.arg(m_round), m_redis.port());
    QVERIFY(m_b->start());
}

void TestClusterFaults::cleanup()
{
    m_a.reset();
    m_b.reset();
}

void TestClusterFaults::killedNodesPeopleLeave()
{
    LineClient &ann = m_a->loggedIn(u"ann"_s);
    m_b->loggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    ann.send(u"say before"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"1 before"_s});
    // SIGKILL: b says nothing, gives nothing up; its lease runs out.
    QElapsedTimer sinceKill;
    sinceKill.start();
    m_b->kill();
    const Event left = waitFor(ann, Event::Kind::Leave, u"bob"_s, GoneWithinMs);
    QVERIFY2(left.isValid(), "the killed node's person did not leave within the bound");
    QCOMPARE(left.subject, u"lost"_s);
    qInfo("bob left ann's list %lld ms after the kill", sinceKill.elapsed());
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s}));
    // The name is free once the lease is out.
    LineClient &again = m_a->connect();
    QVERIFY(sendUntil(again, u"login bob"_s, u"login"_s, Event::Kind::Ok, GoneWithinMs));
    // The survivor goes on, and what was said is kept.
    again.send(u"say after"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"2 after"_s});
    again.send(u"history 10"_s);
    QStringList history;
    bool asked = false; // past the start of the page asked for (not the one given on joining)
    waitFor(again, [&](const Event &event) {
        if (event.kind == Event::Kind::HistoryStart && event.subject == "request"_L1)
            asked = true;
        if (asked && event.kind == Event::Kind::Message)
            history << event.text;
        return asked && event.kind == Event::Kind::HistoryEnd;
    });
    QCOMPARE(history, (QStringList{u"before"_s, u"after"_s}));
}

void TestClusterFaults::pausedNodePastItsLease()
{
    LineClient &ann = m_a->loggedIn(u"ann"_s);
    LineClient &bob = m_b->loggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    // b stops in its tracks past its lease: a sees its people go and its names come free...
    m_b->signal(SIGSTOP);
    QVERIFY2(waitFor(ann, Event::Kind::Leave, u"bob"_s, GoneWithinMs).isValid(),
             "the paused node's person did not leave within the bound");
    LineClient &other = m_a->connect();
    QVERIFY(sendUntil(other, u"login bob"_s, u"login"_s, Event::Kind::Ok, GoneWithinMs));
    // ...and when b goes on, it finds its lease gone, takes a new one and lets go of the person
    // whose name is someone else's now: no name is held twice.
    m_b->signal(SIGCONT);
    const Event bye =
        waitFor(bob, [](const Event &event) { return event.kind == Event::Kind::Bye; });
    QCOMPARE(bye.subject, u"collision"_s);
    QVERIFY(bob.waitForDisconnected());
    // b is a node again: its new people are seen on a.
    LineClient &carl = m_b->connect();
    QVERIFY(sendUntil(carl, u"login carl"_s, u"login"_s, Event::Kind::Ok));
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s, u"bob"_s, u"carl"_s}));
    ann.send(u"who"_s);
    const Event who =
        waitFor(ann, [](const Event &event) { return event.kind == Event::Kind::Who; });
    QCOMPARE(who.list.count(u"bob"_s), 1);
}

void TestClusterFaults::redisRestarted()
{
    LineClient &ann = m_a->loggedIn(u"ann"_s);
    LineClient &bob = m_b->loggedIn(u"bob"_s);
    QVERIFY(waitFor(ann, Event::Kind::Join, u"bob"_s).isValid());
    // Redis goes, with everything it held (it keeps nothing on disk here); people talk on.
    m_redis.kill();
    for (int i = 0; i < 5; ++i)
        ann.send(u"say while away %1"_s.arg(i));
    QStringList expected;
    for (int i = 0; i < 5; ++i)
        expected << u"%1 while away %2"_s.arg(i + 1).arg(i);
    QCOMPARE(roomLines(ann, 5), expected);
    QVERIFY(m_redis.restart());
    // Both nodes connect again, write their lists again and read each other's: b shows a's
    // lines it missed, in order, and both still list both.
    QCOMPARE(roomLines(bob, 5), expected);
    bob.send(u"say back again"_s);
    QCOMPARE(roomLines(ann, 1), QStringList{u"6 back again"_s});
    QVERIFY(listsSoon(ann, u"hall"_s, {u"ann"_s, u"bob"_s}));
    QVERIFY(listsSoon(bob, u"hall"_s, {u"ann"_s, u"bob"_s}));
    // Redis came back empty: the names are free until each node holds a lease again and
    // claims its people's names again (a login meanwhile would win the name, and the node
    // would let its holder go: bye collision). Once b has claimed bob's, a refuses it.
    QVERIFY(QTest::qWaitFor(
        [&] {
            RedisConnection redis;
            redis.connectToServer(u"127.0.0.1"_s, m_redis.port());
            bool claimed = false;
            bool answered = false;
            redis.send({"EXISTS", NameClaims::redisKey(u"bob"_s)}, [&](const RespValue &reply) {
                claimed = reply.integer == 1;
                answered = true;
            });
            return QTest::qWaitFor([&] { return answered; }, 2000) && claimed;
        },
        TimeoutMs));
    LineClient &other = m_a->connect();
    other.send(u"login bob"_s);
    const Event refused = answer(other, u"login"_s);
    QVERIFY2(refused.kind == Event::Kind::Error, qPrintable(refused.subject));
    QCOMPARE(refused.code, ErrorCode::NickInUse);
}

QTEST_GUILESS_MAIN(TestClusterFaults)
#include "tst_clusterfaults.moc"
