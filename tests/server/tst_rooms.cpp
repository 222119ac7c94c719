// SPDX-License-Identifier: MIT
// Several rooms per person: every room command in both renderings and both rooms modes, as the
// person who types it sees it and as the others in each room see it.
//
// Each case starts from the same three people: bob (a program: tagged, rooms many) in hall and
// games, carol (a person on telnet: text, rooms one) in hall, and alice, in hall, whose
// rendering and rooms mode are the row's. What a line should read is written once as an Event
// and shown the way each reader's connection shows it, so one expectation serves all four
// combinations; the text phrases themselves are held to their literal wording in
// textRendering() and by tst_chatserver and tst_protocoldoc.
#include "Rendering.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "Translations.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Stops the test function when a helper it called failed.
#define CHECKED(call)                                                                              \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// Tagged lines are compared without their time, which no test can know.
const QDateTime AnyTime = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);

QString comparable(const QString &line)
{
    Event event = TaggedCodec::parse(line);
    if (!event.isValid())
        return line; // shown as it came, so that a mismatch says what it was
    event.time = AnyTime;
    return QString::fromUtf8(TaggedCodec::format(event));
}

// One person: their connection, how it renders and what join does there.
struct Person
{
    LineClient *client = nullptr;
    QString nick;
    bool tagged = false;
    bool many = false;

    void send(const QString &line) const { client->send(line); }
    void sendRaw(const QByteArray &bytes) const { client->sendRaw(bytes); }

    // What arrived since the last look, up to a ping barrier, in the form lines() gives.
    QStringList seen() const
    {
        QStringList lines = client->sync();
        if (tagged) {
            for (QString &line : lines)
                line = comparable(line);
        }
        return lines;
    }

    // How event reads on this connection; actor: this person caused it (text: "You ...").
    QStringList lines(Event event, bool actor = false) const
    {
        if (tagged) {
            event.time = AnyTime;
            return {QString::fromUtf8(TaggedCodec::format(event))};
        }
        Rendering rendering;
        rendering.text.translator = Translations::translator(u"en"_s);
        rendering.text.self = actor;
        rendering.text.roomPrefix = many;
        QStringList lines = QString::fromUtf8(rendering.render(event)).split(u"\r\n"_s);
        lines.removeLast(); // what follows the last CRLF
        return lines;
    }

    // A whole reply to list or who: its heading, the piece, its end. People get the first
    // page, programs all of it.
    QStringList listing(const Event &piece) const
    {
        const QString what = piece.kind == Event::Kind::Rooms ? QString(Event::ListingRooms)
                                                              : QString(Event::ListingWho);
        const qsizetype count = piece.list.size() / 3;
        const int page = tagged ? 0 : 1;
        return lines(Event::listingStart(what, count, page, {})) + lines(piece) +
               lines(Event::listingEnd(what, count, 0, 0, {}));
    }

    QStringList error(ErrorCode code, const QString &command, const QString &subject = {}) const
    {
        return lines(Event::error(code, command, subject));
    }
};

Event usersOf(const QString &room, const QStringList &nicks)
{
    QStringList pairs;
    // Whoever made a room (here always the first in it) owns it; the hall has no owner.
    for (const QString &nick : nicks)
        pairs << nick << (room != "hall"_L1 && nick == nicks.first() ? u"owner"_s : QString());
    return Event::users(room, nicks.size(), pairs);
}

void addModes()
{
    QTest::addColumn<bool>("tagged");
    QTest::addColumn<bool>("many");
    QTest::newRow("text, rooms one") << false << false;
    QTest::newRow("text, rooms many") << false << true;
    QTest::newRow("tagged, rooms one") << true << false;
    QTest::newRow("tagged, rooms many") << true << true;
}

} // namespace

