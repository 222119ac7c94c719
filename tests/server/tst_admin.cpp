// SPDX-License-Identifier: MIT
// What people are, as others see it, and what only administrators may do: away and back
// (the flag, and the away text sent back once per text to whoever writes privately), the
// flags of users and who (owner, op, muted, away, reconnecting, admin), and an
// administrator's notice, disconnect and close (481 for anyone else).
#include "ExpectLines.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What reached client since the last sync is exactly expected; shows what came instead.
namespace {

// The next event of this kind that reaches client (others before it are skipped).
Event next(LineClient &client, Event::Kind kind)
{
    for (;;) {
        const Event event = client.readEvent();
        if (!event.isValid() || event.kind == kind)
            return event;
    }
}

// The flags of nick in a users or who event (pairs or triples).
QString flagsOf(const Event &event, const QString &nick)
{
    const int group = event.kind == Event::Kind::Who ? 3 : 2;
    for (qsizetype i = 0; i + group - 1 < event.list.size(); i += group) {
        if (event.list.at(i) == nick)
            return event.list.at(i + group - 1);
    }
    return u"<absent>"_s;
}

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT

private slots:
    void awayRepliesOnce();
    void flagsInUsersAndWho();
    void noticeToEveryone();
    void disconnectEndsThePerson();
    void closeEmptiesAndRemovesTheRoom();
};

void TestAdmin::awayRepliesOnce()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.sync();
    bob.send(u"away at lunch"_s);
    EXPECT_LINES(bob, QStringList({u"You are marked as away: at lunch"_s}));
    alice.send(u"msg bob are you there?"_s);
    EXPECT_LINES(alice, QStringList({u"-> *bob* are you there?"_s, u"bob is away: at lunch"_s}));
    alice.send(u"msg bob hello?"_s); // once per away text
    EXPECT_LINES(alice, QStringList({u"-> *bob* hello?"_s}));
    alice.send(u"/who"_s);
    QVERIFY(alice.sync().contains(u"  bob (away) in hall"_s));
    bob.send(u"away in a meeting"_s);
    bob.sync();
    alice.send(u"msg bob now?"_s);
    EXPECT_LINES(alice, QStringList({u"-> *bob* now?"_s, u"bob is away: in a meeting"_s}));
    bob.sync();
    bob.send(u"back"_s);
    EXPECT_LINES(bob, QStringList({u"You are no longer marked as away."_s}));
    alice.send(u"msg bob welcome back"_s);
    EXPECT_LINES(alice, QStringList({u"-> *bob* welcome back"_s}));
    bob.send(u"away"_s);
    bob.sync();
    alice.send(u"msg bob ?"_s);
    EXPECT_LINES(alice, QStringList({u"-> *bob* ?"_s, u"bob is away."_s}));
}

void TestAdmin::flagsInUsersAndWho()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    carol.send(u"join games"_s);
    carol.send(u"away"_s);
    carol.sync();
    LineClient &root = f.taggedLoggedIn(u"root"_s);
    root.send(u"register correct-horse"_s);
    root.sync();
    alice.send(u"op bob"_s);
    alice.send(u"mute carol"_s);
    alice.sync();

    alice.send(u"look #games"_s);
    const Event users = next(alice, Event::Kind::Users);
    QCOMPARE(flagsOf(users, u"alice"_s), u"owner"_s);
    QCOMPARE(flagsOf(users, u"bob"_s), u"op"_s);
    QCOMPARE(flagsOf(users, u"carol"_s), u"muted,away"_s);
    alice.sync();
    alice.send(u"who"_s);
    const Event who = next(alice, Event::Kind::Who);
    QCOMPARE(flagsOf(who, u"carol"_s), u"away"_s);
    QCOMPARE(flagsOf(who, u"root"_s), u"admin"_s);
    QCOMPARE(flagsOf(who, u"alice"_s), QString());
    alice.sync();
}

void TestAdmin::noticeToEveryone()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &root = f.loggedIn(u"root"_s);
    alice.sync();
    root.send(u"/notice the server restarts at noon"_s);
    EXPECT_LINES(root, QStringList({u"Error: Only the server's administrators may use notice."_s}));
    root.send(u"register correct-horse"_s);
    root.sync();
    root.send(u"/notice the server restarts at noon"_s);
    const QString notice = u"*** Notice from root: the server restarts at noon"_s;
    EXPECT_LINES(root, QStringList({notice}));
    EXPECT_LINES(alice, QStringList({notice}));
    for (const QString &line : {u"/notice hi"_s, u"/disconnect root"_s, u"/close hall"_s}) {
        alice.send(line);
        const QString word = line.section(u' ', 0, 0).mid(1);
        EXPECT_LINES(alice, QStringList({u"Error: Only the server's administrators may use "_s +
                                         word + u'.'}));
    }
    // Without the "/" these words are what people say, on telnet.
    for (const QString &line : {u"notice anything?"_s, u"close enough"_s, u"disconnect me"_s}) {
        alice.send(line);
        EXPECT_LINES(alice, QStringList({u"alice: "_s + line}));
        EXPECT_LINES(root, QStringList({u"alice: "_s + line}));
    }
}

void TestAdmin::disconnectEndsThePerson()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    LineClient &root = f.loggedIn(u"root"_s);
    root.send(u"register correct-horse"_s);
    root.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    root.sync();
    root.send(u"/disconnect bob flooding"_s);
    QStringList lines = root.sync();
    QCOMPARE(lines.value(0), u"OK: disconnect bob"_s);
    QVERIFY(bob.waitForDisconnected());
    lines += root.sync();
    QVERIFY2(lines.contains(u"* bob has left the room."_s), qPrintable(lines.join(u" | "_s)));
    // Gone at once, not held for a resume: the name is free.
    LineClient &again = f.loggedIn(u"bob"_s);
    again.send(u"look"_s);
    QVERIFY(again.sync().contains(u"  bob"_s));
    root.sync();
    root.send(u"/disconnect nobody"_s);
    EXPECT_LINES(root, QStringList({u"Error: No one called nobody is logged in."_s}));
}

void TestAdmin::closeEmptiesAndRemovesTheRoom()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    LineClient &root = f.loggedIn(u"root"_s);
    root.send(u"register correct-horse"_s);
    root.sync();
    root.send(u"/close #games enough"_s);
    EXPECT_LINES(root, QStringList({u"OK: close games"_s}));
    EXPECT_LINES(alice,
                 QStringList({u"* root closed the room: enough"_s, u"* You have left games."_s}));
    alice.send(u"join games"_s);
    EXPECT_LINES(alice,
                 QStringList({u"Error: There is no room called games (list shows the rooms)."_s}));
    // The name is free again, and the new room starts empty.
    alice.send(u"create games"_s);
    QVERIFY(alice.sync().contains(u"* You have entered games."_s));
    root.send(u"/close hall"_s);
    EXPECT_LINES(
        root,
        QStringList(
            {u"Error: You may not do that in hall: it takes the room's operators or owner."_s}));
    root.send(u"/close nowhere"_s);
    EXPECT_LINES(
        root, QStringList({u"Error: There is no room called nowhere (list shows the rooms)."_s}));
}

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
