// SPDX-License-Identifier: MIT
#include "IrcClient.h"
#include "IrcRendering.h"
#include "ManualClock.h"
#include "ServerFixture.h"
#include "irc/IrcModes.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Server = IrcClient::Server;

} // namespace

// Bans and mutes from IRC (server/irc/IrcModes): MODE +b/-b with InspIRCd's mute extban
// (m:<nick>, as q is the owner's mode here), the ban list with the mutes in it,
// InspIRCd's TBAN onto the chat's timed bans and mutes, invite exceptions (+I, allow) and ban
// exceptions (+e, exempt). alice on IRC owns #g, where bob is on telnet.
class TestIrcModes : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void masks_data();
    void masks();
    void changes_data();
    void changes();
    void moderation_data();
    void moderation();
    void timedMuteEnds();
    void membersSeeNoMutes();
    void inviteExceptionLetsIn();
    void banExceptionLetsIn();
};

void TestIrcModes::durations_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<qint64>("seconds"); // 0: refused
    QTest::newRow("seconds") << u"90"_s << 90ll;
    QTest::newRow("minutes") << u"10m"_s << 600ll;
    QTest::newRow("hours and minutes") << u"1h30m"_s << 5400ll;
    QTest::newRow("a week") << u"1w"_s << 604800ll;
    QTest::newRow("a year") << u"1y"_s << 31536000ll;
    QTest::newRow("units in capitals") << u"2H"_s << 7200ll;
    QTest::newRow("trailing seconds") << u"1m5"_s << 65ll;
    QTest::newRow("zero") << u"0"_s << 0ll;
    QTest::newRow("zero minutes") << u"0m"_s << 0ll;
    QTest::newRow("empty") << QString() << 0ll;
    QTest::newRow("a unit alone") << u"h"_s << 0ll;
    QTest::newRow("two units") << u"1hm"_s << 0ll;
    QTest::newRow("another unit") << u"3x"_s << 0ll;
    QTest::newRow("negative") << u"-5"_s << 0ll;
    QTest::newRow("a space") << u"1h 5m"_s << 0ll;
    QTest::newRow("too many digits") << u"99999999999999999999"_s << 0ll;
}

void TestIrcModes::durations()
{
    QFETCH(QString, word);
    QFETCH(qint64, seconds);
    const std::optional<qint64> read = IrcModes::seconds(word);
    QCOMPARE(read.value_or(0), seconds);
}

