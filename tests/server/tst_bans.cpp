// SPDX-License-Identifier: MIT
// Bans through a real server: by nick (and the account of an identified holder), by account,
// by IPv4 and IPv6 address and by subnet; a ban puts out whoever it catches and refuses their
// join (474); timed bans and mutes end on a clock the test moves, and leave the store; bans
// hold after a restart; the list is for operators. Exemptions let whoever they catch in past
// the bans alone, spare them when a ban comes, and are kept like the bans.
#include "ExpectLines.h"
#include "ManualClock.h"
#include "Protocol.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "core/Directory.h"
#include "core/Room.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// What reached client since the last sync is exactly expected; shows what came instead.
namespace {

const QString NotOperator =
    u"Error: You may not do that in games: it takes the room's operators or owner."_s;
const QString Banned = u"Error: You are banned from games."_s;
const QString Entered = u"* You have entered games."_s;

// alice owns games; each of others is in it too.
LineClient &owner(ServerFixture &f, const QHostAddress &address = {})
{
    LineClient &alice = f.loggedIn(u"alice"_s, address);
    alice.send(u"create games"_s);
    alice.sync();
    return alice;
}

LineClient &member(ServerFixture &f, const QString &nick, const QHostAddress &address = {})
{
    LineClient &client = f.loggedIn(nick, address);
    client.send(u"join games"_s);
    client.sync();
    return client;
}

} // namespace

class TestBans : public QObject
{
    Q_OBJECT

private slots:
    void banByNickPutsOutAndKeepsOut();
    void banByNickTakesTheAccount();
    void banByAccount();
    void banByAddressAndSubnet();
    void banByIpv6Address();
    void banByPattern();
    void onlyOperatorsBan();
    void badMasksAndDurations_data();
    void badMasksAndDurations();
    void durationOrReason();
    void kickAndRejoin();
    void timedBanAndMuteEnd();
    void bansSurviveRestart();
    void maskListsAreBoundedAndSplit_data();
    void maskListsAreBoundedAndSplit();
    void maskLimitIsASetting_data();
    void maskLimitIsASetting();
    void banFromTheHallHoldsAtLogin();
    void exemptionLetsTheBannedIn();
    void exemptionOpensOnlyTheBan();
    void newBanSparesTheExempted();
    void exemptionsSurviveRestart();
};

void TestBans::banByNickPutsOutAndKeepsOut()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    LineClient &carol = member(f, u"carol"_s);

    alice.send(u"ban bob spamming"_s);
    const QString announced = u"* alice banned bob from the room. Reason: spamming"_s;
    QVERIFY(alice.sync().contains(announced));
    const QStringList bobSaw = bob.sync();
    QVERIFY2(bobSaw.contains(announced), qPrintable(bobSaw.join(u'\n')));
    QVERIFY(bobSaw.contains(u"* You have left games."_s));
    QVERIFY(carol.sync().contains(u"* bob was banned from the room."_s));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({Banned}));

    // Not identified: the ban is on the name only.
    bob.send(u"nick bobby"_s);
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));

    alice.sync();
    alice.send(u"bans"_s);
    EXPECT_LINES(alice, QStringList({u"Bans in games (1):"_s, u"  bob (by alice): spamming"_s}));
    alice.send(u"unban bob"_s);
    QVERIFY(alice.sync().contains(u"* alice lifted the ban on bob."_s));
    alice.send(u"unban bob"_s); // nothing left to lift: the list says so
    EXPECT_LINES(alice, QStringList({u"Nobody is banned from games."_s}));
}

void TestBans::banByNickTakesTheAccount()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"register correct-horse"_s);
    bob.send(u"join games"_s);
    bob.sync();

    alice.send(u"ban bob 2h"_s);
    QVERIFY(alice.sync().contains(u"* alice banned bob from the room for 7200 seconds."_s));
    bob.send(u"nick robert"_s);
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Banned));
    alice.send(u"bans"_s);
    EXPECT_LINES(alice,
                 QStringList({u"Bans in games (2):"_s, u"  bob (by alice, 7200 seconds left)"_s,
                              u"  account:bob (by alice, 7200 seconds left)"_s}));
    // Lifting the nick's ban lifts its account's too.
    alice.send(u"unban bob"_s);
    alice.sync();
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
}

