// SPDX-License-Identifier: MIT
// Resuming a dropped connection (docs/PROTOCOL.md, "Resume"): whatever the moment of the drop, a
// program that says where it stood gets every line it missed exactly once; a person on telnet
// gets what was said after the drop; wrong, expired and malformed tokens and positions change
// nothing and cannot wear the server down.
#include "PasswordFile.h"
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "session/Session.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Stops the test function when a helper it called failed.
#define CHECKED(call)                                                                              \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// A program's view of what it was sent: the lines of the burst it read (from the hall and in
// private), and where it stands, as a resume names it.
class Reader
{
public:
    explicit Reader(LineClient *client)
        : m_client(client)
    {
    }

    void setClient(LineClient *client) { m_client = client; }
    LineClient &client() { return *m_client; }

    // Reads the next event and keeps what it carries; invalid when none came in time.
    Event next(int timeoutMs = LineClient::Timeout)
    {
        const Event event = m_client->readEvent(timeoutMs);
        switch (event.kind) {
        case Event::Kind::Ok:
            if (event.command == "login"_L1 && event.list.size() == 3)
                token = event.list.at(1);
            break;
        case Event::Kind::HistoryStart:
            m_batch = event.subject;
            break;
        case Event::Kind::HistoryEnd:
            m_batch.clear();
            break;
        case Event::Kind::Message:
            // A page asked for with history holds older lines: no news, and not a position.
            if (m_batch != "request"_L1) {
                room << event;
                lastSeq = std::max(lastSeq, event.seq);
            }
            break;
        case Event::Kind::Private:
            if (m_batch != "request"_L1) {
                privates << event;
                lastPrivate = std::max(lastPrivate, event.id);
            }
            break;
        default:
            others << event;
            break;
        }
        return event;
    }

    // Reads what is left up to a ping barrier.
    bool drain()
    {
        const QString token = u"drain%1"_s.arg(++m_drains);
        m_client->send(u"ping "_s + token);
        for (;;) {
            const Event event = next();
            if (!event.isValid())
                return false;
            if (event.kind == Event::Kind::Pong && event.subject == token)
                return true;
        }
    }

    bool inBatch(const QString &reason) const { return m_batch == reason; }
    QString positions() const { return u"hall:%1 @:%2"_s.arg(lastSeq).arg(lastPrivate); }

    QString token;
    QList<Event> room;
    QList<Event> privates;
    QList<Event> others;
    quint64 lastSeq = 0;
    quint64 lastPrivate = 0;

private:
    LineClient *m_client;
    QString m_batch; // the reason of the history batch being read, if any
    int m_drains = 0;
};

// The burst: numbered lines, every fifth a private message to the receiver, the last one said
// in the hall.
constexpr int BurstSize = 200;

bool isPrivate(int n)
{
    return n % 5 == 3;
}

QString burstText(int n)
{
    return (isPrivate(n) ? u"p%1"_s : u"m%1"_s).arg(n);
}

// Lines first to last of the burst.
QByteArray burst(int first, int last)
{
    QByteArray lines;
    for (int n = first; n <= last; ++n) {
        lines += (isPrivate(n) ? u"msg receiver "_s : u"say "_s).toUtf8() + burstText(n).toUtf8() +
                 "\r\n";
    }
    return lines;
}

// The texts of the burst among events, in the order given.
QStringList burstTexts(const QList<Event> &events)
{
    static const QRegularExpression numbered(u"^[mp]\\d+$"_s);
    QStringList texts;
    for (const Event &event : events) {
        if (numbered.match(event.text).hasMatch())
            texts << event.text;
    }
    return texts;
}

// Whether a number only grows along events (sequence numbers, or ids).
bool increasing(const QList<Event> &events, quint64 Event::*number)
{
    for (qsizetype i = 1; i < events.size(); ++i) {
        if (!(events[i - 1].*number < events[i].*number))
            return false;
    }
    return true;
}

// Reads the sender's events until the receiver's presence changes to state; false when it
// does not in time.
bool waitForPresence(LineClient &observer, QList<Event> &seen, const QString &nick,
                     const QString &state)
{
    const QDeadlineTimer deadline(LineClient::Timeout);
    while (!deadline.hasExpired()) {
        const Event event = observer.readEvent(int(deadline.remainingTime()));
        if (!event.isValid())
            return false;
        seen << event;
        if (event.kind == Event::Kind::Presence && event.nick == nick && event.subject == state)
            return true;
    }
    return false;
}

