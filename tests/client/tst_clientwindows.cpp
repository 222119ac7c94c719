// SPDX-License-Identifier: MIT
#include "ChatSession.h"
#include "Conversation.h"
#include "CutProxy.h"
#include "MessageInput.h"
#include "MessageModel.h"
#include "Translations.h"
#include "WindowTestKit.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace WindowTestKit;

using State = ChatConnection::State;

class TestClientWindows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void logsInAndShowsTheChatWindow();
    void remembersAddressAndNickname();
    void addressProblemsAreExplainedInline_data();
    void addressProblemsAreExplainedInline();
    void loginErrorsAreShownInTheWindow_data();
    void loginErrorsAreShownInTheWindow();
    void cancelStopsConnecting();
    void loginStartsInTheFirstEmptyField_data();
    void loginStartsInTheFirstEmptyField();
    void loginErrorFocusesTheWrongField_data();
    void loginErrorFocusesTheWrongField();
    void unreadCountShowsInTheTitle();
    void sends_data();
    void sends();
    void upRecallsWhatWasSent();
    void othersTextIsShownLiterally_data();
    void othersTextIsShownLiterally();
    void usersListStaysCurrent();
    void crowdedRoomShowsTheCount();
    void closeLogsOut();
    void reconnectsAfterServerRestartKeepingTheDraft();
    void showsWhatWasMissedUnderADivider();
    void chineseTranslationLoads();
};

void TestClientWindows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_windows"_s);
}

void TestClientWindows::init()
{
    QSettings().clear();
}

void TestClientWindows::logsInAndShowsTheChatWindow()
{
    TestServer server;
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    QCOMPARE(child<QLineEdit>(login, u"address"_s)->text(), u"localhost:5005"_s);
    submitLogin(client, server.address().toString(), u"alice"_s, true);
    // While connecting the controls are disabled and progress is visible.
    QCOMPARE(client.connection()->state(), State::Connecting);
    QVERIFY(!child<QPushButton>(login, u"login"_s)->isEnabled());
    QVERIFY(child<QPushButton>(login, u"cancel"_s)->isVisible());
    QVERIFY(child<QWidget>(login, u"progress"_s)->isVisible());

    ChatWindow *chat = client.chatWindow();
    QTRY_VERIFY(chat->isVisible());
    QVERIFY(!login->isVisible());
    QTRY_VERIFY(chat->windowTitle().contains(u"alice"_s));
    QVERIFY(chat->windowTitle().contains(u"hall"_s));
    QVERIFY(chat->windowTitle().contains(server.address().toString()));
    QVERIFY(child<QLabel>(chat, u"state"_s)->text().contains(u"alice"_s));
    QCOMPARE(child<QLabel>(chat, u"room"_s)->text(), u"# hall"_s);
}

void TestClientWindows::remembersAddressAndNickname()
{
    TestServer server;
    {
        ClientController client;
        QVERIFY(logIn(client, server, u"alice"_s));
    }
    ClientController again;
    QCOMPARE(child<QLineEdit>(again.loginWindow(), u"address"_s)->text(),
             server.address().toString());
    QCOMPARE(child<QLineEdit>(again.loginWindow(), u"nickname"_s)->text(), u"alice"_s);
}

void TestClientWindows::addressProblemsAreExplainedInline_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << u""_s << u"host name"_s;
    QTest::newRow("no host") << u":5005"_s << u"host name"_s;
    QTest::newRow("port too big") << u"localhost:99999"_s << u"port"_s;
    QTest::newRow("port letters") << u"localhost:http"_s << u"port"_s;
}

void TestClientWindows::addressProblemsAreExplainedInline()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    ClientController client;
    client.start();
    submitLogin(client, address, u"alice"_s);
    auto *problem = child<QLabel>(client.loginWindow(), u"addressProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(expected), qPrintable(problem->text()));
    QCOMPARE(client.connection()->state(), State::Disconnected);
}

void TestClientWindows::loginErrorsAreShownInTheWindow_data()
{
    QTest::addColumn<bool>("closedPort");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QString>("expected");
    QTest::newRow("refused") << true << u"alice"_s << u"refused the connection"_s;
    QTest::newRow("name taken") << false << u"bob"_s << u"already using the nickname \"bob\""_s;
    QTest::newRow("name not allowed") << false << u"no spaces"_s << u"not allowed"_s;
}

