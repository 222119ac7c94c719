// SPDX-License-Identifier: MIT
// Names that would let someone pass for someone else are refused; names in every script that
// are merely different still work. Each row asks for a name while another one is in use (a
// person logged in, or a room), through a real server, and says what the answer must be:
// accepted, taken (433/409, naming the one in use) or not a valid name (432/479).
#include "ServerFixture.h"
#include "TaggedCodec.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

enum class Outcome { Accepted, Taken, Invalid };

// The reply to the last command, skipping what the server sends besides (arrivals, ...).
Event replyTo(LineClient &client, const QString &label)
{
    for (const QString &line : client.sync()) {
        const Event event = TaggedCodec::parse(line);
        if (event.label == label &&
            (event.kind == Event::Kind::Error || event.kind == Event::Kind::Ok ||
             event.kind == Event::Kind::Join))
            return event;
    }
    return {};
}

void addNameColumns()
{
    QTest::addColumn<QString>("present"); // in use first; empty: nothing
    QTest::addColumn<QString>("name");    // asked for
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("subject"); // of the error
}

} // namespace

Q_DECLARE_METATYPE(Outcome)

class TestLookalikes : public QObject
{
    Q_OBJECT

private slots:
    void nicknames_data();
    void nicknames();
    void rooms_data();
    void rooms();
    void heldNameStaysTaken();
    void renames();
};

void TestLookalikes::nicknames_data()
{
    addNameColumns();
    const auto A = Outcome::Accepted;
    const auto T = Outcome::Taken;
    const auto I = Outcome::Invalid;
    // clang-format off
    // Confusable with someone present: taken, and the reply names who.
    QTest::newRow("fullwidth letter") << u"alice"_s << u"\uff21lice"_s << T << u"Alice"_s;
    QTest::newRow("mathematical bold letter") << u"alice"_s << u"\U0001d41alice"_s << T << u"alice"_s;
    QTest::newRow("ligature fi") << u"fiona"_s << u"\ufb01ona"_s << T << u"fiona"_s;
    QTest::newRow("same name in capitals") << u"alice"_s << u"ALICE"_s << T << u"ALICE"_s;
    QTest::newRow("digit one for l") << u"alice"_s << u"a1ice"_s << T << u"alice"_s;
    QTest::newRow("capital I for l") << u"alice"_s << u"aIice"_s << T << u"alice"_s;
    QTest::newRow("digit zero for o") << u"bob"_s << u"b0b"_s << T << u"bob"_s;
    QTest::newRow("rn for m") << u"emma"_s << u"ernrna"_s << T << u"emma"_s;
    QTest::newRow("m for rn") << u"ernrna"_s << u"emma"_s << T << u"ernrna"_s;
    QTest::newRow("all-Cyrillic look-alike of a Latin name") << u"cop"_s << u"\u0441\u043e\u0440"_s << T << u"cop"_s;
    QTest::newRow("all-Greek look-alike of a Latin name") << u"abe"_s << u"\u0391\u0392\u0395"_s << T << u"abe"_s;
    QTest::newRow("Lisu letter before Latin") << u"alice"_s << u"\ua4eelice"_s << T << u"alice"_s;
    // Mixed scripts, the way spoofs are made: not a name at all, whoever is present.
    QTest::newRow("Cyrillic a in a Latin name") << u"alice"_s << u"\u0430lice"_s << I << u"\u0430lice"_s;
    QTest::newRow("Greek omicron in a Latin name") << u"bob"_s << u"b\u03bfb"_s << I << u"b\u03bfb"_s;
    QTest::newRow("Cyrillic and Latin, nobody alike") << QString() << u"\u0418\u0432\u0430\u043dov"_s << I << u"\u0418\u0432\u0430\u043dov"_s;
    QTest::newRow("Greek and Latin, nobody alike") << QString() << u"\u0395\u03bbenh"_s << I << u"\u0395\u03bbenh"_s;
    QTest::newRow("digits of two systems") << QString() << u"x1\u0663"_s << I << u"x1\u0663"_s;
    QTest::newRow("one accent twice") << QString() << u"e\u0301\u0301"_s << I << u"\u00e9\u0301"_s;
    // Malformed, as before.
    QTest::newRow("emoji") << QString() << u"bob\U0001f600"_s << I << u"bob\U0001f600"_s;
    QTest::newRow("zero width joiner") << u"alice"_s << u"ali\u200dce"_s << I << u"ali\u200dce"_s;
    // Different names, each in one script, beside each other: accepted.
    QTest::newRow("Chinese") << u"alice"_s << u"\u5f20\u4f1f"_s << A << QString();
    QTest::newRow("Chinese beside a near one") << u"\u5f20\u73ae"_s << u"\u5f20\u4f1f"_s << A << QString();
    QTest::newRow("Japanese kanji and kana") << u"alice"_s << u"\u7530\u4e2d\u305f\u306a\u304b"_s << A << QString();
    QTest::newRow("Korean") << u"alice"_s << u"\uae40\ubbfc\uc218"_s << A << QString();
    QTest::newRow("Cyrillic beside its Latin spelling") << u"Ivan"_s << u"\u0418\u0432\u0430\u043d"_s << A << QString();
    QTest::newRow("Greek beside its Latin spelling") << u"Eleni"_s << u"\u0395\u03bb\u03ad\u03bd\u03b7"_s << A << QString();
    QTest::newRow("Latin") << u"bob"_s << u"alice"_s << A << QString();
    QTest::newRow("Latin with an accent beside the plain name") << u"alice"_s << u"al\u00edce"_s << A << QString();
    QTest::newRow("Latin with Chinese") << u"alice"_s << u"\u5f20\u4f1fabc"_s << A << QString();
    QTest::newRow("digits of one system") << u"alice"_s << u"alice2"_s << A << QString();
    // clang-format on
}