void TestBans::banByAccount()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"register correct-horse"_s);
    bob.send(u"nick robert"_s);
    bob.sync();
    alice.send(u"ban account:Bob"_s);
    QVERIFY(alice.sync().contains(u"* alice banned account:bob from the room."_s));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({Banned}));
}

void TestBans::banByAddressAndSubnet()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    alice.send(u"op bob"_s);
    alice.sync();
    LineClient &carol = member(f, u"carol"_s);

    // Everyone here is on 127.0.0.1: the ban puts out the members only, never the banner or
    // an operator, who stand as high.
    bob.send(u"ban 127.0.0.1"_s);
    QVERIFY(bob.sync().contains(u"* bob banned 127.0.0.1 from the room."_s));
    QVERIFY(carol.sync().contains(u"* You have left games."_s));
    carol.send(u"join games"_s);
    EXPECT_LINES(carol, QStringList({Banned}));
    LineClient &dave = f.loggedIn(u"dave"_s);
    dave.send(u"join games"_s);
    EXPECT_LINES(dave, QStringList({Banned}));

    alice.send(u"unban 127.0.0.1"_s);
    alice.send(u"ban 127.1.2.3/8 flood"_s); // the host bits go
    QVERIFY(alice.sync().contains(u"* alice banned 127.0.0.0/8 from the room. Reason: flood"_s));
    dave.send(u"join games"_s);
    EXPECT_LINES(dave, QStringList({Banned}));
    alice.send(u"unban 127.0.0.0/8"_s);
    alice.send(u"ban 10.0.0.0/8"_s);
    alice.sync();
    dave.send(u"join games"_s);
    QVERIFY(dave.sync().contains(Entered));
}

void TestBans::banByIpv6Address()
{
    ServerConfig config;
    config.bindAddress = QHostAddress::LocalHostIPv6;
    ServerFixture f(config);
    QVERIFY(f.isListening());
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    alice.send(u"ban 2001:db8::/32"_s);
    alice.sync();
    QVERIFY(!bob.sync().contains(u"* You have left games."_s));
    alice.send(u"ban 0:0::1"_s);
    QVERIFY(alice.sync().contains(u"* alice banned ::1 from the room."_s));
    QVERIFY(bob.sync().contains(u"* You have left games."_s));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({Banned}));
}

void TestBans::banByPattern()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &guest1 = member(f, u"Guest1"_s);
    LineClient &bob = member(f, u"bob"_s);
    alice.send(u"ban GUEST* guests wait in the hall"_s);
    QVERIFY(alice.sync().contains(
        u"* alice banned guest* from the room. Reason: guests wait in the hall"_s));
    QVERIFY(guest1.sync().contains(u"* You have left games."_s));
    QVERIFY(!bob.sync().contains(u"* You have left games."_s));
    LineClient &guest2 = f.loggedIn(u"guest2"_s);
    guest2.send(u"join games"_s);
    EXPECT_LINES(guest2, QStringList({Banned}));
    // A pattern is no one's nick: the name alone, never an account with it.
    alice.send(u"bans"_s);
    EXPECT_LINES(alice, QStringList({u"Bans in games (1):"_s,
                                     u"  guest* (by alice): guests wait in the hall"_s}));
    alice.send(u"unban guest*"_s);
    alice.sync();
    guest2.send(u"join games"_s);
    QVERIFY(guest2.sync().contains(Entered));
}

void TestBans::onlyOperatorsBan()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    for (const QString &line : {u"ban carol"_s, u"unban carol"_s, u"bans"_s, u"exempt carol"_s,
                                u"unexempt carol"_s, u"exempted"_s}) {
        bob.send(line);
        EXPECT_LINES(bob, QStringList({NotOperator}));
    }
    // Nobody bans someone of their own standing or above.
    alice.send(u"op bob"_s);
    alice.sync();
    bob.sync();
    bob.send(u"ban alice"_s);
    EXPECT_LINES(bob, QStringList({NotOperator}));
    bob.send(u"ban bob"_s);
    EXPECT_LINES(bob, QStringList({NotOperator}));
}

