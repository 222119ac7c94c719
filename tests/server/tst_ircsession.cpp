// SPDX-License-Identifier: MIT
#include "IrcClient.h"
#include "PasswordFile.h"
#include "ServerFixture.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Server = IrcClient::Server;

} // namespace

// The IRC front end, as RFC 2812 and IRCv3 describe the client protocol: each row of session()
// is an IRC client's lines and every line the server answers, checked against the numerics of
// RFC 2812; the other tests put IRC, telnet and tagged clients in the same rooms.
class TestIrcSession : public QObject
{
    Q_OBJECT

private slots:
    void welcome();
    void session_data();
    void session();
    void nickInUseDuringRegistration();
    void startsInNoChannelWhenAsked();
    void serverPasswordAtRegistration();
    void registeredNickNeedsPassword();
    void threeKindsOfClientInOneRoom();
    void noticesAreNotes();
    void invitationConcernsTwo();
    void limitAndKey();
    void moderatedAndVoice();
    void externalMessages();
    void whowas();
    void operAndKill();
    void helpLists();
    void timeIsNow();
    void partingWords();
    void capabilitiesShapeMessages();
    void invisibleInWho();
    void malformedInput_data();
    void malformedInput();
    void listenerOff();
    void listenerOverTls();
};

void TestIrcSession::welcome()
{
    ServerFixture fixture(IrcClient::serverConfig());
    QVERIFY(fixture.isListening());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    irc.send(u"CAP LS 302"_s);
    irc.send(u"NICK alice"_s);
    irc.send(u"USER alice 0 * :Alice Liddell"_s);
    irc.send(u"CAP END"_s);
    const QStringList lines = irc.sync();
    QCOMPARE(lines.value(0),
             Server + u" CAP * LS :account-tag away-notify batch cap-notify draft/chathistory "
                      "echo-message extended-join labeled-response message-tags multi-prefix "
                      "sasl=PLAIN server-time userhost-in-names"_s);
    QVERIFY2(lines.value(1).startsWith(Server + u" 001 alice :Welcome"_s),
             qPrintable(lines.value(1)));
    QVERIFY(lines.value(2).startsWith(Server + u" 002 alice "_s));
    QVERIFY(lines.value(3).startsWith(Server + u" 003 alice "_s));
    // 004: user modes (an operator), channel modes, those of them with a parameter.
    QVERIFY(lines.value(4).startsWith(Server + u" 004 alice test.chat "_s));
    QVERIFY2(lines.value(4).endsWith(u" io IRbeiklmnostv Ibeklov"_s), qPrintable(lines.value(4)));
    // ISUPPORT tells the truth about our names.
    for (const QString &token :
         {u"CHANTYPES=#"_s, u"NICKLEN=24"_s, u"CHANNELLEN=33"_s, u"TOPICLEN=300"_s,
          u"CASEMAPPING=rfc8265"_s, u"UTF8ONLY"_s, u"CHANMODES=Ibe,k,l,imnRst"_s, u"MODES=4"_s,
          u"KEYLEN=23"_s, u"EXTBAN=,m"_s, u"PREFIX=(ov)@+"_s})
        QVERIFY2(lines.value(5).contains(token), qPrintable(lines.value(5)));
    QCOMPARE(lines.value(6),
             Server + u" 005 alice NETWORK=test.chat CHATHISTORY=1000 "
                      "MSGREFTYPES=timestamp,msgid INVEX EXCEPTS :are supported by this server"_s);
    QCOMPARE(lines.value(7), Server + u" 375 alice :- test.chat Message of the day -"_s);
    QVERIFY(lines.value(8).startsWith(Server + u" 372 alice :- "_s));
    QVERIFY(lines.value(9).startsWith(Server + u" 372 alice :- "_s));
    QCOMPARE(lines.mid(10),
             (QStringList{Server + u" 376 alice :End of /MOTD command"_s,
                          u":alice!alice@chat JOIN #hall"_s, Server + u" 353 alice = #hall alice"_s,
                          Server + u" 366 alice #hall :End of /NAMES list"_s}));
}