class TestRooms : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void defaultModes_data();
    void defaultModes();
    void roomsSetting_data();
    void roomsSetting();
    void joinSecondRoom_data() { addModes(); }
    void joinSecondRoom();
    void joinRoomYouAreIn_data() { addModes(); }
    void joinRoomYouAreIn();
    void leaveRoom_data() { addModes(); }
    void leaveRoom();
    void leaveLastRoom_data() { addModes(); }
    void leaveLastRoom();
    void switchRooms_data() { addModes(); }
    void switchRooms();
    void sayToNamedRoom_data() { addModes(); }
    void sayToNamedRoom();
    void lookAndTopicOfNamedRoom_data() { addModes(); }
    void lookAndTopicOfNamedRoom();
    void roomLimit_data() { addModes(); }
    void roomLimit();
    void createKeepsOtherRooms_data() { addModes(); }
    void createKeepsOtherRooms();
    void nickSeenOnce_data() { addModes(); }
    void nickSeenOnce();
    void roomErrors_data();
    void roomErrors();
    void textRendering();

private:
    // The fixture of every case: bob in hall and games, carol and alice (the row's) in hall.
    void start(ServerConfig config = {});
    Person enter(const QString &nick, bool tagged, bool many);
    // Reads what everyone was sent so far and forgets it.
    void drain();
    // alice is in aliceRooms (in the order she entered them): who, list and look agree, for
    // a program and for a person on telnet; her current room is current (by default the one
    // she entered last).
    void checkDirectory(const QStringList &aliceRooms, QString current = {});

    std::unique_ptr<ServerFixture> m_fixture;
    Person m_alice;
    Person m_bob;
    Person m_carol;
};

void TestRooms::cleanup()
{
    m_fixture.reset();
}

Person TestRooms::enter(const QString &nick, bool tagged, bool many)
{
    Person person{&m_fixture->connect(), nick, tagged, many};
    if (tagged)
        person.client->useTagged();
    person.send(many ? u"set rooms many"_s : u"set rooms one"_s);
    person.send(u"login "_s + nick);
    person.client->sync();
    return person;
}

void TestRooms::drain()
{
    for (const Person *person : {&m_alice, &m_bob, &m_carol}) {
        if (person->client)
            QVERIFY(!person->client->sync().contains(u"<no pong>"_s));
    }
}

void TestRooms::start(ServerConfig config)
{
    QFETCH(bool, tagged);
    QFETCH(bool, many);
    config.floodRate = 0; // the cases send faster than people type
    m_fixture = std::make_unique<ServerFixture>(config);
    QVERIFY(m_fixture->isListening());
    m_bob = enter(u"bob"_s, true, true);
    m_bob.send(u"create games"_s);
    m_carol = enter(u"carol"_s, false, false);
    m_alice = enter(u"alice"_s, tagged, many);
    CHECKED(drain());
    CHECKED(checkDirectory({u"hall"_s}));
}

void TestRooms::checkDirectory(const QStringList &aliceRooms, QString current)
{
    QStringList hall{u"bob"_s, u"carol"_s};
    QStringList games{u"bob"_s};
    if (aliceRooms.contains(u"hall"_s))
        hall << u"alice"_s;
    if (aliceRooms.contains(u"games"_s))
        games << u"alice"_s;
    const QString nick = m_alice.nick;
    const Event who = Event::who({nick, aliceRooms.join(u','), QString(), u"bob"_s, u"hall,games"_s,
                                  QString(), u"carol"_s, u"hall"_s, QString()});
    QStringList rooms{u"hall"_s,  QString::number(hall.size()),  QString(),
                      u"games"_s, QString::number(games.size()), QString()};
    for (const Person *asker : {&m_alice, &m_bob, &m_carol}) {
        asker->send(u"who"_s);
        asker->send(u"list"_s);
        QCOMPARE(asker->seen(), asker->listing(who) + asker->listing(Event::rooms(rooms)));
    }
    m_bob.send(u"look #hall"_s);
    m_bob.send(u"look #games"_s);
    QCOMPARE(m_bob.seen(),
             m_bob.lines(usersOf(u"hall"_s, hall)) + m_bob.lines(usersOf(u"games"_s, games)));
    if (!aliceRooms.isEmpty()) {
        if (current.isEmpty())
            current = aliceRooms.last();
        m_alice.send(u"look"_s);
        QCOMPARE(m_alice.seen(),
                 m_alice.lines(usersOf(current, current == u"hall"_s ? hall : games)));
    }
}

void TestRooms::defaultModes_data()
{
    QTest::addColumn<bool>("tagged");
    QTest::newRow("text: rooms one") << false;
    QTest::newRow("tagged: rooms many") << true;
}

