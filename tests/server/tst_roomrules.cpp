// SPDX-License-Identifier: MIT
// A room's rules through a real server: invite-only (473 until invited, an invitation lets in
// once, an allowance by mask every time, not past a ban or a key, bounded), topic lock (482 for
// members), registered-only (477 until identified), a limit of people (471), a key (475) and
// messages from outside (bans and moderation still hold); set by operators only, shown by look,
// kept across a restart.
#include "ExpectLines.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "core/Directory.h"
#include "core/Room.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What reached client since the last sync is exactly expected; shows what came instead.
namespace {

const QString NotOperator =
    u"Error: You may not do that in games: it takes the room's operators or owner."_s;
const QString InviteOnly = u"Error: games is invite-only: an operator must invite you first."_s;
const QString Entered = u"* You have entered games."_s;

LineClient &owner(ServerFixture &f)
{
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.sync();
    return alice;
}

// alice, registered, owns games, which is invite-only.
LineClient &inviteOnlyRoom(ServerFixture &f)
{
    LineClient &alice = owner(f);
    alice.send(u"rule invite-only on"_s);
    alice.sync();
    return alice;
}

// Whether client gets in, then leaves again when it did.
bool entersAndLeaves(LineClient &client)
{
    client.send(u"join games"_s);
    const QStringList lines = client.sync();
    if (!lines.contains(Entered))
        return false;
    client.send(u"leave games"_s);
    client.sync();
    return true;
}

} // namespace

class TestRoomRules : public QObject
{
    Q_OBJECT

private slots:
    void inviteOnly();
    void topicLock();
    void registeredOnly();
    void onlyOperatorsSetRules();
    void moderated();
    void outsideMessages();
    void secretRoom();
    void severalRulesAtOnce();
    void memberLimit();
    void roomKey();
    void badValues_data();
    void badValues();
    void rulesSurviveRestart();
    void invitationSurvivesRestartUntilUsed();
    void allowLetsInAgainAndAgain();
    void allowByAccountAndAddress();
    void allowDoesNotBeatBanOrKey();
    void onlyOperatorsAllow();
    void badMasks();
    void allowancesSurviveRestart();
};

void TestRoomRules::inviteOnly()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.send(u"rule invite-only on"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule invite-only on."_s));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({InviteOnly}));

    alice.send(u"invite bob"_s);
    QVERIFY(alice.sync().contains(u"* alice invited bob into the room."_s));
    QVERIFY(bob.sync().contains(u"* alice invited bob into the room."_s));
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    bob.send(u"look"_s);
    EXPECT_LINES(bob, QStringList({u"Users in games (2):"_s, u"  alice"_s, u"  bob"_s,
                                   u"Rules of games: invite-only"_s}));
    // The invitation was used: once out, bob needs another.
    bob.send(u"join hall"_s);
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(InviteOnly));

    alice.send(u"rule invite-only off"_s);
    alice.sync();
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    alice.sync();
    alice.send(u"invite nobody"_s);
    EXPECT_LINES(alice, QStringList({u"Error: No one called nobody is logged in."_s}));
    // bob is in: an invitation kept for later would let him back in after a kick.
    alice.send(u"invite bob"_s);
    EXPECT_LINES(alice, QStringList({u"Error: bob is already in the room."_s}));
    QCOMPARE(bob.sync(), QStringList{});
}

void TestRoomRules::topicLock()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    alice.send(u"rule topic-lock on"_s);
    alice.sync();
    bob.sync();
    bob.send(u"topic my topic"_s);
    EXPECT_LINES(bob, QStringList({NotOperator}));
    bob.send(u"topic"_s); // reading it is anyone's
    EXPECT_LINES(bob, QStringList({u"No topic is set in games."_s}));
    alice.send(u"topic rules apply"_s);
    QVERIFY(alice.sync().contains(u"* alice changed the topic to: rules apply"_s));
    alice.send(u"op bob"_s);
    alice.sync();
    bob.send(u"topic operators may"_s);
    QVERIFY(bob.sync().contains(u"* bob changed the topic to: operators may"_s));
}