void TestIrcSession::session_data()
{
    QTest::addColumn<QStringList>("sent");
    QTest::addColumn<QStringList>("replies");
    const QString s = Server;

    QTest::newRow("JOIN makes a channel that does not exist")
        << QStringList{u"JOIN #games"_s}
        << QStringList{u":alice!alice@chat JOIN #games"_s, s + u" 353 alice = #games @alice"_s,
                       s + u" 366 alice #games :End of /NAMES list"_s};
    QTest::newRow("JOIN a channel you are in says nothing")
        << QStringList{u"JOIN #hall"_s} << QStringList{};
    QTest::newRow("JOIN several") << QStringList{u"JOIN #a,#b"_s}
                                  << QStringList{u":alice!alice@chat JOIN #a"_s,
                                                 s + u" 353 alice = #a @alice"_s,
                                                 s + u" 366 alice #a :End of /NAMES list"_s,
                                                 u":alice!alice@chat JOIN #b"_s,
                                                 s + u" 353 alice = #b @alice"_s,
                                                 s + u" 366 alice #b :End of /NAMES list"_s};
    QTest::newRow("JOIN without a channel")
        << QStringList{u"JOIN"_s} << QStringList{s + u" 461 alice JOIN :Not enough parameters"_s};
    QTest::newRow("JOIN a name that is not a channel")
        << QStringList{u"JOIN games"_s} << QStringList{s + u" 403 alice games :No such channel"_s};
    QTest::newRow("JOIN a bad room name")
        << QStringList{u"JOIN #a!b"_s}
        << QStringList{s + u" 479 alice #a!b :\"a!b\" is not a valid room name: use up to 32 "
                           "letters of one script, digits, '_' or '-', starting with a letter, "
                           "digit or '_'."_s};
    QTest::newRow("JOIN 0 leaves every channel")
        << QStringList{u"JOIN #a"_s, u"JOIN 0"_s}
        << QStringList{u":alice!alice@chat JOIN #a"_s, s + u" 353 alice = #a @alice"_s,
                       s + u" 366 alice #a :End of /NAMES list"_s,
                       u":alice!alice@chat PART #hall"_s, u":alice!alice@chat PART #a"_s};
    QTest::newRow("PART") << QStringList{u"PART #hall"_s}
                          << QStringList{u":alice!alice@chat PART #hall"_s};
    QTest::newRow("PART a channel that does not exist")
        << QStringList{u"PART #nowhere"_s}
        << QStringList{s + u" 403 alice #nowhere :There is no room called nowhere (list shows the "
                           "rooms)."_s};
    QTest::newRow("TOPIC set, then asked")
        << QStringList{u"TOPIC #hall :tea at four"_s, u"TOPIC #hall"_s}
        << QStringList{u":alice!alice@chat TOPIC #hall :tea at four"_s,
                       s + u" 332 alice #hall :tea at four"_s,
                       s + u" 333 alice #hall alice <time>"_s};
    QTest::newRow("TOPIC set, then cleared by an empty text")
        << QStringList{u"TOPIC #hall :tea at four"_s, u"TOPIC #hall :"_s}
        << QStringList{u":alice!alice@chat TOPIC #hall :tea at four"_s,
                       u":alice!alice@chat TOPIC #hall :"_s};
    QTest::newRow("TOPIC with no topic set")
        << QStringList{u"TOPIC #hall"_s} << QStringList{s + u" 331 alice #hall :No topic is set"_s};
    QTest::newRow("NAMES of channels there are no names for")
        << QStringList{u"NAMES #nowhere,nowhere"_s, u"JOIN #g"_s, u"PART #g"_s, u"NAMES #g"_s}
        << QStringList{s + u" 366 alice nowhere :End of /NAMES list"_s,
                       s + u" 366 alice #nowhere :End of /NAMES list"_s,
                       u":alice!alice@chat JOIN #g"_s,
                       s + u" 353 alice = #g @alice"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s,
                       u":alice!alice@chat PART #g"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s};
    QTest::newRow("NAMES") << QStringList{u"NAMES #hall"_s}
                           << QStringList{s + u" 353 alice = #hall alice"_s,
                                          s + u" 366 alice #hall :End of /NAMES list"_s};
    QTest::newRow("NAMES of nothing")
        << QStringList{u"NAMES"_s} << QStringList{s + u" 366 alice * :End of /NAMES list"_s};
    QTest::newRow("WHO a channel")
        << QStringList{u"WHO #hall"_s}
        << QStringList{s + u" 352 alice #hall ~alice chat test.chat alice H :0 alice"_s,
                       s + u" 315 alice #hall :End of /WHO list"_s};
    QTest::newRow("WHO a mask")
        << QStringList{u"WHO ali*"_s}
        << QStringList{s + u" 352 alice #hall ~alice chat test.chat alice H :0 alice"_s,
                       s + u" 315 alice ali* :End of /WHO list"_s};
    QTest::newRow("WHO * is everyone")
        << QStringList{u"WHO *"_s}
        << QStringList{s + u" 352 alice #hall ~alice chat test.chat alice H :0 alice"_s,
                       s + u" 315 alice * :End of /WHO list"_s};
    QTest::newRow("WHO without a mask")
        << QStringList{u"WHO"_s} << QStringList{s + u" 315 alice * :End of /WHO list"_s};
    QTest::newRow("WHOIS") << QStringList{u"WHOIS alice"_s}
                           << QStringList{s + u" 311 alice alice ~alice chat * alice"_s,
                                          s + u" 319 alice alice #hall"_s,
                                          s + u" 312 alice alice test.chat :test server"_s,
                                          s + u" 318 alice alice :End of /WHOIS list"_s};
    // Modern IRC's help numerics: about one of IRC's commands (what it is in the chat), one of
    // the chat's own, or neither (524). IRC's usage wins where the two share a word.
    QTest::newRow("HELP about a command")
        << QStringList{u"HELPOP privmsg"_s, u"HELP mute"_s, u"HELP whowas"_s, u"HELP nonsense"_s}
        << QStringList{s + u" 704 alice PRIVMSG :PRIVMSG <#channel|nick>[,...] :<text>"_s,
                       s + u" 705 alice PRIVMSG :Says text in a channel (the chat's say) or to "
                           "one person (msg)."_s,
                       s + u" 705 alice PRIVMSG :CTCP ACTION is the chat's me; other CTCP is "
                           "dropped."_s,
                       s + u" 706 alice PRIVMSG :End of /HELP"_s,
                       s + u" 704 alice mute :mute [#room] <nick> [seconds]"_s,
                       s + u" 705 alice mute :Let someone read but not speak in the room, for a "
                           "while or until unmuted (operators)."_s,
                       s + u" 706 alice mute :End of /HELP"_s,
                       s + u" 704 alice WHOWAS :WHOWAS <nick> [<count>]"_s,
                       s + u" 705 alice WHOWAS :When someone left under that nickname or took "
                           "another, newest first."_s,
                       s + u" 706 alice WHOWAS :End of /HELP"_s,
                       s + u" 524 alice nonsense :No help available on this topic"_s};
    QTest::newRow("LINKS: this server alone")
        << QStringList{u"LINKS"_s, u"LINKS *.chat"_s, u"LINKS elsewhere.net"_s}
        << QStringList{s + u" 364 alice test.chat test.chat :0 test server"_s,
                       s + u" 365 alice * :End of /LINKS list"_s,
                       s + u" 364 alice test.chat test.chat :0 test server"_s,
                       s + u" 365 alice *.chat :End of /LINKS list"_s,
                       s + u" 365 alice elsewhere.net :End of /LINKS list"_s};
    QTest::newRow("WHOIS without a nick")
        << QStringList{u"WHOIS"_s} << QStringList{s + u" 431 alice :No nickname given"_s};
    QTest::newRow("WHOWAS without a nick")
        << QStringList{u"WHOWAS"_s}
        << QStringList{s + u" 461 alice WHOWAS :Not enough parameters"_s};
    QTest::newRow("WHOWAS nobody")
        << QStringList{u"WHOWAS bob"_s}
        << QStringList{s + u" 406 alice bob :There was no such nickname"_s,
                       s + u" 369 alice bob :End of WHOWAS"_s};
    QTest::newRow("WHOWAS someone here") // alice has not left
        << QStringList{u"WHOWAS alice 1"_s}
        << QStringList{s + u" 406 alice alice :There was no such nickname"_s,
                       s + u" 369 alice alice :End of WHOWAS"_s};
    QTest::newRow("WHOWAS a mask") // no masks: nobody is called that
        << QStringList{u"WHOWAS *ice"_s}
        << QStringList{s + u" 406 alice *ice :There was no such nickname"_s,
                       s + u" 369 alice *ice :End of WHOWAS"_s};
    QTest::newRow("INFO") << QStringList{u"INFO"_s}
                          << QStringList{s + u" 371 alice :chat-server: rooms for telnet, IRC, "
                                             "web and desktop clients, in one chat"_s,
                                         s + u" 374 alice :End of /INFO list"_s};
    QTest::newRow("OPER without a password")
        << QStringList{u"OPER operuser"_s}
        << QStringList{s + u" 461 alice OPER :Not enough parameters"_s};
    QTest::newRow("OPER of no account") << QStringList{u"OPER nobody secret-words"_s}
                                        << QStringList{s + u" 464 alice :Password incorrect"_s};
    QTest::newRow("KILL by someone who is no operator")
        << QStringList{u"KILL alice :bye"_s}
        << QStringList{s + u" 481 alice :Only the server's administrators may use disconnect."_s};
    QTest::newRow("WALLOPS by someone who is no operator")
        << QStringList{u"WALLOPS :hi everyone"_s}
        << QStringList{s + u" 481 alice :Only the server's administrators may use wallops."_s};
    QTest::newRow("LIST") << QStringList{u"LIST"_s}
                          << QStringList{s + u" 321 alice Channel :Users  Name"_s,
                                         s + u" 322 alice #hall 1 :"_s,
                                         s + u" 323 alice :End of /LIST"_s};
    // RFC 2812 3.2.5: NAMES marks a secret channel "@"; LIST shows it to its members.
    QTest::newRow("a secret channel")
        << QStringList{u"JOIN #g"_s, u"MODE #g +s"_s, u"NAMES #g"_s, u"LIST"_s,
                       u"MODE #g"_s, u"MODE #g -s"_s, u"NAMES #g"_s}
        << QStringList{u":alice!alice@chat JOIN #g"_s,
                       s + u" 353 alice = #g @alice"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s,
                       u":alice!alice@chat MODE #g +s"_s,
                       s + u" 353 alice @ #g @alice"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s,
                       s + u" 321 alice Channel :Users  Name"_s,
                       s + u" 322 alice #hall 1 :"_s,
                       s + u" 322 alice #g 1 :"_s,
                       s + u" 323 alice :End of /LIST"_s,
                       s + u" 324 alice #g +ns"_s,
                       s + u" 329 alice #g <time>"_s,
                       u":alice!alice@chat MODE #g -s"_s,
                       s + u" 353 alice = #g @alice"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s};
    QTest::newRow("PRIVMSG to nobody")
        << QStringList{u"PRIVMSG bob :hi"_s}
        << QStringList{s + u" 401 alice bob :No one called bob is logged in."_s};
    QTest::newRow("NOTICE is never answered")
        << QStringList{u"NOTICE bob :hi"_s, u"NOTICE #nowhere :hi"_s, u"NOTICE"_s} << QStringList{};
    QTest::newRow("PRIVMSG without text")
        << QStringList{u"PRIVMSG #hall"_s, u"PRIVMSG #hall :\x02\x02"_s}
        << QStringList{s + u" 412 alice :No text to send"_s, s + u" 412 alice :No text to send"_s};
    QTest::newRow("PRIVMSG without a recipient")
        << QStringList{u"PRIVMSG"_s}
        << QStringList{s + u" 411 alice :No recipient given (PRIVMSG)"_s};
    QTest::newRow("PRIVMSG to a channel that does not exist")
        << QStringList{u"PRIVMSG #games :hi"_s}
        << QStringList{s + u" 403 alice #games :There is no room called games (list shows the "
                           "rooms)."_s};
    QTest::newRow("PRIVMSG and PART of a channel you are not in")
        << QStringList{u"JOIN #g"_s, u"PART #g"_s, u"PRIVMSG #g :hi"_s,
                       u"PRIVMSG #g :\x01"
                       "ACTION waves\x01"_s,
                       u"PART #g"_s}
        << QStringList{u":alice!alice@chat JOIN #g"_s,
                       s + u" 353 alice = #g @alice"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s,
                       u":alice!alice@chat PART #g"_s,
                       s + u" 404 alice #g :Cannot send to channel"_s,
                       s + u" 404 alice #g :Cannot send to channel"_s,
                       s + u" 442 alice #g :You are not in g: join it first."_s};
    QTest::newRow("CTCP other than ACTION is dropped")
        << QStringList{u"PRIVMSG #hall :\x01VERSION\x01"_s} << QStringList{};
    QTest::newRow("NICK change") << QStringList{u"NICK alicia"_s}
                                 << QStringList{u":alice!alice@chat NICK alicia"_s};
    // A new spelling of one's name is a change; the same spelling again is nothing at all.
    QTest::newRow("NICK to another case, then the same")
        << QStringList{u"NICK Alice"_s, u"NICK Alice"_s}
        << QStringList{u":alice!alice@chat NICK Alice"_s};
    QTest::newRow("NICK without a name")
        << QStringList{u"NICK"_s} << QStringList{s + u" 431 alice :No nickname given"_s};
    QTest::newRow("NICK erroneous")
        << QStringList{u"NICK a!b"_s}
        << QStringList{s + u" 432 alice a!b :\"a!b\" is not a valid nickname: use up to 24 "
                           "letters of one script, digits, '_' or '-', starting with a letter, "
                           "digit or '_'."_s};
    QTest::newRow("MODE of a channel")
        << QStringList{u"MODE #hall"_s}
        << QStringList{s + u" 324 alice #hall +n"_s, s + u" 329 alice #hall <time>"_s};
    QTest::newRow("MODE of a user")
        << QStringList{u"MODE alice"_s} << QStringList{s + u" 221 alice +"_s};
    QTest::newRow("user mode +i, asked, -i, asked")
        << QStringList{u"MODE alice +i"_s, u"MODE alice"_s, u"MODE Alice -i"_s, u"MODE alice"_s}
        << QStringList{u":alice!alice@chat MODE alice +i"_s, s + u" 221 alice +i"_s,
                       u":alice!alice@chat MODE alice -i"_s, s + u" 221 alice +"_s};
    QTest::newRow("another user's modes")
        << QStringList{u"MODE bob"_s, u"MODE bob +i"_s}
        << QStringList{s + u" 502 alice :Can't view modes for other users"_s,
                       s + u" 502 alice :Can't change mode for other users"_s};
    QTest::newRow("user modes there are not; +o is OPER's")
        << QStringList{u"MODE alice +wo"_s} << QStringList{s + u" 501 alice :Unknown MODE flag"_s};
    QTest::newRow("MODE unknown") << QStringList{u"MODE #hall +z secret"_s}
                                  << QStringList{s + u" 472 alice z :is unknown mode char to me"_s};
    QTest::newRow("MODE +o by someone who is not an operator")
        << QStringList{u"MODE #hall +o alice"_s}
        << QStringList{s + u" 482 alice #hall :You may not do that in hall: it takes the room's "
                           "operators or owner."_s};
    QTest::newRow("MODE +b asks for the ban list")
        << QStringList{u"MODE #hall +b"_s, u"MODE #hall b"_s}
        << QStringList{s + u" 368 alice #hall :End of channel ban list"_s,
                       s + u" 368 alice #hall :End of channel ban list"_s};
    QTest::newRow("an owner's modes: rules and bans")
        << QStringList{u"JOIN #g"_s, u"MODE #g +t"_s,     u"MODE #g +i"_s, u"MODE #g -i"_s,
                       u"MODE #g"_s, u"MODE #g +b bob"_s, u"MODE #g b"_s,  u"MODE #g -b bob"_s}
        << QStringList{u":alice!alice@chat JOIN #g"_s,
                       s + u" 353 alice = #g @alice"_s,
                       s + u" 366 alice #g :End of /NAMES list"_s,
                       u":alice!alice@chat MODE #g +t"_s,
                       u":alice!alice@chat MODE #g +i"_s,
                       u":alice!alice@chat MODE #g -i"_s,
                       s + u" 324 alice #g +tn"_s,
                       s + u" 329 alice #g <time>"_s,
                       u":alice!alice@chat MODE #g +b bob!*@*"_s,
                       s + u" 367 alice #g bob!*@* alice <time>"_s,
                       s + u" 368 alice #g :End of channel ban list"_s,
                       u":alice!alice@chat MODE #g -b bob!*@*"_s};
    QTest::newRow("AWAY and back")
        << QStringList{u"AWAY :at lunch"_s, u"AWAY"_s}
        << QStringList{s + u" 306 alice :You have been marked as being away"_s,
                       s + u" 305 alice :You are no longer marked as being away"_s};
    QTest::newRow("INVITE to a channel that is not one")
        << QStringList{u"INVITE bob games"_s}
        << QStringList{s + u" 403 alice games :No such channel"_s};
    QTest::newRow("KICK without enough parameters")
        << QStringList{u"KICK #hall"_s}
        << QStringList{s + u" 461 alice KICK :Not enough parameters"_s};
    QTest::newRow("MOTD")
        << QStringList{u"MOTD"_s}
        << QStringList{
               s + u" 375 alice :- test.chat Message of the day -"_s,
               s + u" 372 alice :- Rooms are channels, and #hall is where everyone meets. JOIN "
                   "makes a room."_s,
               s + u" 372 alice :- Telnet and desktop users are here too; HELP lists the "
                   "chat's commands."_s,
               s + u" 376 alice :End of /MOTD command"_s};
    QTest::newRow("USER again") << QStringList{u"USER a 0 * :A"_s}
                                << QStringList{s + u" 462 alice :You may not reregister"_s};
    QTest::newRow("a chat command by /quote")
        << QStringList{u"MUTE #hall alice"_s, u"SET tagged on"_s}
        << QStringList{s + u" 482 alice #hall :You may not do that in hall: it takes the room's "
                           "operators or owner."_s,
                       s + u" 421 alice SET :Unknown command"_s};
    QTest::newRow("unknown command")
        << QStringList{u"FROBNICATE now"_s}
        << QStringList{s + u" 421 alice FROBNICATE :Unknown command"_s};
    QTest::newRow("PING") << QStringList{u"PING :abc"_s}
                          << QStringList{s + u" PONG test.chat abc"_s};
    QTest::newRow("PING without a token")
        << QStringList{u"PING"_s} << QStringList{s + u" 409 alice :No origin specified"_s};
    QTest::newRow("CAP after registration")
        << QStringList{u"CAP LIST"_s, u"CAP REQ :server-time"_s, u"CAP LIST"_s}
        << QStringList{s + u" CAP alice LIST :"_s, s + u" CAP alice ACK server-time"_s,
                       s + u" CAP alice LIST server-time"_s};
    QTest::newRow("empty lines are ignored") << QStringList{u""_s, u"   "_s} << QStringList{};
}

