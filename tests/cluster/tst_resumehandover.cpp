// SPDX-License-Identifier: MIT
// ResumeHandover between two nodes' chat contexts joined by a bus the test carries by hand: the
// person a resume token names is given by the node that issued it, with what the node that asks
// needs to go on (rooms, roles, away, where each room stood at the drop, the token), and an
// answer the bus lost is given again when the asking node asks again.
#include "ManualClock.h"
#include "cluster/Bus.h"
#include "commands/ChatContext.h"
#include "config/ServerConfig.h"
#include "core/RemotePerson.h"
#include "core/Room.h"
#include "core/User.h"
#include "metrics/ServerMetrics.h"
#include "store/MemoryStore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Keeps what is published; what reaches the other node is the test's to say.
class HandBus : public Bus
{
public:
    QList<ClusterEvent> published;

    void publish(const ClusterEvent &event) override { published << event; }
    void publishPerson(const ClusterPerson &) override {}
    void publishPeople(const QList<ClusterPerson> &, quint64) override {}
    void readPeople(const QByteArray &, PeopleRead) override {}
    void readLeases(const QList<QByteArray> &, LeasesRead) override {}
    // The subscription dropped and came back.
    void subscriptionBack() { emit missedLines(); }
};

// One node: its chat context on a memory store, the hall (1) and games (7), and its bus.
struct Node
{
    explicit Node(const QByteArray &owner)
        : owner(owner)
    {
        store.open();
        chat = std::make_unique<ChatContext>(config, store, metrics, clock);
        chat->directory().addRoom(1, u"hall"_s);
        chat->directory().addRoom(7, u"games"_s);
        chat->setBus(&bus);
    }

    // The next event this node published, as the bus delivers it (with its origin).
    ClusterEvent sent()
    {
        if (bus.published.isEmpty())
            return {};
        ClusterEvent event = bus.published.takeFirst();
        event.origin = owner;
        return event;
    }

    QByteArray owner;
    ServerConfig config;
    MemoryStore store;
    ServerMetrics metrics;
    ManualClock clock;
    std::unique_ptr<ChatContext> chat;
    HandBus bus;
};

} // namespace

class TestResumeHandover : public QObject
{
    Q_OBJECT

private slots:
    void givenWithEverything();
    void lostAnswerGivenAgain();
    void wrongTokenAnswersNobody();
    void otherAsksIgnored();

private:
    // Ann on a, in the hall and games (its owner), away, dropped when the hall stood at 3 and
    // games at 5; the token her login gave.
    static QString annOn(Node &a);
};

QString TestResumeHandover::annOn(Node &a)
{
    User *ann = a.chat->adoptPerson(u"ann"_s, 42);
    Room *hall = a.chat->directory().roomById(1);
    Room *games = a.chat->directory().roomById(7);
    hall->place(ann);
    games->place(ann);
    games->roles().setRole(ann, RoomRoles::Role::Owner);
    ann->setAway(u"lunch"_s);
    ann->rememberDropPoint({{hall, 3}, {games, 5}}, 9);
    return a.chat->tokens().issue(ann);
}

