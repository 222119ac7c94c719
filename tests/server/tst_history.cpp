// SPDX-License-Identifier: MIT
// What the server remembers (docs/PROTOCOL.md, "History"): the history shown on entering a room,
// paging with history, private history, long pages at the reader's pace, restarts, both
// databases, and a full database refusing a line before anyone sees it.
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "TimeAnchor.h"
#include "commands/ReplyStream.h"
#include "core/Room.h"
#include "session/Session.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
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

// A history batch as a program reads it: the start line, the lines, the end line.
struct Page
{
    Event start;
    QList<Event> lines;
    Event end;
    QList<Event> before; // what came before the start line
};

// Reads the next batch, up to and including its end line.
Page readPage(LineClient &client, int timeoutMs = LineClient::Timeout)
{
    Page page;
    for (;;) {
        const Event event = client.readEvent(timeoutMs);
        if (!event.isValid())
            return page;
        if (event.kind == Event::Kind::HistoryStart) {
            page.start = event;
            break;
        }
        page.before << event;
    }
    for (;;) {
        const Event event = client.readEvent(timeoutMs);
        if (!event.isValid())
            return page;
        if (event.kind == Event::Kind::HistoryEnd) {
            page.end = event;
            return page;
        }
        page.lines << event;
    }
}

QList<quint64> seqsOf(const QList<Event> &events)
{
    QList<quint64> seqs;
    for (const Event &event : events)
        seqs << event.seq;
    return seqs;
}

QList<quint64> range(quint64 first, quint64 last)
{
    QList<quint64> numbers;
    for (quint64 n = first; n <= last; ++n)
        numbers << n;
    return numbers;
}

// Replaces each "HH:mm" (or "yyyy-MM-dd HH:mm", a line of another day) in a text line with
// "HH:mm" when it is a minute between from and to, so that lines can be compared whole.
QString maskTimes(QString line, const QDateTime &from, const QDateTime &to)
{
    static const QRegularExpression time(u"(\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}"_s);
    QStringList minutes;
    for (QDateTime t = from.addSecs(-from.time().second()); t <= to; t = t.addSecs(60)) {
        minutes << t.toLocalTime().toString(u"HH:mm"_s)
                << t.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    }
    QRegularExpressionMatch match = time.match(line);
    while (match.hasMatch() && minutes.contains(match.captured())) {
        line.replace(match.capturedStart(), match.capturedLength(), u"HH:mm"_s);
        match = time.match(line, match.capturedStart() + 5);
    }
    return line;
}

QString said(int n)
{
    return u"line %1"_s.arg(n);
}

// The writer says "1 <filler>" to "1000 <filler>" in slices, so that its own echo never waits
// beyond its output cap; false when the server stopped answering.
bool sayThousandLines(LineClient &writer, const QString &filler, int slice = 40)
{
    for (int sent = 0; sent < 1000;) {
        for (const int end = sent + slice; sent < end; ++sent)
            writer.send(u"say %1 "_s.arg(sent + 1) + filler);
        if (writer.sync().contains(u"<no pong>"_s))
            return false;
    }
    return true;
}

void addDatabases(const char *name)
{
    for (const char *database : {"sqlite", "memory"})
        QTest::addRow("%s, %s", name, database) << QString::fromLatin1(database);
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void historyOnJoin_data();
    void historyOnJoin();
    void linesSaidWhileEntering();
    void linesCommittedTogether_data();
    void linesCommittedTogether();
    void paging_data();
    void paging();
    void pagingText_data();
    void pagingText();
    void privateHistory_data();
    void privateHistory();
    void conversations_data();
    void conversations();
    void longPageToAReader();
    void longPageWhileTheRoomTalks();
    void longPageToANonReader();
    void stalledReaderIsDropped();
    void messagesOnly_data();
    void messagesOnly();
    void restart_data();
    void restart();
    void fullDatabase();
};

void TestHistory::historyOnJoin_data()
{
    QTest::addColumn<bool>("tagged");
    QTest::addColumn<QString>("database");
    QTest::addColumn<int>("historyOnJoin");
    QTest::addColumn<int>("saidBefore");
    QTest::addColumn<int>("shown");
    for (const bool tagged : {false, true}) {
        const char *r = tagged ? "tagged" : "text";
        QTest::addRow("%s, 3 lines", r) << tagged << u"sqlite"_s << 50 << 3 << 3;
        QTest::addRow("%s, 1 line", r) << tagged << u"sqlite"_s << 50 << 1 << 1;
        QTest::addRow("%s, 60 lines: the last 50", r) << tagged << u"sqlite"_s << 50 << 60 << 50;
        QTest::addRow("%s, --history-on-join 0", r) << tagged << u"sqlite"_s << 0 << 3 << 0;
        QTest::addRow("%s, --history-on-join 2", r) << tagged << u"sqlite"_s << 2 << 5 << 2;
        QTest::addRow("%s, empty room", r) << tagged << u"sqlite"_s << 50 << 0 << 0;
        QTest::addRow("%s, memory database", r) << tagged << u"memory"_s << 2 << 5 << 2;
        QTest::addRow("%s, memory database, empty room", r)
            << tagged << u"memory"_s << 50 << 0 << 0;
    }
}