void TestIrcModes::moderation_data()
{
    QTest::addColumn<QStringList>("sent");
    QTest::addColumn<QStringList>("replies"); // alice's
    const QString s = Server;
    const QString end = s + u" 368 alice #g :End of channel ban list"_s;
    QTest::newRow("a mute as an extended ban")
        << QStringList{u"MODE #g +b m:bob"_s}
        << QStringList{u":alice!alice@chat MODE #g +b m:bob"_s};
    QTest::newRow("a mute with a client's mask")
        << QStringList{u"MODE #g +b m:bob!*@*"_s}
        << QStringList{u":alice!alice@chat MODE #g +b m:bob"_s};
    QTest::newRow("a mute lifted") << QStringList{u"MODE #g +b m:bob"_s, u"MODE #g -b m:bob"_s}
                                   << QStringList{u":alice!alice@chat MODE #g +b m:bob"_s,
                                                  u":alice!alice@chat MODE #g -b m:bob"_s};
    QTest::newRow("mutes and bans in the ban list")
        << QStringList{u"MODE #g +b m:bob"_s, u"MODE #g +b carol"_s, u"MODE #g b"_s}
        << QStringList{u":alice!alice@chat MODE #g +b m:bob"_s,
                       u":alice!alice@chat MODE #g +b carol!*@*"_s, s + u" 367 alice #g m:bob"_s,
                       s + u" 367 alice #g carol!*@* alice <time>"_s, end};
    // IRC's masks: nick!*@* is the nick, and comes back so.
    QTest::newRow("a ban and its lifting by IRC masks")
        << QStringList{u"MODE #g +b Carol!*@*"_s, u"MODE #g -b carol!*@*"_s}
        << QStringList{u":alice!alice@chat MODE #g +b carol!*@*"_s,
                       u":alice!alice@chat MODE #g -b carol!*@*"_s};
    const QString why = u":Masks here are nick!*@* or *!*@address (every host is chat)"_s;
    QTest::newRow("a mask that would catch everyone")
        << QStringList{u"MODE #g +b *!*@*"_s, u"MODE #g +b *!*@chat"_s}
        << QStringList{s + u" 696 alice #g b *!*@* "_s + why,
                       s + u" 696 alice #g b *!*@chat "_s + why};
    QTest::newRow("a user name, a nick of wildcards alone")
        << QStringList{u"MODE #g -b bob!~bob@*"_s, u"TBAN #g 1h ?*!*@*"_s}
        << QStringList{s + u" 696 alice #g b bob!~bob@* "_s + why,
                       s + u" 696 alice #g b ?*!*@* "_s + why};
    // A pattern of nicks (bob, whom it puts out, leaves without a line of his own: the MODE
    // said it).
    QTest::newRow("a pattern of nicks")
        << QStringList{u"MODE #g +b B?b*!*@*"_s, u"MODE #g -b b?b*!*@*"_s}
        << QStringList{u":alice!alice@chat MODE #g +b b?b*!*@*"_s,
                       u":alice!alice@chat MODE #g -b b?b*!*@*"_s};
    QTest::newRow("an address that is none")
        << QStringList{u"MODE #g +b *!*@10.0.0.0/99"_s, u"MODE #g -I *!*@300.1.1.1"_s}
        << QStringList{s + u" 415 alice 10.0.0.0/99 :Bad Server/host mask"_s,
                       s + u" 415 alice 300.1.1.1 :Bad Server/host mask"_s};
    QTest::newRow("a mute of someone not logged in")
        << QStringList{u"MODE #g +b m:carol"_s}
        << QStringList{s + u" 401 alice carol :No one called carol is logged in."_s};
    QTest::newRow("operator rights for nobody")
        << QStringList{u"MODE #g +o nobody"_s}
        << QStringList{s + u" 401 alice nobody :No one called nobody is logged in."_s};
    QTest::newRow("a mute of nobody")
        << QStringList{u"MODE #g +b m:"_s}
        << QStringList{s + u" 461 alice MUTE :Usage: mute [#room] <nick> [seconds]"_s};
    QTest::newRow("TBAN") << QStringList{u"TBAN #g 1h bob"_s, u"MODE #g b"_s}
                          << QStringList{u":alice!alice@chat MODE #g +b bob!*@*"_s,
                                         s + u" 367 alice #g bob!*@* alice <time>"_s, end};
    QTest::newRow("TBAN of a mute") << QStringList{u"TBAN #g 10m m:bob"_s}
                                    << QStringList{u":alice!alice@chat MODE #g +b m:bob"_s};
    QTest::newRow("TBAN of an address")
        << QStringList{u"TBAN #g 1d 192.0.2.0/24"_s}
        << QStringList{u":alice!alice@chat MODE #g +b *!*@192.0.2.0/24"_s};
    QTest::newRow("TBAN for longer than the chat bans")
        << QStringList{u"TBAN #g 2y bob"_s}
        << QStringList{s + u" 461 alice BAN :Usage: ban [#room] <mask> [duration] [reason]"_s};
    QTest::newRow("TBAN with a bad time") << QStringList{u"TBAN #g soon bob"_s, u"TBAN #g 0 bob"_s}
                                          << QStringList{s + u" NOTICE alice :Invalid ban time"_s,
                                                         s + u" NOTICE alice :Invalid ban time"_s};
    QTest::newRow("TBAN without enough parameters")
        << QStringList{u"TBAN #g 1h"_s}
        << QStringList{s + u" 461 alice TBAN :Not enough parameters"_s};
    QTest::newRow("TBAN of a channel that is not one")
        << QStringList{u"TBAN g 1h bob"_s} << QStringList{s + u" 403 alice g :No such channel"_s};
    QTest::newRow("TBAN where one is no operator")
        << QStringList{u"TBAN #hall 1h bob"_s}
        << QStringList{s + u" 482 alice #hall :You may not do that in hall: it takes the room's "
                           "operators or owner."_s};
    QTest::newRow("+q is the owner's, not a quiet")
        << QStringList{u"MODE #g +q bob"_s}
        << QStringList{s + u" 472 alice q :is unknown mode char to me"_s};
    // Several changes in one line, as clients send them: the room's rules are one chat command
    // and come back as one MODE line; the others are a command and a MODE line each.
    QTest::newRow("several rules in one line")
        << QStringList{u"MODE #g +it-m"_s, u"MODE #g"_s, u"MODE #g -int"_s, u"MODE #g"_s}
        << QStringList{u":alice!alice@chat MODE #g +it-m"_s,
                       s + u" 324 alice #g +itn"_s,
                       s + u" 329 alice #g <time>"_s,
                       u":alice!alice@chat MODE #g -int"_s,
                       s + u" 324 alice #g +"_s,
                       s + u" 329 alice #g <time>"_s};
    QTest::newRow("rules with values in one line")
        << QStringList{u"MODE #g +lk-s 5 sesame"_s, u"MODE #g -lk *"_s}
        << QStringList{u":alice!alice@chat MODE #g +lk-s 5 sesame"_s,
                       u":alice!alice@chat MODE #g -lk *"_s};
    QTest::newRow("a rule refused among others")
        << QStringList{u"MODE #g +ilm 0"_s}
        << QStringList{s + u" 696 alice #g l 0 :A room's limit is a number of people from 1 to "
                           "1000000, or off."_s,
                       u":alice!alice@chat MODE #g +im"_s};
    QTest::newRow("several rules where one is no operator")
        << QStringList{u"MODE #hall +it"_s}
        << QStringList{s + u" 482 alice #hall :You may not do that in hall: it takes the room's "
                           "operators or owner."_s};
    QTest::newRow("a voice and a limit with their arguments")
        << QStringList{u"MODE #g +vl bob 5"_s}
        << QStringList{u":alice!alice@chat MODE #g +v bob"_s, u":alice!alice@chat MODE #g +l 5"_s};
    QTest::newRow("an unknown letter among known ones")
        << QStringList{u"MODE #g +xt"_s}
        << QStringList{s + u" 472 alice x :is unknown mode char to me"_s,
                       u":alice!alice@chat MODE #g +t"_s};
    // Invite exceptions: the chat's allow, disallow and allowed.
    QTest::newRow("invite exceptions and their list")
        << QStringList{u"MODE #g +I Carol!*@*"_s, u"MODE #g +I *!*@192.0.2.0/24"_s, u"MODE #g I"_s}
        << QStringList{u":alice!alice@chat MODE #g +I carol!*@*"_s,
                       u":alice!alice@chat MODE #g +I *!*@192.0.2.0/24"_s,
                       s + u" 346 alice #g carol!*@* alice <time>"_s,
                       s + u" 346 alice #g *!*@192.0.2.0/24 alice <time>"_s,
                       s + u" 347 alice #g :End of Channel Invite Exception List"_s};
    QTest::newRow("an invite exception taken back")
        << QStringList{u"MODE #g +I carol"_s, u"MODE #g -I carol!*@*"_s}
        << QStringList{u":alice!alice@chat MODE #g +I carol!*@*"_s,
                       u":alice!alice@chat MODE #g -I carol!*@*"_s};
    QTest::newRow("an invite exception for everyone")
        << QStringList{u"MODE #g +I *!*@*"_s} << QStringList{s + u" 696 alice #g I *!*@* "_s + why};
    QTest::newRow("an empty invite exception list")
        << QStringList{u"MODE #g +I"_s}
        << QStringList{s + u" 347 alice #g :End of Channel Invite Exception List"_s};
    // Ban exceptions: the chat's exempt, unexempt and exempted.
    QTest::newRow("ban exceptions and their list")
        << QStringList{u"MODE #g +e Carol!*@*"_s, u"MODE #g +e *!*@2001:db8::/32"_s,
                       u"MODE #g -e carol"_s, u"MODE #g e"_s}
        << QStringList{u":alice!alice@chat MODE #g +e carol!*@*"_s,
                       u":alice!alice@chat MODE #g +e *!*@2001:db8::/32"_s,
                       u":alice!alice@chat MODE #g -e carol!*@*"_s,
                       s + u" 348 alice #g *!*@2001:db8::/32 alice <time>"_s,
                       s + u" 349 alice #g :End of Channel Exception List"_s};
    QTest::newRow("a ban exception for everyone")
        << QStringList{u"MODE #g +e *!*@*"_s} << QStringList{s + u" 696 alice #g e *!*@* "_s + why};
    QTest::newRow("a ban exception that is no mask")
        << QStringList{u"MODE #g +e *!*@10.0.0.0/99"_s}
        << QStringList{s + u" 415 alice 10.0.0.0/99 :Bad Server/host mask"_s};
    QTest::newRow("+o without a nick")
        << QStringList{u"MODE #g +to"_s}
        << QStringList{s + u" 461 alice MODE :Not enough parameters"_s,
                       u":alice!alice@chat MODE #g +t"_s};
}

