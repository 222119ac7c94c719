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
    QTest::newRow("ok login chinese nick") << at(Event::ok(u"login"_s, {u"张伟"_s})) << true
        << QByteArray("You are logged in as \xe5\xbc\xa0\xe4\xbc\x9f.\r\n");
    QTest::newRow("ok set") << at(Event::ok(u"set"_s, {u"time"_s, u"on"_s})) << true << QByteArray("Setting time is now on.\r\n");
    QTest::newRow("ok other command") << at(Event::ok(u"create"_s, {u"games"_s})) << true << QByteArray("OK: create games\r\n");
    QTest::newRow("ok without details") << at(Event::ok(u"logout"_s, {})) << true << QByteArray("OK: logout\r\n");
    QTest::newRow("ok login with extra details") << at(Event::ok(u"login"_s, {u"a"_s, u"b"_s})) << true << QByteArray("OK: login a b\r\n");
    QTest::newRow("error unknown command") << at(Event::error(ErrorCode::UnknownCommand, u"bogus"_s, u"bogus"_s)) << true
        << QByteArray("Error: Unknown command: bogus (help lists the commands).\r\n");
    QTest::newRow("error usage") << at(Event::error(ErrorCode::NeedMoreParams, u"msg"_s, u"msg <nick> <text>"_s)) << true
        << QByteArray("Error: Usage: msg <nick> <text>\r\n");
    QTest::newRow("error no text") << at(Event::error(ErrorCode::NoText, u"say"_s, QString())) << true
        << QByteArray("Error: There is no text to send.\r\n");
    QTest::newRow("error room exists") << at(Event::error(ErrorCode::RoomExists, u"create"_s, u"games"_s)) << true
        << QByteArray("Error: The room games already exists: use join games.\r\n");
    QTest::newRow("error bad nick") << at(Event::error(ErrorCode::BadNick, u"login"_s, u"a b"_s)) << true
        << QByteArray("Error: \"a b\" is not a valid nickname: use up to 24 letters, digits, '_' or '-', starting with a letter, digit or '_'.\r\n");
    QTest::newRow("error bad nick with percent") << at(Event::error(ErrorCode::BadNick, u"login"_s, u"%1"_s)) << true
        << QByteArray("Error: \"%1\" is not a valid nickname: use up to 24 letters, digits, '_' or '-', starting with a letter, digit or '_'.\r\n");
    QTest::newRow("error bad room") << at(Event::error(ErrorCode::BadRoomName, u"create"_s, u"-x"_s)) << true
        << QByteArray("Error: \"-x\" is not a valid room name: use up to 32 letters, digits, '_' or '-', starting with a letter, digit or '_'.\r\n");
    QTest::newRow("error bad utf8") << at(Event::error(ErrorCode::BadInput, QString(), u"utf8"_s)) << true
        << QByteArray("Error: That line is not valid UTF-8 text.\r\n");
    QTest::newRow("error control characters") << at(Event::error(ErrorCode::BadInput, QString(), u"control"_s)) << true
        << QByteArray("Error: Control characters are not allowed in text.\r\n");
    QTest::newRow("error line too long") << at(Event::error(ErrorCode::LineTooLong, QString(), u"4096"_s)) << true
        << QByteArray("Error: That line is too long (the limit is 4096 bytes); it was dropped.\r\n");
    QTest::newRow("error not logged in") << at(Event::error(ErrorCode::NotLoggedIn, u"who"_s, QString())) << true
        << QByteArray("Error: Log in first: login <nick>\r\n");
    QTest::newRow("message") << at(Event::message(1, u"hall"_s, u"alice"_s, u"hello"_s)) << false << QByteArray("alice: hello\r\n");
    QTest::newRow("message self") << at(Event::message(1, u"hall"_s, u"alice"_s, u"hello"_s)) << true << QByteArray("alice: hello\r\n");
    QTest::newRow("chinese nick") << at(Event::message(2, u"hall"_s, u"张伟"_s, u"你好"_s)) << false
        << QByteArray("\xe5\xbc\xa0\xe4\xbc\x9f: \xe4\xbd\xa0\xe5\xa5\xbd\r\n");
    QTest::newRow("emoji in text") << at(Event::message(3, u"hall"_s, u"bob"_s, u"hi 👋"_s)) << false
        << QByteArray("bob: hi \xf0\x9f\x91\x8b\r\n");
    QTest::newRow("percent in text") << at(Event::message(4, u"hall"_s, u"bob"_s, u"100% %1"_s)) << false
        << QByteArray("bob: 100% %1\r\n");
    QTest::newRow("action") << at(Event::action(5, u"hall"_s, u"alice"_s, u"waves"_s)) << false << QByteArray("* alice waves\r\n");
    QTest::newRow("action self") << at(Event::action(5, u"hall"_s, u"alice"_s, u"waves"_s)) << true << QByteArray("* alice waves\r\n");
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
    QTest::newRow("topic changed") << at(Event::topicChanged(u"hall"_s, u"bob"_s, u"Go"_s)) << false
        << QByteArray("* bob changed the topic to: Go\r\n");
    QTest::newRow("topic cleared") << at(Event::topicChanged(u"hall"_s, u"bob"_s, QString())) << false
        << QByteArray("* bob cleared the topic.\r\n");
    QTest::newRow("users") << at(Event::users(u"hall"_s, 2, {u"alice"_s, u"张伟"_s})) << false
        << QByteArray("Users in hall (2):\r\n  alice\r\n  \xe5\xbc\xa0\xe4\xbc\x9f\r\n");
    QTest::newRow("users empty") << at(Event::users(u"hall"_s, 0, {})) << false << QByteArray("Users in hall (0):\r\n");
    QTest::newRow("users of a crowded room") << at(Event::users(u"hall"_s, 1200, {u"alice"_s, u"bob"_s})) << false
        << QByteArray("Users in hall (1200, the first 2 listed):\r\n  alice\r\n  bob\r\n");
    QTest::newRow("who") << at(Event::who({u"alice"_s, u"hall"_s, u"bob"_s, u"games"_s})) << false
        << QByteArray("Users online (2):\r\n  alice in hall\r\n  bob in games\r\n");
    QTest::newRow("who odd list ignores the rest") << at(Event::who({u"alice"_s, u"hall"_s, u"bob"_s})) << false
        << QByteArray("Users online (1):\r\n  alice in hall\r\n");
    QTest::newRow("rooms") << at(Event::rooms({u"hall"_s, u"2"_s, QString(), u"games"_s, u"1"_s, u"Chess night"_s})) << false
        << QByteArray("Rooms (2):\r\n  hall (2 users)\r\n  games (1 users): Chess night\r\n");
    QTest::newRow("rooms empty") << at(Event::rooms({})) << false << QByteArray("Rooms (0):\r\n");
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
    QTest::newRow("off") << at(Event::message(1, u"hall"_s, u"alice"_s, u"hi"_s)) << false << QByteArray("alice: hi\r\n");
    QTest::newRow("utc evening is local morning") << at(Event::message(1, u"hall"_s, u"alice"_s, u"hi"_s)) << true
        << QByteArray("[03:30] alice: hi\r\n");
    QTest::newRow("end of the year") << at(Event::join(u"hall"_s, u"bob"_s), lateUtc) << true
        << QByteArray("[07:59] * bob has entered the room.\r\n");
    QTest::newRow("local time given") << at(Event::ping(u"t"_s), midnightLocal) << true << QByteArray("[00:05] Ping t\r\n");
    QTest::newRow("list prefixed once") << at(Event::users(u"hall"_s, 2, {u"alice"_s, u"bob"_s})) << true
        << QByteArray("[03:30] Users in hall (2):\r\n  alice\r\n  bob\r\n");
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

// A translator without our messages (here: none loaded) leaves the English source strings.
void tst_TextRenderer::emptyTranslatorFallsBackToEnglish()
{
    const QTranslator translator;
    TextRenderer::Options options;
    options.translator = &translator;
    QCOMPARE(TextRenderer::render(at(Event::join(u"hall"_s, u"alice"_s)), options),
             QByteArray("* alice has entered the room.\r\n"));
    QCOMPARE(TextRenderer::render(at(Event::users(u"hall"_s, 1, {u"alice"_s})), options),
             QByteArray("Users in hall (1):\r\n  alice\r\n"));
    QCOMPARE(
        TextRenderer::render(at(Event::error(ErrorCode::NoSuchNick, u"msg"_s, u"zed"_s)), options),
        QByteArray("Error: No one called zed is logged in.\r\n"));
}

QTEST_GUILESS_MAIN(tst_TextRenderer)
#include "tst_textrenderer.moc"