void TestHistory::historyOnJoin()
{
    QFETCH(bool, tagged);
    QFETCH(QString, database);
    QFETCH(int, historyOnJoin);
    QFETCH(int, saidBefore);
    QFETCH(int, shown);
    ServerConfig config;
    config.database = database;
    config.historyOnJoin = historyOnJoin;
    config.floodRate = 0;
    ServerFixture f(config);
    const QDateTime from = QDateTime::currentDateTime();
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    for (int i = 1; i <= saidBefore; ++i)
        bob.send(u"say "_s + said(i));
    bob.sync();

    LineClient &alice = f.connect();
    if (tagged)
        QVERIFY(alice.useTagged());
    alice.send(u"login alice"_s);
    QStringList lines = alice.sync();
    const QDateTime to = QDateTime::currentDateTime();
    const int first = saidBefore - shown + 1;
    if (tagged) {
        // ok, join, users, then the history.
        QVERIFY2(lines.size() >= 3, qPrintable(lines.join(u'\n')));
        QCOMPARE(TaggedCodec::parse(lines.takeFirst()).kind, Event::Kind::Ok);
        QCOMPARE(TaggedCodec::parse(lines.takeFirst()).kind, Event::Kind::Join);
        QCOMPARE(TaggedCodec::parse(lines.takeFirst()).kind, Event::Kind::Users);
        if (shown == 0) {
            QCOMPARE(lines, QStringList()); // no markers around nothing
            return;
        }
        QCOMPARE(lines.size(), shown + 2);
        const Event start = TaggedCodec::parse(lines.first());
        QCOMPARE(start.kind, Event::Kind::HistoryStart);
        QCOMPARE(start.room, u"hall"_s);
        QCOMPARE(start.nick, QString());
        QCOMPARE(start.subject, u"join"_s);
        QCOMPARE(start.count, qint64(shown));
        for (int i = 0; i < shown; ++i) {
            const Event line = TaggedCodec::parse(lines.at(i + 1));
            QCOMPARE(line.kind, Event::Kind::Message);
            QCOMPARE(line.seq, quint64(first + i));
            QCOMPARE(line.id, quint64(first + i));
            QCOMPARE(line.text, said(first + i));
            if (i == 0)
                QCOMPARE(start.time, line.time); // the start carries the first line's time
        }
        const Event end = TaggedCodec::parse(lines.last());
        QCOMPARE(end.kind, Event::Kind::HistoryEnd);
        QCOMPARE(end.subject, u"join"_s);
        QCOMPARE(end.count, qint64(shown));
        // Where the older lines are, when there are any.
        QCOMPARE(end.target, first > 1 ? u"before"_s : QString());
        QCOMPARE(end.seq, first > 1 ? quint64(first) : 0);
    } else {
        // Logged in, how to resume, entered, "Users in hall (2):" and two names.
        QVERIFY2(lines.size() >= 6, qPrintable(lines.join(u'\n')));
        lines = lines.mid(6);
        if (shown == 0) {
            QCOMPARE(lines, QStringList());
            return;
        }
        QStringList expected{shown == 1 ? u"--- 1 earlier message, since HH:mm ---"_s
                                        : u"--- %1 earlier messages, since HH:mm ---"_s.arg(shown)};
        for (int i = first; i <= saidBefore; ++i)
            expected << u"[HH:mm] bob: "_s + said(i);
        expected << u"--- now ---"_s;
        for (QString &line : lines)
            line = maskTimes(line, from, to);
        QCOMPARE(lines, expected);
    }
    // What is said from now on is live, numbered after the history.
    bob.send(u"say after"_s);
    bob.sync();
    const QStringList live = alice.sync();
    QCOMPARE(live.size(), 1);
    if (tagged)
        QCOMPARE(TaggedCodec::parse(live.first()).seq, quint64(saidBefore + 1));
    else
        QCOMPARE(live.first(), u"bob: after"_s);
}

// Lines said while someone enters come once: in the history shown on entering when they were
// stored before, live after it otherwise, never before the member list or inside the batch.
void TestHistory::linesSaidWhileEntering()
{
    ServerConfig config;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    for (int i = 1; i <= 5; ++i)
        bob.send(u"say "_s + said(i));
    bob.sync();
    LineClient &alice = f.connect();
    QVERIFY(alice.useTagged());
    // Without waiting for either: the login and more lines reach the server together.
    QByteArray more;
    for (int i = 6; i <= 40; ++i)
        more += "say " + said(i).toUtf8() + "\r\n";
    bob.sendRaw(more);
    alice.send(u"login alice"_s);
    bob.sync();
    QList<quint64> seqs;
    bool listed = false;
    bool inBatch = false;
    for (const QString &line : alice.sync()) {
        const Event event = TaggedCodec::parse(line);
        if (event.kind == Event::Kind::Users)
            listed = true;
        else if (event.kind == Event::Kind::HistoryStart)
            inBatch = true;
        else if (event.kind == Event::Kind::HistoryEnd)
            inBatch = false;
        else if (event.kind == Event::Kind::Message) {
            QVERIFY2(listed, "a line came before the member list");
            seqs << event.seq;
        }
    }
    QVERIFY(!inBatch);
    QCOMPARE(seqs, range(1, 40));
}

void TestHistory::linesCommittedTogether_data()
{
    QTest::addColumn<QString>("database");
    addDatabases("two authors and a reader");
}

// Lines the store commits together are handed to each reader at once (BroadcastBatch): every
// member still sees every line once, in order, and what is not a room line comes where it
// was said (a private message between two runs of the room's lines), the authors as anyone.
void TestHistory::linesCommittedTogether()
{
    QFETCH(QString, database);
    ServerConfig config;
    config.database = database;
    config.historyOnJoin = 0;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    alice.sync();
    bob.sync();
    carol.sync();
    // In one write each, so that the store commits them together.
    QByteArray fromAlice, fromBob;
    for (int i = 1; i <= 30; ++i) {
        fromAlice += "say alice " + QByteArray::number(i) + "\r\n";
        fromBob += "say bob " + QByteArray::number(i) + "\r\n";
        if (i == 15)
            fromAlice += "msg carol between\r\n";
    }
    alice.socket().write(fromAlice);
    bob.socket().write(fromBob);
    for (LineClient *reader : {&alice, &bob, &carol}) {
        QList<Event> lines;
        int privateAfter = -1; // alice's lines carol had read before the private message
        int aliceLines = 0;
        while (lines.size() < 60) {
            const Event event = reader->readEvent();
            QVERIFY2(
                event.isValid(),
                qPrintable(u"%1 read %2 lines"_s.arg(reader == &carol ? u"carol"_s : u"an author"_s)
                               .arg(lines.size())));
            if (event.kind == Event::Kind::Private) {
                QCOMPARE(event.text, u"between"_s);
                privateAfter = aliceLines;
                continue;
            }
            if (event.kind != Event::Kind::Message)
                continue; // an author's ok
            QCOMPARE(event.seq, quint64(lines.size() + 1));
            if (event.nick == u"alice"_s) {
                QCOMPARE(event.text, u"alice %1"_s.arg(++aliceLines));
            }
            lines << event;
        }
        const QStringList texts = [&] {
            QStringList t;
            for (const Event &e : lines)
                t << e.text;
            return t;
        }();
        for (int i = 1; i <= 30; ++i)
            QCOMPARE(texts.count(u"bob %1"_s.arg(i)), 1);
        if (reader == &carol)
            QCOMPARE(privateAfter, 15);
    }
}

