// SPDX-License-Identifier: MIT
// Owners, operators and the muted as the client sees them, without a window: the flag words
// of users and who, the marks in the people list kept current by moderation and presence
// events (synthetic tagged lines, as a server sends them), what each standing may do to whom,
// the commands that do it, how a deop reads, and refusals in plain words.
#include "MemberFlags.h"
#include "NoticeText.h"
#include "RoomState.h"
#include "StatusText.h"
#include "TaggedCodec.h"
#include "UserListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Moderation::Act)

namespace {

// One tagged line as the server sends it.
Event line(const QString &text)
{
    const Event event = TaggedCodec::parse(u"%1"_s.arg(text));
    if (!event.isValid())
        qFatal("not a tagged line: %s", qPrintable(text));
    return event;
}

MemberFlags flagsOf(const QString &words)
{
    return MemberFlags::parse(words);
}

} // namespace

class TestRoomRoles : public QObject
{
    Q_OBJECT

private slots:
    void flagWords_data();
    void flagWords();
    void marksFollowEvents();
    void steppingDownLeavesAPlainMember();
    void allowedActs_data();
    void allowedActs();
    void commands_data();
    void commands();
    void deopIsWorded_data();
    void deopIsWorded();
    void refusalsInPlainWords_data();
    void refusalsInPlainWords();
};

void TestRoomRoles::flagWords_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("parsed"); // words() of the result
    QTest::addColumn<int>("standing");

    using S = MemberFlags::Standing;
    QTest::newRow("none") << u""_s << u""_s << int(S::Member);
    QTest::newRow("owner") << u"owner"_s << u"owner"_s << int(S::Owner);
    QTest::newRow("op and away") << u"op,away"_s << u"op,away"_s << int(S::Operator);
    QTest::newRow("muted") << u"muted"_s << u"muted"_s << int(S::Muted);
    // A server administrator runs every room.
    QTest::newRow("who's words") << u"away,reconnecting,admin"_s << u"away,reconnecting,admin"_s
                                 << int(S::Administrator);
    QTest::newRow("a voice") << u"voice"_s << u"voice"_s << int(S::Member);
    QTest::newRow("unknown words ignored") << u"loud,op,,sparkly"_s << u"op"_s << int(S::Operator);
    QTest::newRow("not a word list") << u"owner op"_s << u""_s << int(S::Member);
}

void TestRoomRoles::flagWords()
{
    QFETCH(QString, words);
    QFETCH(QString, parsed);
    QFETCH(int, standing);
    const MemberFlags flags = MemberFlags::parse(words);
    QCOMPARE(flags.words(), parsed);
    QCOMPARE(int(flags.standing()), standing);
}