void TestIrcSession::session()
{
    QFETCH(QStringList, sent);
    QFETCH(QStringList, replies);
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    for (const QString &line : std::as_const(sent))
        irc.send(line);
    QCOMPARE(irc.sync(), replies);
}

void TestIrcSession::startsInNoChannelWhenAsked()
{
    // --irc-autojoin none: an IRC client starts where it does on other IRC servers, in no
    // channel; the chat's own clients still start in the hall.
    ServerConfig config = IrcClient::serverConfig();
    config.ircJoinsHall = false;
    ServerFixture fixture(config);
    fixture.loggedIn(u"bob"_s);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    irc.send(u"NICK alice"_s);
    irc.send(u"USER alice 0 * :alice"_s);
    const QStringList welcome = irc.sync();
    QVERIFY(!welcome.filter(Server + u" 001 alice "_s).isEmpty());
    QVERIFY2(welcome.filter(u"alice@chat JOIN"_s).isEmpty(), qPrintable(welcome.join(u'\n')));
    irc.send(u"WHOIS alice"_s);
    QCOMPARE(irc.sync(), (QStringList{Server + u" 311 alice alice ~alice chat * alice"_s,
                                      Server + u" 312 alice alice test.chat :test server"_s,
                                      Server + u" 318 alice alice :End of /WHOIS list"_s}));
    irc.send(u"JOIN #hall"_s);
    QCOMPARE(irc.sync(), (QStringList{u":alice!alice@chat JOIN #hall"_s,
                                      Server + u" 353 alice = #hall :bob alice"_s,
                                      Server + u" 366 alice #hall :End of /NAMES list"_s}));
}