void TestRoomRules::registeredOnly()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.send(u"rule registered-only on"_s);
    alice.sync();
    bob.send(u"join games"_s);
    EXPECT_LINES(
        bob,
        QStringList(
            {u"Error: Only registered people may enter games: register or identify first."_s}));
    bob.send(u"register correct-horse"_s);
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
}

void TestRoomRules::onlyOperatorsSetRules()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    for (const QString &line : {u"rule topic-lock on"_s, u"invite carol"_s}) {
        bob.send(line);
        EXPECT_LINES(bob, QStringList({NotOperator}));
    }
    alice.sync();
    const QString usage =
        u"Error: Usage: rule [#room] "
        u"<invite-only|topic-lock|registered-only|moderated|outside-messages|secret> <on|off> | "
        u"limit <count|off> | key <word|off> [more rules and values]"_s;
    for (const QString &line :
         {u"rule loud on"_s, u"rule invite-only maybe"_s, u"rule invite-only"_s}) {
        alice.send(line);
        EXPECT_LINES(alice, QStringList({usage}));
    }
}

void TestRoomRules::moderated()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"register correct-horse"_s);
    bob.send(u"join games"_s);
    bob.sync();
    alice.send(u"rule moderated on"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule moderated on."_s));
    bob.sync();
    const QString silent = u"Error: You may not speak in games: you are muted there, or it is "
                           "moderated and nobody gave you a voice. You may read."_s;
    for (const QString &line : {u"hello"_s, u"/me waves"_s}) {
        bob.send(line);
        EXPECT_LINES(bob, QStringList({silent}));
    }
    alice.send(u"hush, please"_s); // the owner speaks
    alice.sync();
    QVERIFY(bob.sync().contains(u"alice: hush, please"_s));

    // Only operators give a voice; they may give it to anyone in the room, themselves too.
    bob.send(u"voice bob"_s);
    EXPECT_LINES(bob, QStringList({NotOperator}));
    alice.sync();
    alice.send(u"voice alice"_s);
    alice.send(u"voice bob"_s);
    QVERIFY(alice.sync().contains(u"* alice gave bob a voice in the room."_s));
    QVERIFY(bob.sync().contains(u"* alice gave bob a voice in the room."_s));
    bob.send(u"now I may"_s);
    QCOMPARE(bob.sync(), QStringList{u"bob: now I may"_s});
    QVERIFY(alice.sync().contains(u"bob: now I may"_s));
    bob.sync();
    bob.send(u"look"_s);
    EXPECT_LINES(bob, QStringList({u"Users in games (2):"_s, u"  alice (voice)"_s,
                                   u"  bob (voice)"_s, u"Rules of games: moderated"_s}));

    // A registered person's voice outlives a restart, until it is taken back.
    QVERIFY(f.restart());
    LineClient &owner2 = f.connect();
    owner2.send(u"login alice correct-horse"_s);
    owner2.send(u"join games"_s);
    owner2.sync();
    LineClient &bob2 = f.connect();
    bob2.send(u"login bob correct-horse"_s);
    bob2.send(u"join games"_s);
    bob2.sync();
    owner2.sync();
    bob2.send(u"still here"_s);
    QCOMPARE(bob2.sync(), QStringList{u"bob: still here"_s});
    QVERIFY(owner2.sync().contains(u"bob: still here"_s));
    owner2.send(u"devoice bob"_s);
    QVERIFY(owner2.sync().contains(u"* alice took back bob's voice."_s));
    bob2.sync();
    bob2.send(u"and now?"_s);
    EXPECT_LINES(bob2, QStringList({silent}));
    owner2.send(u"devoice carol"_s);
    EXPECT_LINES(owner2, QStringList({u"Error: No one called carol is logged in."_s}));
}

