// SPDX-License-Identifier: MIT
// Accounts and moderation in the windows: logging in with the password of a registered
// nickname (against the real server), the Account menu's dialog, the people list's context
// menu per standing (against a scripted server that sends the flags), stepping down from
// running a room, refusals in words, the rules dialog of a room (its owner changes them; a
// member reads them), and its bans dialog.
#include "AccountDialog.h"
#include "ChatSession.h"
#include "MaskListModel.h"
#include "ModerationDialog.h"
#include "PeopleView.h"
#include "RoomMasksDialog.h"
#include "RoomSettingsDialog.h"
#include "StepDownQuestion.h"
#include "UserListModel.h"
#include "WindowTestKit.h"
#include "core/Directory.h"
#include "core/Room.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace WindowTestKit;

namespace {

// A server that plays one scene: the client logs in as "me" and finds itself in #games with
// bob and carol, everyone with the flags the test gives. It notes every line it gets.
class ScriptedServer : public QObject
{
public:
    ScriptedServer(const QString &myFlags, const QString &bobFlags)
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this, myFlags, bobFlags] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            QObject::connect(
                socket, &QTcpSocket::readyRead, this, [this, socket, myFlags, bobFlags] {
                    while (socket->canReadLine()) {
                        const QString line = QString::fromUtf8(socket->readLine()).trimmed();
                        received << line;
                        const QString label =
                            line.startsWith(u'@') ? line.section(u' ', 0, 0).mid(1) : u"\\-"_s;
                        const QString command =
                            line.startsWith(u'@') ? line.section(u' ', 1) : line;
                        const auto send = [socket](const QString &reply) {
                            socket->write(u"%1\r\n"_s.arg(reply).toUtf8());
                        };
                        const QString t = u"2026-11-22T12:01:00.000Z"_s;
                        if (command == "set tagged on"_L1) {
                            send(u"ok %1 \\- set tagged on"_s.arg(t));
                            send(u"welcome %1 \\- scripted 3"_s.arg(t));
                        } else if (command.startsWith("login "_L1)) {
                            send(u"ok %1 %2 login me token 120"_s.arg(t, label));
                            send(u"join %1 %2 games me"_s.arg(t, label));
                            send(u"users %1 %2 games 3 me %3 bob %4 carol \\-"_s.arg(
                                t, label, myFlags.isEmpty() ? u"\\-"_s : myFlags,
                                bobFlags.isEmpty() ? u"\\-"_s : bobFlags));
                        }
                    }
                });
        });
    }

    QString address() const { return u"127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    QStringList received;

private:
    QTcpServer m_server;
};

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names << action->objectName();
    }
    return names;
}

QModelIndex rowOf(const QAbstractItemView *view, const QString &nick)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; model && row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(UserListModel::NickRole).toString() == nick)
            return model->index(row, 0);
    }
    return {};
}

} // namespace

class TestModerationWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void loginAsksForThePasswordOfARegisteredName();
    void passwordForAnUnregisteredNameIsExplained();
    void registerDialogChecksThenRegisters();
    void contextMenuOffersWhatTheStandingAllows_data();
    void contextMenuOffersWhatTheStandingAllows();
    void steppingDownAsksFirst_data();
    void steppingDownAsksFirst();
    void steppingDownLeavesAPlainMember_data();
    void steppingDownLeavesAPlainMember();
    void banDialogSendsTheCommandFromTheKeyboard();
    void mutedSpeakerIsToldInPlainWords();
    void awayReplyShowsInThePrivateConversation();
    void roomRulesDialogSetsTheRules();
    void roomMasksDialogListsAndChangesTheBans();
    void administratorRunsEveryRoom();
};

void TestModerationWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_moderation"_s);
}

void TestModerationWindow::init()
{
    QSettings().clear();
}

