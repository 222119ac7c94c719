// SPDX-License-Identifier: MIT
// The permission table as a matrix: every command it governs, and some it does not, for every
// standing in a room → allowed, or the error that refuses it; the topic in a room that locked
// it; and who may enter a room (banned, invite-only, registered-only).
#include "commands/Permissions.h"

#include <QTest>

using Permissions::Standing;

class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void matrix_data();
    void matrix();
    void situations_data();
    void situations();
    void entry_data();
    void entry();
};

void TestPermissions::matrix_data()
{
    QTest::addColumn<CommandType>("command");
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<ErrorCode>("expected");

    const struct
    {
        const char *name;
        CommandType command;
        // What each standing gets, from muted to owner; administrators may do everything.
        ErrorCode muted, member, op, owner;
    } rows[] = {
        {"say", CommandType::Say, ErrorCode::CannotSendToRoom, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
        {"me", CommandType::Me, ErrorCode::CannotSendToRoom, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
        {"kick", CommandType::Kick, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"mute", CommandType::Mute, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"unmute", CommandType::Unmute, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"op", CommandType::Op, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::NotRoomOperator, ErrorCode::None},
        {"deop", CommandType::Deop, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::NotRoomOperator, ErrorCode::None},
        {"ban", CommandType::Ban, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"unban", CommandType::Unban, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"bans", CommandType::Bans, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"invite", CommandType::Invite, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"modlog", CommandType::Modlog, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"rule", CommandType::Rule, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        // Not about a standing in a room: everyone, the muted included.
        {"look", CommandType::Look, ErrorCode::None, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
        {"leave", CommandType::Leave, ErrorCode::None, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
        {"join", CommandType::Join, ErrorCode::None, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
        // The topic: anyone, unless the room locked it (see situations()).
        {"topic", CommandType::Topic, ErrorCode::None, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
    };
    for (const auto &row : rows) {
        const std::pair<const char *, std::pair<Standing, ErrorCode>> cells[] = {
            {"muted", {Standing::Muted, row.muted}},
            {"member", {Standing::Member, row.member}},
            {"operator", {Standing::Operator, row.op}},
            {"owner", {Standing::Owner, row.owner}},
            {"administrator", {Standing::Administrator, ErrorCode::None}},
        };
        for (const auto &[who, cell] : cells)
            QTest::addRow("%s by %s", row.name, who) << row.command << cell.first << cell.second;
    }
}

void TestPermissions::matrix()
{
    QFETCH(CommandType, command);
    QFETCH(Standing, standing);
    QFETCH(ErrorCode, expected);
    QCOMPARE(Permissions::check(command, standing), expected);
    // Only the topic depends on the room's rules: every other command it governs refuses the
    // muted in any situation.
    if (command != CommandType::Topic)
        QCOMPARE(Permissions::governs(command),
                 Permissions::check(command, Standing::Muted) != ErrorCode::None);
}

void TestPermissions::situations_data()
{
    QTest::addColumn<bool>("locked");
    QTest::addColumn<bool>("changes");
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<ErrorCode>("expected");

    QTest::newRow("locked topic set by a member")
        << true << true << Standing::Member << ErrorCode::NotRoomOperator;
    QTest::newRow("locked topic set by the muted")
        << true << true << Standing::Muted << ErrorCode::NotRoomOperator;
    QTest::newRow("locked topic set by an operator")
        << true << true << Standing::Operator << ErrorCode::None;
    QTest::newRow("locked topic set by an administrator")
        << true << true << Standing::Administrator << ErrorCode::None;
    QTest::newRow("locked topic shown to a member")
        << true << false << Standing::Member << ErrorCode::None;
    QTest::newRow("open topic set by a member")
        << false << true << Standing::Member << ErrorCode::None;
    QTest::newRow("open topic set by the muted")
        << false << true << Standing::Muted << ErrorCode::None;
}

void TestPermissions::situations()
{
    QFETCH(bool, locked);
    QFETCH(bool, changes);
    QFETCH(Standing, standing);
    QFETCH(ErrorCode, expected);
    Permissions::Situation situation;
    situation.topicLocked = locked;
    situation.changes = changes;
    QVERIFY(Permissions::governs(CommandType::Topic));
    QCOMPARE(Permissions::check(CommandType::Topic, standing, situation), expected);
}

void TestPermissions::entry_data()
{
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<bool>("banned");
    QTest::addColumn<bool>("uninvited");
    QTest::addColumn<bool>("unregistered");
    QTest::addColumn<ErrorCode>("expected");

    const std::pair<const char *, Standing> standings[] = {
        {"member", Standing::Member},
        {"operator", Standing::Operator},
        {"owner", Standing::Owner},
        {"administrator", Standing::Administrator},
    };
    for (const auto &[who, standing] : standings) {
        // The people who run a room are never kept out of it.
        const bool runs = standing >= Standing::Operator;
        auto refused = [runs](ErrorCode code) { return runs ? ErrorCode::None : code; };
        QTest::addRow("%s, free to enter", who)
            << standing << false << false << false << ErrorCode::None;
        QTest::addRow("%s, banned", who)
            << standing << true << false << false << refused(ErrorCode::BannedFromRoom);
        QTest::addRow("%s, not invited", who)
            << standing << false << true << false << refused(ErrorCode::InviteOnlyRoom);
        QTest::addRow("%s, not identified", who)
            << standing << false << false << true << refused(ErrorCode::NeedRegisteredNick);
        QTest::addRow("%s, banned and not invited", who)
            << standing << true << true << true << refused(ErrorCode::BannedFromRoom);
        QTest::addRow("%s, not invited nor identified", who)
            << standing << false << true << true << refused(ErrorCode::InviteOnlyRoom);
    }
}

void TestPermissions::entry()
{
    QFETCH(Standing, standing);
    QFETCH(bool, banned);
    QFETCH(bool, uninvited);
    QFETCH(bool, unregistered);
    QFETCH(ErrorCode, expected);
    Permissions::Entry entry;
    entry.standing = standing;
    entry.banned = banned;
    entry.uninvited = uninvited;
    entry.unregistered = unregistered;
    QCOMPARE(Permissions::checkEntry(entry), expected);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