void TestRoomRules::outsideMessages()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bot = f.loggedIn(u"bot"_s); // in the hall only
    const QString notIn = u"Error: You are not in games: join it first."_s;
    bot.send(u"say #games build 41 passed"_s);
    EXPECT_LINES(bot, QStringList({notIn}));

    alice.send(u"rule outside-messages on"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule outside-messages on."_s));
    bot.send(u"say #games build 42 passed"_s);
    bot.send(u"me #games deploys build 42"_s);
    // The bot sees its own lines, with the room they went to (it reads one room at a time, the
    // hall); the room hears them.
    QCOMPARE(bot.sync(),
             (QStringList{u"[games] bot: build 42 passed"_s, u"[games] * bot deploys build 42"_s}));
    const QStringList heard = alice.sync();
    QCOMPARE(heard, (QStringList{u"bot: build 42 passed"_s, u"* bot deploys build 42"_s}));
    alice.send(u"look"_s);
    EXPECT_LINES(alice, QStringList({u"Users in games (1):"_s, u"  alice"_s,
                                     u"Rules of games: outside-messages"_s}));
    // Kept like any line of the room.
    alice.send(u"history games 2"_s);
    const QString history = alice.sync().join(u'\n');
    QVERIFY2(history.contains(u"bot: build 42 passed"_s), qPrintable(history));

    // A ban keeps the banned from speaking in from outside too; moderation holds outsiders.
    alice.send(u"ban bot"_s);
    alice.sync();
    bot.sync();
    bot.send(u"say #games let me in"_s);
    EXPECT_LINES(bot, QStringList({u"Error: You are banned from games."_s}));
    alice.send(u"unban bot"_s);
    alice.send(u"rule moderated on"_s);
    alice.sync();
    bot.send(u"say #games quietly"_s);
    EXPECT_LINES(bot,
                 QStringList({u"Error: You may not speak in games: you are muted there, or "
                              "it is moderated and nobody gave you a voice. You may read."_s}));
    alice.send(u"rule moderated off"_s);
    alice.send(u"rule outside-messages off"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule outside-messages off."_s));
    bot.send(u"say #games once more"_s);
    EXPECT_LINES(bot, QStringList({notIn}));
    QCOMPARE(alice.sync(), QStringList{});
}

// The lines of client's answer to command, as one text.
QString answer(LineClient &client, const QString &command)
{
    client.send(command);
    return client.sync().join(u'\n');
}

void TestRoomRules::secretRoom()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &root = f.loggedIn(u"root"_s);
    root.send(u"register correct-horse"_s);
    root.sync();
    const QString listed = u"  games (1 user)"_s;
    const QString bobsWhoBefore = answer(bob, u"/who alice"_s);
    QVERIFY2(bobsWhoBefore.contains(u"  alice in games"_s), qPrintable(bobsWhoBefore));

    alice.send(u"rule secret on"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule secret on."_s));
    // Gone from the list and from alice's rooms for bob, who is not in it...
    const QString bobsList = answer(bob, u"list"_s);
    QVERIFY2(!bobsList.contains(u"games"_s) && bobsList.contains(u"  hall ("_s),
             qPrintable(bobsList));
    const QString bobsWho = answer(bob, u"/who alice"_s);
    QVERIFY2(bobsWho.contains(u"  alice (in no room)"_s), qPrintable(bobsWho));
    const QString filtered = answer(bob, u"/list games"_s);
    QVERIFY2(!filtered.contains(u"  games ("_s), qPrintable(filtered));
    // ...not for its members, nor for an administrator.
    QVERIFY(answer(alice, u"list"_s).contains(listed));
    QVERIFY(answer(alice, u"/who alice"_s).contains(u"  alice in games"_s));
    QVERIFY(answer(root, u"list"_s).contains(listed));
    QVERIFY(answer(root, u"/who alice"_s).contains(u"  alice in games"_s));
    alice.send(u"look"_s);
    EXPECT_LINES(
        alice, QStringList({u"Users in games (1):"_s, u"  alice"_s, u"Rules of games: secret"_s}));

    // It hides the name, not the door: bob, told the name, comes in and sees it listed.
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    alice.sync();
    QVERIFY(answer(bob, u"list"_s).contains(u"  games (2 users)"_s));
    QVERIFY(answer(bob, u"/who alice"_s).contains(u"  alice in games"_s));

    alice.send(u"rule secret off"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule secret off."_s));
    bob.send(u"leave games"_s);
    bob.sync();
    QVERIFY(answer(bob, u"list"_s).contains(listed));
}

void TestRoomRules::severalRulesAtOnce()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    bob.sync();
    alice.sync();
    alice.send(u"rule topic-lock on limit 5 secret on"_s);
    // Each change is told as its own line, in the order given.
    const QStringList told{u"* alice turned the rule topic-lock on."_s,
                           u"* alice set the room's limit to 5."_s,
                           u"* alice turned the rule secret on."_s};
    EXPECT_LINES(alice, told);
    EXPECT_LINES(bob, told);
    alice.send(u"look"_s);
    QVERIFY(alice.sync().contains(u"Rules of games: topic-lock, secret, limit=5"_s));
    bob.send(u"rule topic-lock off secret off"_s);
    EXPECT_LINES(bob, QStringList({NotOperator}));
    alice.send(u"rule topic-lock off secret off"_s);
    QCOMPARE(alice.sync(), (QStringList{u"* alice turned the rule topic-lock off."_s,
                                        u"* alice turned the rule secret off."_s}));
}

void TestRoomRules::memberLimit()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &carol = f.loggedIn(u"carol"_s);
    alice.send(u"rule limit 2"_s);
    QVERIFY(alice.sync().contains(u"* alice set the room's limit to 2."_s));
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    carol.sync(); // bob left the hall
    const QString full = u"Error: games is full: its operators set a limit of people."_s;
    carol.send(u"join games"_s);
    EXPECT_LINES(carol, QStringList({full}));
    // A place is free again when someone leaves; a limit below the count puts nobody out.
    bob.send(u"leave games"_s);
    bob.sync();
    carol.send(u"join games"_s);
    QVERIFY(carol.sync().contains(Entered));
    alice.send(u"rule limit 1"_s);
    alice.send(u"look"_s);
    QVERIFY(alice.sync().contains(u"Rules of games: limit=1"_s));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({full}));
    // An invitation lets past the limit, once.
    alice.send(u"invite bob"_s);
    alice.sync();
    bob.sync();
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    alice.send(u"rule limit off"_s);
    QVERIFY(alice.sync().contains(u"* alice turned the rule limit off."_s));
    alice.send(u"look"_s);
    QVERIFY(!alice.sync().join(u'\n').contains(u"Rules of"_s));
}