void TestIrcModes::masks_data()
{
    QTest::addColumn<QString>("irc");
    QTest::addColumn<QString>("chat");
    QTest::addColumn<QString>("shown"); // the chat's mask as IRC shows it again
    QTest::newRow("a nick") << u"bar!*@*"_s << u"bar"_s << u"bar!*@*"_s;
    QTest::newRow("a nick, stars doubled") << u"Bar!**@*"_s << u"Bar"_s << u"Bar!*@*"_s;
    QTest::newRow("a bare nick") << u"bar"_s << u"bar"_s << u"bar!*@*"_s;
    QTest::newRow("an address") << u"*!*@192.0.2.7"_s << u"192.0.2.7"_s << u"*!*@192.0.2.7"_s;
    QTest::newRow("a subnet") << u"*!*@2001:db8::/32"_s << u"2001:db8::/32"_s
                              << u"*!*@2001:db8::/32"_s;
    QTest::newRow("an account") << u"account:bob"_s << u"account:bob"_s << u"account:bob"_s;
    // What the chat cannot tell apart is left for it to refuse: every host here is the same.
    QTest::newRow("everyone") << u"*!*@*"_s << u"*!*@*"_s << QString();
    QTest::newRow("a pattern of nicks") << u"Ba*!*@*"_s << u"Ba*"_s << u"Ba*!*@*"_s;
    QTest::newRow("wildcards alone") << u"*?!*@*"_s << u"*?!*@*"_s << QString();
    QTest::newRow("a user name") << u"bar!~bar@*"_s << u"bar!~bar@*"_s << QString();
    QTest::newRow("a host with a wildcard")
        << u"*!*@*.example"_s << u"*!*@*.example"_s << QString();
    QTest::newRow("no host") << u"bar!*@"_s << u"bar!*@"_s << QString();
    QTest::newRow("a host name") << u"*!*@chat"_s << u"*!*@chat"_s << QString();
    QTest::newRow("a domain") << u"*!*@example.org"_s << u"*!*@example.org"_s << QString();
}

