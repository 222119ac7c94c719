// SPDX-License-Identifier: MIT
// The tagged rendering end to end: what a program such as chat-client reads.
#include "ServerFixture.h"
#include "TaggedCodec.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Reads events until one of kind arrives; fails the comparison with Kind::Invalid otherwise.
Event next(LineClient &client, Event::Kind kind)
{
    for (;;) {
        const Event event = client.readEvent();
        if (!event.isValid() || event.kind == kind)
            return event;
    }
}

} // namespace

class TestTaggedSession : public QObject
{
    Q_OBJECT

private slots:
    void optIn();
    void loginSequence();
    void labelsMatchReplies();
    void everyKind();
    void awkwardTextRoundTrips_data();
    void awkwardTextRoundTrips();
    void errorsCarryCodes_data();
    void errorsCarryCodes();
    void timestampsAreUtcAndFresh();
    void arrivalsTogetherInOneLine();
    void messageIdsIncrease();
};

void TestTaggedSession::optIn()
{
    ServerFixture f;
    LineClient &client = f.connect();
    client.send(u"set tagged on"_s);
    const Event ok = client.readEvent();
    QCOMPARE(ok.kind, Event::Kind::Ok);
    QCOMPARE(ok.command, u"set"_s);
    QCOMPARE(ok.list, (QStringList{u"tagged"_s, u"on"_s}));
    const Event welcome = client.readEvent();
    QCOMPARE(welcome.kind, Event::Kind::Welcome);
    QCOMPARE(welcome.text, u"test"_s);
    QCOMPARE(welcome.subject, QString(Protocol::Version));
}

void TestTaggedSession::loginSequence()
{
    ServerFixture f;
    LineClient &alice = f.connect();
    QVERIFY(alice.useTagged());
    alice.send(u"@L1 login alice"_s);
    Event e = alice.readEvent();
    QCOMPARE(e.kind, Event::Kind::Ok);
    QCOMPARE(e.label, u"L1"_s);
    // The nickname, the resume token (128 bits in hex) and the grace period in seconds.
    QCOMPARE(e.list.size(), 3);
    QCOMPARE(e.list.at(0), u"alice"_s);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(e.list.at(1)).hasMatch());
    QCOMPARE(e.list.at(2), u"120"_s);
    e = alice.readEvent();
    QCOMPARE(e.kind, Event::Kind::Join);
    QCOMPARE(e.label, u"L1"_s);
    QCOMPARE(e.room, u"hall"_s);
    QCOMPARE(e.nick, u"alice"_s);
    e = alice.readEvent();
    QCOMPARE(e.kind, Event::Kind::Users);
    QCOMPARE(e.label, u"L1"_s);
    QCOMPARE(e.list, (QStringList{u"alice"_s, QString()}));
}

void TestTaggedSession::labelsMatchReplies()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QVERIFY(alice.isConnected());
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    QVERIFY(bob.isConnected());
    alice.sync();

    alice.send(u"@m-1 hello"_s);
    const Event own = alice.readEvent();
    QCOMPARE(own.kind, Event::Kind::Message);
    QCOMPARE(own.label, u"m-1"_s);
    const Event theirs = bob.readEvent();
    QCOMPARE(theirs.kind, Event::Kind::Message);
    QCOMPARE(theirs.label, QString()); // the label is only for the sender
    QCOMPARE(theirs.id, own.id);

    alice.send(u"@x.2 join nowhere"_s);
    const Event error = alice.readEvent();
    QCOMPARE(error.kind, Event::Kind::Error);
    QCOMPARE(error.label, u"x.2"_s);
    QCOMPARE(error.code, ErrorCode::NoSuchRoom);
    QCOMPARE(error.command, u"join"_s);
    QCOMPARE(error.subject, u"nowhere"_s);

    alice.send(u"@bad!label who"_s);
    const Event badLabel = alice.readEvent();
    QCOMPARE(badLabel.code, ErrorCode::BadInput);
    QCOMPARE(badLabel.subject, u"label"_s);
}

