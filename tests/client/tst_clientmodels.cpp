// SPDX-License-Identifier: MIT
// The widget-free models behind the chat window: mentions, a conversation's lines with their
// window, unread counts and marker, the list of conversations, and a room's lists of masks.
#include "Conversation.h"
#include "ConversationListModel.h"
#include "MaskListKind.h"
#include "MaskListModel.h"
#include "Mentions.h"
#include "MessageModel.h"
#include "RoomRules.h"
#include "RoomState.h"
#include "UserListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ChatLine said(const QString &nick, const QString &text, quint64 seq = 0,
              const QDateTime &time = QDateTime::currentDateTimeUtc())
{
    ChatLine line;
    line.kind = ChatLine::Kind::Message;
    line.time = time;
    line.id = seq;
    line.seq = seq;
    line.room = u"hall"_s;
    line.nick = nick;
    line.text = text;
    line.own = nick == "me"_L1;
    return line;
}

QStringList texts(const MessageModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown << model.line(row).text;
    return shown;
}

} // namespace

class TestClientModels : public QObject
{
    Q_OBJECT

private slots:
    void mentions_data();
    void mentions();
    void messagesShowAWindowOfTheNewest();
    void olderPagesArePrependedAboveTheWindow();
    void daysStartWhereTheDateChanges();
    void unreadCountsAndTheMarker();
    void missedLinesAreUnreadWithAMarker();
    void ownLineMeansRead();
    void conversationListKeepsRoomsBeforePrivate();
    void roomRuleCommand_data();
    void roomRuleCommand();
    void roomStateFollowsTheRules();
    void maskListGathersThePieces_data();
    void maskListGathersThePieces();
    void maskListKeepsTheListUntilTheNextIsWhole();
    void maskListWordsNameTheirList_data();
    void maskListWordsNameTheirList();
    void maskListAnswersNameTheirList();
};

void TestClientModels::mentions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QList<qsizetype>>("starts");

    using L = QList<qsizetype>;
    QTest::newRow("whole word") << u"hi bob"_s << u"bob"_s << L{3};
    QTest::newRow("any case") << u"BOB, look"_s << u"bob"_s << L{0};
    QTest::newRow("at sign") << u"@bob: there"_s << u"bob"_s << L{1};
    QTest::newRow("twice") << u"bob bob"_s << u"bob"_s << L{0, 4};
    QTest::newRow("inside a word") << u"kebob bobby"_s << u"bob"_s << L{};
    QTest::newRow("underscore continues") << u"bob_2 here"_s << u"bob"_s << L{};
    QTest::newRow("hyphen continues") << u"bob-the-builder"_s << u"bob"_s << L{};
    QTest::newRow("apostrophe") << u"bob's turn"_s << u"bob"_s << L{0};
    QTest::newRow("Chinese name in Chinese") << u"小明你好"_s << u"小明"_s << L{0};
    QTest::newRow("Latin name in Chinese") << u"谢谢alice！"_s << u"alice"_s << L{2};
    QTest::newRow("Chinese name with punctuation") << u"你好，张伟。"_s << u"张伟"_s << L{3};
    QTest::newRow("accented letters continue") << u"renée"_s << u"rené"_s << L{};
    QTest::newRow("empty nick") << u"anything"_s << u""_s << L{};
    QTest::newRow("not there") << u"hello"_s << u"bob"_s << L{};
}

void TestClientModels::mentions()
{
    QFETCH(QString, text);
    QFETCH(QString, nick);
    QFETCH(QList<qsizetype>, starts);
    QList<qsizetype> found;
    for (const Mentions::Range &range : Mentions::find(text, nick)) {
        QCOMPARE(range.length, nick.size());
        found << range.start;
    }
    QCOMPARE(found, starts);
    QCOMPARE(Mentions::contains(text, nick), !starts.isEmpty());
}