void TestClientWindows::loginErrorsAreShownInTheWindow()
{
    QFETCH(bool, closedPort);
    QFETCH(QString, nick);
    QFETCH(QString, expected);

    TestServer server;
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    ClientController client;
    client.start();
    const quint16 port = closedPort ? TestServer::closedPort() : server.port();
    submitLogin(client, u"127.0.0.1:%1"_s.arg(port), nick);

    auto *error = child<QLabel>(client.loginWindow(), u"error"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(expected), qPrintable(error->text()));
    // The person can correct and try again at once.
    QVERIFY(child<QPushButton>(client.loginWindow(), u"login"_s)->isEnabled());
    QVERIFY(child<QLineEdit>(client.loginWindow(), u"nickname"_s)->isEnabled());
    QVERIFY(!client.chatWindow()->isVisible());
}

void TestClientWindows::cancelStopsConnecting()
{
    QTcpServer silent; // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ClientController client;
    client.start();
    submitLogin(client, u"127.0.0.1:%1"_s.arg(silent.serverPort()), u"alice"_s);
    auto *cancel = child<QPushButton>(client.loginWindow(), u"cancel"_s);
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(client.connection()->state(), State::Disconnected);
    QVERIFY(child<QPushButton>(client.loginWindow(), u"login"_s)->isEnabled());
    QVERIFY(!child<QWidget>(client.loginWindow(), u"progress"_s)->isVisible());
    QVERIFY(!child<QLabel>(client.loginWindow(), u"error"_s)->isVisible());
}

void TestClientWindows::loginStartsInTheFirstEmptyField_data()
{
    QTest::addColumn<QVariant>("address"); // what QSettings remembers; invalid: nothing
    QTest::addColumn<QVariant>("nick");
    QTest::addColumn<QString>("field");
    QTest::newRow("first start") << QVariant() << QVariant() << u"nickname"_s;
    QTest::newRow("address and nick remembered")
        << QVariant(u"chat.lan:5005"_s) << QVariant(u"alice"_s) << u"nickname"_s;
    QTest::newRow("empty address remembered") << QVariant(u""_s) << QVariant() << u"address"_s;
}

// Typing at once goes into a field (not onto Log in, where Space would log in).
void TestClientWindows::loginStartsInTheFirstEmptyField()
{
    QFETCH(QVariant, address);
    QFETCH(QVariant, nick);
    QFETCH(QString, field);
    QSettings settings;
    if (address.isValid())
        settings.setValue(u"login/address"_s, address);
    if (nick.isValid())
        settings.setValue(u"login/nickname"_s, nick);
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    QVERIFY(QTest::qWaitForWindowActive(login));
    QCOMPARE(login->focusWidget(), child<QLineEdit>(login, field));
    QTest::keyClicks(login->focusWidget(), u"x"_s);
    QVERIFY(child<QLineEdit>(login, field)->text().endsWith(u'x'));
}

void TestClientWindows::loginErrorFocusesTheWrongField_data()
{
    // {server}: the test server's port; {closed}: a port where nothing listens.
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QString>("field");
    QTest::newRow("name taken") << u"127.0.0.1:{server}"_s << u"bob"_s << u"nickname"_s;
    QTest::newRow("name not allowed") << u"127.0.0.1:{server}"_s << u"no spaces"_s << u"nickname"_s;
    QTest::newRow("refused") << u"127.0.0.1:{closed}"_s << u"alice"_s << u"address"_s;
    QTest::newRow("bad port") << u"127.0.0.1:http"_s << u"alice"_s << u"address"_s;
    QTest::newRow("no nickname") << u"127.0.0.1:{server}"_s << u""_s << u"nickname"_s;
}

void TestClientWindows::loginErrorFocusesTheWrongField()
{
    QFETCH(QString, address);
    QFETCH(QString, nick);
    QFETCH(QString, field);
    TestServer server;
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    QVERIFY(QTest::qWaitForWindowActive(login));
    address.replace(u"{server}"_s, QString::number(server.port()))
        .replace(u"{closed}"_s, QString::number(TestServer::closedPort()));
    submitLogin(client, address, nick);
    QTRY_COMPARE(client.connection()->state(), State::Disconnected);
    auto *wrong = child<QLineEdit>(login, field);
    QTRY_COMPARE(login->focusWidget(), wrong);
    // Its text is selected: typing replaces it.
    QCOMPARE(wrong->selectedText(), wrong->text());
}

void TestClientWindows::unreadCountShowsInTheTitle()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    ChatWindow *chat = client.chatWindow();
    QWidget elsewhere;
    elsewhere.show();
    elsewhere.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&elsewhere));

    bob.sendLine(u"one"_s);
    bob.sendLine(u"two"_s);
    QTRY_COMPARE(chat->unread(), 2);
    QVERIFY(chat->windowTitle().startsWith(u"(2) "_s));
    chat->activateWindow();
    QTRY_COMPARE(chat->unread(), 0);
    QVERIFY(!chat->windowTitle().startsWith(u"("_s));
}