void TestRoomRules::roomKey()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.send(u"rule key sesame"_s);
    QVERIFY(alice.sync().contains(u"* alice set the room's key to sesame."_s));
    const QString keyed = u"Error: games takes a key: join games <key>."_s;
    for (const QString &line : {u"join games"_s, u"join games Sesame"_s, u"join #games open"_s}) {
        bob.send(line);
        EXPECT_LINES(bob, QStringList({keyed}));
    }
    bob.send(u"join #games sesame"_s);
    QVERIFY(bob.sync().contains(Entered));
    bob.send(u"look"_s);
    QVERIFY(bob.sync().contains(u"Rules of games: key=sesame"_s));
    // The key does not keep out who runs the room.
    alice.send(u"leave games"_s);
    alice.send(u"join games"_s);
    QVERIFY(alice.sync().contains(Entered));
    alice.send(u"rule key off"_s);
    alice.sync();
    bob.send(u"leave games"_s);
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
}

void TestRoomRules::badValues_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error");
    const QString limit =
        u"Error: A room's limit is a number of people from 1 to 1000000, or off."_s;
    const QString key = u"Error: A room's key is one word of up to 23 letters, digits or signs "
                        "(not \"off\"), or off."_s;
    const QString usage =
        u"Error: Usage: rule [#room] "
        u"<invite-only|topic-lock|registered-only|moderated|outside-messages|secret> <on|off> | "
        u"limit <count|off> | key <word|off> [more rules and values]"_s;
    QTest::newRow("limit zero") << u"rule limit 0"_s << limit;
    QTest::newRow("limit negative") << u"rule limit -1"_s << limit;
    QTest::newRow("limit not a number") << u"rule limit many"_s << limit;
    QTest::newRow("limit with a sign") << u"rule limit +5"_s << limit;
    QTest::newRow("limit too large") << u"rule limit 1000001"_s << limit;
    QTest::newRow("limit on") << u"rule limit on"_s << limit;
    QTest::newRow("limit without a value") << u"rule limit"_s << usage;
    QTest::newRow("key too long") << u"rule key "_s + QString(24, u'k') << key;
    QTest::newRow("key not ASCII") << u"rule key 芝麻"_s << key;
    QTest::newRow("key with a comma") << u"rule key a,b"_s << key;
    QTest::newRow("key of two words") << u"rule key open sesame"_s << usage;
    // Several rules in one command: all of them or, when one is wrong, none.
    QTest::newRow("a good rule, then a bad limit") << u"rule invite-only on limit 0"_s << limit;
    QTest::newRow("a good rule, then an unknown one") << u"rule topic-lock on loud on"_s << usage;
    QTest::newRow("a rule without its value") << u"rule invite-only on topic-lock"_s << usage;
}