void TestRooms::defaultModes()
{
    QFETCH(bool, tagged);
    ServerFixture f;
    f.loggedIn(u"bob"_s).send(u"create games"_s);
    LineClient &alice = tagged ? f.taggedLoggedIn(u"alice"_s) : f.loggedIn(u"alice"_s);
    alice.sync();
    alice.send(u"set"_s);
    const QStringList settings = alice.sync();
    if (tagged)
        QCOMPARE(TaggedCodec::parse(settings.value(0)).list.mid(6, 2),
                 (QStringList{u"rooms"_s, u"many"_s}));
    else
        QCOMPARE(settings.mid(4, 1), QStringList{u"  rooms one"_s});
    alice.send(u"join games"_s);
    alice.send(u"who"_s);
    const QStringList lines = alice.sync();
    if (tagged) {
        // The who reply: a listing, one piece, its end.
        QCOMPARE(TaggedCodec::parse(lines.last()).kind, Event::Kind::ListingEnd);
        QCOMPARE(TaggedCodec::parse(lines.value(lines.size() - 2)).list.mid(0, 2),
                 (QStringList{u"alice"_s, u"hall,games"_s}));
    } else
        QCOMPARE(lines.mid(lines.size() - 3),
                 (QStringList{u"Users online (2):"_s, u"  alice in games"_s, u"  bob in games"_s}));
}

void TestRooms::roomsSetting_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("mode"); // what set shows afterwards
    QTest::newRow("one") << u"set rooms one"_s << true << u"one"_s;
    QTest::newRow("many") << u"set rooms many"_s << true << u"many"_s;
    QTest::newRow("key in capitals") << u"set ROOMS many"_s << true << u"many"_s;
    QTest::newRow("value in capitals") << u"set rooms MANY"_s << false << u"one"_s;
    QTest::newRow("unknown value") << u"set rooms several"_s << false << u"one"_s;
    QTest::newRow("no value") << u"set rooms"_s << false << u"one"_s;
    QTest::newRow("extra word") << u"set rooms many more"_s << false << u"one"_s;
    QTest::newRow("number") << u"set rooms 2"_s << false << u"one"_s;
}

void TestRooms::roomsSetting()
{
    QFETCH(QString, line);
    QFETCH(bool, accepted);
    QFETCH(QString, mode);
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(line);
    const QStringList reply = alice.sync();
    QCOMPARE(reply.size(), 1);
    if (accepted)
        QCOMPARE(reply.first(), u"Setting rooms is now %1."_s.arg(mode));
    else
        QCOMPARE(reply.first(), u"Error: Usage: set [time|tagged|lang|rooms|invisible] [value]"_s);
    alice.send(u"set"_s);
    QCOMPARE(alice.sync().mid(4, 1), QStringList{u"  rooms "_s + mode});
}

void TestRooms::joinSecondRoom()
{
    CHECKED(start());
    const bool many = m_alice.many;
    m_alice.send(u"join games"_s);
    const Event left = Event::leave(u"hall"_s, u"alice"_s, u"part"_s);
    const Event joined = Event::join(u"games"_s, u"alice"_s);
    QStringList expected = many ? QStringList() : m_alice.lines(left, true);
    expected += m_alice.lines(joined, true);
    expected += m_alice.lines(usersOf(u"games"_s, {u"bob"_s, u"alice"_s}));
    QCOMPARE(m_alice.seen(), expected);
    // bob hears of each room he is in; carol only of the hall, and only when alice leaves it.
    QCOMPARE(m_bob.seen(), (many ? QStringList() : m_bob.lines(left)) + m_bob.lines(joined));
    QCOMPARE(m_carol.seen(), many ? QStringList() : m_carol.lines(left));
    CHECKED(checkDirectory(many ? QStringList{u"hall"_s, u"games"_s} : QStringList{u"games"_s}));
}