void TestLookalikes::nicknames()
{
    QFETCH(QString, present);
    QFETCH(QString, name);
    QFETCH(Outcome, outcome);
    QFETCH(QString, subject);
    ServerFixture f;
    QVERIFY(f.isListening());
    if (!present.isEmpty())
        f.taggedLoggedIn(present);
    LineClient &asker = f.connect();
    QVERIFY(asker.useTagged());
    asker.send(u"@n login "_s + name);
    const Event reply = replyTo(asker, u"n"_s);
    switch (outcome) {
    case Outcome::Accepted:
        QCOMPARE(reply.kind, Event::Kind::Ok);
        break;
    case Outcome::Taken:
        QCOMPARE(reply.code, ErrorCode::NickInUse);
        QCOMPARE(reply.subject, subject);
        break;
    case Outcome::Invalid:
        QCOMPARE(reply.code, ErrorCode::BadNick);
        QCOMPARE(reply.subject, subject);
        break;
    }
}

void TestLookalikes::rooms_data()
{
    addNameColumns();
    const auto A = Outcome::Accepted;
    const auto T = Outcome::Taken;
    const auto I = Outcome::Invalid;
    // clang-format off
    QTest::newRow("same name in capitals") << u"games"_s << u"Games"_s << T << u"Games"_s;
    QTest::newRow("fullwidth") << u"games"_s << u"\uff47\uff41\uff4d\uff45\uff53"_s << T << u"games"_s;
    QTest::newRow("rn for m") << u"games"_s << u"garnes"_s << T << u"games"_s;
    QTest::newRow("digits for letters") << u"hall"_s << u"ha11"_s << T << u"hall"_s;
    QTest::newRow("all-Cyrillic look-alike") << u"cop"_s << u"\u0441\u043e\u0440"_s << T << u"cop"_s;
    QTest::newRow("Cyrillic a in a Latin name") << u"games"_s << u"g\u0430mes"_s << I << u"g\u0430mes"_s;
    QTest::newRow("Greek and Latin") << QString() << u"\u03b1lpha"_s << I << u"\u03b1lpha"_s;
    QTest::newRow("Cyrillic beside Latin") << u"chat"_s << u"\u0447\u0430\u0442"_s << A << QString();
    QTest::newRow("Chinese") << u"games"_s << u"\u6e38\u620f"_s << A << QString();
    QTest::newRow("Greek") << u"games"_s << u"\u03c0\u03b1\u03b9\u03c7\u03bd\u03af\u03b4\u03b9\u03b1"_s << A << QString();
    QTest::newRow("accent makes another name") << u"cafe"_s << u"caf\u00e9"_s << A << QString();
    // clang-format on
}