void TestHistory::paging_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QList<quint64>>("seqs");
    QTest::addColumn<QString>("next");
    QTest::addColumn<quint64>("from");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("subject");
    const QString usage =
        u"history [room|@nick] [count] [messages] [before|after|around <number>|<time> | between <number>|<time> <number>|<time>]"_s;
    const QString earlier = u"2000-01-01T00:00:00.000Z"_s;
    const QString later = u"2999-01-01T00:00:00.000Z"_s;
    struct Row
    {
        const char *name;
        QString request;
        QList<quint64> seqs;
        QString next;
        quint64 from;
        int error;
        QString subject;
    };
    // Ten lines in the hall, seq 1 to 10.
    const Row rows[] = {
        {"latest, default count", u"history"_s, range(1, 10), {}, 0, 0, {}},
        {"latest 3", u"history hall 3"_s, range(8, 10), u"before"_s, 8, 0, {}},
        {"latest 3, #room", u"history #HALL 3"_s, range(8, 10), u"before"_s, 8, 0, {}},
        {"latest 3, current room", u"history 3"_s, range(8, 10), u"before"_s, 8, 0, {}},
        {"before", u"history hall 3 before 8"_s, range(5, 7), u"before"_s, 5, 0, {}},
        {"before, reaching the first", u"history hall 3 before 4"_s, range(1, 3), {}, 0, 0, {}},
        {"before 1", u"history hall before 1"_s, {}, {}, 0, 0, {}},
        {"before, no count", u"history before 3"_s, range(1, 2), {}, 0, 0, {}},
        {"after", u"history hall 3 after 2"_s, range(3, 5), u"after"_s, 5, 0, {}},
        {"after 0", u"history hall 4 after 0"_s, range(1, 4), u"after"_s, 4, 0, {}},
        {"after, reaching the last", u"history hall 3 after 8"_s, range(9, 10), {}, 0, 0, {}},
        {"after the last", u"history hall after 10"_s, {}, {}, 0, 0, {}},
        {"after beyond the last", u"history hall after 99"_s, {}, {}, 0, 0, {}},
        {"BEFORE in capitals", u"history hall 2 BEFORE 5"_s, range(3, 4), u"before"_s, 3, 0, {}},
        // Times: every line was said between these two.
        {"before a later time",
         u"history hall 3 before "_s + later,
         range(8, 10),
         u"before"_s,
         8,
         0,
         {}},
        {"before an earlier time", u"history hall before "_s + earlier, {}, {}, 0, 0, {}},
        {"before the epoch", u"history hall before 1970-01-01T00:00:00.000Z"_s, {}, {}, 0, 0, {}},
        {"after an earlier time",
         u"history hall 3 after "_s + earlier,
         range(1, 3),
         u"after"_s,
         3,
         0,
         {}},
        {"after a later time", u"history hall after "_s + later, {}, {}, 0, 0, {}},
        {"after a number, before a later time",
         u"history hall 3 after 5 before "_s + later,
         range(6, 8),
         u"after"_s,
         8,
         0,
         {}},
        {"after a number, before an earlier time",
         u"history hall after 5 before "_s + earlier,
         {},
         {},
         0,
         0,
         {}},
        {"before a number, after an earlier time",
         u"history hall 3 before 5 after "_s + earlier,
         range(2, 4),
         u"before"_s,
         2,
         0,
         {}},
        {"between two times",
         u"history hall 2 after "_s + earlier + u" before "_s + later,
         range(1, 2),
         u"after"_s,
         2,
         0,
         {}},
        {"between two times, the wrong way round",
         u"history hall after "_s + later + u" before "_s + earlier,
         {},
         {},
         0,
         0,
         {}},
        {"around a number", u"history hall 4 around 5"_s, range(4, 7), u"before"_s, 4, 0, {}},
        {"around a number, odd", u"history hall 3 around 5"_s, range(4, 6), u"before"_s, 4, 0, {}},
        {"around the newest", u"history hall 4 around 9"_s, range(7, 10), u"before"_s, 7, 0, {}},
        {"around the first", u"history hall 4 around 1"_s, range(1, 4), {}, 0, 0, {}},
        {"around beyond the last",
         u"history hall 2 around 99"_s,
         range(9, 10),
         u"before"_s,
         9,
         0,
         {}},
        {"around a later time",
         u"history hall 3 around "_s + later,
         range(8, 10),
         u"before"_s,
         8,
         0,
         {}},
        {"around an earlier time",
         u"history hall 3 around "_s + earlier,
         range(1, 3),
         {},
         0,
         0,
         {}},
        {"between two numbers", u"history hall between 2 6"_s, range(3, 5), {}, 0, 0, {}},
        {"between two numbers, a page",
         u"history hall 2 between 2 6"_s,
         range(3, 4),
         u"after"_s,
         4,
         0,
         {}},
        {"between two numbers, backwards",
         u"history hall 2 between 6 2"_s,
         range(4, 5),
         u"before"_s,
         4,
         0,
         {}},
        {"between neighbours", u"history hall between 2 3"_s, {}, {}, 0, 0, {}},
        {"between a number and itself", u"history hall between 4 4"_s, {}, {}, 0, 0, {}},
        {"between a number and 0", u"history hall between 3 0"_s, range(1, 2), {}, 0, 0, {}},
        {"between a number and a later time",
         u"history hall 3 between 5 "_s + later,
         range(6, 8),
         u"after"_s,
         8,
         0,
         {}},
        {"between a number and an earlier time",
         u"history hall 2 between 5 "_s + earlier,
         range(3, 4),
         u"before"_s,
         3,
         0,
         {}},
        {"between an earlier time and a number",
         u"history hall between "_s + earlier + u" 4"_s,
         range(1, 3),
         {},
         0,
         0,
         {}},
        {"between a later time and a number",
         u"history hall 2 between "_s + later + u" 7"_s,
         range(9, 10),
         u"before"_s,
         9,
         0,
         {}},
        {"between two times",
         u"history hall 2 between "_s + earlier + u" "_s + later,
         range(1, 2),
         u"after"_s,
         2,
         0,
         {}},
        {"between two times, backwards",
         u"history hall 2 between "_s + later + u" "_s + earlier,
         range(9, 10),
         u"before"_s,
         9,
         0,
         {}},
        {"between one point", u"history hall between 5"_s, {}, {}, 0, 461, usage},
        {"between a bad point", u"history hall between 5 soon"_s, {}, {}, 0, 461, usage},
        {"around nothing", u"history hall around"_s, {}, {}, 0, 461, usage},
        {"around with another side",
         u"history hall around 5 before "_s + later,
         {},
         {},
         0,
         461,
         usage},
        {"between three points", u"history hall between 1 5 9"_s, {}, {}, 0, 461, usage},
        {"the other side twice",
         u"history hall after 5 before "_s + later + u" before "_s + later,
         {},
         {},
         0,
         461,
         usage},
        {"the same side twice", u"history hall after 5 after "_s + earlier, {}, {}, 0, 461, usage},
        {"the other side a number", u"history hall after 5 before 8"_s, {}, {}, 0, 461, usage},
        {"a time without milliseconds",
         u"history hall before 2999-01-01T00:00:00Z"_s,
         {},
         {},
         0,
         461,
         usage},
        {"a time in another zone",
         u"history hall before 2999-01-01T00:00:00.000+01:00"_s,
         {},
         {},
         0,
         461,
         usage},
        {"1000", u"history hall 1000"_s, range(1, 10), {}, 0, 0, {}},
        {"count 0", u"history hall 0"_s, {}, {}, 0, 461, usage},
        {"count 1001", u"history hall 1001"_s, {}, {}, 0, 416, u"1000"_s},
        {"count 1001, no room", u"history 1001"_s, {}, {}, 0, 416, u"1000"_s},
        {"count too big for a number",
         u"history hall 99999999999999999999999"_s,
         {},
         {},
         0,
         461,
         usage},
        {"negative count", u"history hall -3"_s, {}, {}, 0, 461, usage},
        {"before without a number", u"history hall before"_s, {}, {}, 0, 461, usage},
        {"before abc", u"history hall before abc"_s, {}, {}, 0, 461, usage},
        {"after -1", u"history hall after -1"_s, {}, {}, 0, 461, usage},
        {"two counts", u"history hall 3 4"_s, {}, {}, 0, 461, usage},
        {"too many words", u"history hall 3 before 5 6"_s, {}, {}, 0, 461, usage},
        {"words after the room", u"history hall sideways"_s, {}, {}, 0, 461, usage},
        {"@ alone", u"history @"_s, {}, {}, 0, 461, usage},
        {"@ a bad nickname", u"history @b!d"_s, {}, {}, 0, 432, u"b!d"_s},
        {"unknown room", u"history nowhere"_s, {}, {}, 0, 403, u"nowhere"_s},
        {"a room not in", u"history games 3"_s, {}, {}, 0, 442, u"games"_s},
    };
    for (const Row &row : rows) {
        for (const char *database : {"sqlite", "memory"}) {
            QTest::addRow("%s, %s", row.name, database)
                << QString::fromLatin1(database) << row.request << row.seqs << row.next << row.from
                << row.error << row.subject;
        }
    }
}