void TestRoomRoles::marksFollowEvents()
{
    RoomState state(u"games"_s);
    UserListModel people;
    QAbstractItemModelTester tester(&people);
    const auto follow = [&] {
        people.setUsers(state.users());
        people.setFlags(state.allFlags());
    };
    const auto shown = [&people] {
        QStringList rows;
        for (int row = 0; row < people.rowCount(); ++row)
            rows << people.index(row).data().toString();
        return rows;
    };
    QSignalSpy flagsChanged(&state, &RoomState::flagsChanged);
    const QString t = u"2026-11-22T12:01:00.000Z"_s;
    state.apply(line(u"join %1 1 games me"_s.arg(t)), true);
    state.apply(line(u"users %1 1 games 4 alice owner bob op,away carol muted me \\-"_s.arg(t)),
                false);
    follow();
    QCOMPARE(shown(), (QStringList{u"~alice"_s, u"@bob (away)"_s, u"carol"_s, u"me"_s}));
    QCOMPARE(people.index(0).data(UserListModel::NickRole).toString(), u"alice"_s);
    QVERIFY(people.index(0).data(Qt::ToolTipRole).toString().contains(u"owner"_s));
    QVERIFY(people.index(2).data(UserListModel::MutedRole).toBool());
    QVERIFY(people.index(2).data(Qt::ToolTipRole).toString().contains(u"muted"_s));
    QVERIFY(people.index(1).data(UserListModel::AwayRole).toBool());
    QCOMPARE(flagsChanged.size(), 1);

    // Live changes: each moderation act, presence, a rename, a departure.
    QSignalSpy rowChanged(&people, &QAbstractItemModel::dataChanged);
    state.apply(line(u"moderation %1 \\- games alice op carol \\-"_s.arg(t)), false);
    state.apply(line(u"moderation %1 \\- games alice unmute carol \\-"_s.arg(t)), false);
    follow();
    QCOMPARE(shown().at(2), u"@carol"_s);
    QVERIFY(!people.index(2).data(UserListModel::MutedRole).toBool());
    QCOMPARE(rowChanged.size(), 1); // only carol's row
    QCOMPARE(rowChanged.first().first().toModelIndex().row(), 2);

    // A voice is "+" before the name, below the operators' marks.
    state.apply(line(u"moderation %1 \\- games alice voice bob \\-"_s.arg(t)), false);
    follow();
    QCOMPARE(shown().at(1), u"@bob (away)"_s);
    QVERIFY(people.index(1).data(Qt::ToolTipRole).toString().contains(u"has a voice"_s));
    state.apply(line(u"moderation %1 \\- games alice devoice bob \\-"_s.arg(t)), false);
    state.apply(line(u"moderation %1 \\- games alice voice me \\-"_s.arg(t)), false);
    follow();
    QCOMPARE(shown().at(3), u"+me"_s);
    QVERIFY(!state.flags(u"bob"_s).voiced);
    state.apply(line(u"moderation %1 \\- games alice devoice me \\-"_s.arg(t)), false);
    state.apply(line(u"moderation %1 \\- games alice deop bob \\-"_s.arg(t)), false);
    state.apply(line(u"moderation %1 \\- games alice mute me 60"_s.arg(t)), false);
    state.apply(line(u"presence %1 \\- games carol reconnecting"_s.arg(t)), false);
    follow();
    QCOMPARE(shown(), (QStringList{u"~alice"_s, u"bob (away)"_s, u"@carol"_s, u"me"_s}));
    QVERIFY(people.index(3).data(UserListModel::MutedRole).toBool());
    QVERIFY(people.index(2).data(UserListModel::ReconnectingRole).toBool());
    QCOMPARE(state.flags(u"ME"_s).standing(), MemberFlags::Standing::Muted);

    // A rename keeps the flags; kicks and bans change nothing until the person leaves.
    state.apply(line(u"nick %1 \\- carol caroline"_s.arg(t)), false);
    state.apply(line(u"presence %1 \\- games caroline back"_s.arg(t)), false);
    state.apply(line(u"moderation %1 \\- games alice ban bob spam"_s.arg(t)), false);
    state.apply(line(u"moderation %1 \\- games alice unban nobody \\-"_s.arg(t)), false);
    follow();
    QCOMPARE(shown(), (QStringList{u"~alice"_s, u"bob (away)"_s, u"@caroline"_s, u"me"_s}));
    state.apply(line(u"leave %1 \\- games bob kick"_s.arg(t)), false);
    state.apply(line(u"join %1 \\- games bob"_s.arg(t)), false); // back in: a member again
    follow();
    QCOMPARE(shown(), (QStringList{u"~alice"_s, u"bob"_s, u"@caroline"_s, u"me"_s}));
    QVERIFY(state.flags(u"bob"_s) == MemberFlags());

    // Another room's events leave this one alone; a fresh list replaces every flag.
    state.apply(line(u"moderation %1 \\- hall alice op me \\-"_s.arg(t)), false);
    QCOMPARE(state.flags(u"me"_s).op, false);
    state.apply(line(u"users %1 \\- games 2 alice \\- me \\-"_s.arg(t)), false);
    follow();
    QCOMPARE(shown(), (QStringList{u"alice"_s, u"me"_s}));
}

// A deop of oneself makes a plain member of an operator, and of the owner too: the room has no
// owner then, and the server sends no new list to say so.
void TestRoomRoles::steppingDownLeavesAPlainMember()
{
    RoomState state(u"games"_s);
    const QString t = u"2026-11-22T12:01:00.000Z"_s;
    state.apply(line(u"join %1 1 games me"_s.arg(t)), true);
    state.apply(line(u"users %1 1 games 3 alice owner,voice bob op me \\-"_s.arg(t)), false);
    QSignalSpy flagsChanged(&state, &RoomState::flagsChanged);

    state.apply(line(u"moderation %1 \\- games bob deop bob \\-"_s.arg(t)), false);
    QVERIFY(state.flags(u"bob"_s) == MemberFlags());
    state.apply(line(u"moderation %1 \\- games alice deop alice \\-"_s.arg(t)), false);
    QCOMPARE(state.flags(u"alice"_s).words(), u"voice"_s); // a voice is no role: it stays
    QCOMPARE(state.flags(u"alice"_s).standing(), MemberFlags::Standing::Member);
    QCOMPARE(flagsChanged.size(), 2); // once for each

    // Neither has anything left to step down from.
    QCOMPARE(Moderation::allowed(state.flags(u"alice"_s), state.flags(u"alice"_s), true),
             QList<Moderation::Act>());
}