void TestBans::badMasksAndDurations_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("answer");
    const QString usage = u"Error: Usage: ban [#room] <mask> [duration] [reason]"_s;
    const auto notAMask = [](const QString &given) {
        return u"Error: \"%1\" is not a mask: give a nickname, account:<name>, or an address or "
               u"subnet (10.0.0.0/8)."_s.arg(given);
    };
    QTest::newRow("no mask") << u"ban"_s << usage;
    QTest::newRow("prefix too long") << u"ban 10.0.0.0/33"_s << notAMask(u"10.0.0.0/33"_s);
    QTest::newRow("no address") << u"ban 300.1.1.1"_s << notAMask(u"300.1.1.1"_s);
    QTest::newRow("no account") << u"ban account:"_s << notAMask(u"account:"_s);
    QTest::newRow("no nickname") << u"ban b@d"_s << notAMask(u"b@d"_s);
    QTest::newRow("wildcards alone") << u"ban *"_s << notAMask(u"*"_s);
    QTest::newRow("unban") << u"unban 10.0.0.0/99"_s << notAMask(u"10.0.0.0/99"_s);
    QTest::newRow("allow") << u"allow 1.2.3.4.5"_s << notAMask(u"1.2.3.4.5"_s);
    QTest::newRow("disallow") << u"disallow ::1/129"_s << notAMask(u"::1/129"_s);
    QTest::newRow("exempt") << u"exempt 10.0.0.0/8/8"_s << notAMask(u"10.0.0.0/8/8"_s);
    QTest::newRow("unexempt") << u"unexempt b!c"_s << notAMask(u"b!c"_s);
    QTest::newRow("exempt nothing") << u"exempt"_s << u"Error: Usage: exempt [#room] <mask>"_s;
    QTest::newRow("zero seconds") << u"ban bob 0s"_s << usage;
    QTest::newRow("beyond a year") << u"ban bob 367d"_s << usage;
    QTest::newRow("overflow") << u"ban bob 99999999999999999999s"_s << usage;
}

void TestBans::badMasksAndDurations()
{
    QFETCH(QString, line);
    QFETCH(QString, answer);
    ServerFixture f;
    LineClient &alice = owner(f);
    alice.send(line);
    EXPECT_LINES(alice, QStringList({answer}));
    const Room *games = f.server().processor().directory().room(u"games"_s);
    QVERIFY(games);
    QVERIFY(games->bans().isEmpty());
    QVERIFY(games->allowed().isEmpty());
}

// After the mask, a first word that is no duration starts the reason; 0 is for good.
void TestBans::durationOrReason()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    alice.send(u"ban bob 10x"_s); // not a duration: a reason
    QVERIFY(alice.sync().contains(u"* alice banned bob from the room. Reason: 10x"_s));
    // 0 is for good, and lets a reason start with a number.
    alice.send(u"ban carol 0 3 strikes"_s);
    QVERIFY(alice.sync().contains(u"* alice banned carol from the room. Reason: 3 strikes"_s));
    alice.send(u"ban dave 0"_s);
    QVERIFY(alice.sync().contains(u"* alice banned dave from the room."_s));
    const Room *games = f.server().processor().directory().room(u"games"_s);
    QVERIFY(games);
    for (const MaskList::Entry &entry : games->bans().all())
        QCOMPARE(entry.untilMs, qint64(0));
}

void TestBans::kickAndRejoin()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    alice.send(u"kick bob"_s);
    alice.sync();
    QVERIFY(bob.sync().contains(u"* You have left games."_s));
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
}