void TestHistory::paging()
{
    QFETCH(QString, database);
    QFETCH(QString, request);
    QFETCH(QList<quint64>, seqs);
    QFETCH(QString, next);
    QFETCH(quint64, from);
    QFETCH(int, error);
    QFETCH(QString, subject);
    ServerConfig config;
    config.database = database;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    ServerFixture f(config);
    LineClient &bob = f.loggedIn(u"bob"_s);
    bob.send(u"create games"_s);
    bob.send(u"say not in the hall"_s);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    for (int i = 1; i <= 10; ++i)
        alice.send(u"say "_s + said(i));
    alice.sync();

    alice.send(u"@p "_s + request);
    if (error != 0) {
        const QStringList reply = alice.sync();
        QCOMPARE(reply.size(), 1);
        const Event event = TaggedCodec::parse(reply.first());
        QCOMPARE(event.kind, Event::Kind::Error);
        QCOMPARE(int(event.code), error);
        QCOMPARE(event.subject, subject);
        QCOMPARE(event.label, u"p"_s);
        return;
    }
    const Page page = readPage(alice);
    QCOMPARE(page.before, QList<Event>());
    QCOMPARE(seqsOf(page.lines), seqs);
    for (const Event &line : page.lines) {
        QCOMPARE(line.kind, Event::Kind::Message);
        QCOMPARE(line.room, u"hall"_s);
        QCOMPARE(line.text, said(int(line.seq)));
        QCOMPARE(line.label, u"p"_s);
    }
    QCOMPARE(page.end.kind, Event::Kind::HistoryEnd);
    QCOMPARE(page.end.room, u"hall"_s);
    QCOMPARE(page.end.subject, u"request"_s);
    QCOMPARE(page.end.count, qint64(seqs.size()));
    QCOMPARE(page.end.target, next);
    QCOMPARE(page.end.seq, from);
    QCOMPARE(page.end.label, u"p"_s);
    QCOMPARE(alice.sync(), QStringList());
}

void TestHistory::pagingText_data()
{
    QTest::addColumn<bool>("many");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QStringList>("expected");
    const QString line = u"[HH:mm] alice: line %1"_s;
    QTest::newRow("latest 3") << false << u"history hall 3"_s
                              << QStringList{u"--- 3 messages in hall, since HH:mm ---"_s,
                                             line.arg(8), line.arg(9), line.arg(10),
                                             u"--- older: history hall before 8 ---"_s};
    QTest::newRow("one line") << false << u"history 1"_s
                              << QStringList{u"--- 1 message in hall, since HH:mm ---"_s,
                                             line.arg(10),
                                             u"--- older: history hall before 10 ---"_s};
    QTest::newRow("after") << false << u"history hall 2 after 2"_s
                           << QStringList{u"--- 2 messages in hall, since HH:mm ---"_s, line.arg(3),
                                          line.arg(4), u"--- newer: history hall after 4 ---"_s};
    QTest::newRow("messages alone: the next page too")
        << false << u"history hall 2 messages"_s
        << QStringList{u"--- 2 messages in hall, since HH:mm ---"_s, line.arg(9), line.arg(10),
                       u"--- older: history hall messages before 9 ---"_s};
    QTest::newRow("messages alone, after")
        << false << u"history hall 1 messages after 2"_s
        << QStringList{u"--- 1 message in hall, since HH:mm ---"_s, line.arg(3),
                       u"--- newer: history hall messages after 3 ---"_s};
    QTest::newRow("the last page")
        << false << u"history hall 5 after 8"_s
        << QStringList{u"--- 2 messages in hall, since HH:mm ---"_s, line.arg(9), line.arg(10),
                       u"--- end of history ---"_s};
    QTest::newRow("nothing") << false << u"history hall after 10"_s
                             << QStringList{u"--- no messages in hall ---"_s};
    QTest::newRow("rooms many: the room on each line")
        << true << u"history hall 2"_s
        << QStringList{u"--- 2 messages in hall, since HH:mm ---"_s,
                       u"[HH:mm] [hall] alice: line 9"_s, u"[HH:mm] [hall] alice: line 10"_s,
                       u"--- older: history hall before 9 ---"_s};
    QTest::newRow("bad count") << false << u"history 0"_s
                               << QStringList{
                                      u"Error: Usage: history [room|@nick] [count] "
                                      "[messages] [before|after|around <number>|<time> | between "
                                      "<number>|<time> <number>|<time>]"_s};
    QTest::newRow("too many") << false << u"history 5000"_s
                              << QStringList{u"Error: At most 1000 lines per history request."_s};
}