void TestIrcModes::masks()
{
    QFETCH(QString, irc);
    QFETCH(QString, chat);
    QFETCH(QString, shown);
    QCOMPARE(IrcRendering::chatMask(irc), chat);
    if (!shown.isEmpty())
        QCOMPARE(IrcRendering::ircMask(chat), shown);
}

void TestIrcModes::changes_data()
{
    using C = IrcModes::Change;
    QTest::addColumn<QString>("modes");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QList<C>>("changes");
    QTest::addColumn<bool>("missing");
    QTest::newRow("one") << u"+i"_s << QStringList{} << QList<C>{{true, u'i', {}}} << false;
    QTest::newRow("no sign adds") << u"t"_s << QStringList{} << QList<C>{{true, u't', {}}} << false;
    QTest::newRow("signs switch") << u"+i-tm"_s << QStringList{}
                                  << QList<C>{{true, u'i', {}},
                                              {false, u't', {}},
                                              {false, u'm', {}}}
                                  << false;
    QTest::newRow("arguments in order")
        << u"+ov-b"_s << QStringList{u"alice"_s, u"bob"_s, u"carol"_s}
        << QList<C>{{true, u'o', u"alice"_s}, {true, u'v', u"bob"_s}, {false, u'b', u"carol"_s}}
        << false;
    // A limit is set with a count and taken off without; a key takes one both ways.
    QTest::newRow("limits and keys") << u"-lk+lk"_s << QStringList{u"old"_s, u"5"_s, u"new"_s}
                                     << QList<C>{{false, u'l', {}},
                                                 {false, u'k', u"old"_s},
                                                 {true, u'l', u"5"_s},
                                                 {true, u'k', u"new"_s}}
                                     << false;
    QTest::newRow("a letter without argument counts once")
        << u"+iii-i"_s << QStringList{} << QList<C>{{true, u'i', {}}} << false;
    QTest::newRow("b without a mask is the list, once")
        << u"bb"_s << QStringList{} << QList<C>{{true, u'b', {}}} << false;
    QTest::newRow("I takes a mask") << u"+I-I"_s << QStringList{u"bob"_s}
                                    << QList<C>{{true, u'I', u"bob"_s}, {false, u'I', {}}} << false;
    QTest::newRow("e takes a mask") << u"+e-e"_s << QStringList{u"bob"_s}
                                    << QList<C>{{true, u'e', u"bob"_s}, {false, u'e', {}}} << false;
    QTest::newRow("o without a nick is dropped")
        << u"+oi"_s << QStringList{} << QList<C>{{true, u'i', {}}} << true;
    QTest::newRow("at most four with an argument")
        << u"+vvvvv"_s << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s}
        << QList<C>{{true, u'v', u"a"_s},
                    {true, u'v', u"b"_s},
                    {true, u'v', u"c"_s},
                    {true, u'v', u"d"_s}}
        << false;
    QTest::newRow("an unknown letter is kept for its 472")
        << u"+x"_s << QStringList{} << QList<C>{{true, u'x', {}}} << false;
    QTest::newRow("signs alone") << u"+-+"_s << QStringList{} << QList<C>{} << false;
}