void TestRoomRules::badValues()
{
    QFETCH(QString, line);
    QFETCH(QString, error);
    ServerFixture f;
    LineClient &alice = owner(f);
    alice.send(line);
    EXPECT_LINES(alice, QStringList({error}));
    alice.send(u"look"_s);
    QVERIFY(!alice.sync().join(u'\n').contains(u"Rules of"_s));
}

void TestRoomRules::rulesSurviveRestart()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    alice.send(u"rule topic-lock on"_s);
    alice.send(u"rule invite-only on"_s);
    alice.send(u"rule registered-only on"_s);
    alice.send(u"rule registered-only off"_s);
    alice.send(u"rule outside-messages on"_s);
    alice.send(u"rule secret on"_s);
    alice.send(u"rule limit 4"_s);
    alice.send(u"rule limit 5"_s); // the new value replaces the old one
    alice.send(u"rule key sesame"_s);
    alice.sync();

    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login alice correct-horse"_s);
    back.send(u"join games"_s); // the owner is never kept out
    back.sync();
    back.send(u"look"_s);
    QVERIFY(back.sync().contains(
        u"Rules of games: invite-only, topic-lock, outside-messages, secret, limit=5, "
        "key=sesame"_s));
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({InviteOnly}));
}

void TestRoomRules::invitationSurvivesRestartUntilUsed()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    alice.send(u"rule invite-only on"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"register correct-horse"_s);
    QVERIFY(bob.sync().join(u'\n').contains(u"is registered"_s));
    alice.send(u"invite bob"_s);
    QVERIFY(alice.sync().contains(u"* alice invited bob into the room."_s));

    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login bob correct-horse"_s);
    back.sync();
    back.send(u"join games"_s);
    QVERIFY(back.sync().contains(Entered));
    // Used: gone, after another restart too.
    QVERIFY(f.restart());
    LineClient &again = f.connect();
    again.send(u"login bob correct-horse"_s);
    again.sync();
    again.send(u"join games"_s);
    EXPECT_LINES(again, QStringList({InviteOnly}));
}

void TestRoomRules::allowLetsInAgainAndAgain()
{
    ServerFixture f;
    LineClient &alice = inviteOnlyRoom(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({InviteOnly}));

    alice.send(u"allow Bob"_s);
    EXPECT_LINES(alice, QStringList({u"* alice lets bob into the room without an invitation."_s}));
    // Unlike an invitation, it is not used up.
    QVERIFY(entersAndLeaves(bob));
    QVERIFY(entersAndLeaves(bob));
    alice.sync();
    alice.send(u"allowed"_s);
    EXPECT_LINES(alice,
                 QStringList({u"Enter games without an invitation (1):"_s, u"  bob (by alice)"_s}));

    alice.send(u"disallow bob"_s);
    EXPECT_LINES(alice, QStringList({u"* alice took back bob's entry without an invitation."_s}));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({InviteOnly}));
    alice.send(u"disallow bob"_s); // nothing left to take back: the list says so
    EXPECT_LINES(alice, QStringList({u"Nobody enters games without an invitation."_s}));

    // An allowance means nothing while the room is open to all.
    alice.send(u"rule invite-only off"_s);
    alice.sync();
    QVERIFY(entersAndLeaves(bob));
}