void TestHistory::pagingText()
{
    QFETCH(bool, many);
    QFETCH(QString, request);
    QFETCH(QStringList, expected);
    ServerConfig config;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    ServerFixture f(config);
    const QDateTime from = QDateTime::currentDateTime();
    LineClient &alice = f.connect();
    alice.send(many ? u"set rooms many"_s : u"set rooms one"_s);
    QVERIFY(alice.login(u"alice"_s));
    for (int i = 1; i <= 10; ++i)
        alice.send(said(i));
    alice.sync();
    alice.send(request);
    QStringList lines = alice.sync();
    const QDateTime to = QDateTime::currentDateTime();
    for (QString &line : lines)
        line = maskTimes(line, from, to);
    QCOMPARE(lines, expected);
}

void TestHistory::privateHistory_data()
{
    QTest::addColumn<QString>("database");
    addDatabases("private messages");
}

void TestHistory::privateHistory()
{
    QFETCH(QString, database);
    ServerConfig config;
    config.database = database;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    // Ids are the server's, shared with room lines: 1 and 4 are said in the hall.
    alice.send(u"say in the hall"_s);
    alice.send(u"msg bob one"_s); // 2
    alice.sync();
    bob.send(u"msg alice two"_s); // 3
    bob.sync();
    bob.send(u"say also in the hall"_s); // 4
    bob.sync();
    carol.send(u"msg bob from carol"_s); // 5
    carol.sync();
    alice.send(u"msg BOB three"_s); // 6
    alice.sync();
    bob.send(u"msg alice four"_s); // 7
    bob.sync();
    for (LineClient *client : {&alice, &bob, &carol})
        client->sync();

    const auto page = [](LineClient &client, const QString &request) {
        client.send(request);
        Page page = readPage(client);
        QStringList texts;
        for (const Event &event : page.lines)
            texts << u"%1 %2>%3 %4"_s.arg(event.id).arg(event.nick, event.target, event.text);
        texts << u"end %1 %2 %3"_s.arg(page.end.nick, page.end.target).arg(page.end.seq);
        return texts;
    };
    // Both ends of a conversation see it whole, in order, and nothing of anyone else's.
    const QStringList whole{u"2 alice>bob one"_s, u"3 bob>alice two"_s, u"6 alice>bob three"_s,
                            u"7 bob>alice four"_s};
    QCOMPARE(page(alice, u"history @bob"_s), whole + QStringList{u"end bob  0"_s});
    QCOMPARE(page(bob, u"history @alice"_s), whole + QStringList{u"end alice  0"_s});
    // The peer's name in any case; the end line says it as it was asked for.
    QCOMPARE(page(alice, u"history @BOB 2"_s),
             (QStringList{u"6 alice>bob three"_s, u"7 bob>alice four"_s, u"end BOB before 6"_s}));
    QCOMPARE(page(alice, u"history @bob 2 before 6"_s),
             (QStringList{u"2 alice>bob one"_s, u"3 bob>alice two"_s, u"end bob  0"_s}));
    QCOMPARE(page(alice, u"history @bob 1 after 3"_s),
             (QStringList{u"6 alice>bob three"_s, u"end bob after 6"_s}));
    QCOMPARE(page(bob, u"history @carol"_s),
             (QStringList{u"5 carol>bob from carol"_s, u"end carol  0"_s}));
    // A third person cannot read it, by either name.
    QCOMPARE(page(carol, u"history @alice"_s), QStringList{u"end alice  0"_s});
    QCOMPARE(page(carol, u"history @bob"_s),
             (QStringList{u"5 carol>bob from carol"_s, u"end bob  0"_s}));
    QCOMPARE(page(carol, u"history @nobody"_s), QStringList{u"end nobody  0"_s});
    for (LineClient *client : {&alice, &bob, &carol})
        QCOMPARE(client->sync(), QStringList());

    // Private history belongs to the person: a new alice, after a logout, starts with none.
    alice.send(u"logout"_s);
    QVERIFY(alice.waitForDisconnected());
    LineClient &newAlice = f.taggedLoggedIn(u"alice"_s);
    QCOMPARE(page(newAlice, u"history @bob"_s), QStringList{u"end bob  0"_s});
}

void TestHistory::conversations_data()
{
    QTest::addColumn<QString>("database");
    addDatabases("conversations");
}

void TestHistory::conversations()
{
    QFETCH(QString, database);
    ServerConfig config;
    config.database = database;
    config.floodRate = 0;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    alice.send(u"say in the hall"_s);
    alice.sync();
    // Newest first, lines said in one millisecond come by name, people before rooms (oldest
    // first, the reverse): these come in that order too, so that the order is the same however
    // fast they are said.
    alice.send(u"msg CAROL one"_s);
    alice.sync();
    bob.send(u"msg alice two"_s);
    bob.sync();
    for (LineClient *client : {&alice, &bob, &carol})
        client->sync();

    // Each reply as "total first: conversation..." with the times left out (checked for form).
    const auto ask = [](LineClient &client, const QString &request) {
        client.send(request);
        QStringList replies;
        for (const QString &line : client.sync()) {
            const Event event = TaggedCodec::parse(line);
            if (event.kind != Event::Kind::Conversations) {
                replies << line;
                continue;
            }
            QStringList names;
            for (qsizetype i = 0; i + 1 < event.list.size(); i += 2) {
                names << event.list[i];
                if (!TimeAnchor::parse(event.list[i + 1]))
                    names << u"bad time "_s + event.list[i + 1];
            }
            replies << u"%1 %2: %3"_s.arg(event.count).arg(event.seq).arg(names.join(u' '));
        }
        return replies;
    };
    const QString earlier = u"2000-01-01T00:00:00.000Z"_s;
    const QString later = u"2999-01-01T00:00:00.000Z"_s;
    const QString all = u"conversations %1 %2"_s.arg(earlier, later);
    QCOMPARE(ask(alice, all), QStringList{u"3 0: hall @carol @bob"_s});
    QCOMPARE(ask(alice, u"conversations %1 %2 2"_s.arg(later, earlier)),
             QStringList{u"2 0: @bob @carol"_s});
    // Each end sees the other's.
    QCOMPARE(ask(bob, all), QStringList{u"2 0: hall @alice"_s});
    QCOMPARE(ask(carol, all), QStringList{u"2 0: hall @alice"_s});
    QCOMPARE(ask(alice, u"conversations %1 %1"_s.arg(later)), QStringList{u"0 0: "_s});
    // Bad arguments, and a count beyond the page limit.
    for (const QString &bad : {u"conversations"_s, u"conversations %1"_s.arg(earlier),
                               u"conversations %1 yesterday"_s.arg(earlier),
                               u"conversations %1 %2 0"_s.arg(earlier, later),
                               u"conversations %1 %2 1 2"_s.arg(earlier, later)}) {
        const QStringList replies = ask(alice, bad);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(TaggedCodec::parse(replies[0]).code, ErrorCode::NeedMoreParams);
    }
    const QStringList tooMany = ask(alice, u"conversations %1 %2 1001"_s.arg(earlier, later));
    QCOMPARE(tooMany.size(), 1);
    QCOMPARE(TaggedCodec::parse(tooMany[0]).code, ErrorCode::HistoryTooLong);
}