void TestClientModels::messagesShowAWindowOfTheNewest()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    QList<ChatLine> lines;
    for (int i = 1; i <= 1000; ++i)
        lines << said(u"bob"_s, u"line %1"_s.arg(i), i);
    model.append(lines);
    QCOMPARE(model.rowCount(), 1000);
    model.trimWindow(300);
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.lineCount(), 1000);
    QCOMPARE(model.hiddenAbove(), 700);
    QCOMPARE(model.line(0).text, u"line 701"_s);
    QVERIFY(model.index(0).data(MessageModel::DayStartRole).toBool()); // the top says its day

    model.append(said(u"bob"_s, u"line 1001"_s, 1001));
    QCOMPARE(model.rowCount(), 301);
    QCOMPARE(model.showOlder(200), 200);
    QCOMPARE(model.line(0).text, u"line 501"_s);
    QVERIFY(!model.index(200).data(MessageModel::DayStartRole).toBool());
    QCOMPARE(model.showOlder(1000), 500);
    QCOMPARE(model.showOlder(), 0);
    QCOMPARE(model.rowCount(), 1001);
    QCOMPARE(model.index(0).data().toString().section(u' ', 1), u"<bob> line 1"_s);
    QCOMPARE(model.oldestLine()->seq, 1u);
}

void TestClientModels::olderPagesArePrependedAboveTheWindow()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model);
    model.append({said(u"bob"_s, u"301"_s, 301), said(u"bob"_s, u"302"_s, 302)});
    model.markNewestAsFirstUnread();
    QCOMPARE(model.firstUnreadRow(), 1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.prepend({said(u"bob"_s, u"299"_s, 299), said(u"bob"_s, u"300"_s, 300)});
    QCOMPARE(texts(model), (QStringList{u"299"_s, u"300"_s, u"301"_s, u"302"_s}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.firstUnreadRow(), 3); // the marker stays on its line
    QVERIFY(model.index(3).data(MessageModel::FirstUnreadRole).toBool());
    QCOMPARE(model.oldestLine()->seq, 299u);
}

void TestClientModels::daysStartWhereTheDateChanges()
{
    MessageModel model;
    const QDateTime today = QDateTime::currentDateTime();
    const QDateTime yesterday = today.addDays(-1);
    model.append({said(u"bob"_s, u"a"_s, 1, yesterday.toUTC()),
                  said(u"bob"_s, u"b"_s, 2, yesterday.toUTC()),
                  said(u"bob"_s, u"c"_s, 3, today.toUTC())});
    const auto dayStart = [&model](int row) {
        return model.index(row).data(MessageModel::DayStartRole).toBool();
    };
    QVERIFY(dayStart(0));
    QVERIFY(!dayStart(1));
    QVERIFY(dayStart(2));
    QCOMPARE(model.index(0).data(MessageModel::DayTextRole).toString(), u"Yesterday"_s);
    QCOMPARE(model.index(2).data(MessageModel::DayTextRole).toString(), u"Today"_s);
    QVERIFY(model.index(2)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QString::number(today.date().year()))); // the date is in the tool tip
}

void TestClientModels::unreadCountsAndTheMarker()
{
    Conversation hall(Conversation::Kind::Room, u"hall"_s);
    QSignalSpy changed(&hall, &Conversation::changed);
    hall.setRead(true);
    hall.addLine(said(u"bob"_s, u"seen"_s, 1));
    QCOMPARE(hall.unread(), 0);
    hall.setRead(false);                                        // looked elsewhere
    hall.addNotice(ChatLine::Kind::Notice, u"carol joined."_s); // never unread
    hall.addLine(said(u"bob"_s, u"first unread"_s, 2));
    hall.addLine(said(u"carol"_s, u"hey me, look"_s, 3), true);
    QCOMPARE(hall.unread(), 2);
    QCOMPARE(hall.mentions(), 1);
    MessageModel *messages = hall.messages();
    QCOMPARE(messages->line(messages->firstUnreadRow()).text, u"first unread"_s);

    hall.setRead(true); // back: counts go, the marker stays while reading
    QCOMPARE(hall.unread(), 0);
    QCOMPARE(hall.mentions(), 0);
    QCOMPARE(messages->line(messages->firstUnreadRow()).text, u"first unread"_s);
    hall.setRead(false);
    QCOMPARE(messages->firstUnreadRow(), -1);
    hall.addLine(said(u"bob"_s, u"next"_s, 4));
    QCOMPARE(messages->line(messages->firstUnreadRow()).text, u"next"_s);
    QCOMPARE(hall.recentSpeakers(), (QStringList{u"bob"_s, u"carol"_s}));
    QVERIFY(!changed.isEmpty());
}

