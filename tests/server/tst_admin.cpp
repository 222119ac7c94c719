// SPDX-License-Identifier: MIT
// What people are, as others see it, and what only administrators may do: away and back
// (the flag, and the away text sent back once per text to whoever writes privately), the
// flags of users and who (owner, op, muted, away, reconnecting, admin), who went by a name
// (whowas, and the bounded memory behind it), an administrator's notice, disconnect and close
// (481 for anyone else), and oper: an administrator's powers under another nickname.
#include "ExpectLines.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "core/Departures.h"
#include "core/User.h"

#include <QRegularExpression>
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
    void whowasTellsWhoWentByAName();
    void whowasInTaggedMode();
    void departuresAreBounded();
    void departuresFollowTheirLimits();
    void noticeToEveryone();
    void operGivesAnAdministratorsPowers();
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

void TestAdmin::whowasTellsWhoWentByAName()
{
    ServerConfig config;
    config.resumeGraceSeconds = 0; // a dropped connection ends the person at once
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"register correct-horse"_s);
    bob.sync();
    bob.send(u"nick robert"_s);
    bob.sync();
    bob.send(u"/logout gone fishing"_s);
    QVERIFY(bob.waitForDisconnected());
    LineClient &carol = f.loggedIn(u"carol"_s);
    alice.sync();
    carol.abort();
    QStringList seen;
    QTRY_VERIFY2((seen += alice.sync()).contains(u"* carol lost the connection."_s),
                 qPrintable(seen.join(u" | "_s)));

    // Today's departures show the time alone; the date comes before it on other days.
    const auto expect = [&alice](const QString &nick, const QString &pattern) {
        alice.send(u"whowas "_s + nick);
        const QStringList lines = alice.sync();
        QCOMPARE(lines.size(), 1);
        const QRegularExpression want(u"^"_s + pattern +
                                      u" at (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d\\.$"_s);
        QVERIFY2(want.match(lines[0]).hasMatch(), qPrintable(lines[0]));
    };
    expect(u"BOB"_s, uR"(bob \(account bob\) took the name robert)"_s);
    expect(u"robert"_s, uR"(robert \(account bob\) logged out)"_s);
    expect(u"carol"_s, u"carol lost the connection"_s);
    alice.send(u"whowas alice"_s); // here, so not gone
    EXPECT_LINES(alice, QStringList({u"Nobody called alice has left lately."_s}));
    alice.send(u"whowas bob many"_s);
    EXPECT_LINES(alice, QStringList({u"Error: Usage: whowas <nick> [count]"_s}));
}