// A page of a thousand long lines (3 MB) comes at the pace of a reader who reads, whatever the
// output cap (256 KiB by default), and what is said meanwhile comes after it.
void TestHistory::longPageToAReader()
{
    ServerConfig config;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    QCOMPARE(config.maxOutputBytes, 256 * 1024);
    ServerFixture f(config);
    LineClient &writer = f.taggedLoggedIn(u"writer"_s);
    const QString filler(3000, u'x');
    QVERIFY(sayThousandLines(writer, filler));
    LineClient &reader = f.taggedLoggedIn(u"reader"_s);
    reader.send(u"@big history hall 1000"_s);
    const Event start = reader.readEvent();
    QCOMPARE(start.kind, Event::Kind::HistoryStart);
    QCOMPARE(start.count, qint64(1000));
    // The page is under way: what is said now waits for its end.
    for (int i = 1; i <= 20; ++i)
        writer.send(u"say meanwhile %1 "_s.arg(i) + filler);
    writer.sync();

    for (quint64 seq = 1; seq <= 1000; ++seq) {
        const Event line = reader.readEvent();
        QCOMPARE(line.kind, Event::Kind::Message);
        QCOMPARE(line.seq, seq);
        QCOMPARE(line.label, u"big"_s);
        QCOMPARE(line.text, u"%1 "_s.arg(seq) + filler);
    }
    const Event end = reader.readEvent();
    QCOMPARE(end.kind, Event::Kind::HistoryEnd);
    QCOMPARE(end.count, qint64(1000));
    QCOMPARE(end.target, QString());
    for (quint64 seq = 1001; seq <= 1020; ++seq) {
        const Event line = reader.readEvent();
        QCOMPARE(line.kind, Event::Kind::Message);
        QCOMPARE(line.seq, seq);
        QCOMPARE(line.label, QString());
    }
    QCOMPARE(reader.sync(), QStringList());
    QVERIFY(reader.isConnected());
    // The paced reply is over, and with it the object that paced it: an idle session keeps none
    // (thousands of idle sessions would each hold one).
    const Session *session = f.sessionOf(u"reader"_s);
    QVERIFY(session);
    QTRY_VERIFY(session->findChildren<ReplyStream *>().isEmpty());
    // A later reply is paced by a new one.
    reader.send(u"@again history hall 1"_s);
    QCOMPARE(reader.readEvent().kind, Event::Kind::HistoryStart);
    const Event last = reader.readEvent();
    QCOMPARE(last.seq, quint64(1020));
    QCOMPARE(last.label, u"again"_s);
    QCOMPARE(reader.readEvent().kind, Event::Kind::HistoryEnd);
    QTRY_VERIFY(session->findChildren<ReplyStream *>().isEmpty());
}

// A long page to a reader that reads it steadily while the room goes on talking: the page comes
// at the reader's pace and what is said meanwhile comes after it, the reader is not taken for a
// slow one. The page (8 MB) is longer than the kernel buffers take on loopback (about 3 MB), so
// that the server holds the rest; for each page line read (8 KB) the room says 1 KB, an eighth
// of the pace the reader reads at.
void TestHistory::longPageWhileTheRoomTalks()
{
    ServerConfig config;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    config.maxLineBytes = 16 * 1024;
    ServerFixture f(config);
    LineClient &writer = f.taggedLoggedIn(u"writer"_s);
    const QString filler(8000, u'x');
    QVERIFY(sayThousandLines(writer, filler, 20));
    LineClient reader;
    QVERIFY(reader.connectWithSmallWindow(f.port()));
    QVERIFY(reader.useTagged());
    reader.send(u"login reader"_s);
    reader.sync();
    reader.send(u"history hall 1000"_s);
    QCOMPARE(reader.readEvent().kind, Event::Kind::HistoryStart);
    const QString meanwhile(1000, u'm');
    for (quint64 seq = 1; seq <= 1000; ++seq) {
        const Event line = reader.readEvent();
        QVERIFY2(line.kind == Event::Kind::Message,
                 qPrintable(u"the reader was dropped after %1 lines of the page"_s.arg(seq - 1)));
        QCOMPARE(line.seq, seq);
        writer.send(u"say %1 "_s.arg(seq) + meanwhile);
        writer.sync();
    }
    QCOMPARE(reader.readEvent().kind, Event::Kind::HistoryEnd);
    for (quint64 seq = 1001; seq <= 2000; ++seq)
        QCOMPARE(reader.readEvent().seq, seq);
    QVERIFY(reader.isConnected());
}

