// SPDX-License-Identifier: MIT
#include "Event.h"
#include "TaggedCodec.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Event)
Q_DECLARE_METATYPE(Event::Kind)
Q_DECLARE_METATYPE(ErrorCode)

// Lets QCOMPARE show both events when they differ.
char *toString(const Event &e)
{
    const QString text =
        u"Event(kind %1 time %2 label \"%3\" id %4 code %5 command \"%6\" room \"%7\" nick \"%8\" "
        u"target \"%9\" subject \"%10\" text \"%11\" list (%12))"_s.arg(int(e.kind))
            .arg(e.time.toString(Qt::ISODateWithMs), e.label, QString::number(e.id),
                 QString::number(int(e.code)), e.command, e.room, e.nick, e.target)
            .arg(e.subject, e.text,
                 e.list.isEmpty() ? QString() : u"\""_s + e.list.join(u"\", \""_s) + u"\""_s);
    return QTest::toString(text);
}

namespace {

// 2026-11-22T19:30:00.123Z
QDateTime fixedTime()
{
    return QDateTime(QDate(2026, 11, 22), QTime(19, 30, 0, 123), Qt::UTC);
}

Event at(Event e, const QString &label = {})
{
    e.time = fixedTime();
    e.label = label;
    return e;
}

} // namespace

class tst_TaggedCodec : public QObject
{
    Q_OBJECT

private slots:
    void format_data();
    void format();
    void kindWord_data();
    void kindWord();
    void roundTrip_data();
    void roundTrip();
    void roundTripNumbers_data();
    void roundTripNumbers();
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void escape_data();
    void escape();
};