void TestClientWindows::sends_data()
{
    QTest::addColumn<bool>("byEnter");
    QTest::newRow("Send button") << false;
    QTest::newRow("Enter") << true;
}

void TestClientWindows::sends()
{
    QFETCH(bool, byEnter);
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    QSignalSpy bobSees(&bob, &ChatConnection::message);

    ChatWindow *chat = client.chatWindow();
    auto *input = child<MessageInput>(chat, u"input"_s);
    QTest::keyClicks(input, u"hello bob"_s);
    if (byEnter)
        QTest::keyClick(input, Qt::Key_Return);
    else
        QTest::mouseClick(child<QPushButton>(chat, u"send"_s), Qt::LeftButton);
    QVERIFY(bobSees.wait(5000));
    QCOMPARE(bobSees.first().at(2).toString(), u"hello bob"_s);
    QVERIFY(input->text().isEmpty());
    QTRY_VERIFY(paneText(chat).contains(u"<alice> hello bob"_s));
}

void TestClientWindows::upRecallsWhatWasSent()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    auto *input = child<MessageInput>(client.chatWindow(), u"input"_s);
    for (const QString &line : {u"first"_s, u"second"_s}) {
        input->setText(line);
        QTest::keyClick(input, Qt::Key_Return);
    }
    QTest::keyClicks(input, u"draft"_s);
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), u"second"_s);
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), u"first"_s);
    QTest::keyClick(input, Qt::Key_Down);
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), u"draft"_s);
}

void TestClientWindows::othersTextIsShownLiterally_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("bold") << u"<b>not bold</b>"_s;
    QTest::newRow("script") << u"<script>alert('x')</script>"_s;
    QTest::newRow("entity") << u"fish &amp; chips & <i>"_s;
    QTest::newRow("link markup") << u"<a href=\"http://evil\">click</a>"_s;
}

void TestClientWindows::othersTextIsShownLiterally()
{
    QFETCH(QString, text);
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.sendLine(text);
    bob.sendLine(u"/me says "_s + text);
    bob.sendLine(u"/msg alice "_s + text);
    QTRY_VERIFY(paneText(client.chatWindow()).contains(u"<bob> "_s + text));
    QTRY_VERIFY(paneText(client.chatWindow()).contains(u"* bob says "_s + text));
    // The private message has a conversation of its own.
    Conversation *privately = nullptr;
    QTRY_VERIFY((privately = client.session()->conversation(u"@bob"_s)));
    QTRY_COMPARE(privately->messages()->rowCount(), 1);
    QVERIFY(privately->messages()->index(0).data().toString().endsWith(u"<bob> "_s + text));
}

void TestClientWindows::usersListStaysCurrent()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatWindow *chat = client.chatWindow();
    auto *usersButton = child<QPushButton>(chat, u"users"_s);
    auto *list = child<QListView>(chat, u"userList"_s);
    QVERIFY(list->isVisible());
    QTest::mouseClick(usersButton, Qt::LeftButton);
    QVERIFY(!list->isVisible());
    QTest::mouseClick(usersButton, Qt::LeftButton);
    QVERIFY(list->isVisible());
    auto names = [list] {
        QStringList shown;
        for (int row = 0; row < list->model()->rowCount(); ++row)
            shown << list->model()->index(row, 0).data().toString();
        return shown;
    };
    QTRY_COMPARE(names(), QStringList{u"alice"_s});

    auto bob = std::make_unique<ChatConnection>();
    QVERIFY(logIn(*bob, server, u"bob"_s));
    QTRY_COMPARE(names(), (QStringList{u"alice"_s, u"bob"_s}));
    bob->logOut();
    QTRY_COMPARE(names(), QStringList{u"alice"_s});
    QTRY_VERIFY(paneText(chat).contains(u"bob logged out"_s));
}

void TestClientWindows::crowdedRoomShowsTheCount()
{
    TestServer server({.presenceLimit = 1});
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatWindow *chat = client.chatWindow();
    auto *title = child<QLabel>(chat, u"usersTitle"_s);
    auto *list = child<QListView>(chat, u"userList"_s);
    // The test runs untranslated: English plurals come from translations/qtchat_en.ts.
    QTRY_COMPARE(title->text(), u"1 people in hall"_s);

    // bob makes the room crowded: the server counts him but names only alice.
    auto bob = std::make_unique<ChatConnection>();
    QVERIFY(logIn(*bob, server, u"bob"_s));
    QTRY_COMPARE(title->text(), u"2 people in hall (1 listed)"_s);
    QCOMPARE(list->model()->rowCount(), 1);
    bob->logOut();
    QTRY_COMPARE(title->text(), u"1 people in hall"_s);
}