void TestIrcModes::changes()
{
    QFETCH(QString, modes);
    QFETCH(QStringList, arguments);
    QFETCH(QList<IrcModes::Change>, changes);
    QFETCH(bool, missing);
    bool wasMissing = false;
    QCOMPARE(IrcModes::changes(modes, arguments, &wasMissing), changes);
    QCOMPARE(wasMissing, missing);
}

void TestIrcModes::moderation()
{
    QFETCH(QStringList, sent);
    QFETCH(QStringList, replies);
    ServerConfig config = IrcClient::serverConfig();
    config.historyOnJoin = 0;
    ServerFixture fixture(config);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    irc.send(u"JOIN #g"_s);
    QCOMPARE(irc.sync().value(0), u":alice!alice@chat JOIN #g"_s);
    LineClient &bob = fixture.loggedIn(u"bob"_s);
    bob.send(u"join g"_s);
    bob.sync();
    // IRC clients are in several rooms at once: alice saw bob arrive in the hall too.
    QCOMPARE(irc.sync(), (QStringList{u":bob!bob@chat JOIN #hall"_s, u":bob!bob@chat PART #hall"_s,
                                      u":bob!bob@chat JOIN #g"_s}));
    for (const QString &line : std::as_const(sent))
        irc.send(line);
    QCOMPARE(irc.sync(), replies);
}

void TestIrcModes::timedMuteEnds()
{
    ManualClock clock;
    ServerConfig config = IrcClient::serverConfig();
    config.historyOnJoin = 0;
    ServerFixture fixture(config, &clock);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    irc.send(u"JOIN #g"_s);
    irc.sync();
    LineClient &bob = fixture.loggedIn(u"bob"_s);
    bob.send(u"join g"_s);
    bob.sync();
    irc.send(u"TBAN #g 10m m:bob"_s);
    QCOMPARE(irc.sync().last(), u":alice!alice@chat MODE #g +b m:bob"_s);
    QCOMPARE(bob.sync(), QStringList{u"* alice muted bob for 600 seconds."_s});
    bob.send(u"hello?"_s);
    QCOMPARE(bob.sync(), QStringList{u"Error: You may not speak in g: you are muted there, or it "
                                     "is moderated and nobody gave you a voice. You may read."_s});
    clock.advanceSeconds(601);
    bob.send(u"hello again"_s);
    bob.sync();
    QCOMPARE(irc.sync(), QStringList{u":bob!bob@chat PRIVMSG #g :hello again"_s});
}

