// SPDX-License-Identifier: MIT
#include "Event.h"
#include "TextRenderer.h"

#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Event)

namespace {

// 2026-11-22T19:30:00.123Z: 03:30 the next day in UTC+8, where initMain() puts the tests.
QDateTime fixedTime()
{
    return QDateTime(QDate(2026, 11, 22), QTime(19, 30, 0, 123), Qt::UTC);
}

Event at(Event e, const QDateTime &time = fixedTime())
{
    e.time = time;
    return e;
}

} // namespace

class tst_TextRenderer : public QObject
{
    Q_OBJECT

public:
    // Local time is UTC+8 without daylight saving, so "local" and "UTC" give different hours.
    static void initMain() { qputenv("TZ", "CST-8"); }

private slots:
    void render_data();
    void render();
    void timestamps_data();
    void timestamps();
    void options_data();
    void options();
    void emptyTranslatorFallsBackToEnglish();
};

void tst_TextRenderer::render_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<bool>("self");
    QTest::addColumn<QByteArray>("text");

    const QString summary = u"Send a private message that only that person sees."_s;
    // clang-format off
    QTest::newRow("welcome") << at(Event::welcome(u"qtchat"_s)) << false
        << QByteArray("Welcome to qtchat! Log in with: login <nick>    (help lists the commands)\r\n");
    QTest::newRow("ok login") << at(Event::ok(u"login"_s, {u"alice"_s})) << true << QByteArray("You are logged in as alice.\r\n");
    QTest::newRow("ok login with a resume token") << at(Event::ok(u"login"_s, {u"alice"_s, u"0123abcd"_s, u"120"_s})) << true
        << QByteArray("You are logged in as alice.\r\nIf your connection drops, connect again within 120 seconds and type: resume 0123abcd\r\n");
    QTest::newRow("ok resume") << at(Event::ok(u"resume"_s, {u"alice"_s, u"0123abcd"_s, u"120"_s})) << true
        << QByteArray("Welcome back, alice.\r\nIf your connection drops, connect again within 120 seconds and type: resume 0123abcd\r\n");
    QTest::newRow("ok switch") << at(Event::ok(u"switch"_s, {u"games"_s})) << true << QByteArray("You are now talking in games.\r\n");
    QTest::newRow("ok login chinese nick") << at(Event::ok(u"login"_s, {u"张伟"_s})) << true
        << QByteArray("You are logged in as \xe5\xbc\xa0\xe4\xbc\x9f.\r\n");
    QTest::newRow("ok set") << at(Event::ok(u"set"_s, {u"time"_s, u"on"_s})) << true << QByteArray("Setting time is now on.\r\n");
    QTest::newRow("ok other command") << at(Event::ok(u"create"_s, {u"games"_s})) << true << QByteArray("OK: create games\r\n");
    QTest::newRow("ok without details") << at(Event::ok(u"logout"_s, {})) << true << QByteArray("OK: logout\r\n");
    QTest::newRow("ok login without a token") << at(Event::ok(u"login"_s, {u"a"_s, u"b"_s})) << true << QByteArray("You are logged in as a.\r\n");
    QTest::newRow("ok of an unknown command") << at(Event::ok(u"frob"_s, {u"a"_s, u"b"_s})) << true << QByteArray("OK: frob a b\r\n");
    QTest::newRow("error unknown command") << at(Event::error(ErrorCode::UnknownCommand, u"bogus"_s, u"bogus"_s)) << true
        << QByteArray("Error: Unknown command: bogus (help lists the commands).\r\n");
    QTest::newRow("error usage") << at(Event::error(ErrorCode::NeedMoreParams, u"msg"_s, u"msg <nick> <text>"_s)) << true
        << QByteArray("Error: Usage: msg <nick> <text>\r\n");
    QTest::newRow("error no text") << at(Event::error(ErrorCode::NoText, u"say"_s, QString())) << true
        << QByteArray("Error: There is no text to send.\r\n");
    QTest::newRow("error room exists") << at(Event::error(ErrorCode::RoomExists, u"create"_s, u"games"_s)) << true
        << QByteArray("Error: The room games already exists: use join games.\r\n");
    QTest::newRow("error bad nick") << at(Event::error(ErrorCode::BadNick, u"login"_s, u"a b"_s)) << true
        << QByteArray("Error: \"a b\" is not a valid nickname: use up to 24 letters of one script, digits, '_' or '-', starting with a letter, digit or '_'.\r\n");
    QTest::newRow("error bad nick with percent") << at(Event::error(ErrorCode::BadNick, u"login"_s, u"%1"_s)) << true
        << QByteArray("Error: \"%1\" is not a valid nickname: use up to 24 letters of one script, digits, '_' or '-', starting with a letter, digit or '_'.\r\n");
    QTest::newRow("error bad room") << at(Event::error(ErrorCode::BadRoomName, u"create"_s, u"-x"_s)) << true
        << QByteArray("Error: \"-x\" is not a valid room name: use up to 32 letters of one script, digits, '_' or '-', starting with a letter, digit or '_'.\r\n");
    QTest::newRow("error bad utf8") << at(Event::error(ErrorCode::BadInput, QString(), u"utf8"_s)) << true
        << QByteArray("Error: That line is not valid UTF-8 text.\r\n");
    QTest::newRow("error control characters") << at(Event::error(ErrorCode::BadInput, QString(), u"control"_s)) << true
        << QByteArray("Error: Control characters are not allowed in text.\r\n");
    QTest::newRow("error line too long") << at(Event::error(ErrorCode::LineTooLong, QString(), u"4096"_s)) << true
        << QByteArray("Error: That line is too long (the limit is 4096 bytes); it was dropped.\r\n");
    QTest::newRow("error not logged in") << at(Event::error(ErrorCode::NotLoggedIn, u"who"_s, QString())) << true
        << QByteArray("Error: Log in first: login <nick>\r\n");
    QTest::newRow("message") << at(Event::message(1, u"hall"_s, 1, u"alice"_s, u"hello"_s)) << false << QByteArray("alice: hello\r\n");
    QTest::newRow("message self") << at(Event::message(1, u"hall"_s, 1, u"alice"_s, u"hello"_s)) << true << QByteArray("alice: hello\r\n");
    QTest::newRow("chinese nick") << at(Event::message(2, u"hall"_s, 2, u"张伟"_s, u"你好"_s)) << false
        << QByteArray("\xe5\xbc\xa0\xe4\xbc\x9f: \xe4\xbd\xa0\xe5\xa5\xbd\r\n");
    QTest::newRow("emoji in text") << at(Event::message(3, u"hall"_s, 3, u"bob"_s, u"hi 👋"_s)) << false
        << QByteArray("bob: hi \xf0\x9f\x91\x8b\r\n");
    QTest::newRow("percent in text") << at(Event::message(4, u"hall"_s, 4, u"bob"_s, u"100% %1"_s)) << false
        << QByteArray("bob: 100% %1\r\n");
    QTest::newRow("action") << at(Event::action(5, u"hall"_s, 5, u"alice"_s, u"waves"_s)) << false << QByteArray("* alice waves\r\n");
    QTest::newRow("action self") << at(Event::action(5, u"hall"_s, 5, u"alice"_s, u"waves"_s)) << true << QByteArray("* alice waves\r\n");
    QTest::newRow("private received") << at(Event::privateMessage(6, u"alice"_s, u"bob"_s, u"psst"_s)) << false << QByteArray("*alice* psst\r\n");
    QTest::newRow("private sent") << at(Event::privateMessage(6, u"alice"_s, u"bob"_s, u"psst"_s)) << true << QByteArray("-> *bob* psst\r\n");
    QTest::newRow("join other") << at(Event::join(u"hall"_s, u"alice"_s)) << false << QByteArray("* alice has entered the room.\r\n");
    QTest::newRow("join self") << at(Event::join(u"hall"_s, u"alice"_s)) << true << QByteArray("* You have entered hall.\r\n");
    QTest::newRow("joins, a few") << at(Event::joins(u"hall"_s, {u"a"_s, u"b"_s, u"c"_s, u"d"_s})) << false << QByteArray("* a, b, c, d have entered the room.\r\n");
    QTest::newRow("joins, a crowd") << at(Event::joins(u"hall"_s, {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s})) << false << QByteArray("* a, b, c and 2 others have entered the room.\r\n");
    QTest::newRow("leave part") << at(Event::leave(u"hall"_s, u"alice"_s, u"part"_s)) << false << QByteArray("* alice has left the room.\r\n");
    QTest::newRow("leave quit") << at(Event::leave(u"hall"_s, u"alice"_s, u"quit"_s)) << false << QByteArray("* alice has left the chat.\r\n");
    QTest::newRow("leave lost") << at(Event::leave(u"hall"_s, u"alice"_s, u"lost"_s)) << false << QByteArray("* alice lost the connection.\r\n");
    QTest::newRow("leave shutdown") << at(Event::leave(u"hall"_s, u"alice"_s, u"shutdown"_s)) << false
        << QByteArray("* alice has left: the server is shutting down.\r\n");
    QTest::newRow("leave unknown reason") << at(Event::leave(u"hall"_s, u"alice"_s, u"???"_s)) << false << QByteArray("* alice has left the room.\r\n");
    QTest::newRow("leave self") << at(Event::leave(u"hall"_s, u"alice"_s, u"part"_s)) << true << QByteArray("* You have left hall.\r\n");
    QTest::newRow("nick other") << at(Event::nickChange(u"alice"_s, u"alicia"_s)) << false << QByteArray("* alice is now known as alicia.\r\n");
    QTest::newRow("nick self") << at(Event::nickChange(u"alice"_s, u"alicia"_s)) << true << QByteArray("* You are now known as alicia.\r\n");
    QTest::newRow("topic") << at(Event::topic(u"hall"_s, u"bob"_s, u"Chess at 8"_s)) << false
        << QByteArray("Topic of hall: Chess at 8 (set by bob)\r\n");
    QTest::newRow("topic with placeholders") << at(Event::topic(u"hall"_s, u"%3"_s, u"%1 %2"_s)) << false
        << QByteArray("Topic of hall: %1 %2 (set by %3)\r\n");
    QTest::newRow("no topic") << at(Event::topic(u"hall"_s, QString(), QString())) << false << QByteArray("No topic is set in hall.\r\n");
    QTest::newRow("topic changed") << at(Event::topicChanged(9, u"hall"_s, 9, u"bob"_s, u"Go"_s)) << false
        << QByteArray("* bob changed the topic to: Go\r\n");
    QTest::newRow("topic cleared") << at(Event::topicChanged(9, u"hall"_s, 9, u"bob"_s, QString())) << false
        << QByteArray("* bob cleared the topic.\r\n");
    QTest::newRow("users") << at(Event::users(u"hall"_s, 2, {u"alice"_s, QString(), u"张伟"_s, QString()})) << false
        << QByteArray("Users in hall (2):\r\n  alice\r\n  \xe5\xbc\xa0\xe4\xbc\x9f\r\n");
    QTest::newRow("users reconnecting") << at(Event::users(u"hall"_s, 2, {u"alice"_s, QString(), u"bob"_s, u"reconnecting"_s})) << false
        << QByteArray("Users in hall (2):\r\n  alice\r\n  bob (reconnecting)\r\n");
    QTest::newRow("users empty") << at(Event::users(u"hall"_s, 0, {})) << false << QByteArray("Users in hall (0):\r\n");
    QTest::newRow("users of a crowded room") << at(Event::users(u"hall"_s, 1200, {u"alice"_s, QString(), u"bob"_s, QString()})) << false
        << QByteArray("Users in hall (1200, the first 2 listed):\r\n  alice\r\n  bob\r\n");
    // A piece of a listing: its lines, under the listing's heading.
    QTest::newRow("who") << at(Event::who({u"alice"_s, u"hall"_s, QString(), u"bob"_s, u"games"_s, QString()})) << false
        << QByteArray("  alice in hall\r\n  bob in games\r\n");
    QTest::newRow("who in several rooms, none, reconnecting")
        << at(Event::who({u"alice"_s, u"hall,games"_s, QString(), u"bob"_s, QString(), QString(), u"carol"_s, u"hall"_s, u"reconnecting"_s})) << false
        << QByteArray("  alice in hall, games\r\n  bob (in no room)\r\n  carol (reconnecting) in hall\r\n");
    QTest::newRow("who list cut short ignores the rest") << at(Event::who({u"alice"_s, u"hall"_s, QString(), u"bob"_s})) << false
        << QByteArray("  alice in hall\r\n");
    QTest::newRow("who empty") << at(Event::who({})) << false << QByteArray();
    QTest::newRow("listing of who") << at(Event::listingStart(u"who"_s, 2, 0, QString())) << false
        << QByteArray("Users online (2):\r\n");
    QTest::newRow("listing of who, first page") << at(Event::listingStart(u"who"_s, 250, 1, QString())) << false
        << QByteArray("Users online (250):\r\n");
    QTest::newRow("listing of who, filtered") << at(Event::listingStart(u"who"_s, 1, 1, u"ali"_s)) << false
        << QByteArray("Users online matching ali (1):\r\n");
    QTest::newRow("listing of who, third page") << at(Event::listingStart(u"who"_s, 250, 3, QString())) << false
        << QByteArray("Users online (250), page 3:\r\n");
    QTest::newRow("listing of who, filtered, second page") << at(Event::listingStart(u"who"_s, 150, 2, u"a*"_s)) << false
        << QByteArray("Users online matching a* (150), page 2:\r\n");
    QTest::newRow("listing of rooms") << at(Event::listingStart(u"rooms"_s, 2, 1, QString())) << false
        << QByteArray("Rooms (2):\r\n");
    QTest::newRow("listing of rooms, none match") << at(Event::listingStart(u"rooms"_s, 0, 1, u"zzz"_s)) << false
        << QByteArray("Rooms matching zzz (0):\r\n");
    QTest::newRow("listing of rooms, second page") << at(Event::listingStart(u"rooms"_s, 20000, 2, QString())) << false
        << QByteArray("Rooms (20000), page 2:\r\n");
    QTest::newRow("listing of rooms, filtered, page 4") << at(Event::listingStart(u"rooms"_s, 400, 4, u"g"_s)) << false
        << QByteArray("Rooms matching g (400), page 4:\r\n");
    QTest::newRow("listing end, more rooms") << at(Event::listingEnd(u"rooms"_s, 100, 19900, 2, QString())) << false
        << QByteArray("--- 19900 more: /list 2 ---\r\n");
    QTest::newRow("listing end, more people matching") << at(Event::listingEnd(u"who"_s, 100, 1, 3, u"ali"_s)) << false
        << QByteArray("--- 1 more: /who ali 3 ---\r\n");
    QTest::newRow("listing end, no more") << at(Event::listingEnd(u"rooms"_s, 37, 0, 2, QString())) << false
        << QByteArray();
    QTest::newRow("listing end of everything") << at(Event::listingEnd(u"who"_s, 20000, 0, 0, QString())) << false
        << QByteArray();
    QTest::newRow("presence reconnecting") << at(Event::presence(u"hall"_s, u"bob"_s, u"reconnecting"_s)) << false
        << QByteArray("* bob lost the connection; their place is kept for a while.\r\n");
    QTest::newRow("presence back") << at(Event::presence(u"hall"_s, u"bob"_s, u"back"_s)) << false
        << QByteArray("* bob is back.\r\n");
    QTest::newRow("history on join") << at(Event::historyStart(u"hall"_s, QString(), u"join"_s, 12)) << false
        << QByteArray("--- 12 earlier messages, since 2026-11-23 03:30 ---\r\n");
    QTest::newRow("history on join, nothing") << at(Event::historyStart(u"hall"_s, QString(), u"join"_s, 0)) << false
        << QByteArray();
    QTest::newRow("history on resume") << at(Event::historyStart(u"hall"_s, QString(), u"resume"_s, 3)) << false
        << QByteArray("--- 3 messages in hall while you were away, since 2026-11-23 03:30 ---\r\n");
    QTest::newRow("history on resume, nothing") << at(Event::historyStart(u"hall"_s, QString(), u"resume"_s, 0)) << false
        << QByteArray("--- nothing new in hall ---\r\n");
    QTest::newRow("history of private messages on resume") << at(Event::historyStart(QString(), QString(), u"resume"_s, 1)) << false
        << QByteArray("--- 1 messages in private while you were away, since 2026-11-23 03:30 ---\r\n");
    QTest::newRow("history requested") << at(Event::historyStart(u"hall"_s, QString(), u"request"_s, 20)) << false
        << QByteArray("--- 20 messages in hall, since 2026-11-23 03:30 ---\r\n");
    QTest::newRow("history requested with someone") << at(Event::historyStart(QString(), u"bob"_s, u"request"_s, 2)) << false
        << QByteArray("--- 2 messages in @bob, since 2026-11-23 03:30 ---\r\n");
    QTest::newRow("history requested, none") << at(Event::historyStart(u"hall"_s, QString(), u"request"_s, 0)) << false
        << QByteArray("--- no messages in hall ---\r\n");
    QTest::newRow("history end, now") << at(Event::historyEnd(u"hall"_s, QString(), u"join"_s, 12, u"before"_s, 5)) << false
        << QByteArray("--- now ---\r\n");
    QTest::newRow("history end of nothing") << at(Event::historyEnd(u"hall"_s, QString(), u"resume"_s, 0, QString(), 0)) << false
        << QByteArray();
    QTest::newRow("history end, older ones") << at(Event::historyEnd(u"hall"_s, QString(), u"request"_s, 20, u"before"_s, 81)) << false
        << QByteArray("--- older: history hall before 81 ---\r\n");
    QTest::newRow("history end, newer ones") << at(Event::historyEnd(QString(), u"bob"_s, u"request"_s, 20, u"after"_s, 99)) << false
        << QByteArray("--- newer: history @bob after 99 ---\r\n");
    QTest::newRow("history end, the end") << at(Event::historyEnd(u"hall"_s, QString(), u"request"_s, 20, QString(), 0)) << false
        << QByteArray("--- end of history ---\r\n");
    QTest::newRow("bye resumed") << at(Event::bye(u"resumed"_s)) << true
        << QByteArray("You came back on another connection; this one is closed.\r\n");
    QTest::newRow("rooms") << at(Event::rooms({u"hall"_s, u"2"_s, QString(), u"games"_s, u"1"_s, u"Chess night"_s})) << false
        << QByteArray("  hall (2 users)\r\n  games (1 users): Chess night\r\n");
    QTest::newRow("rooms empty") << at(Event::rooms({})) << false << QByteArray();
    QTest::newRow("help one command") << at(Event::help({u"msg <nick> <text>"_s, summary})) << false
        << ("msg <nick> <text>  " + summary.toUtf8() + "\r\n");
    QTest::newRow("help list") << at(Event::help({u"who"_s, u"Show everyone."_s, u"msg <nick> <text>"_s, summary})) << false
        << ("Commands (a leading / is optional; plain text is said to the room):\r\n"
            "  who                             Show everyone.\r\n"
            "  msg <nick> <text>               " + summary.toUtf8() + "\r\n");
    QTest::newRow("settings") << at(Event::settings({u"time"_s, u"off"_s, u"lang"_s, u"en"_s})) << false
        << QByteArray("Your settings:\r\n  time off\r\n  lang en\r\n");
    QTest::newRow("bye logout") << at(Event::bye(u"logout"_s)) << true << QByteArray("Goodbye!\r\n");
    QTest::newRow("bye shutdown") << at(Event::bye(u"shutdown"_s)) << true << QByteArray("The server is shutting down. Goodbye!\r\n");
    QTest::newRow("bye other reason") << at(Event::bye(u"idle"_s)) << true << QByteArray("Disconnected by the server: idle\r\n");
    QTest::newRow("ping") << at(Event::ping(u"abc"_s)) << false << QByteArray("Ping abc\r\n");
    QTest::newRow("pong") << at(Event::pong(u"abc"_s)) << false << QByteArray("Pong abc\r\n");
    QTest::newRow("invalid event") << Event() << false << QByteArray();
    // clang-format on
}