void TestResumeHandover::givenWithEverything()
{
    Node a("a:1");
    Node b("b:1");
    const QString token = annOn(a);
    User *taken = nullptr;
    int answers = 0;
    b.chat->handover().ask(token, [&](User *user) {
        taken = user;
        ++answers;
    });
    const ClusterEvent ask = b.sent();
    QCOMPARE(ask.type, ClusterEvent::Type::ResumeAsk);
    QVERIFY(!ask.handover.token.contains(token.toLatin1())); // its digest, not the token

    a.chat->handover().arrived(ask);
    const ClusterEvent given = a.sent();
    QCOMPARE(given.type, ClusterEvent::Type::ResumeGive);
    // Gone from a, where she is b's person now, still in both rooms.
    QCOMPARE(a.chat->tokens().find(token), nullptr);
    QCOMPARE(a.chat->directory().user(u"ann"_s), nullptr);
    const RemotePerson *remote = a.chat->directory().remote().find(u"ann"_s);
    QVERIFY(remote);
    QCOMPARE(remote->node, QByteArray("b"));
    QCOMPARE(remote->rooms.size(), 2);

    b.chat->handover().arrived(given);
    QCOMPARE(answers, 1);
    QVERIFY(taken);
    QCOMPARE(taken->nick(), u"ann"_s);
    QCOMPARE(taken->personId(), 42u);
    QVERIFY(taken->isAway());
    QCOMPARE(taken->awayText(), u"lunch"_s);
    Room *hall = b.chat->directory().roomById(1);
    Room *games = b.chat->directory().roomById(7);
    QVERIFY(taken->isIn(hall) && taken->isIn(games));
    QCOMPARE(games->roles().role(taken), RoomRoles::Role::Owner);
    QCOMPARE(taken->seqAtDrop(hall), 3u);
    QCOMPARE(taken->seqAtDrop(games), 5u);
    QCOMPARE(taken->privateIdAtDrop(), 9u);
    QCOMPARE(b.chat->tokens().find(token), taken);
    QCOMPARE(b.chat->directory().user(u"ann"_s), taken);
}

void TestResumeHandover::lostAnswerGivenAgain()
{
    Node a("a:1");
    Node b("b:1");
    const QString token = annOn(a);
    User *taken = nullptr;
    b.chat->handover().ask(token, [&](User *user) { taken = user; });
    const ClusterEvent ask = b.sent();
    a.chat->handover().arrived(ask);
    const ClusterEvent lost = a.sent();
    QCOMPARE(lost.type, ClusterEvent::Type::ResumeGive);
    // b's subscription dropped meanwhile: it asks again, and a answers the same.
    b.bus.subscriptionBack();
    const ClusterEvent again = b.sent();
    QCOMPARE(again.type, ClusterEvent::Type::ResumeAsk);
    QCOMPARE(again.handover.ask, ask.handover.ask);
    a.chat->handover().arrived(again);
    const ClusterEvent repeated = a.sent();
    QCOMPARE(repeated.type, ClusterEvent::Type::ResumeGive);
    QCOMPARE(repeated.handover, lost.handover);
    b.chat->handover().arrived(repeated);
    QVERIFY(taken);
    QCOMPARE(taken->nick(), u"ann"_s);
    // Answered: nothing more is asked when the subscription drops again.
    b.bus.subscriptionBack();
    QVERIFY(b.bus.published.isEmpty());
    // Kept a while only.
    a.clock.advance(ResumeHandover::GivenKeptMs + 1);
    a.chat->handover().arrived(again);
    QVERIFY(a.bus.published.isEmpty());
}

void TestResumeHandover::wrongTokenAnswersNobody()
{
    Node a("a:1");
    Node b("b:1");
    annOn(a);
    b.chat->handover().setAnswerTimeoutMs(50);
    bool answered = false;
    User *taken = reinterpret_cast<User *>(1);
    b.chat->handover().ask(QString(32, u'0'), [&](User *user) {
        taken = user;
        answered = true;
    });
    a.chat->handover().arrived(b.sent());
    QVERIFY(a.bus.published.isEmpty()); // not a's: a says nothing
    QTRY_VERIFY(answered);
    QCOMPARE(taken, nullptr);
    QVERIFY(a.chat->directory().user(u"ann"_s));
}

void TestResumeHandover::otherAsksIgnored()
{
    // An answer to an ask this node did not make (another node's, or one that gave up).
    Node a("a:1");
    Node b("b:1");
    Node c("c:1");
    const QString token = annOn(a);
    c.chat->handover().ask(token, [](User *) {});
    a.chat->handover().arrived(c.sent());
    b.chat->handover().arrived(a.sent());
    QCOMPARE(b.chat->directory().user(u"ann"_s), nullptr);
    QCOMPARE(b.chat->tokens().find(token), nullptr);
}

QTEST_GUILESS_MAIN(TestResumeHandover)
#include "tst_resumehandover.moc"
