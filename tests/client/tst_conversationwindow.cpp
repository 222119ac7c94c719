// SPDX-License-Identifier: MIT
// The chat window with several conversations, against a real server on loopback: the side
// panel's unread counts and mentions, Alt+1…9 and the Ctrl+K switcher, the marker line, the
// "new messages below" button, older history on scrolling up, Tab completion, the input with
// an input method composing, notifications through a fake notifier, accessible names.
#include "ChatSession.h"
#include "Conversation.h"
#include "ConversationListModel.h"
#include "FakeNotifier.h"
#include "MessageInput.h"
#include "MessageModel.h"
#include "QuickSwitcher.h"
#include "Translations.h"
#include "WindowTestKit.h"

#include <QAccessible>
#include <QApplication>
#include <QInputMethodEvent>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace WindowTestKit;

class TestConversationWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void panelCountsUnreadAndMentions();
    void altNumberSwitches();
    void quickSwitcherFilters();
    void markerLineAtTheFirstUnread();
    void markerSurvivesARestartOfTheClient();
    void newMessagesBelowButton();
    void olderHistoryLoadsOnScrollingUp();
    void tabCompletesRecentSpeakersFirst();
    void enterWaitsForTheInputMethod();
    void shiftEnterStartsANewLine();
    void ownLineToAnotherRoomIsShownWhereTyped();
    void notesGoWhereTheyAreTyped();
    void roomListsAnswerInThePane();
    void notificationClickOpensTheConversation();
    void everyControlHasAnAccessibleName();

private:
    // alice in the window (in hall, then in lab, which is active), bob in hall.
    struct Scene
    {
        FakeNotifier notifier; // outlives the client, which notifies through it
        TestServer server{[] {
            TestServer::Options options;
            options.floodRate = 0;
            return options;
        }()};
        ClientController client{&notifier};
        ChatConnection bob;
        ChatWindow *chat = nullptr;
        ChatSession *session = nullptr;
    };
    static bool setUp(Scene &scene);
    static bool activate(ChatWindow *chat);
    static int row(const Scene &scene, const QString &key);
};

void TestConversationWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_conversationwindow"_s);
    QCoreApplication::installTranslator(
        const_cast<QTranslator *>(Translations::translator(u"en"_s)));
}

void TestConversationWindow::init()
{
    QSettings().clear();
}

bool TestConversationWindow::setUp(Scene &scene)
{
    if (!logIn(scene.client, scene.server, u"alice"_s) || !logIn(scene.bob, scene.server, u"bob"_s))
        return false;
    scene.chat = scene.client.chatWindow();
    scene.session = scene.client.session();
    scene.chat->resize(1100, 640);
    scene.client.connection()->createRoom(u"lab"_s);
    return QTest::qWaitFor(
        [&] { return scene.session->active() && scene.session->active()->key() == "#lab"_L1; });
}

bool TestConversationWindow::activate(ChatWindow *chat)
{
    chat->activateWindow();
    return QTest::qWaitForWindowActive(chat);
}

int TestConversationWindow::row(const Scene &scene, const QString &key)
{
    return scene.session->conversations()->rowOf(scene.session->conversation(key));
}

void TestConversationWindow::panelCountsUnreadAndMentions()
{
    Scene scene;
    QVERIFY(setUp(scene));
    QVERIFY(activate(scene.chat));
    scene.bob.say(u"hall"_s, u"anyone?"_s);
    scene.bob.say(u"hall"_s, u"alice, are you there?"_s);
    scene.bob.say(u"hall"_s, u"hello"_s);
    const ConversationListModel *list = scene.session->conversations();
    const QModelIndex hall = list->index(row(scene, u"#hall"_s));
    QTRY_COMPARE(hall.data(ConversationListModel::UnreadRole).toInt(), 3);
    QCOMPARE(hall.data(ConversationListModel::MentionsRole).toInt(), 1);
    QCOMPARE(scene.chat->unread(), 3);
    const QModelIndex lab = list->index(row(scene, u"#lab"_s));
    QCOMPARE(lab.data(ConversationListModel::UnreadRole).toInt(), 0);

    // Clicking the row opens hall and reads it.
    auto *panel = child<QAbstractItemView>(scene.chat, u"conversations"_s);
    QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, panel->visualRect(hall).center());
    QTRY_COMPARE(scene.session->active()->key(), u"#hall"_s);
    QTRY_COMPARE(hall.data(ConversationListModel::UnreadRole).toInt(), 0);
    QCOMPARE(hall.data(ConversationListModel::MentionsRole).toInt(), 0);
    QVERIFY(paneText(scene.chat).contains(u"alice, are you there?"_s));
    QVERIFY(!paneText(scene.chat).contains(u"You are now in lab."_s)); // lab's own lines
}

