// SPDX-License-Identifier: MIT
// The chat window as a person uses it all day: the pane follows new lines through every change
// of size, Tab moves between controls without disturbing the pane, a narrow window belongs to
// the conversation, the reconnect banner keeps the cause in view, and listings read well.
#include "CutProxy.h"
#include "MessageInput.h"
#include "Translations.h"
#include "WindowTestKit.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace WindowTestKit;

using State = ChatConnection::State;

class TestChatWindow : public QObject
{
    Q_OBJECT

public:
    enum class Change { HidePeople, ShowPeople, ShowBanner, HideBanner, Narrower, Wider };
    Q_ENUM(Change)

private slots:
    void initTestCase();
    void init();
    void paneFollowsNewLinesThroughSizeChanges_data();
    void paneFollowsNewLinesThroughSizeChanges();
    void paneStaysWhereTheReaderScrolled_data();
    void paneStaysWhereTheReaderScrolled();
    void tabVisitsControlsWithoutScrollingThePane();
    void narrowWindowGivesThePaneTheRoom_data();
    void narrowWindowGivesThePaneTheRoom();
    void bannerShowsTheCauseThenTheRetries_data();
    void bannerShowsTheCauseThenTheRetries();
    void roomListReadsWell();
    void moveSaysWhereTo();
    void roomsDialogMarksTheCurrentRoom();

private:
    // A window with enough long lines from bob to scroll, with the change's preconditions
    // met (the people list hidden before ShowPeople, the banner shown before HideBanner).
    struct Scene
    {
        std::unique_ptr<TestServer> server;
        std::unique_ptr<CutProxy> proxy;
        std::unique_ptr<ClientController> client;
        std::unique_ptr<ChatConnection> bob;
        ChatWindow *chat = nullptr;
        QScrollBar *bar = nullptr;
        int said = 0;
    };
    static bool setUp(Scene &scene, Change change);
    static bool say(Scene &scene, int lines);
    static bool apply(Scene &scene, Change change);
    static void settle(Scene &scene);
};

void TestChatWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_chatwindow"_s);
    // As chat-client does: English plural forms ("1 person", "3 rooms") come from it.
    QCoreApplication::installTranslator(
        const_cast<QTranslator *>(Translations::translator(u"en"_s)));
}

void TestChatWindow::init()
{
    QSettings().clear();
}

bool TestChatWindow::say(Scene &scene, int lines)
{
    // Lines of many lengths: whatever the pane's width, a change of it re-wraps some of them.
    static const QString words = u"a line of chat that wraps differently at every width "_s;
    for (int i = 0; i < lines; ++i, ++scene.said)
        scene.bob->sendLine(u"line %1: %2"_s.arg(scene.said).arg(words.repeated(1 + i % 9)));
    const QString last = u"line %1:"_s.arg(scene.said - 1);
    return QTest::qWaitFor([&] { return paneText(scene.chat).contains(last); }, 5000);
}

bool TestChatWindow::setUp(Scene &scene, Change change)
{
    TestServer::Options options;
    options.floodRate = 0;
    scene.server = std::make_unique<TestServer>(options);
    scene.proxy = std::make_unique<CutProxy>(scene.server->port());
    scene.client = std::make_unique<ClientController>();
    scene.client->connection()->setReconnectDelay(50);
    if (!logIn(*scene.client, u"127.0.0.1:%1"_s.arg(scene.proxy->port()), u"alice"_s))
        return false;
    scene.chat = scene.client->chatWindow();
    scene.chat->resize(1100, 600); // wide enough for both side lists
    scene.bar = child<QAbstractScrollArea>(scene.chat, u"messages"_s)->verticalScrollBar();
    scene.bob = std::make_unique<ChatConnection>();
    if (!logIn(*scene.bob, *scene.server, u"bob"_s) || !say(scene, 60))
        return false;
    bool ready = true;
    if (change == Change::ShowPeople)
        ready = apply(scene, Change::HidePeople);
    if (change == Change::HideBanner)
        ready = apply(scene, Change::ShowBanner);
    settle(scene);
    return ready;
}

