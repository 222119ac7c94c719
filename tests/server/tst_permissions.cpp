// SPDX-License-Identifier: MIT
// The permission table as a matrix: every command it governs, and one it does not, for every
// standing in a room → allowed, or the error that refuses it.
#include "commands/Permissions.h"

#include <QTest>

using Permissions::Standing;

class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void matrix_data();
    void matrix();
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
        // Not about a standing in a room: everyone, the muted included.
        {"look", CommandType::Look, ErrorCode::None, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
        {"leave", CommandType::Leave, ErrorCode::None, ErrorCode::None, ErrorCode::None,
         ErrorCode::None},
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
    QCOMPARE(Permissions::governs(command),
             Permissions::check(command, Standing::Muted) != ErrorCode::None);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