void TestClientModels::missedLinesAreUnreadWithAMarker()
{
    Conversation hall(Conversation::Kind::Room, u"hall"_s);
    hall.setRead(true); // even when looking at it, what came while away is marked
    QSignalSpy read(&hall, &Conversation::readUpTo);
    hall.addMissedLines({said(u"bob"_s, u"while away"_s, 7), said(u"bob"_s, u"more"_s, 8)},
                        {false, false});
    QCOMPARE(hall.unread(), 0);
    QCOMPARE(hall.messages()->firstUnreadRow(), 0);
    QCOMPARE(read.last().first().toULongLong(), 8u);

    Conversation lab(Conversation::Kind::Room, u"lab"_s);
    lab.addMissedLines({said(u"bob"_s, u"x"_s, 1), said(u"bob"_s, u"me?"_s, 2)}, {false, true});
    QCOMPARE(lab.unread(), 2);
    QCOMPARE(lab.mentions(), 1);
}

void TestClientModels::ownLineMeansRead()
{
    Conversation hall(Conversation::Kind::Room, u"hall"_s);
    hall.addLine(said(u"bob"_s, u"one"_s, 1));
    QCOMPARE(hall.unread(), 1);
    hall.addLine(said(u"me"_s, u"answered from elsewhere"_s, 2));
    QCOMPARE(hall.unread(), 0);
    QCOMPARE(hall.messages()->firstUnreadRow(), -1);

    Conversation bob(Conversation::Kind::Private, u"bob"_s);
    ChatLine line = said(u"bob"_s, u"psst"_s, 5);
    line.kind = ChatLine::Kind::Private;
    bob.addLine(line);
    QCOMPARE(bob.mentions(), 1); // every private line is for us
}

void TestClientModels::conversationListKeepsRoomsBeforePrivate()
{
    ConversationListModel list;
    QAbstractItemModelTester tester(&list);
    Conversation hall(Conversation::Kind::Room, u"hall"_s);
    Conversation bob(Conversation::Kind::Private, u"bob"_s);
    Conversation lab(Conversation::Kind::Room, u"lab"_s);
    list.add(&hall);
    list.add(&bob);
    list.add(&lab);
    QCOMPARE(list.conversations(), (QList<Conversation *>{&hall, &lab, &bob}));
    QCOMPARE(list.index(0).data().toString(), u"# hall"_s);
    QCOMPARE(list.index(2).data().toString(), u"bob"_s);
    QVERIFY(list.index(2).data(ConversationListModel::SectionStartRole).toBool());
    QVERIFY(!list.index(1).data(ConversationListModel::SectionStartRole).toBool());
    QCOMPARE(list.find(u"#HALL"_s.toLower()), &hall);

    QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
    lab.addLine(said(u"bob"_s, u"hi"_s, 1));
    QCOMPARE(changed.last().first().value<QModelIndex>().row(), 1);
    QCOMPARE(list.index(1).data(ConversationListModel::UnreadRole).toInt(), 1);
    QVERIFY(list.index(1).data(Qt::AccessibleTextRole).toString().contains(u"1"_s));
    list.remove(&lab);
    QCOMPARE(list.rowCount(), 2);
    QVERIFY(list.index(1).data(ConversationListModel::SectionStartRole).toBool());
}

void TestClientModels::roomRuleCommand_data()
{
    QTest::addColumn<QStringList>("now");
    QTest::addColumn<QStringList>("wanted");
    QTest::addColumn<QString>("command");

    using L = QStringList;
    QTest::newRow("nothing changes")
        << L{u"invite-only"_s, u"limit=5"_s} << L{u"invite-only"_s, u"limit=5"_s} << QString();
    QTest::newRow("every rule on, in a fixed order")
        << L{} << L{u"key=beer"_s,   u"moderated"_s,       u"limit=20"_s,    u"outside-messages"_s,
                    u"topic-lock"_s, u"registered-only"_s, u"invite-only"_s, u"secret"_s}
        << u"rule #den invite-only on topic-lock on registered-only on moderated on "
           "outside-messages on secret on limit 20 key beer"_s;
    QTest::newRow("every rule off")
        << L{u"invite-only"_s,      u"topic-lock"_s, u"registered-only"_s, u"moderated"_s,
             u"outside-messages"_s, u"secret"_s,     u"limit=20"_s,        u"key=beer"_s}
        << L{}
        << u"rule #den invite-only off topic-lock off registered-only off moderated off "
           "outside-messages off secret off limit off key off"_s;
    QTest::newRow("a new limit and key")
        << L{u"limit=20"_s, u"key=beer"_s} << L{u"limit=3"_s, u"key=wine"_s}
        << u"rule #den limit 3 key wine"_s;
    QTest::newRow("an unknown rule is ignored")
        << L{u"hidden"_s} << L{u"colour=blue"_s} << QString();
}