void tst_TaggedCodec::format_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<QByteArray>("line");

    const QByteArray t = "2026-11-22T19:30:00.123Z";
    // clang-format off
    QTest::newRow("welcome") << at(Event::welcome(u"qtchat"_s)) << "welcome " + t + " \\- qtchat 3";
    QTest::newRow("welcome with spaces") << at(Event::welcome(u"My Chat"_s)) << "welcome " + t + " \\- My\\sChat 3";
    QTest::newRow("ok login with label") << at(Event::ok(u"login"_s, {u"alice"_s}), u"a1"_s) << "ok " + t + " a1 login alice";
    QTest::newRow("ok without details") << at(Event::ok(u"logout"_s, {})) << "ok " + t + " \\- logout";
    QTest::newRow("ok set") << at(Event::ok(u"set"_s, {u"time"_s, u"on"_s})) << "ok " + t + " \\- set time on";
    QTest::newRow("ok empty detail") << at(Event::ok(u"topic"_s, {QString()})) << "ok " + t + " \\- topic \\-";
    QTest::newRow("error unknown command")
        << at(Event::error(ErrorCode::UnknownCommand, u"bogus"_s, u"bogus"_s), u"x.1"_s)
        << "error " + t + " x.1 421 bogus bogus Unknown\\scommand:\\sbogus\\s(help\\slists\\sthe\\scommands).";
    QTest::newRow("error no text") << at(Event::error(ErrorCode::NoText, u"say"_s, QString()))
                                   << "error " + t + " \\- 412 say \\- There\\sis\\sno\\stext\\sto\\ssend.";
    QTest::newRow("error need more params")
        << at(Event::error(ErrorCode::NeedMoreParams, u"msg"_s, u"msg <nick> <text>"_s))
        << "error " + t + " \\- 461 msg msg\\s<nick>\\s<text> Usage:\\smsg\\s<nick>\\s<text>";
    QTest::newRow("error bad nick")
        << at(Event::error(ErrorCode::BadNick, u"login"_s, u"a b"_s))
        << "error " + t + " \\- 432 login a\\sb \"a\\sb\"\\sis\\snot\\sa\\svalid\\snickname:\\suse\\sup\\sto\\s24\\sletters\\sof\\sone\\sscript,"
           "\\sdigits,\\s'_'\\sor\\s'-',\\sstarting\\swith\\sa\\sletter,\\sdigit\\sor\\s'_'.";
    QTest::newRow("error bad nick with percent")
        << at(Event::error(ErrorCode::BadNick, u"login"_s, u"%1%2"_s))
        << "error " + t + " \\- 432 login %1%2 \"%1%2\"\\sis\\snot\\sa\\svalid\\snickname:\\suse\\sup\\sto\\s24\\sletters\\sof\\sone\\sscript,"
           "\\sdigits,\\s'_'\\sor\\s'-',\\sstarting\\swith\\sa\\sletter,\\sdigit\\sor\\s'_'.";
    QTest::newRow("error bad room with percent")
        << at(Event::error(ErrorCode::BadRoomName, u"create"_s, u"%2"_s))
        << "error " + t + " \\- 479 create %2 \"%2\"\\sis\\snot\\sa\\svalid\\sroom\\sname:\\suse\\sup\\sto\\s32\\sletters\\sof\\sone\\sscript,"
           "\\sdigits,\\s'_'\\sor\\s'-',\\sstarting\\swith\\sa\\sletter,\\sdigit\\sor\\s'_'.";
    QTest::newRow("error bad label") << at(Event::error(ErrorCode::BadInput, QString(), u"label"_s))
        << "error " + t + " \\- 400 \\- label Invalid\\slabel:\\suse\\s1-32\\sletters,\\sdigits,\\s'.',\\s'_'\\sor\\s'-'.";
    QTest::newRow("message") << at(Event::message(42, u"hall"_s, 7, u"alice"_s, u"hello world"_s))
                             << "message " + t + " \\- 42 hall 7 alice hello\\sworld";
    QTest::newRow("message chinese and emoji")
        << at(Event::message(1, u"大厅"_s, 1, u"张伟"_s, u"你好 👋"_s))
        << "message " + t + " \\- 1 \xe5\xa4\xa7\xe5\x8e\x85 1 \xe5\xbc\xa0\xe4\xbc\x9f \xe4\xbd\xa0\xe5\xa5\xbd\\s\xf0\x9f\x91\x8b";
    QTest::newRow("action") << at(Event::action(43, u"hall"_s, 8, u"alice"_s, u"waves"_s))
                            << "action " + t + " \\- 43 hall 8 alice waves";
    QTest::newRow("private") << at(Event::privateMessage(7, u"alice"_s, u"bob"_s, u"psst, bob"_s), u"m1"_s)
                             << "private " + t + " m1 7 alice bob psst,\\sbob";
    QTest::newRow("join") << at(Event::join(u"hall"_s, u"alice"_s)) << "join " + t + " \\- hall alice";
    QTest::newRow("joins") << at(Event::joins(u"hall"_s, {u"bob"_s, u"张伟"_s})) << "joins " + t + " \\- hall bob 张伟";
    QTest::newRow("leave") << at(Event::leave(u"hall"_s, u"alice"_s, u"quit"_s)) << "leave " + t + " \\- hall alice quit";
    QTest::newRow("nick") << at(Event::nickChange(u"alice"_s, u"alicia"_s)) << "nick " + t + " \\- alice alicia";
    QTest::newRow("topic") << at(Event::topic(u"hall"_s, u"alice"_s, u"Welcome all"_s))
                           << "topic " + t + " \\- hall alice Welcome\\sall";
    QTest::newRow("topic unset") << at(Event::topic(u"hall"_s, QString(), QString())) << "topic " + t + " \\- hall \\- \\-";
    QTest::newRow("topicchanged") << at(Event::topicChanged(44, u"hall"_s, 9, u"bob"_s, u"new\ttopic"_s))
                                  << "topicchanged " + t + " \\- 44 hall 9 bob new\\ttopic";
    QTest::newRow("presence") << at(Event::presence(u"hall"_s, u"bob"_s, u"reconnecting"_s))
                              << "presence " + t + " \\- hall bob reconnecting";
    QTest::newRow("history start") << at(Event::historyStart(u"hall"_s, QString(), u"join"_s, 12))
                                   << "history " + t + " \\- hall \\- join 12";
    QTest::newRow("history start of private") << at(Event::historyStart(QString(), u"bob"_s, u"request"_s, 3), u"h1"_s)
                                              << "history " + t + " h1 \\- bob request 3";
    QTest::newRow("history end with more") << at(Event::historyEnd(u"hall"_s, QString(), u"request"_s, 50, u"before"_s, 81))
                                           << "historyend " + t + " \\- hall \\- request 50 before 81";
    QTest::newRow("history end") << at(Event::historyEnd(u"hall"_s, QString(), u"resume"_s, 0, QString(), 99))
                                 << "historyend " + t + " \\- hall \\- resume 0 \\- 0";
    QTest::newRow("users") << at(Event::users(u"hall"_s, 2, {u"alice"_s, QString(), u"张伟"_s, u"reconnecting"_s}))
                           << "users " + t + " \\- hall 2 alice \\- \xe5\xbc\xa0\xe4\xbc\x9f reconnecting";
    QTest::newRow("users empty") << at(Event::users(u"hall"_s, 0, {})) << "users " + t + " \\- hall 0";
    QTest::newRow("users of a crowded room") << at(Event::users(u"hall"_s, 10000, {u"alice"_s, QString()}))
                                             << "users " + t + " \\- hall 10000 alice \\-";
    QTest::newRow("who") << at(Event::who({u"alice"_s, u"hall,games"_s, QString(), u"bob"_s, QString(), u"reconnecting"_s}))
                         << "who " + t + " \\- alice hall,games \\- bob \\- reconnecting";
    QTest::newRow("who empty") << at(Event::who({})) << "who " + t + " \\-";
    QTest::newRow("rooms") << at(Event::rooms({u"hall"_s, u"2"_s, QString(), u"games"_s, u"1"_s, u"Chess night"_s}))
                           << "rooms " + t + " \\- hall 2 \\- games 1 Chess\\snight";
    QTest::newRow("listing of everything") << at(Event::listingStart(u"rooms"_s, 20000, 0, QString()))
                                           << "listing " + t + " \\- rooms 20000 0 \\-";
    QTest::newRow("listing of a page, filtered") << at(Event::listingStart(u"who"_s, 250, 2, u"ali ce"_s), u"7"_s)
                                                 << "listing " + t + " 7 who 250 2 ali\\sce";
    QTest::newRow("listing end, more") << at(Event::listingEnd(u"rooms"_s, 100, 19900, 2, u"g*"_s))
                                       << "listingend " + t + " \\- rooms 100 19900 2 g*";
    QTest::newRow("listing end, no more: no next page") << at(Event::listingEnd(u"who"_s, 3, 0, 5, QString()))
                                                         << "listingend " + t + " \\- who 3 0 0 \\-";
    QTest::newRow("error creating too fast") << at(Event::error(ErrorCode::TryAgain, u"create"_s, u"42"_s))
        << "error " + t + " \\- 263 create 42 You\\sare\\screating\\srooms\\stoo\\sfast:\\stry\\sagain\\sin\\s42\\sseconds.";
    QTest::newRow("error server room limit") << at(Event::error(ErrorCode::ServerRoomLimit, u"create"_s, u"1000"_s))
        << "error " + t + " \\- 419 create 1000 The\\sserver\\shas\\sas\\smany\\srooms\\sas\\sit\\smay\\s(1000):\\sjoin\\sone\\sof\\sthem\\sinstead.";
    QTest::newRow("help") << at(Event::help({u"who"_s, u"Show everyone."_s, u"msg <nick> <text>"_s, u"Send."_s}))
                          << "help " + t + " \\- who Show\\severyone. msg\\s<nick>\\s<text> Send.";
    QTest::newRow("settings") << at(Event::settings({u"time"_s, u"off"_s, u"lang"_s, u"zh_CN"_s}))
                              << "settings " + t + " \\- time off lang zh_CN";
    QTest::newRow("bye") << at(Event::bye(u"logout"_s)) << "bye " + t + " \\- logout";
    QTest::newRow("ping") << at(Event::ping(u"abc"_s)) << "ping " + t + " \\- abc";
    QTest::newRow("ping empty token") << at(Event::ping(QString())) << "ping " + t + " \\- \\-";
    QTest::newRow("pong") << at(Event::pong(u"abc"_s), u"p"_s) << "pong " + t + " p abc";
    QTest::newRow("time converted to utc")
        << [] { Event e = at(Event::bye(u"logout"_s));
                e.time = QDateTime(QDate(2026, 11, 23), QTime(3, 30, 0, 123), Qt::OffsetFromUTC, 8 * 3600);
                return e; }()
        << "bye " + t + " \\- logout";
    QTest::newRow("invalid event") << Event() << QByteArray();
    // clang-format on
}