void TestConversationWindow::altNumberSwitches()
{
    Scene scene;
    QVERIFY(setUp(scene));
    scene.bob.sendPrivate(u"alice"_s, u"psst"_s);
    QTRY_VERIFY(scene.session->conversation(u"@bob"_s));
    QVERIFY(activate(scene.chat));
    const QStringList order{u"#hall"_s, u"#lab"_s, u"@bob"_s}; // rooms first, then private
    for (int i : {2, 0, 1}) {
        QTest::keyClick(scene.chat, Qt::Key(Qt::Key_1 + i), Qt::AltModifier);
        QTRY_COMPARE(scene.session->active()->key(), order.at(i));
    }
    QTest::keyClick(scene.chat, Qt::Key_9, Qt::AltModifier); // no ninth: nothing happens
    QCOMPARE(scene.session->active()->key(), u"#lab"_s);
}

void TestConversationWindow::quickSwitcherFilters()
{
    Scene scene;
    QVERIFY(setUp(scene));
    scene.bob.sendPrivate(u"alice"_s, u"psst"_s);
    QTRY_VERIFY(scene.session->conversation(u"@bob"_s));
    QVERIFY(activate(scene.chat));
    QTest::keyClick(scene.chat, Qt::Key_K, Qt::ControlModifier);
    auto *switcher = child<QuickSwitcher>(scene.chat, u"quickSwitcher"_s);
    QTRY_VERIFY(switcher->isVisible());
    auto *filter = child<QLineEdit>(switcher, u"switcherFilter"_s);
    auto *list = child<QAbstractItemView>(switcher, u"switcherList"_s);
    QCOMPARE(list->model()->rowCount(), 3);
    QTest::keyClicks(filter, u"HA"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!switcher->isVisible());
    QCOMPARE(scene.session->active()->key(), u"#hall"_s);

    // A name nobody has: Enter offers the room to join or create.
    QTest::keyClick(scene.chat, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(switcher->isVisible());
    QVERIFY(filter->text().isEmpty());
    QTest::keyClicks(filter, u"garden"_s);
    QTRY_COMPARE(list->model()->rowCount(), 0);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(scene.session->active() && scene.session->active()->key() == "#garden"_L1);
}

void TestConversationWindow::markerLineAtTheFirstUnread()
{
    Scene scene;
    QVERIFY(setUp(scene));
    QVERIFY(activate(scene.chat));
    scene.bob.say(u"hall"_s, u"before"_s);
    Conversation *hall = scene.session->conversation(u"#hall"_s);
    QTRY_COMPARE(hall->unread(), 1);
    scene.session->setActive(hall); // read: no marker while reading
    QTRY_COMPARE(hall->unread(), 0);
    scene.session->setActive(scene.session->conversation(u"#lab"_s));
    for (int i = 0; i < 40; ++i)
        scene.bob.say(u"hall"_s, u"new line %1"_s.arg(i));
    QTRY_COMPARE(hall->unread(), 40);

    scene.session->setActive(hall);
    MessageModel *messages = hall->messages();
    const int marker = messages->firstUnreadRow();
    QVERIFY(marker >= 0);
    QCOMPARE(messages->line(marker).text, u"new line 0"_s);
    QVERIFY(messages->index(marker).data(MessageModel::FirstUnreadRole).toBool());
    // The pane opens at the marker, not at the bottom, and a button leads down.
    auto *pane = child<QAbstractItemView>(scene.chat, u"messages"_s);
    QTRY_VERIFY(pane->viewport()->rect().intersects(pane->visualRect(messages->index(marker))));
    QVERIFY(pane->verticalScrollBar()->value() < pane->verticalScrollBar()->maximum());
}

// The client remembers the last line read in each room: started again the next morning, it
// puts the marker above the first line said after that, out of the room's recent history.
void TestConversationWindow::markerSurvivesARestartOfTheClient()
{
    TestServer server;
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    {
        FakeNotifier notifier;
        ClientController evening(&notifier);
        QVERIFY(logIn(evening, server, u"alice"_s));
        QVERIFY(activate(evening.chatWindow()));
        bob.say(u"hall"_s, u"read 1"_s);
        bob.say(u"hall"_s, u"read 2"_s);
        QTRY_VERIFY(paneText(evening.chatWindow()).contains(u"read 2"_s));
        QCOMPARE(evening.session()->totalUnread(), 0);
        QSignalSpy finished(&evening, &ClientController::finished);
        evening.chatWindow()->close();
        QVERIFY(finished.wait(5000));
    }
    for (int i = 1; i <= 3; ++i)
        bob.say(u"hall"_s, u"overnight %1"_s.arg(i));
    ChatConnection carol; // a barrier: carol hears bob's last line once the server has it
    QSignalSpy carolHears(&carol, &ChatConnection::message);
    QVERIFY(logIn(carol, server, u"carol"_s));
    bob.say(u"hall"_s, u"overnight 4"_s);
    QTRY_VERIFY(!carolHears.isEmpty());

    FakeNotifier notifier;
    ClientController morning(&notifier);
    QVERIFY(logIn(morning, server, u"alice"_s));
    Conversation *hall = nullptr;
    QTRY_VERIFY((hall = morning.session()->conversation(u"#hall"_s)));
    QTRY_VERIFY(hall->messages()->hasFirstUnread());
    const int marker = hall->messages()->firstUnreadRow();
    QCOMPARE(hall->messages()->line(marker).text, u"overnight 1"_s);
    QCOMPARE(hall->messages()->line(marker - 1).kind, ChatLine::Kind::Divider);
    QVERIFY(paneText(morning.chatWindow()).contains(u"read 2"_s)); // what came before, read
}

void TestConversationWindow::newMessagesBelowButton()
{
    Scene scene;
    QVERIFY(setUp(scene));
    QVERIFY(activate(scene.chat));
    scene.session->setActive(scene.session->conversation(u"#hall"_s));
    for (int i = 0; i < 60; ++i)
        scene.bob.say(u"hall"_s, u"line %1"_s.arg(i));
    QTRY_VERIFY(paneText(scene.chat).contains(u"line 59"_s));
    auto *pane = child<QAbstractItemView>(scene.chat, u"messages"_s);
    QScrollBar *bar = pane->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
    auto *below = child<QPushButton>(scene.chat, u"newBelow"_s);
    QVERIFY(!below->isVisible());

    bar->setValue(bar->maximum() / 2);
    const int where = bar->value();
    scene.bob.say(u"hall"_s, u"after 1"_s);
    scene.bob.say(u"hall"_s, u"after 2"_s);
    QTRY_VERIFY(below->isVisible());
    QTRY_VERIFY2(below->text().contains(u"2 new messages"_s), qPrintable(below->text()));
    QCOMPARE(bar->value(), where);

    QTest::mouseClick(below, Qt::LeftButton);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(!below->isVisible());
}

void TestConversationWindow::olderHistoryLoadsOnScrollingUp()
{
    // Pages of history through a sanitizer build on a busy machine take their time.
    constexpr int Busy = 30000;
    Scene scene;
    QVERIFY(setUp(scene));
    // 450 lines in a room alice has not entered yet: entering shows the newest, and older
    // pages come as she scrolls up, the line she reads staying where it is.
    scene.bob.createRoom(u"archive"_s);
    QTRY_COMPARE(scene.bob.room(), u"archive"_s);
    for (int i = 0; i < 450; ++i)
        scene.bob.say(u"archive"_s, u"archived %1"_s.arg(i));
    QSignalSpy said(&scene.bob, &ChatConnection::message);
    scene.bob.say(u"archive"_s, u"the end"_s);
    // bob hears his own last line once the server has taken all of them.
    QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty() && said.last().at(2).toString() == "the end"_L1, Busy);
    scene.client.connection()->joinRoom(u"archive"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        scene.session->active() && scene.session->active()->key() == "#archive"_L1, Busy);
    MessageModel *messages = scene.session->active()->messages();
    QTRY_VERIFY_WITH_TIMEOUT(messages->lineCount() >= 50, Busy);
    const qsizetype first = messages->lineCount();
    QVERIFY2(first < 451, qPrintable(QString::number(first)));

    auto *pane = child<QAbstractItemView>(scene.chat, u"messages"_s);
    QScrollBar *bar = pane->verticalScrollBar();
    int pages = 0;
    for (; pages < 6 && messages->line(0).text != "archived 0"_L1; ++pages) {
        const int rows = messages->rowCount();
        bar->setValue(0);
        // A person whose scroll to the top brought nothing (the pane not laid out yet on a
        // busy machine) scrolls again; the bar is left alone once the page is in.
        QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > rows ||
                                     (bar->setValue(bar->maximum()), bar->setValue(0), false),
                                 Busy);
        // The line that was at the top stays there, with the older ones above it.
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, Busy);
        QCOMPARE(pane->indexAt(QPoint(1, 1)).row(), messages->rowCount() - rows);
    }
    QCOMPARE(messages->line(0).text, u"archived 0"_s);
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages))); // pages of about 200
    // Date separators: the first line of a day starts a day.
    QVERIFY(messages->index(0).data(MessageModel::DayStartRole).toBool());
}