void TestIrcSession::serverPasswordAtRegistration()
{
    // IRC clients send PASS, NICK and USER at once; the password is checked on another thread
    // and the login waits for it.
    const PasswordFile password(u"opensesame"_s);
    ServerConfig config = IrcClient::serverConfig();
    config.passwordFile = password.path();
    ServerFixture fixture(config);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    irc.send(u"PASS opensesame"_s);
    QVERIFY(irc.registerAs(u"alice"_s));

    IrcClient wrong;
    QVERIFY(wrong.connectTo(fixture));
    wrong.send(u"PASS guess"_s);
    wrong.send(u"NICK bob"_s);
    wrong.send(u"USER bob 0 * :bob"_s);
    const QStringList refused = wrong.sync();
    QVERIFY2(!refused.filter(Server + u" 464 * "_s).isEmpty(), qPrintable(refused.join(u'\n')));
    QVERIFY(refused.filter(Server + u" 001 "_s).isEmpty());
}

void TestIrcSession::nickInUseDuringRegistration()
{
    ServerFixture fixture(IrcClient::serverConfig());
    fixture.loggedIn(u"bob"_s);
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    irc.send(u"NICK bob"_s);
    irc.send(u"USER bob 0 * :Bob"_s);
    QCOMPARE(irc.sync(), QStringList{Server + u" 433 * bob :The nickname bob is already taken."_s});
    // Not registered yet: everything but registration is refused.
    irc.send(u"JOIN #hall"_s);
    QCOMPARE(irc.sync(), QStringList{Server + u" 451 * :You have not registered"_s});
    QVERIFY(irc.registerAs(u"bob2"_s));
}

void TestIrcSession::registeredNickNeedsPassword()
{
    ServerFixture fixture(IrcClient::serverConfig());
    LineClient &owner = fixture.loggedIn(u"carol"_s);
    owner.send(u"register s3cret-enough"_s);
    QString reply;
    for (int i = 0; i < 10 && !reply.contains(u"is registered"_s); ++i)
        reply = owner.readLine(30000); // the password is hashed on its own thread
    QVERIFY2(reply.contains(u"is registered"_s), qPrintable(reply));
    owner.send(u"logout"_s);
    QVERIFY(owner.waitForDisconnected());

    IrcClient thief;
    QVERIFY(thief.connectTo(fixture));
    thief.send(u"NICK carol"_s);
    thief.send(u"USER carol 0 * :C"_s);
    QCOMPARE(thief.sync(),
             QStringList{Server + u" 433 * carol :Nickname is registered: give its password "
                                  "with PASS or SASL"_s});

    // PASS carries the account's password when the server has none of its own.
    IrcClient carol;
    QVERIFY(carol.connectTo(fixture));
    carol.send(u"PASS s3cret-enough"_s);
    carol.send(u"NICK carol"_s);
    carol.send(u"USER carol 0 * :C"_s);
    QStringList lines;
    QTRY_VERIFY((lines += carol.sync(), lines.join(u'\n').contains(u" 001 carol "_s)));
}

void TestIrcSession::threeKindsOfClientInOneRoom()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"ircy"_s));
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    LineClient &program = fixture.taggedLoggedIn(u"prog"_s);
    QCOMPARE(irc.sync(),
             (QStringList{u":tess!tess@chat JOIN #hall"_s, u":prog!prog@chat JOIN #hall"_s}));
    telnet.sync();
    program.sync();

    // IRC → the others.
    irc.send(u"PRIVMSG #hall :hello from IRC"_s);
    irc.send(u"PRIVMSG #hall :\x01"
             "ACTION waves\x01"_s);
    irc.send(u"PRIVMSG tess :just you"_s);
    QCOMPARE(irc.sync(), QStringList{});
    QCOMPARE(telnet.sync(),
             (QStringList{u"ircy: hello from IRC"_s, u"* ircy waves"_s, u"*ircy* just you"_s}));
    const QStringList tagged = program.sync();
    QCOMPARE(tagged.size(), 2);
    QVERIFY2(tagged[0].contains(u"ircy"_s) && tagged[0].contains(u"hello"_s),
             qPrintable(tagged[0]));
    QVERIFY2(tagged[1].startsWith(u"action "_s) && tagged[1].contains(u"waves"_s),
             qPrintable(tagged[1]));

    // The others → IRC.
    telnet.send(u"hi ircy"_s);
    telnet.send(u"/me smiles"_s);
    telnet.send(u"msg ircy psst"_s);
    QCOMPARE(telnet.sync(),
             (QStringList{u"tess: hi ircy"_s, u"* tess smiles"_s, u"-> *ircy* psst"_s}));
    program.send(u"say #hall from a program"_s);
    program.sync();
    QCOMPARE(telnet.sync(), QStringList{u"prog: from a program"_s});
    QCOMPARE(irc.sync(), (QStringList{u":tess!tess@chat PRIVMSG #hall :hi ircy"_s,
                                      u":tess!tess@chat PRIVMSG #hall :\x01"
                                      "ACTION smiles\x01"_s,
                                      u":tess!tess@chat PRIVMSG ircy psst"_s,
                                      u":prog!prog@chat PRIVMSG #hall :from a program"_s}));

    // Topics, nick changes and departures travel both ways too.
    irc.send(u"TOPIC #hall :all of us"_s);
    irc.sync();
    QCOMPARE(telnet.sync(), QStringList{u"* ircy changed the topic to: all of us"_s});
    telnet.send(u"nick tessa"_s);
    telnet.sync();
    QCOMPARE(irc.sync(), QStringList{u":tess!tess@chat NICK tessa"_s});
    irc.send(u"NICK ircx"_s);
    QCOMPARE(irc.sync(), QStringList{u":ircy!ircy@chat NICK ircx"_s});
    QCOMPARE(telnet.sync(), QStringList{u"* ircy is now known as ircx."_s});
    // A nickname is unique across every kind of client.
    irc.send(u"NICK prog"_s);
    QCOMPARE(irc.sync(),
             QStringList{Server + u" 433 ircx prog :The nickname prog is already taken."_s});
    program.send(u"leave hall"_s);
    program.sync();
    QCOMPARE(irc.sync(), QStringList{u":prog!prog@chat PART #hall"_s});
    irc.send(u"QUIT :bye"_s);
    QVERIFY(irc.line().waitForDisconnected());
    QCOMPARE(telnet.sync(),
             (QStringList{u"* prog has left the room."_s, u"* ircx has left the chat: bye"_s}));
}

