// SPDX-License-Identifier: MIT
// Running a room through a real server: the owner names operators, operators kick and mute,
// nobody acts on someone of their own standing, a timed mute ends on a clock the test moves,
// and an unregistered owner's claim ends when they leave while a registered one's stays, also
// across a restart with the operators and mutes of registered people.
#include "ManualClock.h"
#include "ServerFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString NotOperator =
    u"Error: You may not do that in games: it takes the room's operators or owner."_s;
const QString Muted = u"Error: You may not speak in games: you are muted there, or it is "
                      "moderated and nobody gave you a voice. You may read."_s;

// Everything that arrived for client up to now, as one list.
QStringList lines(LineClient &client)
{
    return client.sync();
}

} // namespace

class TestModeration : public QObject
{
    Q_OBJECT

private slots:
    void ownerNamesOperatorsWhoKick();
    void timedMuteEnds();
    void unregisteredOwnerClaimEndsOnLeaving();
    void registeredOwnerKeepsTheRoom();
    void stepDown();
    void administratorRunsEveryRoom();
    void registeredRolesAndTimedMutesSurviveRestart();
    void moderationLogForOperators();
};

void TestModeration::ownerNamesOperatorsWhoKick()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    LineClient &carol = f.loggedIn(u"carol"_s);
    carol.send(u"join games"_s);
    carol.sync();

    bob.send(u"kick carol"_s);
    QVERIFY(lines(bob).contains(NotOperator));
    alice.send(u"op bob"_s);
    QVERIFY(lines(alice).contains(u"* alice made bob an operator."_s));
    QVERIFY(lines(bob).contains(u"* alice made bob an operator."_s));
    // An operator acts on members only.
    bob.send(u"kick alice"_s);
    QVERIFY(lines(bob).contains(NotOperator));
    bob.send(u"kick dave"_s);
    QVERIFY(lines(bob).contains(u"Error: No one called dave is logged in."_s));
    // Someone logged in but elsewhere is not in the room (441); nobody of that name is 401.
    LineClient &erin = f.loggedIn(u"erin"_s);
    erin.sync();
    bob.send(u"kick erin"_s);
    QVERIFY(lines(bob).contains(u"Error: erin is not in that room."_s));
    bob.send(u"kick carol spamming"_s);
    QVERIFY(lines(bob).contains(u"* bob kicked carol out of the room: spamming"_s));
    const QStringList kicked = lines(carol);
    QVERIFY2(kicked.contains(u"* bob kicked carol out of the room: spamming"_s),
             qPrintable(kicked.join(u'\n')));
    QVERIFY(kicked.contains(u"* You have left games."_s));
    QVERIFY(lines(alice).contains(u"* carol has left the room."_s));
    // A kick is not a ban: carol may come back.
    carol.send(u"join games"_s);
    QVERIFY(lines(carol).contains(u"* You have entered games."_s));
    alice.send(u"deop bob"_s);
    QVERIFY(lines(alice).contains(u"* alice took operator rights from bob."_s));
    bob.send(u"kick carol"_s);
    QVERIFY(lines(bob).contains(NotOperator));
}

void TestModeration::timedMuteEnds()
{
    ManualClock clock;
    ServerFixture f({}, &clock);
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();

    alice.send(u"mute bob soon"_s);
    QVERIFY(lines(alice).contains(u"Error: Usage: mute [#room] <nick> [seconds]"_s));
    alice.send(u"mute bob 60"_s);
    QVERIFY(lines(alice).contains(u"* alice muted bob for 60 seconds."_s));
    bob.sync();
    bob.send(u"hello?"_s);
    bob.send(u"/me waves"_s);
    QCOMPARE(lines(bob), QStringList({Muted, Muted}));
    bob.send(u"look"_s); // reading is allowed
    QCOMPARE(lines(bob).value(0), u"Users in games (2):"_s);
    clock.advanceSeconds(61);
    bob.send(u"hello again"_s);
    QVERIFY(lines(bob).contains(u"bob: hello again"_s));

    // Without a time: until unmuted.
    alice.send(u"mute bob"_s);
    QVERIFY(lines(alice).contains(u"* alice muted bob."_s));
    clock.advanceSeconds(24 * 3600);
    bob.sync();
    bob.send(u"still here"_s);
    QVERIFY(lines(bob).contains(Muted));
    alice.send(u"unmute bob"_s);
    QVERIFY(lines(alice).contains(u"* alice let bob speak again."_s));
    bob.sync();
    bob.send(u"thanks"_s);
    QVERIFY(lines(bob).contains(u"bob: thanks"_s));
}

void TestModeration::unregisteredOwnerClaimEndsOnLeaving()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    alice.send(u"join hall"_s);
    alice.send(u"join games"_s);
    alice.sync();
    alice.send(u"op bob"_s);
    QVERIFY(lines(alice).contains(NotOperator));
}

void TestModeration::registeredOwnerKeepsTheRoom()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    alice.send(u"join hall"_s);
    alice.send(u"join games"_s);
    alice.sync();
    alice.send(u"op bob"_s);
    QVERIFY(lines(alice).contains(u"* alice made bob an operator."_s));
}