// The resume token a text login shows once.
QString textToken(const QStringList &loginLines)
{
    static const QRegularExpression line(u"type: resume ([0-9a-f]{32})$"_s);
    for (const QString &text : loginLines) {
        const auto match = line.match(text);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

// Logs a tagged client in as nick and reads the replies; the resume token, or empty.
QString loginTagged(LineClient &client, const QString &nick)
{
    if (!client.useTagged())
        return {};
    client.send(u"login "_s + nick);
    const Event ok = TaggedCodec::parse(client.sync().value(0));
    return ok.kind == Event::Kind::Ok ? ok.list.value(1) : QString();
}

QList<quint64> seqsOf(const QList<Event> &events)
{
    QList<quint64> seqs;
    for (const Event &event : events)
        seqs << event.seq;
    return seqs;
}

QString randomToken(QRandomGenerator &random)
{
    QString token;
    for (int i = 0; i < 4; ++i)
        token += u"%1"_s.arg(random.generate(), 8, 16, QLatin1Char('0'));
    return token;
}

} // namespace

class TestResume : public QObject
{
    Q_OBJECT

private slots:
    void exactlyOnce_data();
    void exactlyOnce();
    void oldConnectionStillOpen_data();
    void oldConnectionStillOpen();
    void privateWhileAway_data();
    void privateWhileAway();
    void textResume();
    void othersSeePresence();
    void replayLimit();
    void refusedTokens_data();
    void refusedTokens();
    void threeWrongTokensClose_data();
    void threeWrongTokensClose();
    void positions_data();
    void positions();
    void replayOrder();
    void resumeNeedsThePassword();
    void resumeAfterLogin();
    void resumeStorm();
};

void TestResume::exactlyOnce_data()
{
    QTest::addColumn<QString>("moment"); // away: dropped before the burst; live: during it;
                                         // page: in the middle of a history page
    QTest::addColumn<int>("cut");        // live: burst lines read before the drop
    QTest::addColumn<int>("secondCut");  // replayed lines read before a second drop; -1: none
    QTest::newRow("before any message") << u"away"_s << 0 << -1;
    QTest::newRow("before any message, resumed during the burst") << u"during"_s << 0 << -1;
    QTest::newRow("after 1") << u"live"_s << 1 << -1;
    QTest::newRow("in the middle of the burst") << u"live"_s << BurstSize / 2 << -1;
    QTest::newRow("after the last") << u"live"_s << BurstSize << -1;
    QTest::newRow("while a history page is written") << u"page"_s << 0 << -1;
    QTest::newRow("again in the middle of the replay") << u"live"_s << 20 << 30;
}

// A sender bursts numbered lines (room and private) while the receiver's connection is cut at
// the row's moment; the receiver resumes on a new connection with the positions it read. What
// it read before the cut and after the resume is exactly what was sent: all of it, in order,
// once.
void TestResume::exactlyOnce()
{
    QFETCH(QString, moment);
    QFETCH(int, cut);
    QFETCH(int, secondCut);
    ServerConfig config;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &sender = f.taggedLoggedIn(u"sender"_s);
    const bool midPage = moment == "page"_L1;
    constexpr int Older = 1000; // lines before the burst, for the page
    if (midPage) {
        // A page (4 MB) longer than the kernel holds for a reader that does not read: its send
        // buffer grows to about 3 MB on loopback.
        const QString filler(4000, u'o');
        for (int sent = 0; sent < Older;) {
            for (const int end = sent + 50; sent < end; ++sent)
                sender.send(u"say old %1 "_s.arg(sent + 1) + filler);
            QVERIFY(!sender.sync().contains(u"<no pong>"_s));
        }
    }
    LineClient firstClient;
    LineClient *first = &firstClient;
    if (midPage) {
        QVERIFY(firstClient.connectWithSmallWindow(f.port()));
    } else {
        first = &f.connect();
    }
    QVERIFY(first->useTagged());
    Reader receiver(first);
    first->send(u"login receiver"_s);
    QVERIFY(receiver.drain());
    QVERIFY(!receiver.token.isEmpty());
    QCOMPARE(receiver.lastSeq, midPage ? quint64(Older) : 0); // the history shown on entering
    sender.sync();
    QList<Event> senderSaw;
    const int half = BurstSize / 2;

    if (moment == "away"_L1 || moment == "during"_L1) {
        first->abort();
        QVERIFY(waitForPresence(sender, senderSaw, u"receiver"_s, u"reconnecting"_s));
        sender.sendRaw(burst(1, moment == "away"_L1 ? BurstSize : half));
        sender.sync(); // committed
    } else if (midPage) {
        first->send(u"history hall 1000"_s);
        while (!receiver.inBatch(u"request"_s))
            QVERIFY(receiver.next().isValid());
        // The page is under way: the burst waits behind it, on the server.
        sender.sendRaw(burst(1, BurstSize));
        sender.sync();
        for (int read = 0; read < 10;) {
            const Event event = receiver.next();
            QVERIFY(event.isValid());
            QVERIFY(receiver.inBatch(u"request"_s));
            if (event.kind == Event::Kind::Message)
                ++read;
        }
        const Session *session = f.sessionOf(u"receiver"_s);
        QVERIFY(session);
        QVERIFY2(session->isOutputPaused(), "the page was over before the drop");
    } else {
        sender.sendRaw(burst(1, BurstSize));
        for (int read = 0; read < cut;) {
            const Event event = receiver.next();
            QVERIFY2(event.isValid(), qPrintable(u"only %1 lines came"_s.arg(read)));
            if (event.kind == Event::Kind::Message || event.kind == Event::Kind::Private)
                ++read;
        }
    }
    if (moment != "away"_L1 && moment != "during"_L1) {
        first->abort();
        QVERIFY(waitForPresence(sender, senderSaw, u"receiver"_s, u"reconnecting"_s));
    }

    const QString lastText = burstText(BurstSize);
    int resumes = 0;
    const auto resume = [&] {
        LineClient &client = f.connect();
        QVERIFY(client.useTagged());
        receiver.setClient(&client);
        client.send(u"@r resume "_s + receiver.token + u' ' + receiver.positions());
        // The rest of the burst as the resume is handled, so that some lines are committed
        // during the replay and come live after it.
        if (moment == "during"_L1 && resumes == 0)
            sender.sendRaw(burst(half + 1, BurstSize));
        const Event ok = receiver.next();
        QCOMPARE(ok.kind, Event::Kind::Ok);
        QCOMPARE(ok.command, u"resume"_s);
        QCOMPARE(ok.label, u"r"_s);
        ++resumes;
    };
    CHECKED(resume());
    if (secondCut >= 0) {
        int read = 0;
        while (read < secondCut) {
            const Event event = receiver.next();
            QVERIFY(event.isValid());
            if (receiver.inBatch(u"resume"_s) && event.kind == Event::Kind::Message)
                ++read;
        }
        receiver.client().abort();
        QVERIFY(waitForPresence(sender, senderSaw, u"receiver"_s, u"reconnecting"_s));
        CHECKED(resume());
    }
    while (receiver.room.isEmpty() || receiver.room.last().text != lastText) {
        const Event event = receiver.next();
        QVERIFY2(event.isValid(), qPrintable(u"the last line never came; read up to hall:%1"_s.arg(
                                      receiver.lastSeq)));
    }
    QVERIFY(receiver.drain()); // and nothing after it

    QStringList sentRoom;
    QStringList sentPrivate;
    for (int n = 1; n <= BurstSize; ++n)
        (isPrivate(n) ? sentPrivate : sentRoom) << burstText(n);
    QCOMPARE(burstTexts(receiver.room), sentRoom);
    QCOMPARE(burstTexts(receiver.privates), sentPrivate);
    QVERIFY(increasing(receiver.room, &Event::seq));
    QVERIFY(increasing(receiver.privates, &Event::id));

    // The others saw the receiver reconnecting and back, each time, and never leaving.
    for (const QString &line : sender.sync())
        senderSaw << TaggedCodec::parse(line);
    QStringList presence;
    for (const Event &event : std::as_const(senderSaw)) {
        if (event.kind == Event::Kind::Presence || event.kind == Event::Kind::Leave)
            presence << event.subject;
    }
    QStringList expected;
    for (int i = 0; i < resumes; ++i)
        expected << u"reconnecting"_s << u"back"_s;
    QCOMPARE(presence, expected);
}

void TestResume::oldConnectionStillOpen_data()
{
    QTest::addColumn<bool>("oldTagged");
    QTest::addColumn<int>("read"); // burst lines the old connection read before the resume
    QTest::newRow("tagged, read none") << true << 0;
    QTest::newRow("tagged, read half") << true << BurstSize / 2;
    QTest::newRow("text") << false << 0;
}

// A laptop that changed networks: the old connection is still open when the new one resumes.
// The old one is told and closed, the new one takes over with exactly what the old one did not
// read, and the others see no departure at all.
void TestResume::oldConnectionStillOpen()
{
    QFETCH(bool, oldTagged);
    QFETCH(int, read);
    ServerConfig config;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &sender = f.taggedLoggedIn(u"sender"_s);
    LineClient &old = f.connect();
    if (oldTagged)
        QVERIFY(old.useTagged());
    Reader receiver(&old);
    old.send(u"login receiver"_s);
    QString token;
    if (oldTagged) {
        QVERIFY(receiver.drain());
        token = receiver.token;
    } else {
        token = textToken(old.sync());
    }
    QVERIFY(!token.isEmpty());
    sender.sync();

    sender.sendRaw(burst(1, BurstSize));
    for (int n = 0; n < read;) {
        const Event event = receiver.next();
        QVERIFY(event.isValid());
        if (event.kind == Event::Kind::Message || event.kind == Event::Kind::Private)
            ++n;
    }
    LineClient &fresh = f.connect();
    QVERIFY(fresh.useTagged());
    receiver.setClient(&fresh);
    fresh.send(u"resume "_s + token + u' ' + receiver.positions());
    QCOMPARE(receiver.next().kind, Event::Kind::Ok);

    // The old connection's last words, after whatever it was still being sent.
    QStringList oldLines;
    for (QString line = old.readLine(); !line.isNull(); line = old.readLine())
        oldLines << line;
    QVERIFY(old.waitForDisconnected());
    QVERIFY(!oldLines.isEmpty());
    if (oldTagged) {
        const Event bye = TaggedCodec::parse(oldLines.last());
        QCOMPARE(bye.kind, Event::Kind::Bye);
        QCOMPARE(bye.subject, u"resumed"_s);
    } else {
        QCOMPARE(oldLines.last(), u"You came back on another connection; this one is closed."_s);
    }

    while (receiver.room.isEmpty() || receiver.room.last().text != burstText(BurstSize))
        QVERIFY(receiver.next().isValid());
    QVERIFY(receiver.drain());
    QStringList sentRoom;
    QStringList sentPrivate;
    for (int n = 1; n <= BurstSize; ++n)
        (isPrivate(n) ? sentPrivate : sentRoom) << burstText(n);
    QCOMPARE(burstTexts(receiver.room), sentRoom);
    QCOMPARE(burstTexts(receiver.privates), sentPrivate);

    // Nobody saw the receiver go or come back.
    for (const QString &line : sender.sync()) {
        const Event event = TaggedCodec::parse(line);
        QVERIFY2(event.kind != Event::Kind::Presence && event.kind != Event::Kind::Leave,
                 qPrintable(line));
    }
    fresh.send(u"say on the new connection"_s);
    QCOMPARE(receiver.next().text, u"on the new connection"_s);
}

void TestResume::privateWhileAway_data()
{
    QTest::addColumn<QString>("positions"); // what the resume says besides the token
    QTest::newRow("with positions") << u"hall:0 @:%1"_s;
    QTest::newRow("token alone") << QString();
    QTest::newRow("the hall only: private from the drop") << u"hall:0"_s;
    QTest::newRow("private only") << u"@:%1"_s;
}

// Private messages sent while a person is away wait for them and arrive once.
void TestResume::privateWhileAway()
{
    QFETCH(QString, positions);
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &carol = f.loggedIn(u"carol"_s);
    LineClient *first = &f.connect();
    QVERIFY(first->useTagged());
    Reader bob(first);
    first->send(u"login bob"_s);
    QVERIFY(bob.drain());
    alice.send(u"msg bob before"_s);
    alice.sync();
    QVERIFY(bob.drain());
    QCOMPARE(bob.privates.size(), 1);

    first->abort();
    QList<Event> aliceSaw;
    QVERIFY(waitForPresence(alice, aliceSaw, u"bob"_s, u"reconnecting"_s));
    alice.send(u"msg bob one"_s);
    alice.send(u"say in the hall"_s);
    alice.sync();
    carol.send(u"msg bob two"_s);
    carol.sync();
    alice.send(u"msg bob three"_s);
    alice.sync();

    LineClient &again = f.connect();
    QVERIFY(again.useTagged());
    bob.setClient(&again);
    again.send(u"resume "_s + bob.token + u' ' +
               QString(positions).replace(u"%1"_s, QString::number(bob.lastPrivate)));
    QVERIFY(bob.drain());
    QStringList texts;
    for (const Event &event : std::as_const(bob.privates))
        texts << event.nick + u": "_s + event.text;
    QCOMPARE(texts, (QStringList{u"alice: before"_s, u"alice: one"_s, u"carol: two"_s,
                                 u"alice: three"_s}));
    QCOMPARE(bob.room.size(), 1);
    QCOMPARE(bob.room.first().text, u"in the hall"_s);
    // From now on they come live, once.
    carol.send(u"msg bob four"_s);
    carol.sync();
    QVERIFY(bob.drain());
    QCOMPARE(bob.privates.size(), 5);
    QCOMPARE(bob.privates.last().text, u"four"_s);
}

// A person on telnet gives only the token and gets what was said after the drop, between
// dividers, room by room and then in private (the transcript of docs/PROTOCOL.md).
void TestResume::textResume()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    bob.send(u"login bob"_s);
    const QString token = textToken(bob.sync());
    QVERIFY(!token.isEmpty());
    QCOMPARE(alice.sync(), QStringList{u"* bob has entered the room."_s});
    bob.send(u"hello before"_s); // seen before the drop: not replayed
    bob.sync();
    alice.sync();
    bob.abort();
    QCOMPARE(alice.readLine(), u"* bob lost the connection; their place is kept for a while."_s);

    const QDateTime from = QDateTime::currentDateTime();
    alice.send(u"are you there?"_s);
    alice.send(u"msg bob call me"_s);
    QCOMPARE(alice.sync(), (QStringList{u"alice: are you there?"_s, u"-> *bob* call me"_s}));
    LineClient &back = f.connect();
    back.send(u"resume "_s + token);
    QStringList lines = back.sync();
    const QDateTime to = QDateTime::currentDateTime();
    // The times are those of the lines: this minute, or the one before if it just turned.
    static const QRegularExpression time(u"\\d\\d:\\d\\d"_s);
    for (QString &line : lines) {
        const auto match = time.match(line);
        if (match.hasMatch() && (match.captured() == from.toString(u"HH:mm"_s) ||
                                 match.captured() == to.toString(u"HH:mm"_s)))
            line.replace(match.capturedStart(), 5, u"12:01"_s);
    }
    QCOMPARE(lines, (QStringList{
                        u"Welcome back, bob."_s,
                        u"If your connection drops, connect again within 120 seconds and type: "
                        "resume "_s +
                            token,
                        u"* You have entered hall."_s, u"Users in hall (2):"_s, u"  alice"_s,
                        u"  bob"_s, u"--- 1 message in hall while you were away, since 12:01 ---"_s,
                        u"[12:01] alice: are you there?"_s, u"--- now ---"_s,
                        u"--- 1 message in private while you were away, since 12:01 ---"_s,
                        u"[12:01] *alice* call me"_s, u"--- now ---"_s}));
    QCOMPARE(alice.sync(), QStringList{u"* bob is back."_s});
    back.send(u"I'm back"_s);
    QCOMPARE(back.sync(), QStringList{u"bob: I'm back"_s});
    QCOMPARE(alice.sync(), QStringList{u"bob: I'm back"_s});
}