void TestRoomRoles::allowedActs_data()
{
    QTest::addColumn<QString>("self");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("targetIsSelf");
    QTest::addColumn<QList<Moderation::Act>>("acts");

    using A = Moderation::Act;
    using L = QList<A>;
    QTest::newRow("owner on a member")
        << u"owner"_s << u""_s << false << L{A::Kick, A::Ban, A::Mute, A::Voice, A::Op};
    QTest::newRow("owner on an operator")
        << u"owner"_s << u"op"_s << false << L{A::Kick, A::Ban, A::Mute, A::Voice, A::Deop};
    QTest::newRow("owner on the muted")
        << u"owner"_s << u"muted"_s << false << L{A::Kick, A::Ban, A::Unmute, A::Voice, A::Op};
    QTest::newRow("owner on the voiced")
        << u"owner"_s << u"voice"_s << false << L{A::Kick, A::Ban, A::Mute, A::Devoice, A::Op};
    // A voice is for anyone in the room, those who run it too; and whoever holds a role in it
    // may step down from it (a deop of themselves).
    QTest::newRow("owner on themselves")
        << u"owner"_s << u"owner"_s << true << L{A::Voice, A::Deop};
    QTest::newRow("voiced owner on themselves")
        << u"owner,voice"_s << u"owner,voice"_s << true << L{A::Devoice, A::Deop};
    QTest::newRow("operator on a member")
        << u"op"_s << u"away"_s << false << L{A::Kick, A::Ban, A::Mute, A::Voice};
    QTest::newRow("operator on the muted")
        << u"op"_s << u"muted"_s << false << L{A::Kick, A::Ban, A::Unmute, A::Voice};
    QTest::newRow("operator on an operator") << u"op"_s << u"op"_s << false << L{A::Voice};
    QTest::newRow("operator on the voiced owner")
        << u"op"_s << u"owner,voice"_s << false << L{A::Devoice};
    QTest::newRow("operator on themselves") << u"op"_s << u"op"_s << true << L{A::Voice, A::Deop};
    QTest::newRow("member on themselves") << u""_s << u""_s << true << L{};
    QTest::newRow("voiced member on themselves") << u"voice"_s << u"voice"_s << true << L{};
    QTest::newRow("muted on themselves") << u"muted"_s << u"muted"_s << true << L{};
    QTest::newRow("voiced member on a member") << u"voice"_s << u""_s << false << L{};
    QTest::newRow("member on a member") << u""_s << u""_s << false << L{};
    QTest::newRow("member on the muted") << u""_s << u"muted"_s << false << L{};
    QTest::newRow("muted on a member") << u"muted"_s << u""_s << false << L{};
    // A server administrator runs every room, its owner's standing included.
    QTest::newRow("administrator on a member")
        << u"admin"_s << u""_s << false << L{A::Kick, A::Ban, A::Mute, A::Voice, A::Op};
    QTest::newRow("administrator on an operator")
        << u"admin"_s << u"op"_s << false << L{A::Kick, A::Ban, A::Mute, A::Voice, A::Deop};
    QTest::newRow("administrator on the owner")
        << u"admin"_s << u"owner"_s << false << L{A::Kick, A::Ban, A::Mute, A::Voice};
    QTest::newRow("administrator on an administrator")
        << u"admin"_s << u"admin"_s << false << L{A::Voice};
    // Stepping down is from a role held in the room, which running the server is not.
    QTest::newRow("administrator on themselves") << u"admin"_s << u"admin"_s << true << L{A::Voice};
    QTest::newRow("administrator who owns the room on themselves")
        << u"owner,admin"_s << u"owner,admin"_s << true << L{A::Voice, A::Deop};
}