void tst_TaggedCodec::format()
{
    QFETCH(Event, event);
    QFETCH(QByteArray, line);

    QCOMPARE(TaggedCodec::format(event), line);
}

void tst_TaggedCodec::kindWord_data()
{
    QTest::addColumn<Event::Kind>("kind");
    QTest::addColumn<QString>("word");

    using K = Event::Kind;
    QTest::newRow("invalid") << K::Invalid << QString();
    QTest::newRow("welcome") << K::Welcome << u"welcome"_s;
    QTest::newRow("ok") << K::Ok << u"ok"_s;
    QTest::newRow("error") << K::Error << u"error"_s;
    QTest::newRow("message") << K::Message << u"message"_s;
    QTest::newRow("action") << K::Action << u"action"_s;
    QTest::newRow("private") << K::Private << u"private"_s;
    QTest::newRow("join") << K::Join << u"join"_s;
    QTest::newRow("leave") << K::Leave << u"leave"_s;
    QTest::newRow("nick change") << K::NickChange << u"nick"_s;
    QTest::newRow("topic") << K::Topic << u"topic"_s;
    QTest::newRow("topic changed") << K::TopicChanged << u"topicchanged"_s;
    QTest::newRow("users") << K::Users << u"users"_s;
    QTest::newRow("who") << K::Who << u"who"_s;
    QTest::newRow("rooms") << K::Rooms << u"rooms"_s;
    QTest::newRow("listing start") << K::ListingStart << u"listing"_s;
    QTest::newRow("listing end") << K::ListingEnd << u"listingend"_s;
    QTest::newRow("help") << K::Help << u"help"_s;
    QTest::newRow("settings") << K::Settings << u"settings"_s;
    QTest::newRow("bans") << K::Bans << u"bans"_s;
    QTest::newRow("rules") << K::Rules << u"rules"_s;
    QTest::newRow("modlog") << K::Modlog << u"modlog"_s;
    QTest::newRow("conversations") << K::Conversations << u"conversations"_s;
    QTest::newRow("away") << K::Away << u"away"_s;
    QTest::newRow("whowas") << K::Whowas << u"whowas"_s;
    QTest::newRow("notice") << K::Notice << u"notice"_s;
    QTest::newRow("wallops") << K::Wallops << u"wallops"_s;
    QTest::newRow("bye") << K::Bye << u"bye"_s;
    QTest::newRow("ping") << K::Ping << u"ping"_s;
    QTest::newRow("pong") << K::Pong << u"pong"_s;
}