// The same page to a connection that stops reading: held while others talk, until what waits
// for it passes the cap; then it is dropped like any slow reader, and the others go on.
void TestHistory::longPageToANonReader()
{
    ServerConfig config;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    // A reader that does not read is dropped by the output cap once its page is out, or, while
    // the page still waits for the kernel to take it (how much the kernel takes varies with the
    // machine's load), by the ping it cannot answer; the room's lines meanwhile are let go and
    // read back later, so the room never fills the queue.
    config.pingIntervalSeconds = 1;
    config.pingTimeoutSeconds = 1;
    ServerFixture f(config);
    LineClient &writer = f.loggedIn(u"writer"_s);
    const QString filler(3000, u'x');
    QVERIFY(sayThousandLines(writer, filler));
    LineClient &slow = f.taggedLoggedIn(u"slow"_s);
    writer.sync();
    slow.socket().setReadBufferSize(1024);
    slow.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    slow.send(u"history hall 1000"_s);
    bool dropped = false;
    for (QDeadlineTimer deadline(30'000); !deadline.hasExpired() && !dropped;) {
        for (int i = 0; i < 10; ++i)
            writer.send(u"say more "_s + filler);
        const QStringList seen = writer.sync();
        dropped = seen.contains(u"* slow lost the connection; their place is kept for a while."_s);
    }
    QVERIFY2(dropped, "the reader that does not read was never dropped");
    writer.send(u"still here"_s);
    QCOMPARE(writer.sync(), QStringList{u"writer: still here"_s});
}

// A reader that takes nothing of a long page but keeps sending is never pinged (it is not
// idle) and holds nothing that fills its queue: the page's wait for it ends after
// --stall-timeout.
void TestHistory::stalledReaderIsDropped()
{
    ServerConfig config;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    config.stallTimeoutSeconds = 1;
    ServerFixture f(config);
    LineClient &writer = f.loggedIn(u"writer"_s);
    const QString filler(3000, u'x');
    QVERIFY(sayThousandLines(writer, filler));
    LineClient &slow = f.taggedLoggedIn(u"slow"_s);
    writer.sync();
    slow.socket().setReadBufferSize(1024);
    slow.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    // 12 MB of pages, one after the other: more than the kernel's buffers on both ends take
    // (4 MB for a sender here), so that a page waits whatever the machine's settings.
    for (int page = 0; page < 4; ++page)
        slow.send(u"history hall 1000"_s);
    // Nothing but the pages is written to it (a pong is answered with nothing, the writer says
    // nothing meanwhile) and a page waits at half the output cap: neither the cap nor the ping
    // (after 90 s) can be what drops it.
    QElapsedTimer waited;
    waited.start();
    bool dropped = false;
    for (QDeadlineTimer deadline(30'000); !deadline.hasExpired() && !dropped;) {
        slow.send(u"pong busy"_s); // a line that is answered with nothing
        dropped = writer.sync().contains(
            u"* slow lost the connection; their place is kept for a while."_s);
    }
    QVERIFY2(dropped, "the reader that takes nothing was never dropped");
    // Not before the page had waited the timeout.
    QVERIFY2(waited.elapsed() >= 1000, qPrintable(QString::number(waited.elapsed())));
    // Counted with the readers that did not read (output-cap).
    QCOMPARE(f.server().metrics().disconnects[std::size_t(ServerMetrics::Disconnect::OutputCap)],
             1);
}

void TestHistory::messagesOnly_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QList<quint64>>("seqs"); // the page's lines
    QTest::addColumn<QString>("next");        // where the next page starts: before, after, ""
    QTest::addColumn<quint64>("from");
    // The hall holds 1 line 1, 2 a topic, 3 line 2, 4 a topic, 5 line 3, 6 line 4, 7 a topic.
    for (const QString &database : {u"sqlite"_s, u"memory"_s}) {
        const char *d = database == u"sqlite" ? "sqlite" : "memory";
        QTest::addRow("%s: topics are history", d)
            << database << u"history hall 3"_s << QList<quint64>{5, 6, 7} << u"before"_s
            << quint64(5);
        QTest::addRow("%s: the newest messages", d)
            << database << u"history hall 3 messages"_s << QList<quint64>{3, 5, 6} << u"before"_s
            << quint64(3);
        QTest::addRow("%s: before", d) << database << u"history hall 2 messages before 5"_s
                                       << QList<quint64>{1, 3} << QString() << quint64(0);
        QTest::addRow("%s: after", d) << database << u"history hall 1 messages after 1"_s
                                      << QList<quint64>{3} << u"after"_s << quint64(3);
        QTest::addRow("%s: around a topic", d) << database << u"history hall 2 messages around 4"_s
                                               << QList<quint64>{3, 5} << u"before"_s << quint64(3);
        QTest::addRow("%s: between", d) << database << u"history hall messages between 1 7"_s
                                        << QList<quint64>{3, 5, 6} << QString() << quint64(0);
    }
}

// IRC's CHATHISTORY without draft/event-playback may be sent messages alone: "messages" leaves
// the topic changes out of the page, which still holds as many lines as asked for.
void TestHistory::messagesOnly()
{
    QFETCH(QString, database);
    QFETCH(QString, request);
    QFETCH(QList<quint64>, seqs);
    QFETCH(QString, next);
    QFETCH(quint64, from);
    ServerConfig config;
    config.database = database;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    ServerFixture f(config);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    const QStringList said = {u"say line 1"_s, u"topic first"_s, u"say line 2"_s, u"topic second"_s,
                              u"say line 3"_s, u"say line 4"_s,  u"topic third"_s};
    for (const QString &line : said)
        alice.send(line);
    alice.sync();

    alice.send(u"@p "_s + request);
    const Page page = readPage(alice);
    QCOMPARE(seqsOf(page.lines), seqs);
    for (const Event &line : page.lines) {
        const bool topic = said[qsizetype(line.seq) - 1].startsWith(u"topic"_s);
        QCOMPARE(line.kind, topic ? Event::Kind::TopicChanged : Event::Kind::Message);
    }
    QCOMPARE(page.end.target, next);
    QCOMPARE(page.end.seq, from);
}

void TestHistory::restart_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<bool>("kept");
    QTest::newRow("sqlite: everything kept") << u"sqlite"_s << true;
    QTest::newRow("memory: everything forgotten") << u"memory"_s << false;
}