void TestTaggedSession::everyKind()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QVERIFY(alice.isConnected());
    LineClient &bob = f.loggedIn(u"bob"_s);
    QCOMPARE(next(alice, Event::Kind::Join).nick, u"bob"_s);

    bob.send(u"me waves"_s);
    const Event action = next(alice, Event::Kind::Action);
    QCOMPARE(action.nick, u"bob"_s);
    QCOMPARE(action.text, u"waves"_s);

    bob.send(u"msg alice psst"_s);
    const Event pm = next(alice, Event::Kind::Private);
    QCOMPARE(pm.nick, u"bob"_s);
    QCOMPARE(pm.target, u"alice"_s);
    QCOMPARE(pm.text, u"psst"_s);

    bob.send(u"topic new topic"_s);
    const Event topic = next(alice, Event::Kind::TopicChanged);
    QCOMPARE(topic.room, u"hall"_s);
    QCOMPARE(topic.nick, u"bob"_s);
    QCOMPARE(topic.text, u"new topic"_s);

    bob.send(u"nick robert"_s);
    const Event nick = next(alice, Event::Kind::NickChange);
    QCOMPARE(nick.nick, u"bob"_s);
    QCOMPARE(nick.target, u"robert"_s);

    alice.send(u"who"_s);
    QCOMPARE(next(alice, Event::Kind::Who).list,
             (QStringList{u"alice"_s, u"hall"_s, QString(), u"robert"_s, u"hall"_s, QString()}));
    alice.send(u"list"_s);
    QCOMPARE(next(alice, Event::Kind::Rooms).list,
             (QStringList{u"hall"_s, u"2"_s, u"new topic"_s}));
    alice.send(u"look"_s);
    QCOMPARE(next(alice, Event::Kind::Users).userNicks(), (QStringList{u"alice"_s, u"robert"_s}));
    alice.send(u"topic"_s);
    QCOMPARE(next(alice, Event::Kind::Topic).text, u"new topic"_s);
    alice.send(u"help say"_s);
    QCOMPARE(next(alice, Event::Kind::Help).list.first(), u"say [#room] <text>"_s);
    alice.send(u"set"_s);
    QCOMPARE(next(alice, Event::Kind::Settings).list,
             (QStringList{u"time"_s, u"off"_s, u"tagged"_s, u"on"_s, u"lang"_s, u"en"_s, u"rooms"_s,
                          u"many"_s, u"invisible"_s, u"off"_s}));
    alice.send(u"ping abc"_s);
    QCOMPARE(next(alice, Event::Kind::Pong).subject, u"abc"_s);

    bob.send(u"create games"_s);
    const Event leave = next(alice, Event::Kind::Leave);
    QCOMPARE(leave.nick, u"robert"_s);
    QCOMPARE(leave.subject, u"part"_s);

    // A program is in several rooms at once: joining adds games, alice stays in the hall.
    alice.send(u"join games"_s);
    QCOMPARE(next(alice, Event::Kind::Join).room, u"games"_s);
    alice.send(u"who"_s);
    QCOMPARE(
        next(alice, Event::Kind::Who).list,
        (QStringList{u"alice"_s, u"hall,games"_s, QString(), u"robert"_s, u"games"_s, QString()}));
    bob.abort();
    const Event lost = next(alice, Event::Kind::Presence);
    QCOMPARE(lost.room, u"games"_s);
    QCOMPARE(lost.nick, u"robert"_s);
    QCOMPARE(lost.subject, u"reconnecting"_s);

    alice.send(u"logout"_s);
    QCOMPARE(next(alice, Event::Kind::Bye).subject, u"logout"_s);
    QVERIFY(alice.waitForDisconnected());
}

void TestTaggedSession::awkwardTextRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("inner spaces") << u"a  b   c"_s;
    QTest::newRow("backslashes") << u"C:\\path\\ and \\s and \\-"_s;
    QTest::newRow("tab") << u"col1\tcol2"_s;
    QTest::newRow("emoji") << u"🎉 party 👩‍👩‍👧"_s;
    QTest::newRow("chinese") << u"你好，世界！"_s;
    QTest::newRow("lone dash") << u"-"_s;
    QTest::newRow("escape lookalike") << u"\\x41"_s;
    QTest::newRow("html") << u"<b>bold</b> & <script>"_s;
}

void TestTaggedSession::awkwardTextRoundTrips()
{
    QFETCH(QString, text);
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QVERIFY(alice.isConnected());
    alice.send(u"say "_s + text);
    const Event message = alice.readEvent();
    QCOMPARE(message.kind, Event::Kind::Message);
    QCOMPARE(message.text, text);
}