void tst_TaggedCodec::kindWord()
{
    QFETCH(Event::Kind, kind);
    QFETCH(QString, word);

    QCOMPARE(TaggedCodec::kindWord(kind), word);
}

void tst_TaggedCodec::roundTrip_data()
{
    QTest::addColumn<QString>("text");

    // clang-format off
    QTest::newRow("plain") << u"hello"_s;
    QTest::newRow("spaces") << u"hello big world"_s;
    QTest::newRow("leading and trailing spaces") << u"  padded  "_s;
    QTest::newRow("only a space") << u" "_s;
    QTest::newRow("backslashes") << u"a\\b\\\\c"_s;
    QTest::newRow("backslash dash literal") << u"\\-"_s;
    QTest::newRow("backslash dash inside") << u"a\\-b"_s;
    QTest::newRow("backslash s literal") << u"\\s"_s;
    QTest::newRow("backslash x literal") << u"\\x41"_s;
    QTest::newRow("backslash at end") << u"abc\\"_s;
    QTest::newRow("dash") << u"-"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("tab") << u"a\tb"_s;
    QTest::newRow("cr lf") << u"line one\r\nline two"_s;
    QTest::newRow("lone cr and lf") << u"\r\n\n\r"_s;
    QTest::newRow("nul") << u"a"_s + QChar(0) + u"b"_s;
    QTest::newRow("other control chars") << u"\x01\x07\x1b[0m\x1f\x7f"_s;
    QTest::newRow("c1 control and separators") << u"a\u0085b\u2028c\u2029"_s;
    QTest::newRow("emoji in text") << u"hi 👋🏽 👩‍👩‍👧"_s;
    QTest::newRow("chinese") << u"你好，世界！ 张伟"_s;
    QTest::newRow("percent signs") << u"%1 %2 %n"_s;
    QTest::newRow("at sign and slashes") << u"@label //x"_s;
    QTest::newRow("everything") << u" \\ \\- \t\r\n\x02 张伟 😀 "_s;
    // clang-format on
}