void TestClientModels::roomRuleCommand()
{
    QFETCH(QStringList, now);
    QFETCH(QStringList, wanted);
    QFETCH(QString, command);
    QCOMPARE(RoomRules::parse(now).commandTo(RoomRules::parse(wanted), u"den"_s), command);
}

// A look's rules replace what the client knew; a rule turned on or off changes that one.
void TestClientModels::roomStateFollowsTheRules()
{
    RoomState state(u"den"_s);
    QSignalSpy changed(&state, &RoomState::rulesChanged);
    state.apply(Event::rules(u"den"_s, {u"invite-only"_s, u"limit=20"_s}), false);
    QCOMPARE(changed.size(), 1);
    RoomRules expected;
    expected.inviteOnly = true;
    expected.limit = 20;
    QCOMPARE(state.rules(), expected);
    state.apply(Event::moderation(u"den"_s, u"bob"_s, u"rule"_s, u"key"_s, u"beer"_s), false);
    state.apply(Event::moderation(u"den"_s, u"bob"_s, u"rule"_s, u"limit"_s, u"off"_s), false);
    state.apply(Event::moderation(u"den"_s, u"bob"_s, u"rule"_s, u"moderated"_s, u"on"_s), false);
    expected.key = u"beer"_s;
    expected.limit = 0;
    expected.moderated = true;
    QCOMPARE(state.rules(), expected);
    QCOMPARE(changed.size(), 4);
    // Another room's rules are not this one's.
    state.apply(Event::rules(u"hall"_s, {}), false);
    QCOMPARE(state.rules(), expected);
    QCOMPARE(changed.size(), 4);
}

void TestClientModels::maskListGathersThePieces_data()
{
    QTest::addColumn<QList<qsizetype>>("firsts"); // of the pieces, in the order they come
    QTest::addColumn<qsizetype>("total");
    QTest::addColumn<QStringList>("masks"); // the list shown afterwards
    QTest::addColumn<bool>("complete");
    const QList<qsizetype> inOrder = {0, 2, 4};
    QTest::newRow("one piece") << QList<qsizetype>{0} << qsizetype(2)
                               << QStringList{u"m0"_s, u"m1"_s} << true;
    QTest::newRow("three pieces") << inOrder << qsizetype(6)
                                  << QStringList{u"m0"_s, u"m1"_s, u"m2"_s,
                                                 u"m3"_s, u"m4"_s, u"m5"_s}
                                  << true;
    QTest::newRow("not whole yet: nothing shown")
        << QList<qsizetype>{0, 2} << qsizetype(6) << QStringList() << false;
    QTest::newRow("a piece missing: dropped")
        << QList<qsizetype>{0, 4} << qsizetype(6) << QStringList() << false;
    QTest::newRow("a new answer starts over")
        << QList<qsizetype>{0, 2, 0, 2, 4} << qsizetype(6)
        << QStringList{u"m0"_s, u"m1"_s, u"m2"_s, u"m3"_s, u"m4"_s, u"m5"_s} << true;
    QTest::newRow("an empty list") << QList<qsizetype>{0} << qsizetype(0) << QStringList() << true;
}