// NOTICE is the chat's note: a NOTICE to everyone, however they read, never answered by
// anything automatic, kept in the history like a message.
void TestIrcSession::noticesAreNotes()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectAs(fixture, u"ircy"_s, u"echo-message"_s));
    IrcClient other;
    QVERIFY(other.connectAs(fixture, u"otto"_s));
    LineClient &telnet = fixture.loggedIn(u"tess"_s);
    LineClient &program = fixture.taggedLoggedIn(u"prog"_s);
    irc.sync();
    other.sync();
    telnet.sync();
    program.sync();

    irc.send(u"NOTICE #hall :build 42 passed"_s);
    irc.send(u"NOTICE tess :your branch is green"_s);
    QCOMPARE(irc.sync(), (QStringList{u":ircy!ircy@chat NOTICE #hall :build 42 passed"_s,
                                      u":ircy!ircy@chat NOTICE tess :your branch is green"_s}));
    QCOMPARE(other.sync(), QStringList{u":ircy!ircy@chat NOTICE #hall :build 42 passed"_s});
    QCOMPARE(telnet.sync(),
             (QStringList{u"-ircy- build 42 passed"_s, u"-ircy- your branch is green"_s}));
    const QStringList tagged = program.sync();
    QCOMPARE(tagged.size(), 1);
    QVERIFY2(tagged[0].startsWith(u"note "_s) &&
                 tagged[0].endsWith(u" hall 1 ircy build\\s42\\spassed"_s),
             qPrintable(tagged[0]));

    // The others' notes reach IRC as NOTICEs; an away person's text answers a message, not a
    // note.
    irc.send(u"AWAY :at lunch"_s);
    irc.sync();
    telnet.sync();
    program.sync(); // the presence of ircy away
    telnet.send(u"note #hall deploying"_s);
    telnet.send(u"note @ircy are you there?"_s);
    QCOMPARE(telnet.sync(), (QStringList{u"-tess- deploying"_s, u"-> -ircy- are you there?"_s}));
    telnet.send(u"msg ircy and now?"_s);
    QCOMPARE(telnet.sync().size(), 2); // the message and ircy's away text
    program.send(u"note @otto from a program"_s);
    const QStringList copies = program.sync(); // tess's note in the hall, its own copy
    QCOMPARE(copies.size(), 2);
    QVERIFY2(copies[1].startsWith(u"privatenote "_s) &&
                 copies[1].endsWith(u" prog otto from\\sa\\sprogram"_s),
             qPrintable(copies[1]));
    QCOMPARE(irc.sync(), (QStringList{u":tess!tess@chat NOTICE #hall deploying"_s,
                                      u":tess!tess@chat NOTICE ircy :are you there?"_s,
                                      u":tess!tess@chat PRIVMSG ircy :and now?"_s}));
    QCOMPARE(other.sync(), (QStringList{u":tess!tess@chat NOTICE #hall deploying"_s,
                                        u":prog!prog@chat NOTICE otto :from a program"_s}));

    // What a note needs: someone to send it to, and something to say.
    telnet.send(u"note @ircy"_s);
    telnet.send(u"note @nobody hi"_s);
    const QStringList refused = telnet.sync();
    QCOMPARE(refused.size(), 2);
    QVERIFY2(refused[0].contains(u"note [#room|@nick] <text>"_s), qPrintable(refused[0]));
    QVERIFY2(refused[1].contains(u"nobody"_s), qPrintable(refused[1]));

    // Kept like messages: a history page shows them as notes.
    irc.send(u"CHATHISTORY LATEST #hall * 10"_s);
    const QStringList history = irc.sync();
    QVERIFY2(history.contains(u":ircy!ircy@chat NOTICE #hall :build 42 passed"_s) &&
                 history.contains(u":tess!tess@chat NOTICE #hall deploying"_s),
             qPrintable(history.join(u'\n')));

    // To a channel, "@nick" is how the text starts: the note is the room's, not otto's alone.
    irc.send(u"NOTICE #hall :@otto your turn"_s);
    QCOMPARE(irc.sync(), QStringList{u":ircy!ircy@chat NOTICE #hall :@otto your turn"_s});
    QCOMPARE(other.sync(), QStringList{u":ircy!ircy@chat NOTICE #hall :@otto your turn"_s});
    QCOMPARE(telnet.sync(), QStringList{u"-ircy- @otto your turn"_s});
}

void TestIrcSession::invitationConcernsTwo()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    IrcClient bob;
    QVERIFY(bob.connectAs(fixture, u"bob"_s));
    IrcClient carol;
    QVERIFY(carol.connectAs(fixture, u"carol"_s));
    alice.send(u"JOIN #den"_s);
    alice.sync();
    carol.send(u"JOIN #den"_s);
    carol.sync();
    alice.send(u"MODE #den +i"_s);
    alice.sync();
    carol.sync();
    bob.sync();

    // Who is in the room needs no invitation (443); who is not cannot be kicked (441).
    alice.send(u"INVITE carol #den"_s);
    QCOMPARE(alice.sync(), QStringList{Server + u" 443 alice carol #den :carol is already in the "
                                                "room."_s});
    alice.send(u"KICK #den bob"_s);
    QCOMPARE(alice.sync(),
             QStringList{Server + u" 441 alice bob #den :bob is not in that room."_s});

    // RFC 2812 3.2.7: the one invited hears INVITE, the one who invited 341, nobody else a word.
    alice.send(u"INVITE bob #den"_s);
    QCOMPARE(alice.sync(), QStringList{Server + u" 341 alice bob #den"_s});
    QCOMPARE(bob.sync(), QStringList{u":alice!alice@chat INVITE bob #den"_s});
    QCOMPARE(carol.sync(), QStringList{});
    bob.send(u"JOIN #den"_s);
    QCOMPARE(bob.sync().value(0), u":bob!bob@chat JOIN #den"_s);
}