// Every string field, the label and list items survive format() then parse().
void tst_TaggedCodec::roundTrip()
{
    QFETCH(QString, text);

    const QList<Event> events = {
        at(Event::welcome(text), text),
        at(Event::ok(text, {text, text}), text),
        at(Event::error(ErrorCode::NoSuchNick, text, text), text),
        at(Event::message(1, text, 5, text, text), text),
        at(Event::action(2, text, 6, text, text), text),
        at(Event::privateMessage(3, text, text, text), text),
        at(Event::join(text, text), text),
        at(Event::leave(text, text, text), text),
        at(Event::nickChange(text, text), text),
        at(Event::topic(text, text, text), text),
        at(Event::topicChanged(4, text, 7, text, text), text),
        at(Event::presence(text, text, text), text),
        at(Event::users(text, 3, {text, text, text, text, text, text}), text),
        at(Event::who({text, text, text}), text),
        at(Event::historyStart(text, text, text, 3), text),
        at(Event::historyEnd(text, text, text, 3, text, 9), text),
        at(Event::rooms({text, text, text, text, text, text}), text),
        at(Event::listingStart(text, 20000, 3, text), text),
        at(Event::listingEnd(text, 100, 250, 4, text), text),
        at(Event::help({text, text}), text),
        at(Event::settings({text, text}), text),
        at(Event::bye(text), text),
        at(Event::ping(text), text),
        at(Event::pong(text), text),
    };
    for (const Event &event : events) {
        const QByteArray line = TaggedCodec::format(event);
        QVERIFY(!line.isEmpty());
        for (const char c : line)
            QVERIFY2(uchar(c) >= 0x20 && uchar(c) != 0x7f, line.constData());
        QVERIFY2(!line.contains("  "), line.constData());
        QVERIFY2(!line.endsWith(' '), line.constData());
        const Event parsed = TaggedCodec::parse(QString::fromUtf8(line));
        QCOMPARE(parsed, event);
        QCOMPARE(TaggedCodec::format(parsed), line);
    }
}

void tst_TaggedCodec::roundTripNumbers_data()
{
    QTest::addColumn<quint64>("id");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("zero id") << quint64(0) << ErrorCode::BadInput;
    QTest::newRow("largest id") << std::numeric_limits<quint64>::max() << ErrorCode::TopicTooLong;
    QTest::newRow("ordinary") << quint64(12345) << ErrorCode::LineTooLong;
}

void tst_TaggedCodec::roundTripNumbers()
{
    QFETCH(quint64, id);
    QFETCH(ErrorCode, code);

    const Event message = at(Event::message(id, u"hall"_s, id, u"alice"_s, u"hi"_s));
    QCOMPARE(TaggedCodec::parse(QString::fromUtf8(TaggedCodec::format(message))), message);
    const Event error = at(Event::error(code, u"say"_s, u"4096"_s));
    QCOMPARE(TaggedCodec::parse(QString::fromUtf8(TaggedCodec::format(error))), error);
    const Event now = Event::ping(u"now"_s); // the current time, to the millisecond
    QCOMPARE(TaggedCodec::parse(QString::fromUtf8(TaggedCodec::format(now))), now);
}

void tst_TaggedCodec::parseAccepts_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Event>("event");

    // clang-format off
    QTest::newRow("message") << u"message 2026-11-22T19:30:00.123Z lab 42 hall 3 alice hi\\sthere"_s
                             << at(Event::message(42, u"hall"_s, 3, u"alice"_s, u"hi there"_s), u"lab"_s);
    QTest::newRow("users without list") << u"users 2026-11-22T19:30:00.123Z \\- hall 0"_s
                                        << at(Event::users(u"hall"_s, 0, {}));
    QTest::newRow("upper case hex escape") << u"ping 2026-11-22T19:30:00.123Z \\- a\\x1Fb"_s
                                           << at(Event::ping(u"a\x1f" "b"_s));
    QTest::newRow("chinese fields") << u"join 2026-11-22T19:30:00.123Z \\- 大厅 张伟"_s
                                    << at(Event::join(u"大厅"_s, u"张伟"_s));
    QTest::newRow("error with unknown code") << u"error 2026-11-22T19:30:00.123Z \\- 555 say x Oops."_s
        << [] { Event e = at(Event::error(ErrorCode::NoText, u"say"_s, u"x"_s));
                e.code = ErrorCode(555);
                e.text = u"Oops."_s;
                return e; }();
    // clang-format on
}

void tst_TaggedCodec::parseAccepts()
{
    QFETCH(QString, line);
    QFETCH(Event, event);

    QCOMPARE(TaggedCodec::parse(line), event);
}