void TestRoomRules::allowByAccountAndAddress()
{
    ServerFixture f;
    LineClient &alice = inviteOnlyRoom(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"register correct-horse"_s);
    bob.send(u"nick robert"_s);
    bob.sync();
    alice.send(u"allow account:bob"_s);
    alice.sync();
    QVERIFY(entersAndLeaves(bob)); // the account, under whatever name
    LineClient &carol = f.loggedIn(u"carol"_s);
    QVERIFY(!entersAndLeaves(carol));
    alice.send(u"allow 127.0.0.0/8"_s); // every test client comes from loopback
    alice.sync();
    QVERIFY(entersAndLeaves(carol));
}

void TestRoomRules::allowDoesNotBeatBanOrKey()
{
    ServerFixture f;
    LineClient &alice = inviteOnlyRoom(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.send(u"allow bob"_s);
    alice.send(u"ban bob"_s);
    alice.sync();
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({u"Error: You are banned from games."_s}));
    alice.send(u"unban bob"_s);
    alice.send(u"rule key sesame"_s);
    alice.sync();
    bob.send(u"join games"_s);
    QVERIFY(!bob.sync().contains(Entered));
    bob.send(u"join games sesame"_s);
    QVERIFY(bob.sync().contains(Entered));
}

void TestRoomRules::onlyOperatorsAllow()
{
    ServerFixture f;
    LineClient &alice = inviteOnlyRoom(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.send(u"invite bob"_s);
    alice.sync();
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    for (const QString &line : {u"allow carol"_s, u"disallow carol"_s, u"allowed"_s}) {
        bob.send(line);
        EXPECT_LINES(bob, QStringList({NotOperator}));
    }
    alice.send(u"op bob"_s);
    alice.sync();
    bob.sync();
    bob.send(u"allow carol"_s);
    QVERIFY(bob.sync().contains(u"* bob lets carol into the room without an invitation."_s));
}

void TestRoomRules::badMasks()
{
    ServerFixture f;
    LineClient &alice = inviteOnlyRoom(f);
    alice.send(u"allow"_s);
    EXPECT_LINES(alice, QStringList({u"Error: Usage: allow [#room] <mask>"_s}));
    // Under the flood control's burst: the answers come at once.
    for (const QString &line : {u"allow 10.0.0.0/33"_s, u"allow 300.1.1.1"_s, u"allow account:"_s,
                                u"allow b!c"_s, u"disallow b@d"_s}) {
        alice.send(line);
        EXPECT_LINES(alice, QStringList({u"Error: \"%1\" is not a mask: give a nickname, "
                                         u"account:<name>, or an address or subnet "
                                         u"(10.0.0.0/8)."_s.arg(line.section(u' ', 1))}));
    }
    const Room *room = f.server().processor().directory().room(u"games"_s);
    QVERIFY(room);
    QVERIFY(room->allowed().isEmpty());
}

void TestRoomRules::allowancesSurviveRestart()
{
    ServerFixture f;
    LineClient &alice = inviteOnlyRoom(f);
    alice.send(u"allow dave"_s);
    alice.send(u"allow account:erin"_s);
    alice.send(u"allow eve"_s);
    alice.send(u"disallow eve"_s);
    alice.sync();

    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login alice correct-horse"_s);
    back.send(u"join games"_s); // its owner again, invitation or not
    back.sync();
    back.send(u"allowed"_s);
    const QStringList list = back.sync();
    // The store gives them back in the order of their masks.
    const QStringList expected{u"Enter games without an invitation (2):"_s,
                               u"  account:erin (by alice)"_s, u"  dave (by alice)"_s};
    QCOMPARE(list, expected);
    LineClient &dave = f.loggedIn(u"dave"_s);
    QVERIFY(entersAndLeaves(dave));
    LineClient &eve = f.loggedIn(u"eve"_s);
    QVERIFY(!entersAndLeaves(eve));
}

QTEST_GUILESS_MAIN(TestRoomRules)
#include "tst_roomrules.moc"