// +l and +k are the chat's limit and key rules: echoed with their value, shown by 324, keeping
// out with 471 and 475; bad values are 696 (modern IRC's ERR_INVALIDMODEPARAM).
void TestIrcSession::limitAndKey()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    IrcClient bob;
    QVERIFY(bob.connectAs(fixture, u"bob"_s));
    IrcClient carol;
    QVERIFY(carol.connectAs(fixture, u"carol"_s));
    alice.send(u"JOIN #den"_s);
    alice.sync();
    bob.sync();
    const QString invalid = u" :A room's limit is a number of people from 1 to 1000000, or off."_s;
    alice.send(u"MODE #den +l 0"_s);
    alice.send(u"MODE #den +l"_s);
    alice.send(u"MODE #den +k :two words"_s);
    alice.send(u"MODE #den +l 2"_s);
    alice.send(u"MODE #den +k beer"_s);
    alice.send(u"MODE #den"_s);
    QCOMPARE(alice.sync(),
             QStringList({Server + u" 696 alice #den l 0"_s + invalid,
                          Server + u" 696 alice #den l *"_s + invalid,
                          Server + u" 696 alice #den k * :A room's key is one word of up to 23 "
                                   "letters, digits or signs (not \"off\"), or off."_s,
                          u":alice!alice@chat MODE #den +l 2"_s,
                          u":alice!alice@chat MODE #den +k beer"_s,
                          Server + u" 324 alice #den +nlk 2 beer"_s,
                          Server + u" 329 alice #den <time>"_s}));

    // A key: none or a wrong one is 475; the right one lets in. Then the room is full: 471.
    bob.send(u"JOIN #den"_s);
    bob.send(u"JOIN #den bees"_s);
    QCOMPARE(bob.sync(),
             QStringList({Server + u" 475 bob #den :den takes a key: join den <key>."_s,
                          Server + u" 475 bob #den :den takes a key: join den <key>."_s}));
    bob.send(u"JOIN #den,#side beer"_s); // keys go with the channels in their order
    QCOMPARE(bob.sync().filter(u" JOIN "_s),
             QStringList({u":bob!bob@chat JOIN #den"_s, u":bob!bob@chat JOIN #side"_s}));
    carol.send(u"JOIN #den beer"_s);
    QCOMPARE(carol.sync(),
             QStringList({Server + u" 471 carol #den :den is full: its operators set a limit of "
                                   "people."_s}));
    // An invitation lets past both, as on other servers.
    alice.sync();
    alice.send(u"INVITE carol #den"_s);
    alice.sync();
    carol.sync();
    carol.send(u"JOIN #den"_s);
    QCOMPARE(carol.sync().value(0), u":carol!carol@chat JOIN #den"_s);

    alice.sync();
    alice.send(u"MODE #den -l"_s);
    alice.send(u"MODE #den -k"_s);
    alice.send(u"MODE #den"_s);
    QCOMPARE(
        alice.sync(),
        QStringList({u":alice!alice@chat MODE #den -l"_s, u":alice!alice@chat MODE #den -k *"_s,
                     Server + u" 324 alice #den +n"_s, Server + u" 329 alice #den <time>"_s}));
}

// +m is the moderated rule and +v a voice: the voiced and operators speak, others get 404.
// With multi-prefix an operator with a voice shows as "@+".
void TestIrcSession::moderatedAndVoice()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s, u"multi-prefix"_s));
    IrcClient bob;
    QVERIFY(bob.connectAs(fixture, u"bob"_s));
    alice.send(u"JOIN #den"_s);
    alice.sync();
    bob.send(u"JOIN #den"_s);
    bob.sync();
    alice.sync();
    alice.send(u"MODE #den +m"_s);
    QCOMPARE(alice.sync(), QStringList{u":alice!alice@chat MODE #den +m"_s});
    bob.sync();
    bob.send(u"PRIVMSG #den :hi"_s);
    QCOMPARE(bob.sync(), QStringList{Server + u" 404 bob #den :You may not speak in den: you are "
                                              "muted there, or it is moderated and nobody gave "
                                              "you a voice. You may read."_s});
    QCOMPARE(alice.sync(), QStringList{});

    alice.send(u"MODE #den +v bob"_s);
    alice.send(u"MODE #den +v alice"_s);
    QCOMPARE(alice.sync(), QStringList({u":alice!alice@chat MODE #den +v bob"_s,
                                        u":alice!alice@chat MODE #den +v alice"_s}));
    bob.sync();
    bob.send(u"PRIVMSG #den :hi again"_s);
    QCOMPARE(alice.sync(), QStringList{u":bob!bob@chat PRIVMSG #den :hi again"_s});
    alice.send(u"NAMES #den"_s);
    alice.send(u"MODE #den"_s);
    QCOMPARE(alice.sync(), QStringList({Server + u" 353 alice = #den :@+alice +bob"_s,
                                        Server + u" 366 alice #den :End of /NAMES list"_s,
                                        Server + u" 324 alice #den +mn"_s,
                                        Server + u" 329 alice #den <time>"_s}));
    // Without multi-prefix the highest prefix alone.
    bob.send(u"NAMES #den"_s);
    QCOMPARE(bob.sync().value(0), Server + u" 353 bob = #den :@alice +bob"_s);
    alice.send(u"MODE #den -v bob"_s);
    alice.sync();
    bob.sync();
    bob.send(u"PRIVMSG #den :and now?"_s);
    QCOMPARE(bob.sync().value(0).section(u' ', 1, 1), u"404"_s);
}

void TestIrcSession::externalMessages()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    IrcClient bob;
    QVERIFY(bob.connectAs(fixture, u"bob"_s));
    IrcClient carl;
    QVERIFY(carl.connectAs(fixture, u"carl"_s, u"echo-message"_s));
    alice.send(u"JOIN #den"_s);
    alice.sync();
    // +n, as every room starts: its members alone speak in it.
    bob.sync(); // carl's arrival in the hall
    bob.send(u"PRIVMSG #den :hi"_s);
    QCOMPARE(bob.sync(), QStringList{Server + u" 404 bob #den :Cannot send to channel"_s});
    alice.send(u"MODE #den -n"_s);
    alice.send(u"MODE #den"_s);
    QCOMPARE(alice.sync(),
             QStringList({u":alice!alice@chat MODE #den -n"_s, Server + u" 324 alice #den +"_s,
                          Server + u" 329 alice #den <time>"_s}));
    bob.send(u"PRIVMSG #den :hi again"_s);
    QCOMPARE(bob.sync(), QStringList{});
    carl.send(u"PRIVMSG #den :from carl"_s);
    QCOMPARE(carl.sync(), QStringList{u":carl!carl@chat PRIVMSG #den :from carl"_s});
    QCOMPARE(alice.sync(), QStringList({u":bob!bob@chat PRIVMSG #den :hi again"_s,
                                        u":carl!carl@chat PRIVMSG #den :from carl"_s}));
    // A ban still holds the banned, as it would at the door.
    alice.send(u"MODE #den +b bob!*@*"_s);
    alice.sync();
    bob.send(u"PRIVMSG #den :let me"_s);
    QCOMPARE(bob.sync(), QStringList{Server + u" 404 bob #den :Cannot send to channel (+b)"_s});
    alice.send(u"MODE #den +n"_s);
    QCOMPARE(alice.sync(), QStringList{u":alice!alice@chat MODE #den +n"_s});
    carl.send(u"PRIVMSG #den :and now?"_s);
    QCOMPARE(carl.sync(), QStringList{Server + u" 404 carl #den :Cannot send to channel"_s});
    QCOMPARE(alice.sync(), QStringList{});
}