void TestLookalikes::rooms()
{
    QFETCH(QString, present);
    QFETCH(QString, name);
    QFETCH(Outcome, outcome);
    QFETCH(QString, subject);
    ServerFixture f;
    QVERIFY(f.isListening());
    LineClient &owner = f.taggedLoggedIn(u"owner"_s);
    if (!present.isEmpty() && present != u"hall"_s) {
        owner.send(u"@c create "_s + present);
        QCOMPARE(replyTo(owner, u"c"_s).kind, Event::Kind::Join);
    }
    LineClient &asker = f.taggedLoggedIn(u"asker"_s);
    asker.send(u"@r create "_s + name);
    const Event reply = replyTo(asker, u"r"_s);
    switch (outcome) {
    case Outcome::Accepted:
        QCOMPARE(reply.kind, Event::Kind::Join);
        break;
    case Outcome::Taken:
        QCOMPARE(reply.code, ErrorCode::RoomExists);
        QCOMPARE(reply.subject, subject);
        break;
    case Outcome::Invalid:
        QCOMPARE(reply.code, ErrorCode::BadRoomName);
        QCOMPARE(reply.subject, subject);
        break;
    }
}

// A person whose connection dropped keeps their name for the grace period: a look-alike of it
// is refused as long as it is held, and free once it is not.
void TestLookalikes::heldNameStaysTaken()
{
    ServerConfig config;
    config.resumeGraceSeconds = 60;
    ServerFixture f(config);
    LineClient &watcher = f.taggedLoggedIn(u"watcher"_s);
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    watcher.sync();
    alice.abort();
    const auto dropped = [&watcher] {
        const Event event = watcher.readEvent();
        return event.kind == Event::Kind::Presence && event.subject == u"reconnecting"_s;
    };
    QVERIFY(dropped());
    LineClient &impostor = f.connect();
    QVERIFY(impostor.useTagged());
    impostor.send(u"@1 login a1ice"_s);
    const Event refused = replyTo(impostor, u"1"_s);
    QCOMPARE(refused.code, ErrorCode::NickInUse);
    QCOMPARE(refused.subject, u"alice"_s);
}

// nick follows the same rules: a look-alike of someone else is taken, of oneself it is fine.
void TestLookalikes::renames()
{
    ServerFixture f;
    LineClient &alice = f.taggedLoggedIn(u"alice"_s);
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    bob.send(u"@1 nick a1ice"_s);
    const Event taken = replyTo(bob, u"1"_s);
    QCOMPARE(taken.code, ErrorCode::NickInUse);
    QCOMPARE(taken.subject, u"alice"_s);
    bob.send(u"@2 nick b\u03bfb"_s);
    QCOMPARE(replyTo(bob, u"2"_s).code, ErrorCode::BadNick);
    alice.send(u"@3 nick aIice"_s);
    const QStringList seen = alice.sync();
    QVERIFY2(std::any_of(seen.cbegin(), seen.cend(),
                         [](const QString &l) {
                             const Event event = TaggedCodec::parse(l);
                             return event.kind == Event::Kind::NickChange &&
                                    event.target == u"aIice"_s;
                         }),
             qPrintable(seen.join(u'\n')));
    // Her old spelling is still hers to the eye.
    bob.sync();
    bob.send(u"@4 nick alice"_s);
    QCOMPARE(replyTo(bob, u"4"_s).subject, u"aIice"_s);
}

QTEST_GUILESS_MAIN(TestLookalikes)
#include "tst_lookalikes.moc"