// While a person is away the others see it, in each room they share, in both renderings.
void TestResume::othersSeePresence()
{
    ServerFixture f;
    LineClient &program = f.taggedLoggedIn(u"program"_s);
    LineClient &person = f.loggedIn(u"person"_s);
    LineClient &bob = f.connect();
    const QString token = loginTagged(bob, u"bob"_s);
    QVERIFY(!token.isEmpty());
    bob.send(u"create games"_s);
    bob.sync();
    program.send(u"join games"_s);
    program.sync();
    person.sync();
    bob.sync();
    bob.abort();

    QList<Event> seen;
    QVERIFY(waitForPresence(program, seen, u"bob"_s, u"reconnecting"_s));
    QVERIFY(waitForPresence(program, seen, u"bob"_s, u"reconnecting"_s)); // hall and games
    QCOMPARE(person.readLine(), u"* bob lost the connection; their place is kept for a while."_s);
    person.send(u"look"_s);
    person.send(u"who"_s);
    QCOMPARE(person.sync(), (QStringList{u"Users in hall (3):"_s, u"  program"_s, u"  person"_s,
                                         u"  bob (reconnecting)"_s, u"Users online (3):"_s,
                                         u"  bob (reconnecting) in hall, games"_s,
                                         u"  person in hall"_s, u"  program in hall, games"_s}));
    program.send(u"look #games"_s);
    QCOMPARE(program.readEvent().list,
             (QStringList{u"bob"_s, u"owner,reconnecting"_s, u"program"_s, QString()}));
    program.send(u"who"_s);
    QCOMPARE(program.readEvent().kind, Event::Kind::ListingStart);
    QCOMPARE(program.readEvent().list,
             (QStringList{u"bob"_s, u"hall,games"_s, u"reconnecting"_s, u"person"_s, u"hall"_s,
                          QString(), u"program"_s, u"hall,games"_s, QString()}));
    QCOMPARE(program.readEvent().kind, Event::Kind::ListingEnd);

    LineClient &again = f.connect();
    again.send(u"resume "_s + token);
    again.sync();
    QVERIFY(waitForPresence(program, seen, u"bob"_s, u"back"_s));
    QVERIFY(waitForPresence(program, seen, u"bob"_s, u"back"_s));
    QCOMPARE(person.sync(), QStringList{u"* bob is back."_s});
    QCOMPARE(program.sync(), QStringList());
    person.send(u"look"_s);
    QCOMPARE(person.sync(),
             (QStringList{u"Users in hall (3):"_s, u"  program"_s, u"  person"_s, u"  bob"_s}));
}