// Whoever runs a room may stop: deop of oneself. A registered owner who steps down owns the room
// no more, across a restart too.
void TestModeration::stepDown()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    LineClient &carol = f.loggedIn(u"carol"_s);
    carol.send(u"join games"_s);
    carol.sync();
    alice.send(u"op bob"_s);
    alice.sync();
    bob.sync();
    carol.sync();

    // Nothing to step down from.
    carol.send(u"deop carol"_s);
    QCOMPARE(lines(carol), QStringList({NotOperator}));
    // An operator steps down, spelt as they like; the room hears it.
    bob.send(u"deop BOB"_s);
    const QString bobStepped = u"* bob stepped down from running the room."_s;
    QCOMPARE(lines(bob), QStringList({bobStepped}));
    QCOMPARE(lines(carol), QStringList({bobStepped}));
    bob.send(u"kick carol"_s);
    QCOMPARE(lines(bob), QStringList({NotOperator}));
    // Still nobody else's role to take but the owner's.
    alice.send(u"op bob"_s);
    alice.sync();
    bob.sync();
    carol.sync();
    bob.send(u"deop alice"_s);
    QCOMPARE(lines(bob), QStringList({NotOperator}));

    // The owner too: then bob runs the room alone, and nobody names operators.
    alice.send(u"deop alice"_s);
    QCOMPARE(lines(alice), QStringList({u"* alice stepped down from running the room."_s}));
    alice.send(u"op carol"_s);
    QCOMPARE(lines(alice), QStringList({NotOperator}));
    bob.sync();
    bob.send(u"kick alice"_s);
    QVERIFY(lines(bob).contains(u"* bob kicked alice out of the room."_s));

    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login alice correct-horse"_s);
    back.send(u"join games"_s);
    back.sync();
    back.send(u"op carol"_s);
    QCOMPARE(lines(back), QStringList({NotOperator}));
}

void TestModeration::administratorRunsEveryRoom()
{
    ServerConfig config;
    config.administrators = u"carol, Root"_s;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    // The name alone is not enough: the administrator proves it with the account's password.
    LineClient &root = f.loggedIn(u"root"_s);
    root.send(u"join games"_s);
    root.sync();
    root.send(u"mute alice"_s);
    QVERIFY(lines(root).contains(NotOperator));
    root.send(u"register correct-horse"_s);
    root.sync();
    root.send(u"mute alice 30"_s);
    QVERIFY(lines(root).contains(u"* root muted alice for 30 seconds."_s));
    alice.send(u"kick root"_s);
    QVERIFY(lines(alice).contains(NotOperator));
    root.send(u"kick alice"_s);
    QVERIFY(lines(root).contains(u"* root kicked alice out of the room."_s));
}

void TestModeration::registeredRolesAndTimedMutesSurviveRestart()
{
    ManualClock clock;
    ServerFixture f({}, &clock);
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.sync();
    for (const QString &nick : {u"bob"_s, u"carol"_s}) {
        LineClient &client = f.loggedIn(nick);
        client.send(u"register correct-horse"_s);
        client.send(u"join games"_s);
        client.sync();
    }
    alice.send(u"op bob"_s);
    QVERIFY(lines(alice).contains(u"* alice made bob an operator."_s));
    alice.send(u"mute carol 600"_s);
    QVERIFY(lines(alice).contains(u"* alice muted carol for 600 seconds."_s));

    QVERIFY(f.restart());
    auto back = [&f](const QString &nick) -> LineClient & {
        LineClient &client = f.connect();
        client.send(u"login "_s + nick + u" correct-horse"_s);
        client.send(u"join games"_s);
        client.sync();
        return client;
    };
    LineClient &owner = back(u"alice"_s);
    LineClient &bob = back(u"bob"_s);
    LineClient &carol = back(u"carol"_s);
    owner.sync();
    bob.sync();
    carol.send(u"hello?"_s);
    QCOMPARE(lines(carol), QStringList({Muted}));
    clock.advanceSeconds(601);
    carol.send(u"hello again"_s);
    QVERIFY(lines(carol).contains(u"carol: hello again"_s));
    // bob is still an operator, alice still the owner.
    bob.send(u"kick carol"_s);
    QVERIFY(lines(bob).contains(u"* bob kicked carol out of the room."_s));
    owner.send(u"deop bob"_s);
    QVERIFY(lines(owner).contains(u"* alice took operator rights from bob."_s));
}

void TestModeration::moderationLogForOperators()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    alice.sync();
    alice.send(u"modlog"_s);
    QCOMPARE(lines(alice), QStringList({u"Nothing was done in games yet."_s}));
    alice.send(u"mute bob 60"_s);
    alice.send(u"ban 10.0.0.0/8 2h a flood"_s);
    alice.sync();
    bob.sync();
    bob.send(u"modlog"_s);
    QCOMPARE(lines(bob), QStringList({NotOperator}));
    alice.send(u"kick bob enough"_s);
    alice.sync();

    // Who, when, what, whom, why; oldest first.
    const QStringList expected = {u"] alice mute bob: 60"_s,
                                  u"] alice ban 10.0.0.0/8: 7200 a flood"_s,
                                  u"] alice kick bob: enough"_s};
    auto check = [&expected](const QStringList &log, int count) {
        QCOMPARE(log.size(), count + 1);
        QCOMPARE(log.value(0), u"Moderation in games (%1):"_s.arg(count));
        for (int i = 1; i <= count; ++i) {
            QVERIFY2(log[i].startsWith(u"  [20"_s), qPrintable(log[i]));
            QVERIFY2(log[i].endsWith(expected[expected.size() - count + i - 1]),
                     qPrintable(log[i]));
        }
    };
    alice.send(u"modlog"_s);
    check(lines(alice), 3);
    alice.send(u"modlog 2"_s);
    check(lines(alice), 2);
    alice.send(u"modlog 0"_s);
    QCOMPARE(lines(alice), QStringList({u"Error: Usage: modlog [#room] [count]"_s}));

    // The log is in the store: a restart keeps it.
    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login alice correct-horse"_s);
    back.send(u"join games"_s);
    back.sync();
    back.send(u"modlog #games"_s);
    check(lines(back), 3);
}

QTEST_GUILESS_MAIN(TestModeration)
#include "tst_moderation.moc"