void TestChatWindow::settle(Scene &scene)
{
    // Layouts and the text layout run from posted events: done once a few rounds of the event
    // loop leave the pane's height alone.
    int unchanged = 0;
    for (int round = 0; round < 100 && unchanged < 5; ++round) {
        const int before = scene.bar->maximum();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        unchanged = scene.bar->maximum() == before ? unchanged + 1 : 0;
    }
}

bool TestChatWindow::apply(Scene &scene, Change change)
{
    auto *people = child<QPushButton>(scene.chat, u"users"_s);
    auto *banner = child<QLabel>(scene.chat, u"banner"_s);
    switch (change) {
    case Change::HidePeople:
    case Change::ShowPeople:
        if (people->isChecked() != (change == Change::HidePeople))
            return false;
        QTest::mouseClick(people, Qt::LeftButton);
        return people->isChecked() == (change == Change::ShowPeople);
    case Change::ShowBanner:
        scene.proxy->hold();
        scene.proxy->cut();
        return QTest::qWaitFor([&] { return banner->isVisible(); }, 5000);
    case Change::HideBanner:
        scene.proxy->release();
        return QTest::qWaitFor([&] { return !banner->isVisible(); }, 5000);
    case Change::Narrower:
        scene.chat->resize(900, 600);
        return true;
    case Change::Wider:
        scene.chat->resize(1400, 600);
        return true;
    }
    return false;
}

void TestChatWindow::paneFollowsNewLinesThroughSizeChanges_data()
{
    QTest::addColumn<Change>("change");
    QTest::newRow("people list hidden") << Change::HidePeople;
    QTest::newRow("people list shown") << Change::ShowPeople;
    QTest::newRow("banner shown") << Change::ShowBanner;
    QTest::newRow("banner hidden") << Change::HideBanner;
    QTest::newRow("window narrower") << Change::Narrower;
    QTest::newRow("window wider") << Change::Wider;
}

void TestChatWindow::paneFollowsNewLinesThroughSizeChanges()
{
    QFETCH(Change, change);
    Scene scene;
    QVERIFY(setUp(scene, change));
    QScrollBar *bar = scene.bar;
    QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
    const int before = bar->maximum();

    QVERIFY(apply(scene, change));
    QTRY_VERIFY2(bar->maximum() != before, "the change did not change the pane's height");
    QTRY_COMPARE(bar->value(), bar->maximum());
    if (change != Change::ShowBanner) { // while reconnecting, nobody's lines arrive
        QVERIFY(say(scene, 3));
        QTRY_COMPARE(bar->value(), bar->maximum());
    }
}

void TestChatWindow::paneStaysWhereTheReaderScrolled_data()
{
    paneFollowsNewLinesThroughSizeChanges_data();
}

void TestChatWindow::paneStaysWhereTheReaderScrolled()
{
    QFETCH(Change, change);
    Scene scene;
    QVERIFY(setUp(scene, change));
    QScrollBar *bar = scene.bar;
    QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
    bar->setValue(bar->maximum() / 3); // the reader scrolls back
    const int where = bar->value();
    const int before = bar->maximum();

    QVERIFY(apply(scene, change));
    QTRY_VERIFY(bar->maximum() != before);
    QCOMPARE(bar->value(), where);
    if (change != Change::ShowBanner) {
        QVERIFY(say(scene, 3));
        QCOMPARE(bar->value(), where);
        QVERIFY(bar->value() < bar->maximum());
    }
}