void tst_TextRenderer::render()
{
    QFETCH(Event, event);
    QFETCH(bool, self);
    QFETCH(QByteArray, text);

    TextRenderer::Options options;
    options.self = self;
    QCOMPARE(TextRenderer::render(event, options), text);
}

void tst_TextRenderer::timestamps_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<bool>("timestamps");
    QTest::addColumn<QByteArray>("text");

    const QDateTime lateUtc(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    const QDateTime midnightLocal(QDate(2027, 1, 1), QTime(0, 5), Qt::LocalTime);
    // clang-format off
    QTest::newRow("off") << at(Event::message(1, u"hall"_s, 1, u"alice"_s, u"hi"_s)) << false << QByteArray("alice: hi\r\n");
    QTest::newRow("utc evening is local morning") << at(Event::message(1, u"hall"_s, 1, u"alice"_s, u"hi"_s)) << true
        << QByteArray("[03:30] alice: hi\r\n");
    QTest::newRow("end of the year") << at(Event::join(u"hall"_s, u"bob"_s), lateUtc) << true
        << QByteArray("[07:59] * bob has entered the room.\r\n");
    QTest::newRow("local time given") << at(Event::ping(u"t"_s), midnightLocal) << true << QByteArray("[00:05] Ping t\r\n");
    QTest::newRow("list prefixed once") << at(Event::users(u"hall"_s, 2, {u"alice"_s, QString(), u"bob"_s, QString()})) << true
        << QByteArray("[03:30] Users in hall (2):\r\n  alice\r\n  bob\r\n");
    QTest::newRow("listing heading prefixed") << at(Event::listingStart(u"rooms"_s, 2, 1, QString())) << true
        << QByteArray("[03:30] Rooms (2):\r\n");
    QTest::newRow("listing pieces go on under it") << at(Event::rooms({u"hall"_s, u"2"_s, QString()})) << true
        << QByteArray("  hall (2 users)\r\n");
    QTest::newRow("invalid event stays empty") << Event() << true << QByteArray();
    // clang-format on
}