void TestBans::timedBanAndMuteEnd()
{
    ManualClock clock;
    ServerFixture f({}, &clock);
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    LineClient &carol = member(f, u"carol"_s);
    SanctionExpiry &expiry = f.server().processor().sanctionExpiry();

    alice.send(u"ban bob 10m"_s);
    alice.send(u"mute carol 1m"_s);
    alice.sync();
    bob.sync();
    clock.advanceSeconds(61);
    QCOMPARE(expiry.expire(), 1); // carol's mute
    carol.sync();
    carol.send(u"hello"_s);
    QVERIFY(carol.sync().contains(u"carol: hello"_s));
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({Banned}));
    clock.advanceSeconds(540);
    QCOMPARE(expiry.expire(), 1); // bob's ban
    alice.sync();
    alice.send(u"bans"_s);
    EXPECT_LINES(alice, QStringList({u"Nobody is banned from games."_s}));
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));

    // The ended rules left the store: after a restart nothing comes back.
    alice.send(u"ban dave 1h"_s);
    alice.sync();
    clock.advanceSeconds(3601);
    QCOMPARE(expiry.expire(), 1);
    QVERIFY(f.restart());
    LineClient &dave = f.loggedIn(u"dave"_s);
    dave.send(u"join games"_s);
    QVERIFY(dave.sync().contains(Entered));
}

void TestBans::bansSurviveRestart()
{
    ServerFixture f;
    // A registered owner, who owns the room again after the restart.
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.send(u"ban bob"_s);
    alice.send(u"ban 127.0.0.0/8 1h whole block"_s);
    alice.send(u"ban account:carol 2d"_s);
    alice.sync();

    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login alice correct-horse"_s);
    back.send(u"join games"_s);
    back.sync();
    back.send(u"bans"_s);
    const QStringList list = back.sync();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.value(0), u"Bans in games (3):"_s);
    // The store gives them back in the order of their masks.
    QVERIFY2(list.value(1).startsWith(u"  127.0.0.0/8 (by alice, 3"_s), qPrintable(list.value(1)));
    QVERIFY(list.value(1).endsWith(u" seconds left): whole block"_s));
    QVERIFY(list.value(2).startsWith(u"  account:carol (by alice, 17"_s));
    QCOMPARE(list.value(3), u"  bob (by alice)"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({Banned}));
}

// A room's three lists of masks, its bans, those it lets in without an invitation and those its
// bans do not keep out, are bounded alike (--max-room-masks, 100 by default) and listed alike.
void TestBans::maskListsAreBoundedAndSplit_data()
{
    QTest::addColumn<QString>("add");
    QTest::addColumn<QString>("show");
    QTest::addColumn<Event::Kind>("kind");
    QTest::newRow("bans") << u"ban"_s << u"bans"_s << Event::Kind::Bans;
    QTest::newRow("allowed") << u"allow"_s << u"allowed"_s << Event::Kind::Allowed;
    QTest::newRow("exempted") << u"exempt"_s << u"exempted"_s << Event::Kind::Exempted;
}

void TestBans::maskListsAreBoundedAndSplit()
{
    QFETCH(QString, add);
    QFETCH(QString, show);
    QFETCH(Event::Kind, kind);
    ServerConfig config;
    config.floodRate = 0; // a hundred at once, without waiting for the flood control
    QCOMPARE(config.maxRoomMasks, 100);
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.sync();
    const QString reason = kind == Event::Kind::Bans ? u' ' + QString(200, u'x') : QString();
    for (int i = 0; i < 100; ++i)
        alice.send(u"%1 10.%2.0.0/16%3"_s.arg(add).arg(i).arg(reason));
    alice.sync();
    alice.send(u"@full %1 10.200.0.0/16"_s.arg(add));
    const Event full = alice.readEvent();
    QCOMPARE(full.code, ErrorCode::BanListFull);
    QCOMPARE(full.subject, u"100"_s);
    // A mask that is there already is no new entry.
    alice.send(u"%1 10.0.0.0/16"_s.arg(add));
    QVERIFY(alice.readEvent().kind == Event::Kind::Moderation);

    // A long list comes in several lines, each well under a client's line limit.
    alice.send(u"@list "_s + show);
    qsizetype listed = 0;
    while (listed < 100) {
        const QByteArray raw = alice.readRawLine();
        QVERIFY2(raw.size() < Protocol::DefaultMaxLineBytes, raw.left(80).constData());
        const Event event = TaggedCodec::parse(QString::fromUtf8(raw));
        QCOMPARE(event.kind, kind);
        QCOMPARE(event.label, u"list"_s);
        QCOMPARE(event.count, 100);
        QCOMPARE(qsizetype(event.seq), listed);
        QVERIFY(!event.list.isEmpty());
        listed += event.list.size() / 4;
    }
    QCOMPARE(listed, 100);
    QVERIFY(alice.sync().isEmpty());
}