// The server sends a long list in pieces, two entries each here: the table shows a list once
// it is whole, and keeps the one before meanwhile.
void TestClientModels::maskListGathersThePieces()
{
    QFETCH(QList<qsizetype>, firsts);
    QFETCH(qsizetype, total);
    QFETCH(QStringList, masks);
    QFETCH(bool, complete);
    MaskListModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy listed(&model, &MaskListModel::listed);
    const QDateTime now = QDateTime::fromString(u"2026-11-28T12:00:00Z"_s, Qt::ISODate);
    for (const qsizetype first : firsts) {
        QStringList entries;
        for (qsizetype i = first; i < std::min(first + 2, total); ++i)
            entries << u"m%1"_s.arg(i) << (i % 2 ? u"90"_s : QString()) << u"alice"_s
                    << u"reason %1"_s.arg(i);
        model.addPiece(first, total, entries, now);
    }
    QCOMPARE(model.isComplete(), complete);
    QCOMPARE(listed.size(), complete ? 1 : 0);
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        shown << model.index(row, MaskListModel::MaskColumn).data().toString();
        const QDateTime until = model.index(row, 0).data(MaskListModel::UntilRole).toDateTime();
        // Odd ones end 90 seconds after they came; even ones last for good.
        QCOMPARE(until, row % 2 ? now.addSecs(90) : QDateTime());
        QCOMPARE(model.entry(row).setter, u"alice"_s);
        QCOMPARE(model.index(row, MaskListModel::ReasonColumn).data().toString(),
                 u"reason %1"_s.arg(row));
    }
    QCOMPARE(shown, masks);
}

void TestClientModels::maskListKeepsTheListUntilTheNextIsWhole()
{
    MaskListModel model;
    model.addPiece(0, 1, {u"old"_s, QString(), u"alice"_s, QString()});
    QCOMPARE(model.rowCount(), 1);
    model.addPiece(0, 2, {u"new"_s, QString(), u"alice"_s, QString()});
    QCOMPARE(model.entry(0).mask, u"old"_s); // the next is on its way
    QCOMPARE(model.index(0, MaskListModel::UntilColumn).data().toString(), u"For good"_s);
    model.addPiece(1, 2, {u"newer"_s, QString(), u"bob"_s, QString()});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entry(0).mask, u"new"_s);
    QCOMPARE(model.entry(1).setter, u"bob"_s);
}

void TestClientModels::maskListWordsNameTheirList_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<std::optional<MaskListKind>>("list");
    const std::optional<MaskListKind> none;
    QTest::newRow("bans") << u"bans"_s << std::optional(MaskListKind::Bans);
    QTest::newRow("ban") << u"ban"_s << std::optional(MaskListKind::Bans);
    QTest::newRow("unban") << u"unban"_s << std::optional(MaskListKind::Bans);
    QTest::newRow("allowed") << u"allowed"_s << std::optional(MaskListKind::Allowed);
    QTest::newRow("allow") << u"allow"_s << std::optional(MaskListKind::Allowed);
    QTest::newRow("disallow") << u"disallow"_s << std::optional(MaskListKind::Allowed);
    QTest::newRow("exempted") << u"exempted"_s << std::optional(MaskListKind::Exempted);
    QTest::newRow("exempt") << u"exempt"_s << std::optional(MaskListKind::Exempted);
    QTest::newRow("unexempt") << u"unexempt"_s << std::optional(MaskListKind::Exempted);
    QTest::newRow("another act") << u"kick"_s << none;
    QTest::newRow("another list") << u"modlog"_s << none;
    QTest::newRow("capitals") << u"Exempt"_s << none;
    QTest::newRow("empty") << QString() << none;
}

// Each word names its list, and a list's words are the ones that name it.
void TestClientModels::maskListWordsNameTheirList()
{
    QFETCH(QString, word);
    QFETCH(std::optional<MaskListKind>, list);
    QCOMPARE(MaskLists::ofWord(word), list);
    if (list) {
        QVERIFY(QStringList({MaskLists::listCommand(*list), MaskLists::addCommand(*list),
                             MaskLists::removeCommand(*list)})
                    .contains(word));
    }
}

// The server's answers to bans, allowed and exempted, each the piece of its list.
void TestClientModels::maskListAnswersNameTheirList()
{
    QCOMPARE(MaskLists::ofAnswer(Event::Kind::Bans), std::optional(MaskListKind::Bans));
    QCOMPARE(MaskLists::ofAnswer(Event::Kind::Allowed), std::optional(MaskListKind::Allowed));
    QCOMPARE(MaskLists::ofAnswer(Event::Kind::Exempted), std::optional(MaskListKind::Exempted));
    QCOMPARE(MaskLists::ofAnswer(Event::Kind::Modlog), std::optional<MaskListKind>());
}

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