// A gap longer than --resume-replay-limit replays the newest lines and says where the rest are.
void TestResume::replayLimit()
{
    ServerConfig config;
    config.floodRate = 0;
    config.resumeReplayLimit = 5;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    const QString token = loginTagged(bob, u"bob"_s);
    QVERIFY(!token.isEmpty());
    alice.sync();
    bob.abort();
    QList<Event> seen;
    QVERIFY(waitForPresence(alice, seen, u"bob"_s, u"reconnecting"_s));
    for (int i = 1; i <= 12; ++i)
        alice.send(u"say %1"_s.arg(i));
    alice.sync();
    LineClient &again = f.connect();
    QVERIFY(again.useTagged());
    again.send(u"resume "_s + token + u" hall:0"_s);
    QList<Event> events;
    for (const QString &line : again.sync())
        events << TaggedCodec::parse(line);
    QCOMPARE(events.size(), 3 + 7 + 2); // ok, join, users; the hall's batch; the private one
    QCOMPARE(events.at(3).kind, Event::Kind::HistoryStart);
    QCOMPARE(events.at(3).count, qint64(5));
    QCOMPARE(seqsOf(events.mid(4, 5)), (QList<quint64>{8, 9, 10, 11, 12}));
    const Event end = events.at(9);
    QCOMPARE(end.kind, Event::Kind::HistoryEnd);
    QCOMPARE(end.subject, u"resume"_s);
    QCOMPARE(end.target, u"before"_s);
    QCOMPARE(end.seq, quint64(8));
}