// The bound is a setting; a lower one after a restart keeps every mask the store holds (none is
// lost), and the list takes new ones again once it is below it.
void TestBans::maskLimitIsASetting_data()
{
    maskListsAreBoundedAndSplit_data();
}

void TestBans::maskLimitIsASetting()
{
    QFETCH(QString, add);
    QFETCH(QString, show);
    QTemporaryDir data;
    ServerConfig config;
    config.dataDirectory = data.path();
    config.maxRoomMasks = 3;
    QStringList masks;
    {
        ServerFixture f(config);
        LineClient &alice = f.taggedLoggedIn(u"alice"_s);
        alice.send(u"register correct-horse"_s); // the owner, after the restart too
        alice.send(u"create games"_s);
        alice.sync();
        for (int i = 0; i < 3; ++i) {
            masks << u"10.%1.0.0/16"_s.arg(i);
            alice.send(add + u' ' + masks.last());
        }
        alice.sync();
        alice.send(u"@full %1 10.9.0.0/16"_s.arg(add));
        const Event full = alice.readEvent();
        QCOMPARE(full.code, ErrorCode::BanListFull);
        QCOMPARE(full.subject, u"3"_s);
    }
    config.maxRoomMasks = 2;
    ServerFixture f(config);
    LineClient &alice = f.connect();
    alice.send(u"login alice correct-horse"_s);
    alice.send(u"join games"_s);
    alice.sync();
    alice.send(show);
    const QStringList listed = alice.sync();
    for (const QString &mask : std::as_const(masks))
        QVERIFY2(listed.join(u'\n').contains(mask), qPrintable(listed.join(u'\n')));
    alice.send(add + u' ' + masks.first()); // there already: it may change
    alice.send(add + u" 10.8.0.0/16"_s);
    const QStringList answers = alice.sync();
    QCOMPARE(answers.size(), 2);
    QVERIFY2(answers[1].contains(u"The room's list is full (2 masks)"_s), qPrintable(answers[1]));
}

void TestBans::banFromTheHallHoldsAtLogin()
{
    ServerConfig config;
    config.administrators = u"root"_s;
    ServerFixture f(config);
    LineClient &root = f.loggedIn(u"root"_s);
    root.send(u"register correct-horse"_s);
    root.sync();
    LineClient &troll = f.loggedIn(u"troll"_s);
    root.send(u"ban troll"_s);
    QVERIFY(root.sync().contains(u"* root banned troll from the room."_s));
    troll.send(u"logout"_s);
    QVERIFY(troll.waitForDisconnected());

    // Logging in again does not take them into the hall; other rooms still may.
    LineClient &again = f.connect();
    again.send(u"login troll"_s);
    const QStringList lines = again.sync();
    QVERIFY2(lines.contains(u"Error: You are banned from hall."_s), qPrintable(lines.join(u'\n')));
    QVERIFY(!lines.contains(u"* You have entered hall."_s));
    again.send(u"create cave"_s);
    QVERIFY(again.sync().contains(u"* You have entered cave."_s));
}

