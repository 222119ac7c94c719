// SPDX-License-Identifier: MIT
#include "RedisProcess.h"
#include "cluster/NameClaims.h"
#include "cluster/NodeLease.h"
#include "cluster/RedisConnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Short leases, so that runs out within a test's patience.
constexpr NodeLease::Timing Timing{.leaseMs = 600, .renewMs = 150};

// What a node of a cluster holds for names: its connection, its lease, its claims.
struct Node
{
    Node(const QByteArray &id, quint16 port)
        : lease(id, Timing)
        , claims(lease)
    {
        connect(port);
    }

    // A new connection, as a node makes after losing one.
    void connect(quint16 port)
    {
        redis = std::make_unique<RedisConnection>();
        redis->connectToServer(u"127.0.0.1"_s, port);
        lease.setConnection(redis.get());
        claims.setConnection(redis.get());
    }

    // The outcome of a claim, once Redis answered: true, false, or nothing yet.
    std::shared_ptr<std::optional<bool>> claim(const QString &key)
    {
        auto outcome = std::make_shared<std::optional<bool>>();
        claims.claim(key, [outcome](bool claimed, const QString &) { *outcome = claimed; });
        return outcome;
    }

    std::unique_ptr<RedisConnection> redis;
    NodeLease lease;
    NameClaims claims;
};

// Claims name again each time Redis says no, until it says yes or ms have passed: how a
// person whose name is held by a dead node gets it once the node's lease runs out.
bool claimsWithin(Node &node, const QString &name, int ms)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < ms) {
        const auto outcome = node.claim(name);
        if (!QTest::qWaitFor([&] { return outcome->has_value(); }, 5000))
            return false;
        if (**outcome)
            return true;
    }
    return false;
}

} // namespace

class TestNameClaims : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void leaseIsTakenUnderANewEpoch();
    void nameHasOneHolder();
    void raceHasExactlyOneWinner();
    void namesOfADeadNodeComeFreeWithinTheLease();
    void cutOffNodeStopsClaimingAndComesBackUnderANewEpoch();
    void restartedNodeWaitsForItsOldLease();

private:
    std::unique_ptr<Node> node(const QByteArray &id);

    std::unique_ptr<RedisProcess> m_redis;
};