void TestResume::refusedTokens_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("wrong token") << u"wrong"_s;
    QTest::newRow("one digit off") << u"off"_s;
    QTest::newRow("too short") << u"short"_s;
    QTest::newRow("too long") << u"long"_s;
    QTest::newRow("not hex") << u"nothex"_s;
    QTest::newRow("after logout") << u"logout"_s;
    QTest::newRow("after the grace period") << u"expired"_s;
}

// A token that is wrong, malformed or no longer valid is answered 490; the connection stays and
// can log in.
void TestResume::refusedTokens()
{
    QFETCH(QString, how);
    ServerConfig config;
    config.resumeGraceSeconds = 1;
    ServerFixture f(config);
    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    bob.send(u"login bob"_s);
    const QString token = textToken(bob.sync());
    QVERIFY(!token.isEmpty());
    alice.sync();
    QString given = token;
    if (how == "wrong"_L1) {
        given = QString(32, u'0');
    } else if (how == "off"_L1) {
        given = token.first(31) + (token.endsWith(u'0') ? u'1' : u'0');
    } else if (how == "short"_L1) {
        given = token.first(31);
    } else if (how == "long"_L1) {
        given = token + u'0';
    } else if (how == "nothex"_L1) {
        given = QString(32, u'z');
    } else if (how == "logout"_L1) {
        bob.send(u"logout"_s);
        QVERIFY(bob.waitForDisconnected());
        QCOMPARE(alice.readLine(), u"* bob has left the chat."_s);
    } else {
        bob.abort();
        QCOMPARE(alice.readLine(),
                 u"* bob lost the connection; their place is kept for a while."_s);
        QCOMPARE(alice.readLine(3000), u"* bob lost the connection."_s); // the grace is over
    }
    if (how != "logout"_L1 && how != "expired"_L1) {
        bob.abort();
        QCOMPARE(alice.readLine(),
                 u"* bob lost the connection; their place is kept for a while."_s);
    }
    LineClient &again = f.connect();
    again.send(u"resume "_s + given);
    QCOMPARE(again.sync(),
             QStringList{
                 u"Error: That resume token is wrong or has expired: log in with login <nick>."_s});
    QCOMPARE(alice.sync(), QStringList()); // nobody came back
    QVERIFY(again.isConnected());
    if (how == "logout"_L1 || how == "expired"_L1)
        QVERIFY(again.login(u"bob"_s)); // the name is free
    else
        QVERIFY(again.login(u"robert"_s));
}