// Rooms, topics, history and numbering carry on across a restart on the same data folder.
void TestHistory::restart()
{
    QFETCH(QString, database);
    QFETCH(bool, kept);
    QTemporaryDir data;
    QVERIFY(data.isValid());
    ServerConfig config;
    config.database = database;
    config.dataDirectory = data.path();
    config.durability = StoreOptions::Durability::Normal;
    config.floodRate = 0;
    QList<Event> before;
    {
        ServerFixture f(config);
        QVERIFY(f.isListening());
        LineClient &alice = f.taggedLoggedIn(u"alice"_s);
        LineClient &bob = f.taggedLoggedIn(u"bob"_s);
        alice.send(u"say h1"_s);
        alice.send(u"create games"_s);
        QStringList lines = alice.sync(); // games is made before anything is said in it
        alice.send(u"topic #games dice"_s);
        alice.send(u"say #games g1"_s);
        alice.send(u"say #hall h2"_s);
        alice.send(u"msg bob p1"_s);
        alice.send(u"me #games rolls"_s);
        lines += alice.sync();
        for (const QString &line : std::as_const(lines)) {
            const Event event = TaggedCodec::parse(line);
            if (event.id != 0)
                before << event;
        }
        bob.sync();
        QCOMPARE(before.size(), 6);
        QCOMPARE(before.last().id, quint64(6));
    }

    ServerFixture f(config);
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    if (kept) { // when the topic was set and the room made (IRC's 333 and 329)
        const Room *games = f.server().processor().directory().room(u"games"_s);
        QVERIFY(games);
        const auto topic = std::find_if(before.cbegin(), before.cend(), [](const Event &event) {
            return event.kind == Event::Kind::TopicChanged;
        });
        QVERIFY(topic != before.cend());
        QCOMPARE(games->topicTime(), topic->time);
        QVERIFY(games->created().isValid());
        QVERIFY(games->created() <= games->topicTime());
    }
    LineClient &carol = f.taggedLoggedIn(u"carol"_s);
    carol.send(u"list"_s);
    const QStringList rooms =
        kept ? QStringList{u"hall"_s, u"1"_s, QString(), u"games"_s, u"0"_s, u"dice"_s}
             : QStringList{u"hall"_s, u"1"_s, QString()};
    QCOMPARE(carol.readEvent().kind, Event::Kind::ListingStart);
    QCOMPARE(carol.readEvent().list, rooms);
    QCOMPARE(carol.readEvent().kind, Event::Kind::ListingEnd);
    carol.send(u"history hall"_s);
    const Page hall = readPage(carol);
    carol.send(u"join games"_s);
    const QStringList games = carol.sync();
    carol.send(u"say #hall h3"_s);
    const Event next = carol.readEvent();
    if (!kept) {
        QCOMPARE(hall.lines, QList<Event>());
        QCOMPARE(TaggedCodec::parse(games.value(0)).code, ErrorCode::NoSuchRoom);
        QCOMPARE(next.seq, quint64(1));
        QCOMPARE(next.id, quint64(1));
        return;
    }
    // The same lines, with their ids, sequence numbers and times.
    const auto in = [&before](const QString &room) {
        QList<Event> lines;
        for (Event event : before) {
            if (event.room == room) {
                event.label.clear();
                lines << event;
            }
        }
        return lines;
    };
    QCOMPARE(hall.lines, in(u"hall"_s));
    QCOMPARE(games.size(), 3 + 2 + 3); // join, topic, users, then three lines between markers
    QCOMPARE(TaggedCodec::parse(games.at(1)).kind, Event::Kind::Topic);
    QCOMPARE(TaggedCodec::parse(games.at(1)).text, u"dice"_s);
    QList<Event> gamesLines;
    for (const QString &line : games.mid(4, 3))
        gamesLines << TaggedCodec::parse(line);
    QCOMPARE(gamesLines, in(u"games"_s));
    // Numbering goes on where it stopped: the hall's next seq, the server's next id.
    QCOMPARE(next.kind, Event::Kind::Message);
    QCOMPARE(next.seq, quint64(3));
    QCOMPARE(next.id, quint64(7));
    carol.send(u"create games"_s);
    QCOMPARE(carol.readEvent().code, ErrorCode::RoomExists);
    // Private history belongs to a person, and a restart starts new people.
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    alice.send(u"history @bob"_s);
    const Page privates = readPage(alice);
    QCOMPARE(privates.lines, QList<Event>());
    QCOMPARE(privates.end.kind, Event::Kind::HistoryEnd);
}

// Durable before visible: with the database at its size limit, a line is refused with 507
// before anyone sees it, the server goes on, and numbering has no gap once there is room again.
void TestHistory::fullDatabase()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    ServerConfig config;
    config.dataDirectory = data.path();
    config.durability = StoreOptions::Durability::Normal;
    config.floodRate = 0;
    config.historyOnJoin = 0;
    config.maxDatabaseMegabytes = 1; // 256 pages of 4 KiB: about 250 lines of 4000 bytes
    const QString filler(3990, u'f');
    QStringList seen; // the texts bob saw, in order
    quint64 lastSeq = 0;
    {
        ServerFixture f(config);
        QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
        LineClient &alice = f.taggedLoggedIn(u"alice"_s);
        LineClient &bob = f.taggedLoggedIn(u"bob"_s);
        alice.sync();
        int refused = 0;
        QStringList accepted;
        // Long lines until the store refuses one, then short ones: each is either refused or
        // shown with the next sequence number.
        for (int i = 1; i <= 600 && refused < 5; ++i) {
            const QString text = u"%1 "_s.arg(i) + (refused == 0 ? filler : u"short"_s);
            alice.send(u"@s%1 say "_s.arg(i) + text);
            const Event reply = alice.readEvent();
            if (reply.kind == Event::Kind::Error) {
                QCOMPARE(reply.code, ErrorCode::StorageFailed);
                QCOMPARE(reply.subject, u"full"_s);
                QCOMPARE(reply.label, u"s%1"_s.arg(i));
                ++refused;
                continue;
            }
            QCOMPARE(reply.kind, Event::Kind::Message);
            QCOMPARE(reply.text, text);
            QCOMPARE(reply.seq, lastSeq + 1);
            lastSeq = reply.seq;
            accepted << text;
        }
        QVERIFY2(refused > 0, "the database never filled up");
        qInfo("%d lines stored, %d refused", int(accepted.size()), refused);
        QVERIFY(lastSeq > 100);
        for (const QString &line : bob.sync())
            seen << TaggedCodec::parse(line).text;
        QCOMPARE(seen, accepted); // nobody saw a refused line
        // The server goes on: what needs no storage works.
        alice.send(u"look"_s);
        QCOMPARE(alice.readEvent().kind, Event::Kind::Users);
        QVERIFY(alice.isConnected());
        QVERIFY(bob.isConnected());
    }
    // Room again: numbering goes on from the last line anyone saw.
    config.maxDatabaseMegabytes = 0;
    ServerFixture f(config);
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    alice.send(u"say there is room again"_s);
    const Event next = alice.readEvent();
    QCOMPARE(next.kind, Event::Kind::Message);
    QCOMPARE(next.seq, lastSeq + 1);
    alice.send(u"history hall 1000 after 0"_s);
    const Page page = readPage(alice);
    QCOMPARE(seqsOf(page.lines), range(1, lastSeq + 1));
    QStringList stored;
    for (const Event &line : page.lines)
        stored << line.text;
    QCOMPARE(stored, seen + QStringList{u"there is room again"_s});
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