void TestIrcModes::membersSeeNoMutes()
{
    ServerConfig config = IrcClient::serverConfig();
    config.historyOnJoin = 0;
    ServerFixture fixture(config);
    IrcClient owner;
    QVERIFY(owner.connectTo(fixture));
    QVERIFY(owner.registerAs(u"alice"_s));
    owner.send(u"JOIN #g"_s);
    owner.sync();
    IrcClient member;
    QVERIFY(member.connectTo(fixture));
    QVERIFY(member.registerAs(u"bob"_s));
    member.send(u"JOIN #g"_s);
    member.sync();
    owner.send(u"MODE #g +b m:bob"_s);
    owner.sync();
    // Like the bans, which the chat shows to operators alone: an empty list.
    member.send(u"MODE #g b"_s);
    QCOMPARE(member.sync(), (QStringList{u":alice!alice@chat MODE #g +b m:bob"_s,
                                         Server + u" 368 bob #g :End of channel ban list"_s}));
}

void TestIrcModes::inviteExceptionLetsIn()
{
    ServerConfig config = IrcClient::serverConfig();
    config.historyOnJoin = 0;
    ServerFixture fixture(config);
    IrcClient owner;
    QVERIFY(owner.connectTo(fixture));
    QVERIFY(owner.registerAs(u"alice"_s));
    owner.send(u"JOIN #g"_s);
    owner.send(u"MODE #g +i"_s);
    owner.sync();
    IrcClient bar;
    QVERIFY(bar.connectTo(fixture));
    QVERIFY(bar.registerAs(u"Bar"_s));
    bar.send(u"JOIN #g"_s);
    QCOMPARE(bar.sync(), QStringList{Server + u" 473 Bar #g :g is invite-only: an operator must "
                                              "invite you first."_s});
    owner.send(u"MODE #g +I bar!*@*"_s);
    QCOMPARE(owner.sync().last(), u":alice!alice@chat MODE #g +I bar!*@*"_s);
    bar.send(u"JOIN #g"_s);
    QCOMPARE(bar.sync().value(0), u":Bar!Bar@chat JOIN #g"_s);
    bar.send(u"MODE #g I"_s); // not an operator: an empty list
    QCOMPARE(bar.sync(),
             QStringList{Server + u" 347 Bar #g :End of Channel Invite Exception List"_s});
}

void TestIrcModes::banExceptionLetsIn()
{
    ServerConfig config = IrcClient::serverConfig();
    config.historyOnJoin = 0;
    ServerFixture fixture(config);
    IrcClient owner;
    QVERIFY(owner.connectTo(fixture));
    QVERIFY(owner.registerAs(u"alice"_s));
    owner.send(u"JOIN #g"_s);
    owner.send(u"MODE #g +b *!*@127.0.0.0/8"_s); // everyone here
    owner.sync();
    IrcClient bar;
    QVERIFY(bar.connectTo(fixture));
    QVERIFY(bar.registerAs(u"Bar"_s));
    bar.send(u"JOIN #g"_s);
    QCOMPARE(bar.sync(), QStringList{Server + u" 474 Bar #g :You are banned from g."_s});
    owner.send(u"MODE #g +e bar!*@*"_s);
    QCOMPARE(owner.sync().last(), u":alice!alice@chat MODE #g +e bar!*@*"_s);
    bar.send(u"JOIN #g"_s);
    QCOMPARE(bar.sync().value(0), u":Bar!Bar@chat JOIN #g"_s);
    bar.send(u"MODE #g e"_s); // not an operator: an empty list
    QCOMPARE(bar.sync(), QStringList{Server + u" 349 Bar #g :End of Channel Exception List"_s});
}

QTEST_GUILESS_MAIN(TestIrcModes)
#include "tst_ircmodes.moc"