void TestIrcSession::partingWords()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    IrcClient bob;
    QVERIFY(bob.connectAs(fixture, u"bob"_s));
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    alice.send(u"JOIN #den"_s);
    alice.sync();
    bob.send(u"JOIN #den"_s);
    bob.sync();
    alice.sync();
    tess.sync();

    // PART's reason is passed on, to IRC and to telnet alike.
    bob.send(u"PART #den :see you \x02"
             "soon\x02"_s);
    QCOMPARE(bob.sync(), QStringList{u":bob!bob@chat PART #den :see you soon"_s});
    QCOMPARE(alice.sync(), QStringList{u":bob!bob@chat PART #den :see you soon"_s});
    bob.send(u"JOIN #den"_s);
    bob.sync();
    alice.sync();
    tess.send(u"/join den"_s); // one room at a time on telnet: out of the hall first
    tess.send(u"/leave den off to lunch"_s);
    tess.send(u"/join hall"_s);
    tess.sync();
    QCOMPARE(alice.sync(),
             (QStringList{u":tess!tess@chat PART #hall"_s, u":tess!tess@chat JOIN #den"_s,
                          u":tess!tess@chat PART #den :off to lunch"_s,
                          u":tess!tess@chat JOIN #hall"_s}));
    bob.sync();

    // QUIT is one line however many channels are shared, with the words given.
    bob.send(u"QUIT :gone fishing"_s);
    QVERIFY(bob.line().waitForDisconnected());
    QCOMPARE(alice.sync(), QStringList{u":bob!bob@chat QUIT :Quit: gone fishing"_s});
    QCOMPARE(tess.sync(), QStringList{u"* bob has left the chat: gone fishing"_s});
    // A telnet user's /quit with words too; without any, "Quit".
    tess.send(u"/quit back soon"_s);
    QVERIFY(tess.waitForDisconnected());
    QCOMPARE(alice.sync(), QStringList{u":tess!tess@chat QUIT :Quit: back soon"_s});
    LineClient &carol = fixture.loggedIn(u"carol"_s);
    alice.sync();
    carol.send(u"/quit"_s);
    QVERIFY(carol.waitForDisconnected());
    QCOMPARE(alice.sync(), QStringList{u":carol!carol@chat QUIT Quit"_s});
}

void TestIrcSession::whowas()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    for (const QString &nick : {u"bob"_s, u"bob"_s}) { // twice: two departures of one name
        IrcClient bob;
        QVERIFY(bob.connectAs(fixture, nick));
        bob.send(u"QUIT :bye"_s);
        QVERIFY(bob.line().waitForDisconnected());
    }
    IrcClient carol;
    QVERIFY(carol.connectAs(fixture, u"carol"_s));
    carol.send(u"NICK dave"_s);
    carol.sync();
    alice.sync();
    const QString time = u"[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{1,2} \\d\\d:\\d\\d:\\d\\d \\d{4} UTC"_s;
    const auto expect = [&](const QString &asked, const QStringList &patterns) {
        alice.send(u"WHOWAS "_s + asked);
        const QStringList lines = alice.sync();
        QVERIFY2(lines.size() == patterns.size(), qPrintable(lines.join(u" | "_s)));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QRegularExpression want(u'^' + QRegularExpression::escape(Server) + u' ' +
                                          patterns[i] + u'$');
            QVERIFY2(want.match(lines[i]).hasMatch(), qPrintable(lines[i]));
        }
    };
    const QStringList bob{u"314 alice bob ~bob chat \\* :?bob"_s,
                          u"312 alice bob test\\.chat :"_s + time};
    expect(u"bob"_s, bob + bob + QStringList{u"369 alice bob :End of WHOWAS"_s});
    expect(u"BOB 1"_s, bob + QStringList{u"369 alice BOB :End of WHOWAS"_s});
    expect(u"carol"_s,
           {u"314 alice carol ~carol chat \\* :?carol"_s, u"312 alice carol test\\.chat :"_s + time,
            u"369 alice carol :End of WHOWAS"_s});
}

// HELP alone lists the chat's commands between 704 and 706, one 705 each.
void TestIrcSession::helpLists()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    alice.sync();
    alice.send(u"HELP"_s);
    const QStringList lines = alice.sync();
    QCOMPARE(lines.value(0),
             Server + u" 704 alice * :The chat's commands (send them with /quote; HELP PRIVMSG "
                      "and the like are about IRC's):"_s);
    QCOMPARE(lines.value(lines.size() - 1), Server + u" 706 alice * :End of /HELP"_s);
    QCOMPARE(lines.filter(Server + u" 705 alice * :"_s).size(), lines.size() - 2);
    QVERIFY(lines.contains(Server +
                           u" 705 alice * :whowas <nick> [count] - Show who last went by a "
                           "nickname: when they left or took another name, newest "
                           "first."_s));
}

// An IRC operator is a chat administrator: OPER with an administrator's account and password
// (--administrators), under any nickname; KILL is the chat's disconnect.
void TestIrcSession::operAndKill()
{
    ServerConfig config = IrcClient::serverConfig();
    config.administrators = u"operuser"_s;
    ServerFixture fixture(config);
    LineClient &registrar = fixture.loggedIn(u"operuser"_s);
    registrar.send(u"register operpassword"_s);
    registrar.sync();
    registrar.send(u"/quit"_s);
    QVERIFY(registrar.waitForDisconnected());
    IrcClient alice;
    QVERIFY(alice.connectAs(fixture, u"alice"_s));
    IrcClient bob;
    QVERIFY(bob.connectAs(fixture, u"bob"_s));
    alice.sync(); // bob's arrival
    alice.send(u"OPER operuser nottheoperpassword"_s);
    QCOMPARE(alice.sync(), QStringList{Server + u" 464 alice :Password incorrect"_s});
    alice.send(u"OPER operuser operpassword"_s);
    QCOMPARE(alice.sync(), QStringList({Server + u" 381 alice :You are now an IRC operator"_s,
                                        u":alice!alice@chat MODE alice +o"_s}));
    bob.send(u"WHOIS alice"_s);
    bob.send(u"WHO alice"_s);
    QCOMPARE(bob.sync(), QStringList({Server + u" 311 bob alice ~alice chat * alice"_s,
                                      Server + u" 319 bob alice #hall"_s,
                                      Server + u" 312 bob alice test.chat :test server"_s,
                                      Server + u" 313 bob alice :is an IRC operator"_s,
                                      Server + u" 318 bob alice :End of /WHOIS list"_s,
                                      Server + u" 352 bob #hall ~alice chat test.chat alice H* "
                                               ":0 alice"_s,
                                      Server + u" 315 bob alice :End of /WHO list"_s}));
    bob.send(u"KILL alice :no"_s);
    QCOMPARE(bob.sync(), QStringList{Server + u" 481 bob :Only the server's administrators may "
                                              "use disconnect."_s});
    // WALLOPS reaches the administrators alone, the sender too.
    alice.send(u"WALLOPS :\x02hi\x02 admins"_s);
    QCOMPARE(alice.sync(), QStringList{u":alice!alice@chat WALLOPS :hi admins"_s});
    QCOMPARE(bob.sync(), QStringList());
    alice.send(u"KILL bob :enough"_s);
    alice.sync();
    QVERIFY(bob.line().waitForDisconnected());
}