void TestClientWindows::closeLogsOut()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    QSignalSpy bobSees(&bob, &ChatConnection::left);
    QSignalSpy finished(&client, &ClientController::finished);

    client.chatWindow()->close(); // the window's close button, or Log out and quit
    QVERIFY(!client.chatWindow()->isVisible());
    QVERIFY(bobSees.wait(5000));
    QCOMPARE(bobSees.first().at(1).toString(), u"alice"_s);
    QCOMPARE(bobSees.first().at(2).toString(), u"quit"_s);
    QTRY_COMPARE(finished.size(), 1);
}

void TestClientWindows::reconnectsAfterServerRestartKeepingTheDraft()
{
    TestServer server;
    ClientController client;
    client.connection()->setReconnectDelay(100);
    QVERIFY(logIn(client, server, u"alice"_s));
    ChatWindow *chat = client.chatWindow();
    auto *input = child<MessageInput>(chat, u"input"_s);
    auto *banner = child<QLabel>(chat, u"banner"_s);
    QTest::keyClicks(input, u"half a thought"_s);

    QSignalSpy lost(client.connection(), &ChatConnection::connectionLost);
    QVERIFY(server.restart());
    QTRY_VERIFY(!lost.isEmpty());
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"Reconnecting"_s));

    QTRY_COMPARE(client.connection()->state(), State::LoggedIn);
    QVERIFY(!banner->isVisible());
    QCOMPARE(input->text(), u"half a thought"_s);
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    QTRY_COMPARE(bob.users(), (QStringList{u"alice"_s, u"bob"_s}));
    QSignalSpy bobSees(&bob, &ChatConnection::message);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(bobSees.wait(5000));
    QCOMPARE(bobSees.first().at(2).toString(), u"half a thought"_s);
}

// A dropped connection: the window resumes and shows what was missed under a divider, once.
void TestClientWindows::showsWhatWasMissedUnderADivider()
{
    TestServer server;
    CutProxy proxy(server.port());
    ClientController client;
    client.connection()->setReconnectDelay(50);
    client.start();
    submitLogin(client, u"127.0.0.1:%1"_s.arg(proxy.port()), u"alice"_s);
    QTRY_VERIFY(client.chatWindow()->isVisible());
    ChatWindow *chat = client.chatWindow();
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.sendLine(u"before"_s);
    QTRY_VERIFY(paneText(chat).contains(u"before"_s));

    proxy.hold();
    proxy.cut();
    QSignalSpy seen(&bob, &ChatConnection::presenceChanged);
    QVERIFY(seen.wait(5000)); // bob sees alice reconnecting
    for (const QString &line : {u"one"_s, u"two"_s, u"three"_s})
        bob.sendLine(line);
    QSignalSpy echoes(&bob, &ChatConnection::message);
    QTRY_COMPARE(echoes.size(), 3);
    proxy.release();

    QTRY_COMPARE(client.connection()->state(), State::LoggedIn);
    QTRY_VERIFY(paneText(chat).contains(u"three"_s));
    const QString text = paneText(chat);
    const qsizetype divider = text.indexOf(u"3 new messages"_s);
    QVERIFY2(divider > text.indexOf(u"before"_s), qPrintable(text));
    QVERIFY(divider < text.indexOf(u"one"_s));
    QCOMPARE(text.count(u"one"_s), 1);
    QCOMPARE(text.count(u"three"_s), 1);
    QVERIFY(client.connection()->resumed());
}

void TestClientWindows::chineseTranslationLoads()
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(u"zh_CN"_s));
    QVERIFY(translator);
    QVERIFY(QCoreApplication::installTranslator(translator));
    ClientController client;
    QCoreApplication::removeTranslator(translator);
    LoginWindow *login = client.loginWindow();
    QCOMPARE(child<QPushButton>(login, u"login"_s)->text(), u"登录"_s);
    QCOMPARE(child<QPushButton>(login, u"cancel"_s)->text(), u"取消"_s);
    QCOMPARE(login->windowTitle(), u"登录聊天"_s);
}

QTEST_MAIN(TestClientWindows)
#include "tst_clientwindows.moc"