void TestAdmin::whowasInTaggedMode()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    for (const QString &nick : {u"bert"_s, u"bob"_s, u"bert"_s}) { // bob, bert, bob: then bert
        bob.send(u"nick "_s + nick);
        bob.sync();
    }
    alice.sync();
    alice.send(u"whowas bob"_s);
    Event event = alice.readEvent();
    QCOMPARE(event.kind, Event::Kind::Whowas);
    QCOMPARE(event.nick, u"bob"_s);
    QCOMPARE(event.list.size(), 10); // two departures, newest first
    QCOMPARE(event.list.mid(0, 2), QStringList({u"bob"_s, QString()}));
    QCOMPARE(event.list.mid(3, 2), QStringList({u"nick"_s, u"bert"_s}));
    QCOMPARE(event.list.mid(8, 2), QStringList({u"nick"_s, u"bert"_s}));
    const QDateTime left = QDateTime::fromString(event.list[2], Qt::ISODateWithMs);
    QVERIFY(left.isValid());
    QCOMPARE(left.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(left.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QVERIFY(left >= QDateTime::fromString(event.list[7], Qt::ISODateWithMs));
    alice.sync();
    alice.send(u"whowas bob 1"_s);
    event = alice.readEvent();
    QCOMPARE(event.list.size(), 5);
    alice.sync();
    alice.send(u"whowas nobody"_s);
    event = alice.readEvent();
    QCOMPARE(event.kind, Event::Kind::Whowas);
    QCOMPARE(event.nick, u"nobody"_s);
    QVERIFY(event.list.isEmpty());
}

void TestAdmin::departuresAreBounded()
{
    User ann(u"ann"_s, 1);
    User ben(u"ben"_s, 2);
    User cy(u"cy"_s, 3);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Departures departures;
    departures.setLimits(3, 2);
    for (const QString &why : {u"w1"_s, u"w2"_s, u"w3"_s})
        departures.record(ann, why, now);
    // Two of ann's at most: the oldest went to make room for the third.
    QCOMPARE(departures.size(), 2);
    departures.record(ben, u"quit"_s, now);
    departures.record(cy, u"quit"_s, now);
    // Three in all: the oldest of everyone's went.
    QCOMPARE(departures.size(), 3);
    const QList<Departures::Entry> ofAnn = departures.of(u"ANN"_s, 0);
    QCOMPARE(ofAnn.size(), 1);
    QCOMPARE(ofAnn[0].why, u"w3"_s);
    QCOMPARE(departures.of(u"ben"_s, 0).size(), 1);
    QCOMPARE(departures.of(u"dee"_s, 0).size(), 0);
}

void TestAdmin::departuresFollowTheirLimits()
{
    User ann(u"ann"_s, 1);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Departures departures;
    departures.setLimits(10, 5);
    for (const QString &why : {u"w1"_s, u"w2"_s, u"w3"_s, u"w4"_s})
        departures.record(ann, why, now);
    const auto whys = [&departures](qsizetype count) {
        QStringList list;
        for (const Departures::Entry &entry : departures.of(u"ann"_s, count))
            list << entry.why;
        return list;
    };
    QCOMPARE(whys(2), QStringList({u"w4"_s, u"w3"_s}));
    QCOMPARE(whys(0), QStringList({u"w4"_s, u"w3"_s, u"w2"_s, u"w1"_s}));
    QCOMPARE(whys(-1), whys(0));
    // A reload lowers the share of a name: what is beyond it is no longer shown.
    departures.setLimits(10, 2);
    QCOMPARE(whys(0), QStringList({u"w4"_s, u"w3"_s}));
    // And the size: the oldest go at once.
    departures.setLimits(1, 2);
    QCOMPARE(departures.size(), 1);
    QCOMPARE(whys(0), QStringList({u"w4"_s}));
    // Nothing is kept with a size of 0.
    departures.setLimits(0, 2);
    departures.record(ann, u"w5"_s, now);
    QCOMPARE(departures.size(), 0);
    QVERIFY(whys(0).isEmpty());
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

void TestAdmin::operGivesAnAdministratorsPowers()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    for (const QString &nick : {u"root"_s, u"carol"_s}) { // root is an administrator, carol not
        LineClient &owner = f.loggedIn(nick);
        owner.send(u"register correct-horse"_s);
        owner.sync();
        owner.send(u"/quit"_s);
        QVERIFY(owner.waitForDisconnected());
    }
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &alice = f.loggedIn(u"alice"_s);
    bob.sync();
    bob.send(u"/notice hi"_s);
    EXPECT_LINES(bob, QStringList({u"Error: Only the server's administrators may use notice."_s}));
    bob.send(u"oper root"_s);
    EXPECT_LINES(bob, QStringList({u"Error: Usage: oper <account> <password>"_s}));
    bob.send(u"oper root battery-staple"_s);
    EXPECT_LINES(bob, QStringList({u"Error: Wrong password for root."_s}));
    // The right password of an account that is no administrator's: only now is that told.
    bob.send(u"oper carol correct-horse"_s);
    EXPECT_LINES(bob, QStringList({u"Error: Only the server's administrators may use oper."_s}));
    bob.send(u"oper ROOT correct-horse"_s);
    EXPECT_LINES(bob, QStringList({u"You now act as the server's administrator root, under your "
                                   "nickname."_s}));
    bob.send(u"/notice the server restarts at noon"_s);
    const QString notice = u"*** Notice from bob: the server restarts at noon"_s;
    EXPECT_LINES(bob, QStringList({notice}));
    EXPECT_LINES(alice, QStringList({notice}));
    // A word to the administrators reaches them alone; on telnet it needs its "/".
    alice.send(u"/wallops psst"_s);
    EXPECT_LINES(alice,
                 QStringList({u"Error: Only the server's administrators may use wallops."_s}));
    bob.send(u"/wallops lunch at noon?"_s);
    EXPECT_LINES(bob, QStringList({u"*** To the administrators from bob: lunch at noon?"_s}));
    EXPECT_LINES(alice, QStringList());
    LineClient &dave = f.taggedLoggedIn(u"dave"_s); // who marks an administrator, for programs
    dave.send(u"who bob"_s);
    QCOMPARE(flagsOf(next(dave, Event::Kind::Who), u"bob"_s), u"admin"_s);
    dave.sync();
    alice.sync();
    bob.sync();
    // The powers are the person's: another connection's person has none.
    alice.send(u"/disconnect bob"_s);
    EXPECT_LINES(alice,
                 QStringList({u"Error: Only the server's administrators may use disconnect."_s}));
    bob.send(u"/disconnect alice"_s);
    QCOMPARE(bob.sync().value(0), u"OK: disconnect alice"_s);
    QVERIFY(alice.waitForDisconnected());
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