void TestIrcSession::timeIsNow()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    irc.send(u"TIME"_s);
    const QStringList replies = irc.sync();
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(replies.size(), 1);
    // ":test.chat 391 alice test.chat <seconds> 0 :Monday November 30 2026 -- 00:20:00 UTC"
    const QStringList words = replies.first().split(u' ');
    QCOMPARE(words.mid(0, 4), (QStringList{Server, u"391"_s, u"alice"_s, u"test.chat"_s}));
    QVERIFY2(words.value(4).toLongLong() >= before && words.value(4).toLongLong() <= after,
             qPrintable(replies.first()));
    QDateTime shown = QLocale::c().toDateTime(replies.first().section(u" :"_s, 1),
                                              u"dddd MMMM d yyyy -- HH:mm:ss 'UTC'"_s);
    QVERIFY2(shown.isValid(), qPrintable(replies.first()));
    shown.setTimeSpec(Qt::UTC);
    QVERIFY(qAbs(shown.toSecsSinceEpoch() - words.value(4).toLongLong()) <= 1);
    irc.send(u"TIME elsewhere.example"_s);
    QCOMPARE(irc.sync(), QStringList{Server + u" 402 alice elsewhere.example :No such server"_s});
}

void TestIrcSession::capabilitiesShapeMessages()
{
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    irc.send(u"CAP LS 302"_s);
    QVERIFY(irc.registerAs(u"alice"_s, u"echo-message server-time message-tags"_s));
    irc.send(u"PRIVMSG #hall :echoed"_s);
    const QStringList lines = irc.sync(true);
    QCOMPARE(lines.size(), 1);
    static const QRegularExpression tagged(
        uR"(^@time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z;msgid=\d+-1 :alice!alice@chat PRIVMSG #hall :?echoed$)"_s);
    QVERIFY2(tagged.match(lines.first()).hasMatch(), qPrintable(lines.first()));
}

void TestIrcSession::invisibleInWho()
{
    // User mode +i (the chat's invisible setting): WHO with a mask leaves the person out for
    // those who share no channel with them, unless the mask is their name.
    ServerConfig config = IrcClient::serverConfig();
    config.ircJoinsHall = false; // in no channel at first
    ServerFixture fixture(config);
    IrcClient evan;
    QVERIFY(evan.connectAs(fixture, u"evan"_s));
    evan.send(u"MODE evan +i"_s);
    QCOMPARE(evan.sync(), QStringList{u":evan!evan@chat MODE evan +i"_s});
    IrcClient shivaram;
    QVERIFY(shivaram.connectAs(fixture, u"shivaram"_s));
    shivaram.sync();
    const QString end = Server + u" 315 shivaram %1 :End of /WHO list"_s;
    shivaram.send(u"WHO eva*"_s);
    QCOMPARE(shivaram.sync(), QStringList{end.arg(u"eva*"_s)});
    shivaram.send(u"WHO *"_s);
    QCOMPARE(shivaram.sync().filter(u" evan "_s), QStringList());
    shivaram.send(u"WHO evan"_s);
    const QStringList named = shivaram.sync();
    QCOMPARE(named.size(), 2);
    QVERIFY2(named.first().startsWith(Server + u" 352 shivaram "_s) &&
                 named.first().contains(u" evan H "_s),
             qPrintable(named.first()));
    QCOMPARE(named.last(), end.arg(u"evan"_s));
    shivaram.send(u"WHOIS evan"_s);
    QVERIFY(!shivaram.sync().filter(u" 311 shivaram evan "_s).isEmpty());
    // On telnet too, and it is the person's setting.
    LineClient &tess = fixture.loggedIn(u"tess"_s);
    tess.send(u"set"_s);
    QCOMPARE(tess.sync().last(), u"  invisible off"_s);
    tess.send(u"/who ev"_s);
    QVERIFY(!tess.sync().join(u'\n').contains(u"evan"_s));
    // Sharing a channel shows them.
    evan.send(u"JOIN #test"_s);
    evan.sync();
    shivaram.send(u"JOIN #test"_s);
    shivaram.sync();
    shivaram.send(u"WHO eva*"_s);
    QCOMPARE(shivaram.sync().size(), 2);
    evan.send(u"MODE evan -i"_s);
    evan.sync();
    tess.send(u"/who ev"_s);
    QVERIFY(tess.sync().join(u'\n').contains(u"evan"_s));
}

void TestIrcSession::malformedInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reply");
    QTest::newRow("not UTF-8") << QByteArray("PRIVMSG #hall :\xff\xfe\r\n")
                               << u":test.chat FAIL * INVALID_UTF8 :Lines must be UTF-8"_s;
    QTest::newRow("a numeric as command")
        << QByteArray(":x 12 a\r\n") << u":test.chat 421 alice 12 :Unknown command"_s;
    QTest::newRow("no command after the tags")
        << QByteArray("@a=1 :x\r\n") << u":test.chat 421 alice * :Unknown command"_s;
    QTest::newRow("tags too long") << (QByteArray("@a=") + QByteArray(5000, 'x') + " PING x\r\n")
                                   << u":test.chat 417 alice :Input line was too long"_s;
    QTest::newRow("body too long")
        << (QByteArray("PRIVMSG #hall :") + QByteArray(6000, 'x') + "\r\n")
        << u":test.chat 417 alice :Input line was too long"_s;
    QTest::newRow("body just too long")
        << (QByteArray("PRIVMSG #hall :") + QByteArray(500, 'x') + "\r\n")
        << u":test.chat 417 alice :Input line was too long"_s;
    QTest::newRow("a NUL") << QByteArray("PRIVMSG #hall :a\0b\r\n", 20)
                           << u":test.chat 421 alice * :Unknown command"_s;
}

void TestIrcSession::malformedInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reply);
    ServerFixture fixture(IrcClient::serverConfig());
    IrcClient irc;
    QVERIFY(irc.connectTo(fixture));
    QVERIFY(irc.registerAs(u"alice"_s));
    irc.sendRaw(bytes);
    QCOMPARE(irc.sync(), QStringList{reply});
    // The session goes on.
    irc.send(u"NAMES #hall"_s);
    QCOMPARE(irc.sync().size(), 2);
}

void TestIrcSession::listenerOff()
{
    ServerConfig config = IrcClient::serverConfig();
    config.ircPort = 0;
    ServerFixture fixture(config);
    QVERIFY(fixture.isListening());
    QCOMPARE(fixture.server().ircPort(), quint16(0));
}

void TestIrcSession::listenerOverTls()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    ServerConfig config = IrcClient::serverConfig();
    config.tlsCertificateFile = QStringLiteral(TEST_DATA "/test-cert.pem");
    config.tlsKeyFile = QStringLiteral(TEST_DATA "/test-key.pem");
    config.tlsPort = 0;
    config.ircTlsPort = ServerConfig::FreePort;
    ServerFixture fixture(config);
    QVERIFY2(fixture.isListening(), qPrintable(fixture.server().errorString()));
    QVERIFY(fixture.server().ircTlsPort() != 0);

    QSslSocket socket;
    QSslConfiguration tls = socket.sslConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem")));
    socket.setSslConfiguration(tls);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(u"localhost"_s, fixture.server().ircTlsPort());
    QVERIFY(encrypted.wait(LineClient::Timeout));
    socket.write("NICK sec\r\nUSER sec 0 * :Sec\r\n");
    // An IRC session like the plain one: the welcome, then the hall.
    QTRY_VERIFY(socket.canReadLine());
    QCOMPARE(QString::fromUtf8(socket.readLine()),
             Server + u" 001 sec :Welcome to the test.chat IRC network, sec\r\n"_s);

    // Without TLS configured there is no IRC listener over TLS either.
    ServerFixture plain(IrcClient::serverConfig());
    QCOMPARE(plain.server().ircTlsPort(), quint16(0));
}

QTEST_MAIN(TestIrcSession)
#include "tst_ircsession.moc"