void TestTaggedSession::errorsCarryCodes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("subject");
    QTest::newRow("401") << u"msg nobody hi"_s << 401 << u"nobody"_s;
    QTest::newRow("403") << u"join nowhere"_s << 403 << u"nowhere"_s;
    QTest::newRow("409") << u"create hall"_s << 409 << u"hall"_s;
    QTest::newRow("412") << u"say"_s << 412 << QString();
    QTest::newRow("421") << u"/fly away"_s << 421 << u"fly"_s;
    QTest::newRow("432") << u"nick no way"_s << 432 << u"no way"_s;
    QTest::newRow("433") << u"nick bob"_s << 433 << u"bob"_s;
    QTest::newRow("443") << u"join hall"_s << 443 << u"hall"_s;
    QTest::newRow("461") << u"msg"_s << 461 << u"msg <nick> <text>"_s;
    QTest::newRow("462") << u"login again"_s << 462 << u"alice"_s;
    QTest::newRow("479") << u"create no way"_s << 479 << u"no way"_s;
}

void TestTaggedSession::errorsCarryCodes()
{
    QFETCH(QString, line);
    QFETCH(int, code);
    QFETCH(QString, subject);
    ServerFixture f;
    f.loggedIn(u"bob"_s);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QVERIFY(alice.isConnected());
    alice.send(u"@e "_s + line);
    const Event error = alice.readEvent();
    QCOMPARE(error.kind, Event::Kind::Error);
    QCOMPARE(int(error.code), code);
    QCOMPARE(error.subject, subject);
    QCOMPARE(error.label, u"e"_s);
    QCOMPARE(error.text, Event::errorText(error.code, error.command, subject));
}

// Logins that reach the server in the same moment are announced in one line; each newcomer
// hears only of those who came after it (the others are in the users list it got).
void TestTaggedSession::arrivalsTogetherInOneLine()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.connect();
    LineClient &carol = f.connect();
    LineClient &dave = f.connect();
    QVERIFY(carol.useTagged());
    bob.send(u"login bob"_s);
    carol.send(u"login carol"_s);
    dave.send(u"login dave"_s);

    const Event joins = alice.readEvent();
    QCOMPARE(joins.kind, Event::Kind::Joins);
    QCOMPARE(joins.room, u"hall"_s);
    QStringList arrived = joins.list;
    arrived.sort();
    QCOMPARE(arrived, (QStringList{u"bob"_s, u"carol"_s, u"dave"_s}));
    QCOMPARE(alice.sync(), QStringList());

    // What carol was told adds up to everyone, each once, whatever her place in the crowd.
    QStringList known;
    for (const QString &line : carol.sync()) {
        const Event event = TaggedCodec::parse(line);
        if (event.kind == Event::Kind::Users)
            known += event.userNicks();
        else if (event.kind == Event::Kind::Joins)
            known += event.list;
        else if (event.kind == Event::Kind::Join && event.nick != u"carol"_s)
            known << event.nick;
    }
    known.sort();
    QCOMPARE(known, (QStringList{u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s}));
    QVERIFY(dave.isConnected());
    QVERIFY(bob.isConnected());
}

void TestTaggedSession::timestampsAreUtcAndFresh()
{
    ServerFixture f;
    LineClient &alice = f.connect();
    QVERIFY(alice.useTagged());
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    alice.send(u"ping"_s);
    const Event pong = alice.readEvent();
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
    QCOMPARE(pong.kind, Event::Kind::Pong);
    QCOMPARE(pong.time.timeSpec(), Qt::UTC);
    QVERIFY(pong.time >= before && pong.time <= after);
}

void TestTaggedSession::messageIdsIncrease()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    QVERIFY(alice.isConnected());
    quint64 last = 0;
    for (int i = 0; i < 5; ++i) {
        alice.send(u"say %1"_s.arg(i));
        const Event message = alice.readEvent();
        QCOMPARE(message.text, QString::number(i));
        QVERIFY(message.id > last);
        last = message.id;
    }
}

QTEST_GUILESS_MAIN(TestTaggedSession)
#include "tst_taggedsession.moc"