void TestResume::threeWrongTokensClose_data()
{
    QTest::addColumn<bool>("tagged");
    QTest::newRow("text") << false;
    QTest::newRow("tagged") << true;
}

void TestResume::threeWrongTokensClose()
{
    QFETCH(bool, tagged);
    ServerFixture f;
    LineClient &client = f.connect();
    if (tagged)
        QVERIFY(client.useTagged());
    const QString refused =
        u"Error: That resume token is wrong or has expired: log in with login <nick>."_s;
    for (int i = 0; i < 2; ++i) {
        client.send(u"resume "_s + QString(32, QChar(u'1' + i)));
        const QStringList reply = client.sync();
        QCOMPARE(reply.size(), 1);
        if (tagged)
            QCOMPARE(TaggedCodec::parse(reply.first()).code, ErrorCode::BadResumeToken);
        else
            QCOMPARE(reply.first(), refused);
    }
    client.send(u"resume "_s + QString(32, u'f'));
    QStringList last;
    for (QString line = client.readLine(); !line.isNull(); line = client.readLine())
        last << line;
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(last.size(), 2);
    if (tagged) {
        QCOMPARE(TaggedCodec::parse(last.at(0)).code, ErrorCode::BadResumeToken);
        const Event bye = TaggedCodec::parse(last.at(1));
        QCOMPARE(bye.kind, Event::Kind::Bye);
        QCOMPARE(bye.subject, u"resume"_s);
    } else {
        QCOMPARE(last, (QStringList{refused, u"Too many wrong resume tokens; disconnected."_s}));
    }
}