void tst_TaggedCodec::parseRejects_data()
{
    QTest::addColumn<QString>("line");

    const QString t = u"2026-11-22T19:30:00.123Z"_s;
    // clang-format off
    QTest::newRow("empty line") << QString();
    QTest::newRow("kind only") << u"message"_s;
    QTest::newRow("missing label") << u"bye "_s + t;
    QTest::newRow("plain text") << u"alice: hello"_s;
    QTest::newRow("text rendering line") << u"* alice has entered the room."_s;
    QTest::newRow("unknown kind") << u"shout "_s + t + u" \\- hall alice hi"_s;
    QTest::newRow("upper case kind") << u"MESSAGE "_s + t + u" \\- 1 hall 1 alice hi"_s;
    QTest::newRow("invalid kind word") << u"invalid "_s + t + u" \\-"_s;
    QTest::newRow("bad time") << u"message notatime \\- 1 hall 1 alice hi"_s;
    QTest::newRow("time without zone") << u"message 2026-11-22T19:30:00.123 \\- 1 hall 1 alice hi"_s;
    QTest::newRow("time with offset") << u"message 2026-11-23T03:30:00.123+08:00 \\- 1 hall 1 alice hi"_s;
    QTest::newRow("impossible date") << u"message 2026-13-45T19:30:00.123Z \\- 1 hall 1 alice hi"_s;
    QTest::newRow("impossible time") << u"message 2026-11-22T25:61:00.123Z \\- 1 hall 1 alice hi"_s;
    QTest::newRow("escaped time") << u"message \\- \\- 1 hall 1 alice hi"_s;
    QTest::newRow("missing fields") << u"message "_s + t + u" \\- 1 hall 1 alice"_s;
    QTest::newRow("missing every field") << u"join "_s + t + u" \\-"_s;
    QTest::newRow("extra field") << u"message "_s + t + u" \\- 1 hall 1 alice hi extra"_s;
    QTest::newRow("extra field on bye") << u"bye "_s + t + u" \\- logout now"_s;
    QTest::newRow("users missing room") << u"users "_s + t + u" \\-"_s;
    QTest::newRow("users missing count") << u"users "_s + t + u" \\- hall"_s;
    QTest::newRow("who list of four") << u"who "_s + t + u" \\- alice hall \\- bob"_s;
    QTest::newRow("users odd list") << u"users "_s + t + u" \\- hall 1 alice"_s;
    QTest::newRow("non-numeric seq") << u"message "_s + t + u" \\- 1 hall one alice hi"_s;
    QTest::newRow("negative history count") << u"history "_s + t + u" \\- hall \\- join -1"_s;
    QTest::newRow("history end missing seq") << u"historyend "_s + t + u" \\- hall \\- request 5 before"_s;
    QTest::newRow("rooms list of four") << u"rooms "_s + t + u" \\- hall 2 \\- games"_s;
    QTest::newRow("rooms list of two") << u"rooms "_s + t + u" \\- hall 2"_s;
    QTest::newRow("listing missing filter") << u"listing "_s + t + u" \\- rooms 3 0"_s;
    QTest::newRow("listing with a list") << u"listing "_s + t + u" \\- rooms 3 0 \\- hall"_s;
    QTest::newRow("listing negative total") << u"listing "_s + t + u" \\- rooms -3 0 \\-"_s;
    QTest::newRow("listing page not a number") << u"listing "_s + t + u" \\- rooms 3 two \\-"_s;
    QTest::newRow("listing end missing next") << u"listingend "_s + t + u" \\- rooms 3 0 \\-"_s;
    QTest::newRow("listing end more not a number") << u"listingend "_s + t + u" \\- rooms 3 many 2 \\-"_s;
    QTest::newRow("help odd list") << u"help "_s + t + u" \\- who"_s;
    QTest::newRow("settings odd list") << u"settings "_s + t + u" \\- time on lang"_s;
    QTest::newRow("bad escape") << u"message "_s + t + u" \\- 1 hall 1 alice hi\\q"_s;
    QTest::newRow("trailing backslash") << u"message "_s + t + u" \\- 1 hall 1 alice hi\\"_s;
    QTest::newRow("dash escape inside field") << u"message "_s + t + u" \\- 1 hall 1 alice a\\-b"_s;
    QTest::newRow("short hex escape") << u"message "_s + t + u" \\- 1 hall 1 alice a\\x1"_s;
    QTest::newRow("hex escape of printable") << u"message "_s + t + u" \\- 1 hall 1 alice \\x41"_s;
    QTest::newRow("hex escape not hex") << u"message "_s + t + u" \\- 1 hall 1 alice \\xzz"_s;
    QTest::newRow("hex escape with sign") << u"message "_s + t + u" \\- 1 hall 1 alice \\x+1"_s;
    QTest::newRow("hex escape with other digits") << u"message "_s + t + u" \\- 1 hall 1 alice \\x٠٧"_s;
    QTest::newRow("hex escape with minus") << u"message "_s + t + u" \\- 1 hall 1 alice \\x-1"_s;
    QTest::newRow("bad escape in label") << u"bye "_s + t + u" \\q logout"_s;
    QTest::newRow("bad escape in list") << u"users "_s + t + u" \\- hall 1 ali\\ce \\-"_s;
    QTest::newRow("non-numeric id") << u"message "_s + t + u" \\- abc hall 1 alice hi"_s;
    QTest::newRow("negative id") << u"message "_s + t + u" \\- -1 hall 1 alice hi"_s;
    QTest::newRow("empty id") << u"message "_s + t + u" \\- \\- hall 1 alice hi"_s;
    QTest::newRow("id too big") << u"message "_s + t + u" \\- 18446744073709551616 hall 1 alice hi"_s;
    QTest::newRow("hex id") << u"message "_s + t + u" \\- 0x10 hall 1 alice hi"_s;
    QTest::newRow("non-numeric code") << u"error "_s + t + u" \\- abc say \\- x"_s;
    QTest::newRow("code zero") << u"error "_s + t + u" \\- 0 say \\- x"_s;
    QTest::newRow("code too large") << u"error "_s + t + u" \\- 1000 say \\- x"_s;
    QTest::newRow("double space") << u"bye "_s + t + u" \\-  logout"_s;
    QTest::newRow("trailing space") << u"bye "_s + t + u" \\- logout "_s;
    QTest::newRow("missing field hidden by trailing space") << u"join "_s + t + u" \\- hall "_s;
    QTest::newRow("trailing space after list") << u"users "_s + t + u" \\- hall 1 alice \\- "_s;
    QTest::newRow("double space in list") << u"users "_s + t + u" \\- hall  alice"_s;
    QTest::newRow("leading space") << u" bye "_s + t + u" \\- logout"_s;
    QTest::newRow("tab separators") << u"bye\t"_s + t + u"\t\\-\tlogout"_s;
    // clang-format on
}

