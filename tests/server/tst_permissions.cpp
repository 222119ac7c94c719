// SPDX-License-Identifier: MIT
// The permission table as a matrix: every command it governs, and some it does not, for every
// standing in a room → allowed, or the error that refuses it; the topic in a room that locked
// it; speaking in a moderated room; speaking from outside a room whose bans catch the speaker;
// stepping down (deop of oneself); and who may enter a room (banned, invite-only, a key, a limit,
// registered-only).
#include "commands/Permissions.h"

#include <QTest>

#include <span>

using Permissions::Standing;

namespace {

// Every standing, lowest first, with the word a row names it by.
constexpr std::pair<const char *, Standing> Standings[] = {
    {"muted", Standing::Muted},   {"member", Standing::Member},
    {"voiced", Standing::Voiced}, {"operator", Standing::Operator},
    {"owner", Standing::Owner},   {"administrator", Standing::Administrator},
};
// Those of people who are not in the room, or are about to enter: nobody is muted there.
constexpr auto Outside = std::span(Standings).subspan(1);

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void matrix_data();
    void matrix();
    void situations_data();
    void situations();
    void moderated_data();
    void moderated();
    void bannedOutsider_data();
    void bannedOutsider();
    void stepDown_data();
    void stepDown();
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
        {"note", CommandType::Note, ErrorCode::CannotSendToRoom, ErrorCode::None, ErrorCode::None,
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
        {"allow", CommandType::Allow, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"disallow", CommandType::Disallow, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"allowed", CommandType::Allowed, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"exempt", CommandType::Exempt, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"unexempt", CommandType::Unexempt, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"exempted", CommandType::Exempted, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"invite", CommandType::Invite, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"modlog", CommandType::Modlog, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"voice", CommandType::Voice, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
         ErrorCode::None, ErrorCode::None},
        {"devoice", CommandType::Devoice, ErrorCode::NotRoomOperator, ErrorCode::NotRoomOperator,
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
            // A voice changes nothing until the room is moderated (see moderated()).
            {"voiced", {Standing::Voiced, row.member}},
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

void TestPermissions::moderated_data()
{
    QTest::addColumn<CommandType>("command");
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<ErrorCode>("expected");
    for (const auto &[name, command] :
         {std::pair{"say", CommandType::Say}, std::pair{"me", CommandType::Me},
          std::pair{"note", CommandType::Note}}) {
        for (const auto &[who, standing] : Standings) {
            // In a moderated room a voice is the least that speaks.
            QTest::addRow("%s by %s", name, who)
                << command << standing
                << (standing < Standing::Voiced ? ErrorCode::CannotSendToRoom : ErrorCode::None);
        }
    }
    // The rest does not change: a member still reads, leaves, looks.
    QTest::newRow("look by a member") << CommandType::Look << Standing::Member << ErrorCode::None;
    QTest::newRow("topic by a member") << CommandType::Topic << Standing::Member << ErrorCode::None;
}

void TestPermissions::moderated()
{
    QFETCH(CommandType, command);
    QFETCH(Standing, standing);
    QFETCH(ErrorCode, expected);
    Permissions::Situation situation;
    situation.moderated = true;
    QCOMPARE(Permissions::check(command, standing, situation), expected);
}

void TestPermissions::bannedOutsider_data()
{
    QTest::addColumn<CommandType>("command");
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<bool>("moderated");
    QTest::addColumn<ErrorCode>("expected");
    for (const auto &[name, command] :
         {std::pair{"say", CommandType::Say}, std::pair{"me", CommandType::Me},
          std::pair{"note", CommandType::Note}}) {
        for (const auto &[who, standing] : Outside) {
            // As at the door: a ban keeps out everyone but those who run the room.
            QTest::addRow("%s by a banned %s", name, who)
                << command << standing << false
                << (standing < Standing::Operator ? ErrorCode::BannedFromRoom : ErrorCode::None);
        }
        // The ban is the answer a banned person gets, not the room's other rules.
        QTest::addRow("%s by a banned member, moderated", name)
            << command << Standing::Member << true << ErrorCode::BannedFromRoom;
    }
    QTest::newRow("look by a banned member")
        << CommandType::Look << Standing::Member << false << ErrorCode::None;
}

void TestPermissions::bannedOutsider()
{
    QFETCH(CommandType, command);
    QFETCH(Standing, standing);
    QFETCH(bool, moderated);
    QFETCH(ErrorCode, expected);
    Permissions::Situation situation;
    situation.banned = true;
    situation.moderated = moderated;
    QCOMPARE(Permissions::check(command, standing, situation), expected);
}

void TestPermissions::stepDown_data()
{
    QTest::addColumn<bool>("onSelf");
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<ErrorCode>("expected");
    for (const auto &[who, standing] : Standings) {
        // Whoever runs the room may step down; there is nothing to step down from below.
        QTest::addRow("%s on themselves", who)
            << true << standing
            << (standing < Standing::Operator ? ErrorCode::NotRoomOperator : ErrorCode::None);
        // The role of others is the owner's to take.
        QTest::addRow("%s on someone else", who)
            << false << standing
            << (standing < Standing::Owner ? ErrorCode::NotRoomOperator : ErrorCode::None);
    }
}

void TestPermissions::stepDown()
{
    QFETCH(bool, onSelf);
    QFETCH(Standing, standing);
    QFETCH(ErrorCode, expected);
    Permissions::Situation situation;
    situation.onSelf = onSelf;
    QCOMPARE(Permissions::check(CommandType::Deop, standing, situation), expected);
}

void TestPermissions::entry_data()
{
    QTest::addColumn<Standing>("standing");
    QTest::addColumn<Permissions::Entry>("entry");
    QTest::addColumn<ErrorCode>("expected");

    // What keeps someone out, the first that applies in this order.
    const struct
    {
        const char *name;
        bool banned, uninvited, keyless, full, unregistered;
        ErrorCode refusal;
    } cases[] = {
        {"free to enter", false, false, false, false, false, ErrorCode::None},
        {"banned", true, false, false, false, false, ErrorCode::BannedFromRoom},
        {"not invited", false, true, false, false, false, ErrorCode::InviteOnlyRoom},
        {"without the key", false, false, true, false, false, ErrorCode::BadRoomKey},
        {"room full", false, false, false, true, false, ErrorCode::RoomFull},
        {"not identified", false, false, false, false, true, ErrorCode::NeedRegisteredNick},
        {"banned and not invited", true, true, true, true, true, ErrorCode::BannedFromRoom},
        {"not invited nor identified", false, true, false, false, true, ErrorCode::InviteOnlyRoom},
        {"without the key, room full", false, false, true, true, false, ErrorCode::BadRoomKey},
        {"room full, not identified", false, false, false, true, true, ErrorCode::RoomFull},
    };
    for (const auto &[who, standing] : Outside) {
        // The people who run a room are never kept out of it.
        const bool runs = standing >= Standing::Operator;
        for (const auto &c : cases) {
            Permissions::Entry entry;
            entry.standing = standing;
            entry.banned = c.banned;
            entry.uninvited = c.uninvited;
            entry.keyless = c.keyless;
            entry.full = c.full;
            entry.unregistered = c.unregistered;
            QTest::addRow("%s, %s", who, c.name)
                << standing << entry << (runs ? ErrorCode::None : c.refusal);
        }
    }
}

void TestPermissions::entry()
{
    QFETCH(Permissions::Entry, entry);
    QFETCH(ErrorCode, expected);
    QCOMPARE(Permissions::checkEntry(entry), expected);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