void TestResume::positions_data()
{
    QTest::addColumn<QString>("positions");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QStringList>("replayed"); // the hall's lines the resume replays
    QStringList many{u"hall:1"_s};
    for (int i = 1; i < 25; ++i)
        many << u"room%1:5"_s.arg(i);
    const QStringList away{u"while away"_s};
    // Well formed: before (seq 1) was read before the drop, while away (seq 2) was not.
    QTest::newRow("hall:0") << u"hall:0"_s << true << QStringList{u"before"_s, u"while away"_s};
    QTest::newRow("hall:1") << u"hall:1"_s << true << away;
    QTest::newRow("#hall:1") << u"#hall:1"_s << true << away;
    QTest::newRow("HALL:1, @:0") << u"HALL:1 @:0"_s << true << away;
    QTest::newRow("beyond the last") << u"hall:99"_s << true << QStringList();
    QTest::newRow("largest number") << u"hall:18446744073709551615"_s << true << QStringList();
    QTest::newRow("private only: the hall from the drop") << u"@:0"_s << true << away;
    QTest::newRow("a room not in") << u"games:0"_s << true << away;
    QTest::newRow("21 positions") << many.first(21).join(u' ') << true << away;
    // Malformed: 461, and nothing changes.
    QTest::newRow("not a number") << u"hall:x"_s << false << away;
    QTest::newRow("no number") << u"hall:"_s << false << away;
    QTest::newRow("no colon") << u"hall"_s << false << away;
    QTest::newRow("no room") << u":5"_s << false << away;
    QTest::newRow("negative") << u"hall:-1"_s << false << away;
    QTest::newRow("plus sign") << u"hall:+5"_s << false << away;
    QTest::newRow("beyond 64 bits") << u"hall:18446744073709551616"_s << false << away;
    QTest::newRow("bad room name") << u"b!d:5"_s << false << away;
    QTest::newRow("two colons") << u"hall:5:6"_s << false << away;
    QTest::newRow("private, not a number") << u"@:x"_s << false << away;
    QTest::newRow("good, then bad") << u"hall:1 @:x"_s << false << away;
    QTest::newRow("22 positions") << many.first(22).join(u' ') << false << away;
    QTest::newRow("25 positions") << many.join(u' ') << false << away;
}

// Positions say where the replay starts. Malformed ones are answered 461 before the token is
// looked at: the person stays away, the token keeps working, and they do not count as wrong
// tokens.
void TestResume::positions()
{
    QFETCH(QString, positions);
    QFETCH(bool, accepted);
    QFETCH(QStringList, replayed);
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    alice.send(u"create games"_s);
    alice.send(u"say #hall before"_s);
    LineClient &bob = f.connect();
    const QString token = loginTagged(bob, u"bob"_s);
    QVERIFY(!token.isEmpty());
    alice.sync();
    bob.abort();
    QList<Event> seen;
    QVERIFY(waitForPresence(alice, seen, u"bob"_s, u"reconnecting"_s));
    alice.send(u"say #hall while away"_s);
    alice.sync();

    LineClient &again = f.connect();
    QVERIFY(again.useTagged());
    for (int i = 0; i < (accepted ? 0 : 3); ++i) {
        again.send(u"@m resume "_s + token + u' ' + positions);
        const QStringList reply = again.sync();
        QCOMPARE(reply.size(), 1);
        const Event error = TaggedCodec::parse(reply.first());
        QCOMPARE(error.code, ErrorCode::NeedMoreParams);
        QCOMPARE(error.subject, u"resume <token> [room:number ...] [@:number]"_s);
        QCOMPARE(error.label, u"m"_s);
    }
    QCOMPARE(alice.sync(), QStringList());
    again.send(u"resume "_s + token + (accepted ? u' ' + positions : QString()));
    QStringList texts;
    const QStringList lines = again.sync();
    QCOMPARE(TaggedCodec::parse(lines.value(0)).kind, Event::Kind::Ok);
    for (const QString &line : lines) {
        const Event event = TaggedCodec::parse(line);
        if (event.kind == Event::Kind::Message)
            texts << event.text;
    }
    QCOMPARE(texts, replayed);
}

// What a resume sends, in order: ok, each room's state, each room's replay, the private replay,
// every batch between markers even when it is empty; all with the resume's label.
void TestResume::replayOrder()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    const QString token = loginTagged(bob, u"bob"_s);
    QVERIFY(!token.isEmpty());
    bob.send(u"create games"_s);
    bob.send(u"topic #games dice"_s);
    bob.sync();
    alice.sync();
    bob.abort();
    QList<Event> seen;
    QVERIFY(waitForPresence(alice, seen, u"bob"_s, u"reconnecting"_s));
    alice.send(u"say one"_s);
    alice.send(u"msg bob two"_s);
    alice.sync();

    LineClient &again = f.connect();
    QVERIFY(again.useTagged());
    again.send(u"@r resume "_s + token);
    QStringList shape;
    for (const QString &line : again.sync()) {
        const Event event = TaggedCodec::parse(line);
        QCOMPARE(event.label, u"r"_s);
        QString word = TaggedCodec::kindWord(event.kind);
        if (event.kind == Event::Kind::Ok)
            word += u' ' + event.command;
        else if (event.kind != Event::Kind::Private)
            word += u' ' + (event.room.isEmpty() ? u"-"_s : event.room);
        if (event.kind == Event::Kind::HistoryStart || event.kind == Event::Kind::HistoryEnd)
            word += u' ' + event.subject + u' ' + QString::number(event.count);
        shape << word;
    }
    QCOMPARE(shape,
             (QStringList{u"ok resume"_s, u"join hall"_s, u"users hall"_s, u"join games"_s,
                          u"topic games"_s, u"users games"_s, u"history hall resume 1"_s,
                          u"message hall"_s, u"historyend hall resume 1"_s,
                          u"history games resume 0"_s, u"historyend games resume 0"_s,
                          u"history - resume 1"_s, u"private"_s, u"historyend - resume 1"_s}));
}