void tst_TaggedCodec::parseRejects()
{
    QFETCH(QString, line);

    const Event event = TaggedCodec::parse(line);
    // QVERIFY2 takes a plain message; toString()'s buffer is ours to free.
    const std::unique_ptr<char[]> description(toString(event));
    QVERIFY2(!event.isValid(), description.get());
    QCOMPARE(event, Event());
}

void tst_TaggedCodec::escape_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("escaped");

    // clang-format off
    QTest::newRow("plain") << u"abc"_s << u"abc"_s;
    QTest::newRow("empty") << QString() << u"\\-"_s;
    QTest::newRow("space") << u"a b"_s << u"a\\sb"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"a\\\\b"_s;
    QTest::newRow("backslash dash literal") << u"\\-"_s << u"\\\\-"_s;
    QTest::newRow("dash") << u"-"_s << u"-"_s;
    QTest::newRow("cr lf tab") << u"\r\n\t"_s << u"\\r\\n\\t"_s;
    QTest::newRow("nul") << QString(QChar(0)) << u"\\x00"_s;
    QTest::newRow("escape char") << u"\x1b"_s << u"\\x1b"_s;
    QTest::newRow("delete") << u"\x7f"_s << u"\\x7f"_s;
    QTest::newRow("chinese unchanged") << u"张伟"_s << u"张伟"_s;
    QTest::newRow("emoji unchanged") << u"😀"_s << u"😀"_s;
    // clang-format on
}

void tst_TaggedCodec::escape()
{
    QFETCH(QString, field);
    QFETCH(QString, escaped);

    QCOMPARE(TaggedCodec::escape(field), escaped);
    QString back = u"garbage"_s;
    QVERIFY(TaggedCodec::unescape(escaped, back));
    QCOMPARE(back, field);
}

QTEST_GUILESS_MAIN(tst_TaggedCodec)
#include "tst_taggedcodec.moc"