void TestModerationWindow::loginAsksForThePasswordOfARegisteredName()
{
    TestServer server;
    {
        ChatConnection alice;
        QVERIFY(logIn(alice, server, u"alice"_s));
        QSignalSpy registered(&alice, &ChatConnection::accountChanged);
        alice.registerNick(u"correct-horse"_s);
        QVERIFY(registered.wait(5000));
        QCOMPARE(registered.first().first().value<ChatConnection::AccountChange>(),
                 ChatConnection::AccountChange::Registered);
        QSignalSpy gone(&alice, &ChatConnection::disconnected);
        alice.logOut();
        QVERIFY(gone.wait(5000));
    }

    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    submitLogin(client, server.address().toString(), u"alice"_s);
    auto *error = child<QLabel>(login, u"error"_s);
    auto *password = child<QLineEdit>(login, u"nickPassword"_s);
    // 902: asked for the password in words, with the focus in its field.
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 5000);
    QVERIFY2(error->text().contains(u"is registered"_s), qPrintable(error->text()));
    QCOMPARE(QApplication::focusWidget(), password);

    QTest::keyClicks(password, u"battery-staple"_s);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(u"Wrong password for \"alice\""_s), 10000);
    QCOMPARE(QApplication::focusWidget(), password);

    password->setText(u"correct-horse"_s);
    QTest::mouseClick(child<QPushButton>(login, u"login"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(client.chatWindow()->isVisible(), 10000);
    QCOMPARE(client.connection()->nick(), u"alice"_s);
    QVERIFY(password->text().isEmpty());
    // Nothing of the password is kept on disk.
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(u"horse"_s), qPrintable(key));
}

void TestModerationWindow::passwordForAnUnregisteredNameIsExplained()
{
    TestServer server;
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    child<QLineEdit>(login, u"nickPassword"_s)->setText(u"correct-horse"_s);
    submitLogin(client, server.address().toString(), u"bob"_s);
    auto *error = child<QLabel>(login, u"error"_s);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(u"Nobody has registered"_s), 5000);
    QVERIFY(!error->text().contains(u"horse"_s));
    QVERIFY(!client.connection()->loginErrorSubject().contains(u"horse"_s));
    QVERIFY(child<QLineEdit>(login, u"nickPassword"_s)->text().isEmpty());
}