void TestRoomRoles::allowedActs()
{
    QFETCH(QString, self);
    QFETCH(QString, target);
    QFETCH(bool, targetIsSelf);
    QFETCH(QList<Moderation::Act>, acts);
    QCOMPARE(Moderation::allowed(flagsOf(self), flagsOf(target), targetIsSelf), acts);
}

void TestRoomRoles::commands_data()
{
    QTest::addColumn<Moderation::Act>("act");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("command");

    using A = Moderation::Act;
    QTest::newRow("kick") << A::Kick << u""_s << u""_s << u"kick #games bob"_s;
    QTest::newRow("kick with a reason")
        << A::Kick << u""_s << u" spam again "_s << u"kick #games bob spam again"_s;
    QTest::newRow("ban for good") << A::Ban << u""_s << u""_s << u"ban #games bob"_s;
    QTest::newRow("ban for a while with a reason")
        << A::Ban << u"7d"_s << u"flooding"_s << u"ban #games bob 7d flooding"_s;
    QTest::newRow("ban for good with a reason")
        << A::Ban << u""_s << u"flooding"_s << u"ban #games bob 0 flooding"_s;
    QTest::newRow("ban for good, a reason that starts with a number")
        << A::Ban << u""_s << u"3 strikes"_s << u"ban #games bob 0 3 strikes"_s;
    QTest::newRow("mute until unmuted") << A::Mute << u""_s << u""_s << u"mute #games bob"_s;
    QTest::newRow("mute for an hour") << A::Mute << u"3600"_s << u""_s << u"mute #games bob 3600"_s;
    QTest::newRow("unmute") << A::Unmute << u""_s << u""_s << u"unmute #games bob"_s;
    QTest::newRow("voice") << A::Voice << u""_s << u""_s << u"voice #games bob"_s;
    QTest::newRow("devoice") << A::Devoice << u""_s << u""_s << u"devoice #games bob"_s;
    QTest::newRow("op") << A::Op << u""_s << u""_s << u"op #games bob"_s;
    QTest::newRow("deop") << A::Deop << u""_s << u""_s << u"deop #games bob"_s;
}

void TestRoomRoles::commands()
{
    QFETCH(Moderation::Act, act);
    QFETCH(QString, duration);
    QFETCH(QString, reason);
    QFETCH(QString, command);
    QCOMPARE(Moderation::command(act, u"games"_s, u"bob"_s, duration, reason), command);
}

void TestRoomRoles::deopIsWorded_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("you"); // the target is us
    QTest::addColumn<QString>("text");
    QTest::newRow("of another") << u"alice"_s << u"bob"_s << false
                                << u"alice took the operator rights of bob."_s;
    QTest::newRow("of you") << u"alice"_s << u"me"_s << true
                            << u"alice took your operator rights in this room."_s;
    QTest::newRow("another steps down")
        << u"bob"_s << u"bob"_s << false << u"bob stepped down from running this room."_s;
    QTest::newRow("another steps down, the name cased otherwise")
        << u"Bob"_s << u"bob"_s << false << u"Bob stepped down from running this room."_s;
    QTest::newRow("you step down")
        << u"me"_s << u"me"_s << true << u"You stepped down from running this room."_s;
}

void TestRoomRoles::deopIsWorded()
{
    QFETCH(QString, actor);
    QFETCH(QString, target);
    QFETCH(bool, you);
    QFETCH(QString, text);
    QCOMPARE(NoticeText::moderation(actor, u"deop"_s, target, {}, you), text);
}

void TestRoomRoles::refusalsInPlainWords_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");

    QTest::newRow("404 muted") << 404 << u"You may not speak in games: you are muted there"_s;
    QTest::newRow("473 invite-only") << 473 << u"open only to people its operators invite"_s;
    QTest::newRow("474 banned") << 474 << u"You are banned from games"_s;
    QTest::newRow("477 registered only") << 477 << u"only for registered nicknames"_s;
    QTest::newRow("482 not an operator") << 482 << u"it takes the room's operators"_s;
    QTest::newRow("unknown code") << 999 << u"games"_s;
}

void TestRoomRoles::refusalsInPlainWords()
{
    QFETCH(int, code);
    QFETCH(QString, words);
    const QString text = StatusText::commandError(ErrorCode(code), u"join"_s, u"games"_s);
    QVERIFY2(text.contains(words), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestRoomRoles)
#include "tst_roomroles.moc"