void TestConversationWindow::tabCompletesRecentSpeakersFirst()
{
    Scene scene;
    QVERIFY(setUp(scene));
    ChatConnection bea;
    QVERIFY(logIn(bea, scene.server, u"bea"_s));
    scene.session->setActive(scene.session->conversation(u"#hall"_s));
    scene.bob.say(u"hall"_s, u"first"_s);
    bea.say(u"hall"_s, u"second"_s); // bea spoke last
    QTRY_VERIFY(paneText(scene.chat).contains(u"second"_s));
    QVERIFY(activate(scene.chat));
    auto *input = child<MessageInput>(scene.chat, u"input"_s);
    input->setFocus();
    QTest::keyClicks(input, u"b"_s);
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), u"bea: "_s);
    QTest::keyClick(input, Qt::Key_Tab); // again: the next one
    QCOMPARE(input->text(), u"bob: "_s);
    QCOMPARE(QApplication::focusWidget(), input); // Tab completed instead of moving on
    QTest::keyClicks(input, u"hi "_s);
    QTest::keyClicks(input, u"B"_s);
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), u"bob: hi bea "_s);
}

void TestConversationWindow::enterWaitsForTheInputMethod()
{
    Scene scene;
    QVERIFY(setUp(scene));
    scene.session->setActive(scene.session->conversation(u"#hall"_s));
    QSignalSpy bobHears(&scene.bob, &ChatConnection::message);
    QVERIFY(activate(scene.chat));
    auto *input = child<MessageInput>(scene.chat, u"input"_s);
    input->setFocus();

    // Pinyin being composed: Enter belongs to the input method.
    QInputMethodEvent composing(u"ni hao"_s, {});
    QApplication::sendEvent(input, &composing);
    QVERIFY(input->isComposing());
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(input->text().isEmpty());
    // The input method commits its candidate; now Enter sends.
    QInputMethodEvent committed;
    committed.setCommitString(u"你好"_s);
    QApplication::sendEvent(input, &committed);
    QVERIFY(!input->isComposing());
    QCOMPARE(input->text(), u"你好"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(bobHears.wait(5000));
    QCOMPARE(bobHears.first().at(2).toString(), u"你好"_s);
    QVERIFY(input->text().isEmpty());
}

void TestConversationWindow::shiftEnterStartsANewLine()
{
    Scene scene;
    QVERIFY(setUp(scene));
    scene.session->setActive(scene.session->conversation(u"#hall"_s));
    QSignalSpy bobHears(&scene.bob, &ChatConnection::message);
    QVERIFY(activate(scene.chat));
    auto *input = child<MessageInput>(scene.chat, u"input"_s);
    input->setFocus();
    const int oneLine = input->height();
    QTest::keyClicks(input, u"first"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, u"second"_s);
    QCOMPARE(input->text(), u"first\nsecond"_s);
    QTRY_VERIFY(input->height() > oneLine); // it grows with its lines
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(bobHears.size(), 2); // each line a message
    QCOMPARE(bobHears.at(0).at(2).toString(), u"first"_s);
    QCOMPARE(bobHears.at(1).at(2).toString(), u"second"_s);
    QTRY_COMPARE(input->height(), oneLine);
}

void TestConversationWindow::ownLineToAnotherRoomIsShownWhereTyped()
{
    Scene scene;
    QVERIFY(setUp(scene));
    // bob's room takes lines from people outside it, such as alice.
    QSignalSpy bobHears(&scene.bob, &ChatConnection::message);
    QSignalSpy ruled(&scene.bob, &ChatConnection::moderated);
    scene.bob.createRoom(u"desk"_s);
    scene.bob.sendLine(u"/rule #desk outside-messages on"_s);
    QTRY_COMPARE(ruled.size(), 1);
    QVERIFY(activate(scene.chat));
    auto *input = child<MessageInput>(scene.chat, u"input"_s);
    input->setFocus();
    QTest::keyClicks(input, u"/say #desk build 42 passed"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(bobHears.size(), 1);
    QTest::keyClicks(input, u"/me #desk waves"_s);
    QTest::keyClick(input, Qt::Key_Return);
    // In lab, where it was typed; no conversation opens for desk.
    QTRY_VERIFY(paneText(scene.chat).contains(u"To desk: build 42 passed"_s));
    QTRY_VERIFY(paneText(scene.chat).contains(u"To desk: * alice waves"_s));
    QCOMPARE(scene.session->active()->key(), u"#lab"_s);
    QVERIFY(!scene.session->conversation(u"#desk"_s));
}

// "/note" without a target goes to the conversation on screen, a room or a person, as plain
// text does; notes read "-nick- text".
void TestConversationWindow::notesGoWhereTheyAreTyped()
{
    Scene scene;
    QVERIFY(setUp(scene));
    QSignalSpy bobLines(&scene.bob, &ChatConnection::lineReceived);
    scene.bob.joinRoom(u"lab"_s);
    QTRY_VERIFY(scene.bob.joinedRooms().names().contains(u"lab"_s));
    scene.bob.switchRoom(u"hall"_s); // bob talks in hall: alice's note still goes to lab
    QVERIFY(activate(scene.chat));
    auto *input = child<MessageInput>(scene.chat, u"input"_s);
    input->setFocus();
    QTest::keyClicks(input, u"/note build 42 passed"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(paneText(scene.chat).contains(u"-alice- build 42 passed"_s));
    const auto bobGot = [&bobLines](const QString &text) {
        for (const QList<QVariant> &args : bobLines) {
            const ChatLine line = args.first().value<ChatLine>();
            if (line.text == text && line.note)
                return line;
        }
        return ChatLine();
    };
    QTRY_COMPARE(bobGot(u"build 42 passed"_s).room, u"lab"_s);

    scene.bob.sendLine(u"/note @alice your branch is green"_s);
    QTRY_VERIFY(scene.session->conversation(u"@bob"_s));
    scene.session->setActive(scene.session->conversation(u"@bob"_s));
    QTRY_VERIFY(paneText(scene.chat).contains(u"-bob- your branch is green"_s));
    QTest::keyClicks(input, u"/note thanks"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(bobGot(u"thanks"_s).peer, u"alice"_s);
    QTRY_VERIFY(paneText(scene.chat).contains(u"-alice- thanks"_s));
}

void TestConversationWindow::roomListsAnswerInThePane()
{
    Scene scene;
    QVERIFY(setUp(scene)); // alice owns lab
    QVERIFY(activate(scene.chat));
    auto *input = child<MessageInput>(scene.chat, u"input"_s);
    input->setFocus();
    for (const QString &line :
         {u"/ban 10.0.0.0/8 flood"_s, u"/bans"_s, u"/allow bob"_s, u"/allowed"_s,
          u"/exempt account:carol"_s, u"/exempted"_s, u"/modlog"_s}) {
        QTest::keyClicks(input, line);
        QTest::keyClick(input, Qt::Key_Return);
    }
    const QString banned = u"alice banned 10.0.0.0/8 from the room. Reason: flood"_s;
    QTRY_VERIFY(paneText(scene.chat).contains(u"Moderation in lab (3):"_s));
    const QString pane = paneText(scene.chat);
    for (const QString &shown :
         {banned, u"Banned from lab (1):"_s, u"10.0.0.0/8, by alice: flood"_s,
          u"Let into lab without an invitation (1):"_s, u"bob, by alice"_s,
          u": alice lets bob into the room without an invitation."_s,
          u"alice lets account:carol into the room even when a ban catches them."_s,
          u"Let into lab despite its bans (1):"_s, u"account:carol, by alice"_s})
        QVERIFY2(pane.contains(shown), qPrintable(shown + u"\n---\n"_s + pane));
    QCOMPARE(pane.count(banned), 2); // the act, and the log's line about it

    // An invitation into a room alice is not in comes where she is reading.
    scene.bob.createRoom(u"desk"_s);
    scene.bob.sendLine(u"/rule invite-only on"_s);
    scene.bob.sendLine(u"/invite alice"_s);
    QTRY_VERIFY(paneText(scene.chat).contains(u"In desk: bob invited you into the room."_s));
}

void TestConversationWindow::notificationClickOpensTheConversation()
{
    Scene scene;
    QVERIFY(setUp(scene));
    QWidget elsewhere; // the person works in another window
    elsewhere.show();
    elsewhere.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&elsewhere));

    scene.bob.sendPrivate(u"alice"_s, u"call me"_s);
    scene.bob.say(u"hall"_s, u"ordinary"_s);
    scene.bob.say(u"hall"_s, u"alice: the build is green"_s);
    QTRY_COMPARE(scene.notifier.shown().size(), 2);
    QCOMPARE(scene.notifier.shown().value(u"@bob"_s).body, u"call me"_s);
    QCOMPARE(scene.notifier.shown().value(u"#hall"_s).body, u"alice: the build is green"_s);

    scene.notifier.click(u"@bob"_s);
    QTRY_COMPARE(scene.session->active()->key(), u"@bob"_s);
    QVERIFY(QTest::qWaitForWindowActive(scene.chat));
    QVERIFY(paneText(scene.chat).contains(u"call me"_s));
    QTRY_VERIFY(!scene.notifier.shown().contains(u"@bob"_s)); // read: taken away
    QVERIFY(scene.notifier.shown().contains(u"#hall"_s));
}

void TestConversationWindow::everyControlHasAnAccessibleName()
{
    Scene scene;
    QVERIFY(setUp(scene));
    QVERIFY(activate(scene.chat));
    QTest::keyClick(scene.chat, Qt::Key_K, Qt::ControlModifier); // the switcher too
    auto *switcher = child<QuickSwitcher>(scene.chat, u"quickSwitcher"_s);
    QTRY_VERIFY(switcher->isVisible());
    QTest::mouseClick(child<QPushButton>(scene.chat, u"roomsButton"_s), Qt::LeftButton);
    QWidget *rooms = child<QWidget>(scene.chat, u"rooms"_s)->window();
    QTRY_VERIFY(rooms->isVisible());
    QList<QWidget *> windows{scene.chat, switcher, rooms, scene.client.loginWindow()};
    QStringList nameless;
    for (QWidget *window : windows) {
        QList<QWidget *> widgets = window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (widget->focusPolicy() == Qt::NoFocus || widget->window() != window)
                continue;
            // What a screen reader says: the accessible name, or for a button its text.
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            const QString name = accessible ? accessible->text(QAccessible::Name) : QString();
            if (name.trimmed().isEmpty())
                nameless << u"%1 %2"_s.arg(QString::fromLatin1(widget->metaObject()->className()),
                                           widget->objectName());
        }
    }
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(u", "_s)));
}

QTEST_MAIN(TestConversationWindow)
#include "tst_conversationwindow.moc"