void TestBans::exemptionLetsTheBannedIn()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    // Everyone here comes from loopback: the ban catches them all.
    alice.send(u"ban 127.0.0.0/8 a noisy lab"_s);
    alice.send(u"exempt Bob"_s);
    QVERIFY(
        alice.sync().contains(u"* alice lets bob into the room even when a ban catches them."_s));
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    QVERIFY(bob.sync().contains(Entered));
    LineClient &carol = f.loggedIn(u"carol"_s);
    carol.send(u"join games"_s);
    EXPECT_LINES(carol, QStringList({Banned}));

    // By account, under whatever name.
    carol.send(u"register correct-horse"_s);
    carol.send(u"nick caroline"_s);
    carol.sync();
    alice.send(u"exempt account:carol"_s);
    alice.sync();
    carol.send(u"join games"_s);
    QVERIFY(carol.sync().contains(Entered));

    alice.sync();
    alice.send(u"exempted"_s);
    EXPECT_LINES(alice, QStringList({u"Let into games despite its bans (2):"_s,
                                     u"  bob (by alice)"_s, u"  account:carol (by alice)"_s}));
    alice.send(u"unexempt bob"_s);
    EXPECT_LINES(alice,
                 QStringList({u"* alice took back bob's exemption from the room's bans."_s}));
    // Taking it back does not put bob out; the ban holds for him at the door again.
    bob.sync();
    bob.send(u"leave games"_s);
    bob.sync();
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({Banned}));
    alice.send(u"unexempt account:carol"_s);
    alice.sync();
    alice.send(u"unexempt account:carol"_s); // nothing left to take back: the list says so
    EXPECT_LINES(alice, QStringList({u"The bans of games hold for everyone."_s}));
}

void TestBans::exemptionOpensOnlyTheBan()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    alice.send(u"ban bob"_s);
    alice.send(u"exempt bob"_s);
    alice.send(u"rule invite-only on"_s);
    alice.sync();
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"join games"_s);
    EXPECT_LINES(bob, QStringList({u"Error: games is invite-only: an operator must invite you "
                                   u"first."_s}));
    alice.send(u"rule invite-only off key sesame"_s);
    alice.sync();
    bob.send(u"join games"_s);
    QVERIFY(!bob.sync().contains(Entered));
    bob.send(u"join games sesame"_s);
    QVERIFY(bob.sync().contains(Entered));

    // Nor does it open a room closed to lines from outside, yet it lifts the ban there too.
    bob.send(u"leave games"_s);
    alice.send(u"rule outside-messages on"_s);
    alice.sync();
    bob.sync();
    bob.send(u"say #games hello from outside"_s);
    QVERIFY(bob.sync().contains(u"[games] bob: hello from outside"_s));
    alice.send(u"unexempt bob"_s);
    alice.sync();
    bob.send(u"say #games again"_s);
    EXPECT_LINES(bob, QStringList({Banned}));
}

void TestBans::newBanSparesTheExempted()
{
    ServerFixture f;
    LineClient &alice = owner(f);
    LineClient &bob = member(f, u"bob"_s);
    LineClient &carol = member(f, u"carol"_s);
    alice.send(u"exempt bob"_s);
    alice.sync();
    bob.sync();
    carol.sync();
    alice.send(u"ban 127.0.0.1"_s);
    alice.sync();
    QVERIFY(carol.sync().contains(u"* You have left games."_s));
    const QStringList bobSaw = bob.sync();
    QVERIFY2(!bobSaw.contains(u"* You have left games."_s), qPrintable(bobSaw.join(u'\n')));
    const Room *room = f.server().processor().directory().room(u"games"_s);
    QVERIFY(room);
    QCOMPARE(room->members().size(), 2);
}

void TestBans::exemptionsSurviveRestart()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register correct-horse"_s);
    alice.send(u"create games"_s);
    alice.send(u"ban 127.0.0.0/8"_s);
    alice.send(u"exempt dave"_s);
    alice.send(u"exempt account:erin"_s);
    alice.send(u"exempt eve"_s);
    alice.send(u"unexempt eve"_s);
    alice.sync();

    QVERIFY(f.restart());
    LineClient &back = f.connect();
    back.send(u"login alice correct-horse"_s);
    back.send(u"join games"_s);
    back.sync();
    back.send(u"exempted"_s);
    // The store gives them back in the order of their masks.
    EXPECT_LINES(back, QStringList({u"Let into games despite its bans (2):"_s,
                                    u"  account:erin (by alice)"_s, u"  dave (by alice)"_s}));
    LineClient &dave = f.loggedIn(u"dave"_s);
    dave.send(u"join games"_s);
    QVERIFY(dave.sync().contains(Entered));
    LineClient &eve = f.loggedIn(u"eve"_s);
    eve.send(u"join games"_s);
    EXPECT_LINES(eve, QStringList({Banned}));
}

QTEST_GUILESS_MAIN(TestBans)
#include "tst_bans.moc"