// Tab goes round the window's controls; each shows that it has the focus, and the pane is
// never scrolled (QTextBrowser walked Tab through its links, scrolling to the oldest one).
void TestChatWindow::tabVisitsControlsWithoutScrollingThePane()
{
    TestServer::Options options;
    options.floodRate = 0;
    TestServer server(options);
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatWindow *chat = client.chatWindow();
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    for (int i = 0; i < 40; ++i)
        bob.sendLine(u"link %1: https://example.org/page/%1 and some words around it"_s.arg(i));
    QTRY_VERIFY(paneText(chat).contains(u"link 39:"_s));
    QScrollBar *bar = child<QAbstractScrollArea>(chat, u"messages"_s)->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
    chat->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(chat));
    auto *input = child<QWidget>(chat, u"input"_s);
    input->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), input);

    QList<QWidget *> stops;
    QList<QImage> focused;
    for (int i = 0; i < 30; ++i) {
        QWidget *now = QApplication::focusWidget();
        QVERIFY(now && now->isVisible());
        stops << now;
        focused << now->grab().toImage();
        QTest::keyClick(now, Qt::Key_Tab);
        QVERIFY2(bar->value() == bar->maximum(),
                 qPrintable(u"Tab from %1 scrolled the pane"_s.arg(now->objectName())));
        if (QApplication::focusWidget() == input)
            break;
    }
    QCOMPARE(QApplication::focusWidget(), input); // Tab goes round
    QVERIFY(stops.size() >= 4);
    for (qsizetype i = 1; i < stops.size(); ++i) {
        const QImage unfocused = stops.at(i)->grab().toImage();
        QVERIFY2(unfocused != focused.at(i),
                 qPrintable(u"%1 (%2) shows no focus"_s.arg(
                     stops.at(i)->objectName(),
                     QString::fromLatin1(stops.at(i)->metaObject()->className()))));
    }
}

void TestChatWindow::narrowWindowGivesThePaneTheRoom_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("phone-narrow") << 360;
    QTest::newRow("narrow") << 480;
    QTest::newRow("half a laptop screen") << 680;
    QTest::newRow("default") << 760;
    QTest::newRow("wide") << 1280;
}

void TestChatWindow::narrowWindowGivesThePaneTheRoom()
{
    QFETCH(int, width);
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatWindow *chat = client.chatWindow();
    chat->resize(width, 520);
    QTRY_VERIFY2(chat->width() <= std::max(width, 400), qPrintable(QString::number(chat->width())));
    const auto *pane = child<QWidget>(chat, u"messages"_s);
    const auto *input = child<QWidget>(chat, u"input"_s);
    const auto *people = child<QWidget>(chat, u"userList"_s);
    QTRY_VERIFY2(pane->width() >= chat->width() * 6 / 10,
                 qPrintable(u"pane %1 of %2"_s.arg(pane->width()).arg(chat->width())));
    QTRY_VERIFY2(input->width() >= chat->width() * 6 / 10, // the splitter lays out later
                 qPrintable(u"input %1 of %2"_s.arg(input->width()).arg(chat->width())));
    if (people->isVisible())
        QVERIFY(people->width() <= chat->width() * 3 / 10 + 1);
}

void TestChatWindow::bannerShowsTheCauseThenTheRetries_data()
{
    QTest::addColumn<bool>("shutdown");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("retry");
    QTest::newRow("server shut down") << true << u"shutting down"_s << u"refused"_s;
    QTest::newRow("connection lost") << false << u"was lost"_s << u"did not answer"_s;
}