void TestNameClaims::init()
{
    m_redis = std::make_unique<RedisProcess>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void TestNameClaims::cleanup()
{
    m_redis.reset();
}

std::unique_ptr<Node> TestNameClaims::node(const QByteArray &id)
{
    auto node = std::make_unique<Node>(id, m_redis->port());
    QSignalSpy acquired(&node->lease, &NodeLease::acquired);
    if (!node->lease.isHeld() && !acquired.wait(5000))
        qWarning("node %s took no lease", id.constData());
    return node;
}

void TestNameClaims::leaseIsTakenUnderANewEpoch()
{
    auto a = node("a");
    auto b = node("b");
    QVERIFY(a->lease.isHeld());
    QVERIFY(b->lease.isHeld());
    QVERIFY(a->lease.epoch() != b->lease.epoch());
    QCOMPARE(a->lease.owner(), "a:" + QByteArray::number(a->lease.epoch()));
    // Renewed: still held well past one lease.
    QSignalSpy lost(&a->lease, &NodeLease::lost);
    QVERIFY(!lost.wait(Timing.leaseMs * 3));
    QVERIFY(a->lease.isHeld());
}

void TestNameClaims::nameHasOneHolder()
{
    auto a = node("a");
    auto b = node("b");
    auto first = a->claim(u"alice"_s);
    QTRY_VERIFY(first->has_value());
    QVERIFY(**first);
    auto again = a->claim(u"alice"_s); // a claim of one's own name holds
    auto other = b->claim(u"alice"_s);
    QTRY_VERIFY(again->has_value() && other->has_value());
    QVERIFY(**again);
    QVERIFY(!**other);

    a->claims.release(u"alice"_s);
    b->claims.release(u"alice"_s); // not b's: changes nothing
    auto after = b->claim(u"alice"_s);
    QTRY_VERIFY(after->has_value());
    QVERIFY(**after);
    auto back = a->claim(u"alice"_s);
    QTRY_VERIFY(back->has_value());
    QVERIFY(!**back);
}

void TestNameClaims::raceHasExactlyOneWinner()
{
    auto a = node("a");
    auto b = node("b");
    auto c = node("c");
    for (int round = 0; round < 50; ++round) {
        const QString name = u"name%1"_s.arg(round);
        // Sent at once, in an order that changes from round to round.
        QList<std::shared_ptr<std::optional<bool>>> outcomes;
        Node *nodes[] = {a.get(), b.get(), c.get()};
        for (int i = 0; i < 3; ++i)
            outcomes << nodes[(round + i) % 3]->claim(name);
        QTRY_VERIFY(std::all_of(outcomes.cbegin(), outcomes.cend(),
                                [](const auto &outcome) { return outcome->has_value(); }));
        const auto winners = std::count_if(outcomes.cbegin(), outcomes.cend(),
                                           [](const auto &outcome) { return **outcome; });
        QCOMPARE(winners, 1);
    }
}

// kill -9 of a node: nobody tells Redis; its names are free once its lease runs out, and not
// before.
void TestNameClaims::namesOfADeadNodeComeFreeWithinTheLease()
{
    auto a = node("a");
    auto b = node("b");
    auto held = a->claim(u"alice"_s);
    QTRY_VERIFY(held->has_value() && **held);
    QElapsedTimer sinceDeath;
    sinceDeath.start();
    a.reset();
    auto early = b->claim(u"alice"_s);
    QTRY_VERIFY(early->has_value());
    QVERIFY(!**early);
    QVERIFY(claimsWithin(*b, u"alice"_s, Timing.leaseMs * 3));
    // Free within one lease (and the round trips it takes to ask, on a busy machine).
    QVERIFY2(sinceDeath.elapsed() < Timing.leaseMs + 1000,
             qPrintable(QString::number(sinceDeath.elapsed())));
}

// A node cut off from Redis longer than its lease knows it before Redis frees its names,
// refuses to claim, and comes back under a new epoch whose claims do not revive the old ones.
void TestNameClaims::cutOffNodeStopsClaimingAndComesBackUnderANewEpoch()
{
    auto a = node("a");
    auto b = node("b");
    auto held = a->claim(u"alice"_s);
    QTRY_VERIFY(held->has_value() && **held);
    const quint64 firstEpoch = a->lease.epoch();

    QSignalSpy lost(&a->lease, &NodeLease::lost);
    QElapsedTimer cut;
    cut.start();
    a->redis->close(u"cut off"_s);
    QVERIFY(lost.wait(Timing.leaseMs * 2));
    QVERIFY(cut.elapsed() <= Timing.leaseMs); // lost by its own count, before Redis frees it
    auto refused = a->claim(u"bob"_s);
    QTRY_VERIFY(refused->has_value());
    QVERIFY(!**refused);

    QVERIFY(claimsWithin(*b, u"alice"_s, Timing.leaseMs * 3));

    QSignalSpy acquired(&a->lease, &NodeLease::acquired);
    a->connect(m_redis->port());
    QVERIFY(acquired.wait(5000));
    QVERIFY(a->lease.epoch() > firstEpoch);
    auto reclaim = a->claim(u"alice"_s);
    QTRY_VERIFY(reclaim->has_value());
    QVERIFY(!**reclaim); // b holds it now: never held twice
}

void TestNameClaims::restartedNodeWaitsForItsOldLease()
{
    auto first = node("a");
    const quint64 epoch = first->lease.epoch();
    QElapsedTimer sinceDeath;
    sinceDeath.start();
    first.reset();
    auto second = node("a");
    QVERIFY(second->lease.isHeld());
    QVERIFY(second->lease.epoch() > epoch);
    // Its last renewal was at most renewMs before it died.
    QVERIFY2(sinceDeath.elapsed() >= Timing.leaseMs - Timing.renewMs - 50,
             qPrintable(QString::number(sinceDeath.elapsed())));
}

QTEST_GUILESS_MAIN(TestNameClaims)
#include "tst_nameclaims.moc"