void TestModerationWindow::registerDialogChecksThenRegisters()
{
    TestServer server;
    ClientController client;
    QVERIFY(logIn(client, server, u"carol"_s));
    ChatWindow *chat = client.chatWindow();
    child<QAction>(chat, u"account%1"_s.arg(int(AccountDialog::Mode::Register)))->trigger();
    QPointer dialog = child<AccountDialog>(chat, u"accountDialog"_s);
    auto *problem = child<QLabel>(dialog, u"problem"_s);
    auto *ok = child<QPushButton>(dialog, u"ok"_s);
    auto *first = child<QLineEdit>(dialog, u"newPassword"_s);
    auto *second = child<QLineEdit>(dialog, u"repeatPassword"_s);

    first->setText(u"short"_s);
    second->setText(u"short"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(problem->text().contains(u"too short"_s));
    first->setText(u"correct-horse"_s);
    second->setText(u"correct-hose"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(problem->text().contains(u"differ"_s));
    second->setText(u"correct-horse"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 5000);
    QTRY_VERIFY(paneText(chat).contains(u"The nickname carol is registered"_s));

    // A wrong current password is refused in the dialog, which stays open to correct it.
    child<QAction>(chat, u"account%1"_s.arg(int(AccountDialog::Mode::ChangePassword)))->trigger();
    dialog = child<AccountDialog>(chat, u"accountDialog"_s);
    child<QLineEdit>(dialog, u"oldPassword"_s)->setText(u"not-the-one"_s);
    child<QLineEdit>(dialog, u"newPassword"_s)->setText(u"battery-staple"_s);
    child<QLineEdit>(dialog, u"repeatPassword"_s)->setText(u"battery-staple"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"ok"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(dialog, u"problem"_s)->text().contains(u"Wrong password"_s), 10000);
    QVERIFY(!dialog.isNull());
    dialog->reject();
    QTRY_VERIFY(dialog.isNull()); // closed dialogs delete themselves

    // Two more wrong ones on this connection and the server closes it: said in words.
    QSignalSpy lost(client.connection(), &ChatConnection::connectionLost);
    client.connection()->changePassword(u"wrong-again"_s, u"battery-staple"_s);
    client.connection()->changePassword(u"and-again"_s, u"battery-staple"_s);
    QVERIFY(lost.wait(15000));
    QCOMPARE(lost.first().first().value<ChatConnection::Failure>(),
             ChatConnection::Failure::TooManyPasswords);
    QTRY_VERIFY(child<QLabel>(chat, u"banner"_s)->text().contains(u"Too many wrong passwords"_s));
}

void TestModerationWindow::contextMenuOffersWhatTheStandingAllows_data()
{
    QTest::addColumn<QString>("myFlags");
    QTest::addColumn<QString>("bobFlags");
    QTest::addColumn<QStringList>("onBob");
    QTest::addColumn<QStringList>("onMe");

    // No private message to oneself, and of the acts only two: those who run a room give a
    // voice to anyone in it, themselves too, and may step down (a deop of themselves).
    const QStringList self;
    const QStringList runs{u"voice"_s, u"deop"_s};
    QTest::newRow("owner, bob a member")
        << u"owner"_s << u""_s
        << QStringList{u"private"_s, u"kick"_s, u"ban"_s, u"mute"_s, u"voice"_s, u"op"_s} << runs;
    QTest::newRow("owner, bob an operator")
        << u"owner"_s << u"op"_s
        << QStringList{u"private"_s, u"kick"_s, u"ban"_s, u"mute"_s, u"voice"_s, u"deop"_s} << runs;
    QTest::newRow("owner with a voice, bob with one too")
        << u"owner,voice"_s << u"voice"_s
        << QStringList{u"private"_s, u"kick"_s, u"ban"_s, u"mute"_s, u"devoice"_s, u"op"_s}
        << QStringList{u"devoice"_s, u"deop"_s};
    QTest::newRow("operator, bob muted")
        << u"op"_s << u"muted"_s
        << QStringList{u"private"_s, u"kick"_s, u"ban"_s, u"unmute"_s, u"voice"_s} << runs;
    QTest::newRow("operator, bob an operator")
        << u"op"_s << u"op,away"_s << QStringList{u"private"_s, u"voice"_s} << runs;
    QTest::newRow("operator, bob the owner")
        << u"op"_s << u"owner"_s << QStringList{u"private"_s, u"voice"_s} << runs;
    QTest::newRow("member") << u""_s << u""_s << QStringList{u"private"_s} << self;
    QTest::newRow("member with a voice")
        << u"voice"_s << u""_s << QStringList{u"private"_s} << self;
    QTest::newRow("muted") << u"muted"_s << u""_s << QStringList{u"private"_s} << self;
}

void TestModerationWindow::contextMenuOffersWhatTheStandingAllows()
{
    QFETCH(QString, myFlags);
    QFETCH(QString, bobFlags);
    QFETCH(QStringList, onBob);
    QFETCH(QStringList, onMe);
    ScriptedServer server(myFlags, bobFlags);
    ClientController client;
    QVERIFY(logIn(client, server.address(), u"me"_s));
    auto *people = child<PeopleView>(client.chatWindow(), u"userList"_s);
    QTRY_COMPARE(people->model()->rowCount(), 3);
    std::unique_ptr<QMenu> menu(people->createMenu(rowOf(people, u"bob"_s)));
    QCOMPARE(actionNames(menu.get()), onBob);
    if (const QAction *deop = menu->findChild<QAction *>(u"deop"_s))
        QCOMPARE(deop->text(), u"Remove &operator"_s);
    menu.reset(people->createMenu(rowOf(people, u"me"_s)));
    QCOMPARE(actionNames(menu.get()), onMe);
    // On oneself, a deop is stepping down, and a question comes first (the dialog's "…").
    if (const QAction *deop = menu->findChild<QAction *>(u"deop"_s))
        QCOMPARE(deop->text(), u"&Step down…"_s);
}

void TestModerationWindow::steppingDownAsksFirst_data()
{
    QTest::addColumn<QString>("myFlags");
    QTest::addColumn<bool>("owner");
    QTest::newRow("operator") << u"op"_s << false;
    QTest::newRow("owner") << u"owner"_s << true;
}

// Against the scripted server, which notes every line: Escape sends nothing; the question's
// button sends the deop of oneself, once. The question is open while the test goes on: it
// never blocks the GUI thread.
void TestModerationWindow::steppingDownAsksFirst()
{
    QFETCH(QString, myFlags);
    QFETCH(bool, owner);
    ScriptedServer server(myFlags, u""_s);
    ClientController client;
    QVERIFY(logIn(client, server.address(), u"me"_s));
    ChatWindow *chat = client.chatWindow();
    auto *people = child<PeopleView>(chat, u"userList"_s);
    QTRY_COMPARE(people->model()->rowCount(), 3);
    const auto ask = [people, chat] {
        std::unique_ptr<QMenu> menu(people->createMenu(rowOf(people, u"me"_s)));
        child<QAction>(menu.get(), u"deop"_s)->trigger();
        return QPointer(child<StepDownQuestion>(chat, u"stepDownQuestion"_s));
    };

    QPointer question = ask();
    QVERIFY(question->isVisible());
    QVERIFY(question->text().contains(u"games"_s));
    const QString said = question->informativeText();
    QVERIFY2(said.contains(u"no longer run games"_s), qPrintable(said));
    QCOMPARE(said.contains(u"no owner"_s), owner);
    QCOMPARE(said.contains(u"cannot take it back"_s), owner);
    QTest::keyClick(question, Qt::Key_Escape);
    QTRY_VERIFY(!question);

    question = ask();
    QTest::mouseClick(child<QPushButton>(question, u"stepDown"_s), Qt::LeftButton);
    QTRY_VERIFY(!question);
    // Lines arrive in order: anything Escape had sent would be here before the deop.
    QTRY_COMPARE(server.received.filter(u"deop"_s).size(), 1);
    QVERIFY(server.received.filter(u"deop"_s).first().endsWith(u" deop #games me"_s));
}

void TestModerationWindow::steppingDownLeavesAPlainMember_data()
{
    QTest::addColumn<bool>("owner");
    QTest::newRow("operator") << false;
    QTest::newRow("owner") << true;
}

// Against the real server: alice owns the room and made bob an operator; one of them steps
// down. The server, both people lists and both panes agree that they no longer run the room,
// and their menu has nothing more to step down from.
void TestModerationWindow::steppingDownLeavesAPlainMember()
{
    QFETCH(bool, owner);
    TestServer server;
    ClientController alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    alice.connection()->createRoom(u"den"_s);
    QTRY_COMPARE(alice.session()->active()->name(), u"den"_s);
    ClientController bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.connection()->joinRoom(u"den"_s);
    QTRY_COMPARE(bob.session()->active()->name(), u"den"_s);
    alice.connection()->moderate(Moderation::Act::Op, u"den"_s, u"bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bob.connection()->flags(u"den"_s, u"bob"_s).op, 5000);

    ClientController &leaving = owner ? alice : bob;
    ClientController &staying = owner ? bob : alice;
    const QString nick = leaving.connection()->nick();
    auto *people = child<PeopleView>(leaving.chatWindow(), u"userList"_s);
    auto *othersPeople = child<PeopleView>(staying.chatWindow(), u"userList"_s);
    QTRY_COMPARE(rowOf(people, nick).data().toString(), (owner ? u"~"_s : u"@"_s) + nick);
    std::unique_ptr<QMenu> menu(people->createMenu(rowOf(people, nick)));
    child<QAction>(menu.get(), u"deop"_s)->trigger();
    QPointer question = child<StepDownQuestion>(leaving.chatWindow(), u"stepDownQuestion"_s);
    QTest::mouseClick(child<QPushButton>(question, u"stepDown"_s), Qt::LeftButton);
    QTRY_VERIFY(!question);

    const Directory &directory = server.server().processor().directory();
    const Room *den = directory.room(u"den"_s);
    QTRY_COMPARE_WITH_TIMEOUT(int(den->roles().role(directory.user(nick))),
                              int(RoomRoles::Role::Member), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        paneText(leaving.chatWindow()).contains(u"You stepped down from running this room."_s),
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        paneText(staying.chatWindow()).contains(nick + u" stepped down from running this room."_s),
        5000);
    QCOMPARE(rowOf(people, nick).data().toString(), nick);
    QCOMPARE(rowOf(othersPeople, nick).data().toString(), nick);
    QVERIFY(leaving.connection()->flags(u"den"_s, nick) == MemberFlags());
    menu.reset(people->createMenu(rowOf(people, nick)));
    QCOMPARE(actionNames(menu.get()), QStringList());
}

void TestModerationWindow::banDialogSendsTheCommandFromTheKeyboard()
{
    ScriptedServer server(u"owner"_s, u""_s);
    ClientController client;
    QVERIFY(logIn(client, server.address(), u"me"_s));
    ChatWindow *chat = client.chatWindow();
    auto *people = child<PeopleView>(chat, u"userList"_s);
    QTRY_COMPARE(people->model()->rowCount(), 3);
    QTRY_COMPARE(rowOf(people, u"me"_s).data().toString(), u"~me"_s);
    people->setFocus();
    people->setCurrentIndex(rowOf(people, u"bob"_s));
    QTest::keyClick(people, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QCOMPARE(actionNames(menu),
             (QStringList{u"private"_s, u"kick"_s, u"ban"_s, u"mute"_s, u"voice"_s, u"op"_s}));
    QAction *ban = menu->findChild<QAction *>(u"ban"_s);
    menu->close();
    ban->trigger();

    QPointer dialog = chat->findChild<ModerationDialog *>(u"moderationDialog"_s);
    QVERIFY(dialog);
    child<QComboBox>(dialog, u"duration"_s)->setCurrentIndex(4); // 7 days
    child<QLineEdit>(dialog, u"reason"_s)->setText(u"spam, again"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"ok"_s), Qt::LeftButton);
    QTRY_VERIFY(!server.received.filter(u"ban #games bob 7d spam, again"_s).isEmpty());
}

void TestModerationWindow::mutedSpeakerIsToldInPlainWords()
{
    TestServer server;
    ChatConnection alice;
    QVERIFY(logIn(alice, server, u"alice"_s));
    QSignalSpy entered(&alice, &ChatConnection::roomEntered);
    alice.createRoom(u"games"_s);
    QVERIFY(entered.wait(5000));
    ClientController client;
    QVERIFY(logIn(client, server, u"bob"_s));
    client.connection()->joinRoom(u"games"_s);
    ChatWindow *chat = client.chatWindow();
    auto *people = child<PeopleView>(chat, u"userList"_s);
    QTRY_VERIFY(rowOf(people, u"alice"_s).isValid() && people->room() == u"games"_s);

    alice.sendLine(u"/mute #games bob"_s);
    // The moderation event dims bob in his own list at once.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(people, u"bob"_s).data(UserListModel::MutedRole).toBool(), 5000);
    QTRY_VERIFY(paneText(chat).contains(u"alice muted you"_s));
    client.session()->send(u"hello?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        paneText(chat).contains(u"You may not speak in games: you are muted there"_s), 5000);
}

void TestModerationWindow::awayReplyShowsInThePrivateConversation()
{
    TestServer server;
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.sendLine(u"/away at lunch"_s);
    ClientController client;
    QVERIFY(logIn(client, server, u"alice"_s));
    QSignalSpy away(client.connection(), &ChatConnection::awayReplied);
    client.connection()->sendPrivate(u"bob"_s, u"are you there?"_s);
    QVERIFY(away.wait(5000));
    QCOMPARE(away.first().at(1).toString(), u"at lunch"_s);
    QTRY_VERIFY_WITH_TIMEOUT(client.session()->conversation(u"@bob"_s) != nullptr, 5000);
    Conversation *conversation = client.session()->conversation(u"@bob"_s);
    client.session()->setActive(conversation);
    QTRY_VERIFY_WITH_TIMEOUT(paneText(client.chatWindow()).contains(u"bob is away: at lunch"_s),
                             5000);
}

void TestModerationWindow::roomRulesDialogSetsTheRules()
{
    TestServer server;
    ClientController owner;
    QVERIFY(logIn(owner, server, u"alice"_s));
    owner.connection()->createRoom(u"den"_s);
    ChatWindow *chat = owner.chatWindow();
    QTRY_COMPARE(owner.session()->active()->name(), u"den"_s);
    QAction *rules = child<QAction>(chat, u"roomRules"_s);
    QTRY_VERIFY(rules->isEnabled());
    rules->trigger();
    QPointer dialog = child<RoomSettingsDialog>(chat, u"roomRulesDialog"_s);
    auto *ok = child<QPushButton>(dialog, u"ok"_s);
    QCOMPARE(dialog->rules(), RoomRules());
    child<QCheckBox>(dialog, u"inviteOnly"_s)->setChecked(true);
    child<QCheckBox>(dialog, u"outsideMessages"_s)->setChecked(true);
    child<QCheckBox>(dialog, u"secret"_s)->setChecked(true);
    auto *limit = child<QSpinBox>(dialog, u"limit"_s);
    QVERIFY(!limit->isEnabled()); // until its rule is on
    child<QCheckBox>(dialog, u"limitOn"_s)->setChecked(true);
    QVERIFY(limit->isEnabled());
    limit->setValue(12);
    child<QCheckBox>(dialog, u"keyOn"_s)->setChecked(true);
    QVERIFY(!ok->isEnabled()); // a key needs its word
    auto *key = child<QLineEdit>(dialog, u"key"_s);
    QTest::keyClicks(key, u"be er,!"_s); // no spaces, no commas: the server takes one word
    QCOMPARE(key->text(), u"beer!"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dialog);

    RoomRules wanted;
    wanted.inviteOnly = true;
    wanted.outsideMessages = true;
    wanted.secret = true;
    wanted.limit = 12;
    wanted.key = u"beer!"_s;
    // The server's announcements of each rule bring the client's copy up to date.
    QTRY_COMPARE_WITH_TIMEOUT(owner.connection()->rules(u"den"_s), wanted, 5000);
    const Room *den = server.server().processor().directory().room(u"den"_s);
    QVERIFY(den->modes().isOn(RoomModes::Rule::InviteOnly));
    QVERIFY(den->modes().isOn(RoomModes::Rule::OutsideMessages));
    QVERIFY(den->modes().isOn(RoomModes::Rule::Secret));
    QCOMPARE(den->modes().value(RoomModes::Rule::Limit), u"12"_s);
    QCOMPARE(den->modes().value(RoomModes::Rule::Key), u"beer!"_s);

    // A member who is not an operator reads them, as the server tells them, and changes nothing.
    ClientController member;
    QVERIFY(logIn(member, server, u"bob"_s));
    QSignalSpy invited(member.connection(), &ChatConnection::moderated);
    owner.connection()->sendLine(u"/invite #den bob"_s);
    QVERIFY(invited.wait(5000)); // the invitation lets bob past the key and the limit
    member.connection()->joinRoom(u"den"_s);
    QTRY_VERIFY_WITH_TIMEOUT(member.connection()->joinedRooms().contains(u"den"_s), 5000);
    QTRY_COMPARE(member.session()->active()->name(), u"den"_s);
    child<QAction>(member.chatWindow(), u"roomRules"_s)->trigger();
    QPointer readOnly = child<RoomSettingsDialog>(member.chatWindow(), u"roomRulesDialog"_s);
    QTRY_COMPARE_WITH_TIMEOUT(readOnly->rules(), wanted, 5000);
    QVERIFY(!child<QCheckBox>(readOnly, u"inviteOnly"_s)->isEnabled());
    QVERIFY(!child<QLineEdit>(readOnly, u"key"_s)->isEnabled());
    QVERIFY(readOnly->findChild<QPushButton *>(u"ok"_s) == nullptr);
    QVERIFY(child<QLabel>(readOnly, u"problem"_s)->text().contains(u"operators and owner"_s));
    readOnly->reject();
}

namespace {

QStringList masksShown(const QTableView *view)
{
    QStringList masks;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        masks << model->index(row, MaskListModel::MaskColumn).data().toString();
    return masks;
}

QStringList masksKept(const MaskList &list)
{
    QStringList masks;
    for (const MaskList::Entry &entry : list.all())
        masks << entry.mask.text();
    return masks;
}

} // namespace

// The owner bans, lets in and exempts from the bans from the keyboard, sees every change (another
// operator's too), lifts a ban with Delete and takes an exemption back; a member is told that
// only operators see the lists.
void TestModerationWindow::roomMasksDialogListsAndChangesTheBans()
{
    TestServer server;
    ClientController owner;
    QVERIFY(logIn(owner, server, u"alice"_s));
    owner.connection()->createRoom(u"den"_s);
    ChatWindow *chat = owner.chatWindow();
    QTRY_COMPARE(owner.session()->active()->name(), u"den"_s);
    const Room *den = server.server().processor().directory().room(u"den"_s);
    QVERIFY(den);
    QAction *masks = child<QAction>(chat, u"roomMasks"_s);
    QTRY_VERIFY(masks->isEnabled());
    masks->trigger();
    QPointer dialog = child<RoomMasksDialog>(chat, u"roomMasksDialog"_s);
    auto *bans = child<QTableView>(dialog, u"bans"_s);
    auto *allowed = child<QTableView>(dialog, u"allowed"_s);
    const auto *banList = qobject_cast<const MaskListModel *>(bans->model());
    QTRY_VERIFY_WITH_TIMEOUT(banList->isComplete(), 5000);
    QCOMPARE(masksShown(bans), QStringList());

    // A ban for an hour with a reason, all typed: Enter in the field bans, and the dialog stays.
    auto *mask = child<QLineEdit>(dialog, u"banMask"_s);
    auto *add = child<QPushButton>(dialog, u"banAdd"_s);
    QVERIFY(!add->isEnabled());            // nothing typed yet
    QTest::keyClicks(mask, u"mal lory"_s); // a mask is one word
    QCOMPARE(mask->text(), u"mallory"_s);
    QVERIFY(add->isEnabled());
    child<QComboBox>(dialog, u"banDuration"_s)->setCurrentIndex(2); // 1 hour
    QTest::keyClicks(child<QLineEdit>(dialog, u"banReason"_s), u"spam"_s);
    QTest::keyClick(mask, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(masksShown(bans).size(), 1, 5000);
    QCOMPARE(masksShown(bans), masksKept(den->bans()));
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(mask->text(), QString());
    QCOMPARE(den->bans().all().first().reason, u"spam"_s);
    QCOMPARE(bans->model()->index(0, MaskListModel::ReasonColumn).data().toString(), u"spam"_s);
    const QDateTime until = bans->model()->index(0, 0).data(MaskListModel::UntilRole).toDateTime();
    QVERIFY2(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 3600) < 60,
             qPrintable(until.toString(Qt::ISODate)));

    // The other list: let a mask in without an invitation.
    child<QTabWidget>(dialog, u"lists"_s)->setCurrentIndex(1);
    QTest::keyClicks(child<QLineEdit>(dialog, u"allowMask"_s), u"account:friend"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"allowAdd"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(masksShown(allowed).size(), 1, 5000);
    QCOMPARE(masksShown(allowed), masksKept(den->allowed()));

    // The third: a mask the bans do not keep out, from the keyboard; no end, no reason.
    child<QTabWidget>(dialog, u"lists"_s)->setCurrentIndex(2);
    auto *exempted = child<QTableView>(dialog, u"exempted"_s);
    QVERIFY(exempted->isColumnHidden(MaskListModel::UntilColumn));
    QVERIFY(exempted->isColumnHidden(MaskListModel::ReasonColumn));
    auto *exemptMask = child<QLineEdit>(dialog, u"exemptMask"_s);
    QTest::keyClicks(exemptMask, u"192.0.2.0/24"_s);
    QTest::keyClick(exemptMask, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(masksShown(exempted).size(), 1, 5000);
    QCOMPARE(masksShown(exempted), masksKept(den->exempted()));
    QCOMPARE(masksShown(allowed), masksKept(den->allowed())); // the other lists stay
    QCOMPARE(masksShown(bans).size(), 1);

    // Another operator's ban reaches the list too.
    ChatConnection bob;
    QVERIFY(logIn(bob, server, u"bob"_s));
    bob.joinRoom(u"den"_s);
    QTRY_VERIFY_WITH_TIMEOUT(den->memberCount() == 2, 5000);
    owner.connection()->moderate(Moderation::Act::Op, u"den"_s, u"bob"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        bob.flags(u"den"_s, u"bob"_s).standing() == MemberFlags::Standing::Operator, 5000);
    bob.addMask(u"den"_s, MaskListKind::Bans, u"192.0.2.7"_s);
    QTRY_COMPARE_WITH_TIMEOUT(masksShown(bans).size(), 2, 5000);
    QCOMPARE(masksShown(bans), masksKept(den->bans()));

    // Delete in the list lifts the selected ban.
    child<QTabWidget>(dialog, u"lists"_s)->setCurrentIndex(0);
    bans->setFocus();
    bans->selectRow(0);
    const QString lifted = masksShown(bans).first();
    QVERIFY(child<QPushButton>(dialog, u"banRemove"_s)->isEnabled());
    QTest::keyClick(bans, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(masksShown(bans).size(), 1, 5000);
    QVERIFY(!masksKept(den->bans()).contains(lifted));
    QCOMPARE(masksShown(bans), masksKept(den->bans()));

    // The exemption is taken back from its page.
    child<QTabWidget>(dialog, u"lists"_s)->setCurrentIndex(2);
    exempted->selectRow(0);
    QTest::mouseClick(child<QPushButton>(dialog, u"exemptRemove"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(masksShown(exempted).size(), 0, 5000);
    QVERIFY(den->exempted().isEmpty());
    child<QTabWidget>(dialog, u"lists"_s)->setCurrentIndex(0);

    // A mask the server refuses: its words in the dialog, and what was typed back in the fields
    // to be put right. A ban the person sends from the main window meanwhile (/ban), answered
    // first, is not taken for the dialog's answer.
    owner.connection()->moderate(Moderation::Act::Ban, u"den"_s, u"dave"_s);
    QTest::keyClicks(mask, u"10.0.0.0/99"_s);
    auto *reason = child<QLineEdit>(dialog, u"banReason"_s);
    QTest::keyClicks(reason, u"flood"_s);
    QTest::keyClick(mask, Qt::Key_Return);
    QCOMPARE(mask->text(), QString());
    auto *problem = child<QLabel>(dialog, u"problem"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 5000);
    QVERIFY2(problem->text().contains(u"\"10.0.0.0/99\" is not a mask"_s),
             qPrintable(problem->text()));
    QCOMPARE(mask->text(), u"10.0.0.0/99"_s);
    QCOMPARE(mask->selectedText(), mask->text());
    QCOMPARE(reason->text(), u"flood"_s);
    // On the exemptions' page too, the refused mask comes back to its own field.
    child<QTabWidget>(dialog, u"lists"_s)->setCurrentIndex(2);
    QTest::keyClicks(exemptMask, u"10.0.0.0/99"_s);
    QTest::keyClick(exemptMask, Qt::Key_Return);
    QVERIFY(!problem->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 5000);
    QCOMPARE(exemptMask->text(), u"10.0.0.0/99"_s);
    QCOMPARE(mask->text(), u"10.0.0.0/99"_s); // the ban's, untouched
    dialog->reject();
    QTRY_VERIFY(!dialog);

    // Someone who is not an operator is told why there is nothing to see.
    ClientController member;
    QVERIFY(logIn(member, server, u"carol"_s));
    member.connection()->joinRoom(u"den"_s);
    QTRY_COMPARE_WITH_TIMEOUT(member.session()->active()->name(), u"den"_s, 5000);
    child<QAction>(member.chatWindow(), u"roomMasks"_s)->trigger();
    QPointer readOnly = child<RoomMasksDialog>(member.chatWindow(), u"roomMasksDialog"_s);
    QVERIFY(!child<QTabWidget>(readOnly, u"lists"_s)->isEnabled());
    QVERIFY(child<QLabel>(readOnly, u"problem"_s)->text().contains(u"operators"_s));
    readOnly->reject();
}

void TestModerationWindow::administratorRunsEveryRoom()
{
    TestServer::Options options;
    options.administrators = u"root"_s;
    TestServer server(options);
    ClientController owner;
    QVERIFY(logIn(owner, server, u"alice"_s));
    owner.connection()->createRoom(u"den"_s);
    QTRY_COMPARE(owner.session()->active()->name(), u"den"_s);

    // Named in the configuration, root becomes an administrator by registering the name.
    ClientController root;
    QVERIFY(logIn(root, server, u"root"_s));
    QSignalSpy administrator(root.connection(), &ChatConnection::administratorChanged);
    root.connection()->joinRoom(u"den"_s);
    QTRY_COMPARE(root.session()->active()->name(), u"den"_s);
    QVERIFY(!root.connection()->isAdministrator());
    root.connection()->registerNick(u"correct-horse"_s);
    QVERIFY(administrator.wait(30000)); // the password is hashed on its own thread
    QVERIFY(root.connection()->isAdministrator());

    // The room's rules are theirs to change, and the people menu offers what runs the room.
    child<QAction>(root.chatWindow(), u"roomRules"_s)->trigger();
    QPointer dialog = child<RoomSettingsDialog>(root.chatWindow(), u"roomRulesDialog"_s);
    QVERIFY(child<QCheckBox>(dialog, u"moderated"_s)->isEnabled());
    child<QCheckBox>(dialog, u"moderated"_s)->setChecked(true);
    QTest::mouseClick(child<QPushButton>(dialog, u"ok"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    const Room *den = server.server().processor().directory().room(u"den"_s);
    QTRY_VERIFY_WITH_TIMEOUT(den->modes().isOn(RoomModes::Rule::Moderated), 5000);
    auto *people = child<PeopleView>(root.chatWindow(), u"userList"_s);
    QTRY_VERIFY(rowOf(people, u"alice"_s).isValid());
    std::unique_ptr<QMenu> menu(people->createMenu(rowOf(people, u"alice"_s)));
    QCOMPARE(actionNames(menu.get()),
             (QStringList{u"private"_s, u"kick"_s, u"ban"_s, u"mute"_s, u"voice"_s}));

    // Giving the account up ends it.
    root.connection()->unregisterNick(u"correct-horse"_s);
    QVERIFY(administrator.wait(30000));
    QVERIFY(!root.connection()->isAdministrator());
}

QTEST_MAIN(TestModerationWindow)
#include "tst_moderationwindow.moc"