void tst_TextRenderer::timestamps()
{
    QFETCH(Event, event);
    QFETCH(bool, timestamps);
    QFETCH(QByteArray, text);

    // The test runs in UTC+8 (initMain), so the expected hours prove local time is used.
    QCOMPARE(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toLocalTime().time(), QTime(8, 0));
    TextRenderer::Options options;
    options.timestamps = timestamps;
    QCOMPARE(TextRenderer::render(event, options), text);
}

// A reader in several rooms sees which room each line is from; history shows other days' dates.
void tst_TextRenderer::options_data()
{
    QTest::addColumn<Event>("event");
    QTest::addColumn<bool>("roomPrefix");
    QTest::addColumn<bool>("dated");
    QTest::addColumn<QByteArray>("text");

    // clang-format off
    QTest::newRow("message in several rooms") << at(Event::message(1, u"games"_s, 1, u"alice"_s, u"hi"_s)) << true << false
        << QByteArray("[games] alice: hi\r\n");
    QTest::newRow("action in several rooms") << at(Event::action(1, u"games"_s, 1, u"alice"_s, u"waves"_s)) << true << false
        << QByteArray("[games] * alice waves\r\n");
    QTest::newRow("arrival in several rooms") << at(Event::join(u"games"_s, u"bob"_s)) << true << false
        << QByteArray("[games] * bob has entered the room.\r\n");
    QTest::newRow("departure in several rooms") << at(Event::leave(u"games"_s, u"bob"_s, u"part"_s)) << true << false
        << QByteArray("[games] * bob has left the room.\r\n");
    QTest::newRow("private messages have no room") << at(Event::privateMessage(1, u"bob"_s, u"alice"_s, u"psst"_s)) << true << false
        << QByteArray("*bob* psst\r\n");
    QTest::newRow("one room: no prefix") << at(Event::message(1, u"games"_s, 1, u"alice"_s, u"hi"_s)) << false << false
        << QByteArray("alice: hi\r\n");
    QTest::newRow("history of another day") << at(Event::message(1, u"hall"_s, 1, u"alice"_s, u"hi"_s)) << false << true
        << QByteArray("[2026-11-23 03:30] alice: hi\r\n");
    QTest::newRow("history of today") << at(Event::message(1, u"hall"_s, 1, u"alice"_s, u"hi"_s), QDateTime::currentDateTime()) << false << true
        << QByteArray("[" + QDateTime::currentDateTime().toString(u"HH:mm"_s).toUtf8() + "] alice: hi\r\n");
    // clang-format on
}