void TestChatWindow::bannerShowsTheCauseThenTheRetries()
{
    QFETCH(bool, shutdown);
    QFETCH(QString, cause);
    QFETCH(QString, retry);
    TestServer server;
    CutProxy proxy(server.port());
    ClientController client;
    client.connection()->setReconnectDelay(50);
    // A stopped server refuses connections; the proxy would accept them and say nothing.
    const quint16 port = shutdown ? server.port() : proxy.port();
    QVERIFY(logIn(client, u"127.0.0.1:%1"_s.arg(port), u"alice"_s));
    // A held connection times out quickly; set after logging in, because a first login that
    // times out on a busy machine is not retried.
    client.connection()->setTimeout(300);
    auto *banner = child<QLabel>(client.chatWindow(), u"banner"_s);
    QSignalSpy lost(client.connection(), &ChatConnection::connectionLost);

    if (shutdown) {
        QVERIFY(server.stop());
    } else {
        proxy.hold();
        proxy.cut();
    }
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(cause), qPrintable(banner->text()));
    QTRY_VERIFY_WITH_TIMEOUT(lost.size() >= 3, 10000);
    const QString text = banner->text();
    QVERIFY2(text.contains(cause) && text.contains(retry), qPrintable(text));
    QVERIFY2(text.indexOf(cause) < text.indexOf(retry), qPrintable(text));

    if (shutdown)
        QVERIFY(server.startAgain());
    else
        proxy.release();
    QTRY_COMPARE_WITH_TIMEOUT(client.connection()->state(), State::LoggedIn, 10000);
    QVERIFY(!banner->isVisible());
}

void TestChatWindow::roomListReadsWell()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.createRoom(u"lab"_s);
    QTRY_COMPARE(bob.room(), u"lab"_s);
    bob.sendLine(u"/topic soldering; bring flux"_s);
    QTRY_COMPARE(bob.topic(), u"soldering; bring flux"_s);
    bob.createRoom(u"side"_s);
    QTRY_COMPARE(bob.room(), u"side"_s);
    bob.leaveRoom(u"side"_s);
    QTRY_COMPARE(bob.room(), u"lab"_s);

    auto *input = child<MessageInput>(client.chatWindow(), u"input"_s);
    input->setText(u"/list"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY2(paneText(client.chatWindow()).contains(u"3 rooms on this server:"_s),
                 qPrintable(paneText(client.chatWindow())));
    const QString text = paneText(client.chatWindow());
    QVERIFY2(text.contains(u"hall — 2 people"_s), qPrintable(text));
    QVERIFY2(text.contains(u"lab — 1 person — soldering; bring flux"_s), qPrintable(text));
    QVERIFY2(text.contains(u"side — nobody in it"_s), qPrintable(text));
}

void TestChatWindow::moveSaysWhereTo()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection *alice = client.connection();
    // Moving is what `rooms one` does; the client is in several rooms unless told so.
    QSignalSpy set(alice, &ChatConnection::settingsReceived);
    alice->sendLine(u"/set rooms one"_s);
    alice->sendLine(u"/set"_s);
    QVERIFY(set.wait(5000));
    alice->createRoom(u"lab"_s);
    QTRY_COMPARE(alice->room(), u"lab"_s);
    QTRY_VERIFY(paneText(client.chatWindow()).contains(u"You left hall and are now in lab."_s));
    QVERIFY(!paneText(client.chatWindow()).contains(u"You left hall."_s));
    QVERIFY(!paneText(client.chatWindow()).contains(u"You are now in lab."_s));
}

void TestChatWindow::roomsDialogMarksTheCurrentRoom()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.createRoom(u"lab"_s);
    QTRY_COMPARE(bob.room(), u"lab"_s);

    QTest::mouseClick(child<QPushButton>(client.chatWindow(), u"roomsButton"_s), Qt::LeftButton);
    auto *rooms = child<QTreeView>(client.chatWindow(), u"rooms"_s);
    QTRY_COMPARE(rooms->model()->rowCount(), 2);
    auto name = [rooms](int row) { return rooms->model()->index(row, 0).data().toString(); };
    QCOMPARE(name(0), u"hall (you are here)"_s);
    QCOMPARE(name(1), u"lab"_s);

    client.connection()->joinRoom(u"lab"_s);
    QTRY_COMPARE(name(1), u"lab (you are here)"_s);
    QCOMPARE(name(0), u"hall (joined)"_s); // in it too, looking at lab
}

QTEST_MAIN(TestChatWindow)
#include "tst_chatwindow.moc"