// On a server with a password, resuming needs it too, like logging in.
void TestResume::resumeNeedsThePassword()
{
    const PasswordFile password(u"open sesame"_s);
    ServerConfig config;
    config.passwordFile = password.path();
    ServerFixture f(config);
    const QString accepted = u"Password accepted: now log in with login <nick>."_s;
    LineClient &alice = f.connect();
    alice.send(u"pass open sesame"_s);
    QCOMPARE(alice.readLine(), accepted); // checked off the event loop: wait for it
    QVERIFY(alice.login(u"alice"_s));
    LineClient &bob = f.connect();
    bob.send(u"pass open sesame"_s);
    QCOMPARE(bob.readLine(), accepted);
    bob.send(u"login bob"_s);
    const QString token = textToken(bob.sync());
    QVERIFY(!token.isEmpty());
    alice.sync();
    bob.abort();
    QCOMPARE(alice.readLine(), u"* bob lost the connection; their place is kept for a while."_s);

    LineClient &again = f.connect();
    again.send(u"resume "_s + token);
    QCOMPARE(
        again.sync(),
        QStringList{u"Error: This server needs a password: pass <password>, then login <nick>."_s});
    QCOMPARE(alice.sync(), QStringList());
    again.send(u"pass open sesame"_s);
    QCOMPARE(again.readLine(), accepted);
    again.send(u"resume "_s + token);
    QCOMPARE(again.sync().value(0), u"Welcome back, bob."_s);
    QCOMPARE(alice.sync(), QStringList{u"* bob is back."_s});
}

void TestResume::resumeAfterLogin()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    bob.send(u"login bob"_s);
    const QString token = textToken(bob.sync());
    alice.sync();
    alice.send(u"@x resume "_s + token);
    const Event error = alice.readEvent();
    QCOMPARE(error.code, ErrorCode::AlreadyLoggedIn);
    QCOMPARE(error.subject, u"alice"_s);
    QCOMPARE(error.label, u"x"_s);
    // bob's connection is untouched.
    bob.send(u"still me"_s);
    QCOMPARE(bob.sync(), QStringList{u"bob: still me"_s});
}

// Many connections guessing tokens, and a real resume among them: the guessers are refused and
// closed, the real one comes back, and a pair of bystanders chat on as usual.
void TestResume::resumeStorm()
{
    ServerConfig config;
    config.exemptLoopback = true;
    ServerFixture f(config);
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    LineClient &bob = f.connect();
    const QString token = loginTagged(bob, u"bob"_s);
    QVERIFY(!token.isEmpty());
    alice.sync();
    carol.sync();
    bob.abort();
    QList<Event> seen;
    QVERIFY(waitForPresence(alice, seen, u"bob"_s, u"reconnecting"_s));
    carol.sync();

    constexpr int Guessers = 50;
    std::vector<std::unique_ptr<LineClient>> guessers;
    for (int i = 0; i < Guessers; ++i) {
        auto &guesser = guessers.emplace_back(std::make_unique<LineClient>());
        QVERIFY(guesser->connectTo(f.port()));
    }
    LineClient &real = f.connect();
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < Guessers; ++i) {
            guessers[size_t(i)]->send(u"resume "_s + randomToken(random));
            if (round == 1 && i == Guessers / 2)
                real.send(u"resume "_s + token);
        }
    }
    // The bystanders, meanwhile.
    alice.send(u"say during the storm"_s);

    for (auto &guesser : guessers) {
        QStringList lines;
        for (QString line = guesser->readLine(); !line.isNull(); line = guesser->readLine())
            lines << line;
        QVERIFY(guesser->waitForDisconnected());
        QCOMPARE(lines.size(), 1 + 3 + 1); // the greeting, three refusals, the goodbye
        QCOMPARE(lines.last(), u"Too many wrong resume tokens; disconnected."_s);
    }
    // The real one is back, with the line said during the storm once: replayed or live,
    // depending on whether it came before or after the resume.
    const QStringList back = real.sync();
    QCOMPARE(back.value(0), u"Welcome back, bob."_s);
    QCOMPARE(back.filter(u"alice: during the storm"_s).size(), 1);
    real.send(u"after the storm"_s);
    QCOMPARE(real.sync(), QStringList{u"bob: after the storm"_s});
    // The bystanders saw their line, bob come back, and his line, each once.
    for (LineClient *bystander : {&alice, &carol}) {
        QStringList saw;
        for (const QString &line : bystander->sync()) {
            const Event event = TaggedCodec::parse(line);
            saw << (event.kind == Event::Kind::Presence ? event.subject : event.text);
        }
        saw.sort();
        QCOMPARE(saw, (QStringList{u"after the storm"_s, u"back"_s, u"during the storm"_s}));
    }
    QTRY_COMPARE(f.server().sessionCount(), 3);
}

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