void tst_TextRenderer::options()
{
    QFETCH(Event, event);
    QFETCH(bool, roomPrefix);
    QFETCH(bool, dated);
    QFETCH(QByteArray, text);

    TextRenderer::Options options;
    options.roomPrefix = roomPrefix;
    options.timestamps = dated;
    options.datedTimestamps = dated;
    QCOMPARE(TextRenderer::render(event, options), text);
}

// A translator without our messages (here: none loaded) leaves the English source strings.
void tst_TextRenderer::emptyTranslatorFallsBackToEnglish()
{
    const QTranslator translator;
    TextRenderer::Options options;
    options.translator = &translator;
    QCOMPARE(TextRenderer::render(at(Event::join(u"hall"_s, u"alice"_s)), options),
             QByteArray("* alice has entered the room.\r\n"));
    QCOMPARE(TextRenderer::render(at(Event::users(u"hall"_s, 1, {u"alice"_s, QString()})), options),
             QByteArray("Users in hall (1):\r\n  alice\r\n"));
    QCOMPARE(
        TextRenderer::render(at(Event::error(ErrorCode::NoSuchNick, u"msg"_s, u"zed"_s)), options),
        QByteArray("Error: No one called zed is logged in.\r\n"));
}

QTEST_GUILESS_MAIN(tst_TextRenderer)
#include "tst_textrenderer.moc"