void TestRooms::joinRoomYouAreIn()
{
    CHECKED(start());
    const bool many = m_alice.many;
    m_alice.send(u"join hall"_s);
    QCOMPARE(m_alice.seen(), m_alice.error(ErrorCode::AlreadyInRoom, u"join"_s, u"hall"_s));
    if (!many) {
        QCOMPARE(m_bob.seen(), QStringList());
        QCOMPARE(m_carol.seen(), QStringList());
        CHECKED(checkDirectory({u"hall"_s}));
        return;
    }
    m_alice.send(u"join games"_s);
    CHECKED(drain());
    m_alice.send(u"join GAMES"_s); // the current room, named in another case
    QCOMPARE(m_alice.seen(), m_alice.error(ErrorCode::AlreadyInRoom, u"join"_s, u"games"_s));
    // Another room she is in: a program is told it is there already; a person on telnet, who
    // types join to go somewhere, goes there.
    m_alice.send(u"join hall"_s);
    const QString current = m_alice.tagged ? u"games"_s : u"hall"_s;
    QCOMPARE(m_alice.seen(), m_alice.tagged
                                 ? m_alice.error(ErrorCode::AlreadyInRoom, u"join"_s, u"hall"_s)
                                 : m_alice.lines(Event::ok(u"switch"_s, {u"hall"_s})));
    m_alice.send(u"where does this go"_s);
    const Event said = Event::message(1, current, 1, u"alice"_s, u"where does this go"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(said, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(said));
    QCOMPARE(m_carol.seen(), current == u"hall"_s ? m_carol.lines(said) : QStringList());
    CHECKED(checkDirectory({u"hall"_s, u"games"_s}, current));
}

void TestRooms::leaveRoom()
{
    CHECKED(start());
    const bool many = m_alice.many;
    m_alice.send(u"join games"_s);
    CHECKED(drain());
    m_alice.send(u"leave #games"_s);
    const Event left = Event::leave(u"games"_s, u"alice"_s, u"part"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(left, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(left));
    QCOMPARE(m_carol.seen(), QStringList()); // not in games
    // With rooms one, games was her only room.
    CHECKED(checkDirectory(many ? QStringList{u"hall"_s} : QStringList()));
}

void TestRooms::leaveLastRoom()
{
    CHECKED(start());
    m_alice.send(u"part"_s); // the current room, by the alias
    const Event left = Event::leave(u"hall"_s, u"alice"_s, u"part"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(left, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(left));
    QCOMPARE(m_carol.seen(), m_carol.lines(left));
    CHECKED(checkDirectory({}));

    // Still logged in, in no room: whatever needs a room says so, and nothing is said.
    const QStringList needRoom[] = {
        {u"look"_s, u"look"_s},       {u"plain text"_s, u"say"_s}, {u"say hi"_s, u"say"_s},
        {u"me waves"_s, u"me"_s},     {u"topic"_s, u"topic"_s},    {u"topic new"_s, u"topic"_s},
        {u"history"_s, u"history"_s}, {u"leave"_s, u"leave"_s},
    };
    for (const QStringList &line : needRoom) {
        m_alice.send(line[0]);
        QCOMPARE(m_alice.seen(), m_alice.error(ErrorCode::NotInRoom, line[1]));
    }
    m_alice.send(u"msg bob private messages need no room"_s);
    const Event note =
        Event::privateMessage(1, u"alice"_s, u"bob"_s, u"private messages need no room"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(note, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(note));
    QCOMPARE(m_carol.seen(), QStringList());
    CHECKED(drain());
    CHECKED(checkDirectory({}));

    // join brings her back.
    m_alice.send(u"join games"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(Event::join(u"games"_s, u"alice"_s), true) +
                                 m_alice.lines(usersOf(u"games"_s, {u"bob"_s, u"alice"_s})));
    QCOMPARE(m_bob.seen(), m_bob.lines(Event::join(u"games"_s, u"alice"_s)));
    CHECKED(checkDirectory({u"games"_s}));
}

void TestRooms::switchRooms()
{
    CHECKED(start());
    const bool many = m_alice.many;
    m_alice.send(u"join games"_s);
    CHECKED(drain());
    if (!many) {
        m_alice.send(u"switch hall"_s); // she left it
        QCOMPARE(m_alice.seen(), m_alice.error(ErrorCode::NotInRoom, u"switch"_s, u"hall"_s));
        m_alice.send(u"switch #games"_s);
        QCOMPARE(m_alice.seen(), m_alice.lines(Event::ok(u"switch"_s, {u"games"_s})));
        m_alice.send(u"still games"_s);
        const Event said = Event::message(1, u"games"_s, 1, u"alice"_s, u"still games"_s);
        QCOMPARE(m_alice.seen(), m_alice.lines(said, true));
        QCOMPARE(m_bob.seen(), m_bob.lines(said));
        QCOMPARE(m_carol.seen(), QStringList());
        return;
    }
    // Plain text goes to the room chosen last, and only there.
    m_alice.send(u"switch Hall"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(Event::ok(u"switch"_s, {u"hall"_s})));
    m_alice.send(u"to the hall"_s);
    const Event inHall = Event::message(1, u"hall"_s, 1, u"alice"_s, u"to the hall"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(inHall, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(inHall));
    QCOMPARE(m_carol.seen(), m_carol.lines(inHall));
    m_alice.send(u"switch games"_s);
    m_alice.send(u"to the games"_s);
    const Event inGames = Event::message(2, u"games"_s, 1, u"alice"_s, u"to the games"_s);
    QCOMPARE(m_alice.seen(),
             m_alice.lines(Event::ok(u"switch"_s, {u"games"_s})) + m_alice.lines(inGames, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(inGames));
    QCOMPARE(m_carol.seen(), QStringList());
    // Switching changes where text goes, not where she is.
    CHECKED(checkDirectory({u"hall"_s, u"games"_s}));
}

void TestRooms::sayToNamedRoom()
{
    CHECKED(start());
    const bool many = m_alice.many;
    if (many) {
        m_alice.send(u"join games"_s);
        CHECKED(drain());
    }
    // #room names one of her rooms without making it the current one.
    m_alice.send(u"say #hall to the hall"_s);
    m_alice.send(u"me #HALL waves"_s);
    const Event said = Event::message(1, u"hall"_s, 1, u"alice"_s, u"to the hall"_s);
    const Event waved = Event::action(2, u"hall"_s, 2, u"alice"_s, u"waves"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(said, true) + m_alice.lines(waved, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(said) + m_bob.lines(waved));
    QCOMPARE(m_carol.seen(), m_carol.lines(said) + m_carol.lines(waved));

    // Plain text never names a room: "#hall ..." typed as it is goes to the current room.
    m_alice.send(u"#hall is plain text"_s);
    const QString current = many ? u"games"_s : u"hall"_s;
    const Event plain =
        Event::message(3, current, many ? 1 : 3, u"alice"_s, u"#hall is plain text"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(plain, true));
    QCOMPARE(m_bob.seen(), m_bob.lines(plain));
    QCOMPARE(m_carol.seen(), many ? QStringList() : m_carol.lines(plain));
}

void TestRooms::lookAndTopicOfNamedRoom()
{
    CHECKED(start());
    const bool many = m_alice.many;
    if (many) {
        m_alice.send(u"join games"_s);
        CHECKED(drain());
    }
    const Event hallUsers = usersOf(u"hall"_s, {u"bob"_s, u"carol"_s, u"alice"_s});
    m_alice.send(u"look #hall"_s);
    m_alice.send(u"look #games"_s);
    QCOMPARE(m_alice.seen(),
             m_alice.lines(hallUsers) +
                 (many ? m_alice.lines(usersOf(u"games"_s, {u"bob"_s, u"alice"_s}))
                       : m_alice.error(ErrorCode::NotInRoom, u"look"_s, u"games"_s)));

    // The question in the same write as the change is answered with the changed topic.
    m_alice.sendRaw("topic #hall lunch at noon\r\ntopic #hall\r\n");
    const Event changed = Event::topicChanged(1, u"hall"_s, 1, u"alice"_s, u"lunch at noon"_s);
    QCOMPARE(m_alice.seen(),
             m_alice.lines(changed, true) +
                 m_alice.lines(Event::topic(u"hall"_s, u"alice"_s, u"lunch at noon"_s)));
    QCOMPARE(m_bob.seen(), m_bob.lines(changed));
    QCOMPARE(m_carol.seen(), m_carol.lines(changed));
    m_alice.send(u"topic #hall"_s);
    m_alice.send(u"topic"_s); // the current room's
    QCOMPARE(m_alice.seen(),
             m_alice.lines(Event::topic(u"hall"_s, u"alice"_s, u"lunch at noon"_s)) +
                 m_alice.lines(many ? Event::topic(u"games"_s, QString(), QString())
                                    : Event::topic(u"hall"_s, u"alice"_s, u"lunch at noon"_s)));
    // list shows the topic; a room she is not in is not hers to set.
    m_alice.send(u"topic #games dice"_s);
    QCOMPARE(m_alice.seen(),
             many
                 ? m_alice.lines(Event::topicChanged(2, u"games"_s, 1, u"alice"_s, u"dice"_s), true)
                 : m_alice.error(ErrorCode::NotInRoom, u"topic"_s, u"games"_s));
    m_carol.send(u"list"_s);
    QCOMPARE(m_carol.seen(),
             m_carol.listing(Event::rooms({u"hall"_s, u"3"_s, u"lunch at noon"_s, u"games"_s,
                                           many ? u"2"_s : u"1"_s, many ? u"dice"_s : QString()})));
}

void TestRooms::roomLimit()
{
    ServerConfig config;
    config.maxRoomsPerSession = 2;
    CHECKED(start(config));
    const bool many = m_alice.many;
    Person dave = enter(u"dave"_s, false, false);
    dave.send(u"create den"_s);
    dave.client->sync();
    m_alice.send(u"join games"_s);
    CHECKED(drain());

    m_alice.send(u"join den"_s);
    m_alice.send(u"create attic"_s);
    if (many) {
        // Two rooms is the limit: neither adds a third, and attic is not made.
        QCOMPARE(m_alice.seen(), m_alice.error(ErrorCode::TooManyRooms, u"join"_s, u"2"_s) +
                                     m_alice.error(ErrorCode::TooManyRooms, u"create"_s, u"2"_s));
        QCOMPARE(dave.seen(), QStringList());
        m_alice.send(u"list"_s);
        QCOMPARE(m_alice.seen(),
                 m_alice.listing(Event::rooms({u"hall"_s, u"3"_s, QString(), u"den"_s, u"1"_s,
                                               QString(), u"games"_s, u"2"_s, QString()})));
        // Leaving one makes room.
        m_alice.send(u"leave games"_s);
        m_alice.send(u"join den"_s);
        QCOMPARE(m_alice.seen(),
                 m_alice.lines(Event::leave(u"games"_s, u"alice"_s, u"part"_s), true) +
                     m_alice.lines(Event::join(u"den"_s, u"alice"_s), true) +
                     m_alice.lines(usersOf(u"den"_s, {u"dave"_s, u"alice"_s})));
    } else {
        // With rooms one, a person is in one room at a time: the limit never bites.
        QCOMPARE(m_alice.seen(),
                 m_alice.lines(Event::leave(u"games"_s, u"alice"_s, u"part"_s), true) +
                     m_alice.lines(Event::join(u"den"_s, u"alice"_s), true) +
                     m_alice.lines(usersOf(u"den"_s, {u"dave"_s, u"alice"_s})) +
                     m_alice.lines(Event::leave(u"den"_s, u"alice"_s, u"part"_s), true) +
                     m_alice.lines(Event::join(u"attic"_s, u"alice"_s), true) +
                     m_alice.lines(usersOf(u"attic"_s, {u"alice"_s})));
        QCOMPARE(dave.seen(), dave.lines(Event::join(u"den"_s, u"alice"_s)) +
                                  dave.lines(Event::leave(u"den"_s, u"alice"_s, u"part"_s)));
    }
}

void TestRooms::createKeepsOtherRooms()
{
    CHECKED(start());
    const bool many = m_alice.many;
    m_alice.send(u"create den"_s);
    const Event left = Event::leave(u"hall"_s, u"alice"_s, u"part"_s);
    QCOMPARE(m_alice.seen(), (many ? QStringList() : m_alice.lines(left, true)) +
                                 m_alice.lines(Event::join(u"den"_s, u"alice"_s), true) +
                                 m_alice.lines(usersOf(u"den"_s, {u"alice"_s})));
    QCOMPARE(m_bob.seen(), many ? QStringList() : m_bob.lines(left));
    QCOMPARE(m_carol.seen(), many ? QStringList() : m_carol.lines(left));
    // The new room is the current one.
    m_alice.send(u"anyone?"_s);
    const Event said = Event::message(1, u"den"_s, 1, u"alice"_s, u"anyone?"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(said, true));
    QCOMPARE(m_bob.seen(), QStringList());
    QCOMPARE(m_carol.seen(), QStringList());
    m_bob.send(u"who"_s);
    QCOMPARE(m_bob.seen(), m_bob.listing(Event::who(
                               {u"alice"_s, many ? u"hall,den"_s : u"den"_s, QString(), u"bob"_s,
                                u"hall,games"_s, QString(), u"carol"_s, u"hall"_s, QString()})));
}

void TestRooms::nickSeenOnce()
{
    CHECKED(start());
    const bool many = m_alice.many;
    m_alice.send(u"join games"_s);
    CHECKED(drain());
    m_alice.send(u"nick alicia"_s);
    const Event renamed = Event::nickChange(u"alice"_s, u"alicia"_s);
    QCOMPARE(m_alice.seen(), m_alice.lines(renamed, true));
    // bob shares two rooms with her (one with rooms one) and hears it once; carol hears it if
    // she shares a room with her at all.
    QCOMPARE(m_bob.seen(), m_bob.lines(renamed));
    QCOMPARE(m_carol.seen(), many ? m_carol.lines(renamed) : QStringList());
    m_alice.nick = u"alicia"_s;
    m_bob.send(u"look #games"_s);
    QCOMPARE(m_bob.seen(), m_bob.lines(usersOf(u"games"_s, {u"bob"_s, u"alicia"_s})));
}

void TestRooms::roomErrors_data()
{
    QTest::addColumn<bool>("tagged");
    QTest::addColumn<bool>("many");
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("subject");
    struct Case
    {
        const char *name;
        QString line;
        ErrorCode code;
        QString command;
        QString subject;
    };
    using E = ErrorCode;
    const Case cases[] = {
        {"leave a room not in", u"leave games"_s, E::NotInRoom, u"leave"_s, u"games"_s},
        {"leave a room not in, #", u"leave #Games"_s, E::NotInRoom, u"leave"_s, u"games"_s},
        {"leave no such room", u"leave nowhere"_s, E::NoSuchRoom, u"leave"_s, u"nowhere"_s},
        {"leave no such room, with words", u"leave no way"_s, E::NoSuchRoom, u"leave"_s, u"no"_s},
        {"leave a bare #", u"leave # bye"_s, E::NeedMoreParams, u"leave"_s,
         u"leave [room [words]]"_s},
        {"switch to a room not in", u"switch games"_s, E::NotInRoom, u"switch"_s, u"games"_s},
        {"switch to no such room", u"switch nowhere"_s, E::NoSuchRoom, u"switch"_s, u"nowhere"_s},
        {"switch without a room", u"switch"_s, E::NeedMoreParams, u"switch"_s, u"switch <room>"_s},
        {"say to a room not in", u"say #games hi"_s, E::NotInRoom, u"say"_s, u"games"_s},
        {"say to no such room", u"say #nowhere hi"_s, E::NoSuchRoom, u"say"_s, u"nowhere"_s},
        {"say to a bare #", u"say # hi"_s, E::NeedMoreParams, u"say"_s, u"say [#room] <text>"_s},
        {"say to a room, no text", u"say #hall"_s, E::NoText, u"say"_s, QString()},
        {"me to a room not in", u"me #games waves"_s, E::NotInRoom, u"me"_s, u"games"_s},
        {"look at a room not in", u"look #games"_s, E::NotInRoom, u"look"_s, u"games"_s},
        {"look with words", u"/look games"_s, E::NeedMoreParams, u"look"_s, u"look [#room]"_s},
        {"look at a bare #", u"look #"_s, E::NeedMoreParams, u"look"_s, u"look [#room]"_s},
        {"topic of a room not in", u"topic #games dice"_s, E::NotInRoom, u"topic"_s, u"games"_s},
        {"join no such room", u"join nowhere"_s, E::NoSuchRoom, u"join"_s, u"nowhere"_s},
        {"join a room that is not there", u"join noway"_s, E::NoSuchRoom, u"join"_s, u"noway"_s},
        {"join with a key and more", u"join games a b"_s, E::NeedMoreParams, u"join"_s,
         u"join <room> [key]"_s},
        {"join without a room", u"join"_s, E::NeedMoreParams, u"join"_s, u"join <room> [key]"_s},
        {"join a bare #", u"join #"_s, E::NeedMoreParams, u"join"_s, u"join <room> [key]"_s},
        {"join the current room", u"select hall"_s, E::AlreadyInRoom, u"join"_s, u"hall"_s},
        {"create an existing room", u"create Games"_s, E::RoomExists, u"create"_s, u"Games"_s},
        {"create a bad name", u"create no way"_s, E::BadRoomName, u"create"_s, u"no way"_s},
        {"create a bare #", u"create #"_s, E::NeedMoreParams, u"create"_s, u"create <room>"_s},
        {"create a long name", u"create "_s + QString(33, u'r'), E::BadRoomName, u"create"_s,
         QString(33, u'r')},
        {"history of a room not in", u"history games"_s, E::NotInRoom, u"history"_s, u"games"_s},
    };
    for (const Case &c : cases) {
        for (const bool tagged : {false, true}) {
            for (const bool many : {false, true}) {
                QTest::addRow("%s, %s, rooms %s", c.name, tagged ? "tagged" : "text",
                              many ? "many" : "one")
                    << tagged << many << c.line << int(c.code) << c.command << c.subject;
            }
        }
    }
}

// One error each, nothing for the others, and alice is where she was.
void TestRooms::roomErrors()
{
    QFETCH(QString, line);
    QFETCH(int, code);
    QFETCH(QString, command);
    QFETCH(QString, subject);
    CHECKED(start());
    m_alice.send(line);
    QCOMPARE(m_alice.seen(), m_alice.error(ErrorCode(code), command, subject));
    QCOMPARE(m_bob.seen(), QStringList());
    QCOMPARE(m_carol.seen(), QStringList());
    CHECKED(checkDirectory({u"hall"_s}));
}

// The text phrases of several rooms, word for word: with rooms many every line of a room
// names it; your own entering and leaving does not need to.
void TestRooms::textRendering()
{
    ServerConfig config;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &alice = f.connect();
    alice.send(u"set rooms many"_s);
    QVERIFY(alice.login(u"alice"_s));
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"create games"_s);
    bob.sync();
    QCOMPARE(alice.sync(), (QStringList{u"[hall] * bob has entered the room."_s,
                                        u"[hall] * bob has left the room."_s}));
    alice.send(u"join games"_s);
    QCOMPARE(alice.sync(), (QStringList{u"* You have entered games."_s, u"Users in games (2):"_s,
                                        u"  bob"_s, u"  alice"_s}));
    bob.send(u"hi alice"_s);
    bob.send(u"me waves"_s);
    bob.send(u"topic dice"_s);
    bob.sync();
    QCOMPARE(alice.sync(), (QStringList{u"[games] bob: hi alice"_s, u"[games] * bob waves"_s,
                                        u"[games] * bob changed the topic to: dice"_s}));
    alice.send(u"say #hall anyone?"_s);
    alice.send(u"who"_s);
    QCOMPARE(alice.sync(), (QStringList{u"[hall] alice: anyone?"_s, u"Users online (2):"_s,
                                        u"  alice in hall, games"_s, u"  bob in games"_s}));
    QCOMPARE(bob.sync(), QStringList()); // bob (rooms one) is not in the hall
    alice.send(u"leave hall"_s);
    alice.send(u"leave games"_s);
    alice.send(u"who"_s);
    alice.send(u"look"_s);
    QCOMPARE(alice.sync(),
             (QStringList{u"* You have left hall."_s, u"* You have left games."_s,
                          u"Users online (2):"_s, u"  alice (in no room)"_s, u"  bob in games"_s,
                          u"Error: You are in no room: join one (list shows the rooms)."_s}));
    QCOMPARE(bob.sync(), QStringList{u"* alice has left the room."_s});
}

QTEST_GUILESS_MAIN(TestRooms)
#include "tst_rooms.moc"
