// SPDX-License-Identifier: MIT
// Drives the real windows against a running chat-server and saves what a person sees:
//   chat-client-screenshots <host:port> <output directory>
// The certificate question needs a TLS server with a self-signed certificate: that one runs in
// this process, with the tests' certificate.
// scripts/screenshots.sh runs it under Xvfb.
#include "Appearance.h"
#include "CertificateQuestion.h"
#include "ChatConnection.h"
#include "ChatSession.h"
#include "ChatWindow.h"
#include "ClientController.h"
#include "Conversation.h"
#include "CutProxy.h"
#include "LoginWindow.h"
#include "MessageInput.h"
#include "PeopleView.h"
#include "RoomMasksDialog.h"
#include "RoomSettingsDialog.h"
#include "StepDownQuestion.h"
#include "TestServer.h"
#include "Translations.h"
#include "UserListModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString outputDir;

bool save(QWidget *window, const QString &name)
{
    if (!QTest::qWaitForWindowExposed(window))
        return false;
    QTest::qWait(200); // let the busy indicator and fonts settle before the picture
    const QString path = QDir(outputDir).filePath(name);
    const bool saved = window->grab().save(path);
    std::printf("%s %s\n", saved ? "saved" : "FAILED", qPrintable(path));
    return saved;
}

void fillLogin(LoginWindow *login, const QString &address, const QString &nick)
{
    login->findChild<QLineEdit *>(u"address"_s)->setText(address);
    login->findChild<QLineEdit *>(u"nickname"_s)->setText(nick);
}

bool loginShot(const QString &language, const QString &address, const QString &file)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    ClientController client;
    QCoreApplication::removeTranslator(translator);
    client.start();
    fillLogin(client.loginWindow(), address, language == "en"_L1 ? u"alice"_s : u"小明"_s);
    return save(client.loginWindow(), file);
}

bool logIn(ChatConnection &connection, const ServerAddress &address, const QString &nick)
{
    QSignalSpy loggedIn(&connection, &ChatConnection::loggedIn);
    connection.logIn(address, nick);
    return loggedIn.wait(5000);
}

bool chatShots(const ServerAddress &address)
{
    ChatConnection bob;
    if (!logIn(bob, address, u"bob"_s))
        return false;

    ClientController client;
    client.start();
    fillLogin(client.loginWindow(), address.toString(), u"bob"_s);
    QTest::mouseClick(client.loginWindow()->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    const QLabel *error = client.loginWindow()->findChild<QLabel *>(u"error"_s);
    if (!QTest::qWaitFor([error] { return error->isVisible(); }, 5000) ||
        !save(client.loginWindow(), u"login-error-en.png"_s))
        return false;

    fillLogin(client.loginWindow(), address.toString(), u"alice"_s);
    QTest::mouseClick(client.loginWindow()->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    ChatWindow *chat = client.chatWindow();
    if (!QTest::qWaitFor([chat] { return chat->isVisible(); }, 5000))
        return false;
    bob.sendLine(u"/topic Friday demo: bring screenshots"_s);
    QTest::qWait(100);
    bob.sendLine(u"Hi alice! The notes are at https://example.org/notes"_s);
    QTest::qWait(100);
    auto *input = chat->findChild<MessageInput *>(u"input"_s);
    QTest::keyClicks(input, u"Hello bob, thanks!"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTest::qWait(100);
    bob.sendLine(u"/me waves"_s);
    QTest::qWait(100);
    bob.sendLine(u"Tags stay text: <b>not bold</b> <script>alert(1)</script>"_s);
    QTest::qWait(100);
    bob.sendLine(u"/msg alice Can you review my patch later?"_s);
    QTest::qWait(100);
    QTest::keyClicks(input, u"/me gives a thumbs up"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTest::qWait(100);
    ChatConnection carol;
    if (!logIn(carol, address, u"carol"_s))
        return false;
    carol.sendLine(u"你好，大家好！"_s);
    QTest::qWait(300);
    QTest::keyClicks(input, u"a draft, not sent yet"_s);
    return save(chat, u"chat-en.png"_s);
}

bool enter(ChatSession *session, const QString &key)
{
    return QTest::qWaitFor([&] { return session->active() && session->active()->key() == key; },
                           5000);
}

// Three rooms and a private conversation: the side panel counts what waits in each, the pane
// shows the active room's lines only; then coming back to a room, at its marker line; then
// the dark theme. In the language given, for the pictures of both languages.
bool conversationsShots(const QString &language)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    const bool chinese = language == "zh_CN"_L1;
    const TestServer server;
    ClientController client;
    client.start();
    fillLogin(client.loginWindow(), server.address().toString(), u"alice"_s);
    QTest::mouseClick(client.loginWindow()->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    ChatWindow *chat = client.chatWindow();
    ChatSession *session = client.session();
    ChatConnection bob;
    ChatConnection carol;
    if (!enter(session, u"#hall"_s) || !logIn(bob, server.address(), u"bob"_s) ||
        !logIn(carol, server.address(), u"carol"_s))
        return false;
    chat->resize(1100, 640);
    const auto say = [](ChatConnection &who, const QString &room, const QString &text) {
        who.say(room, text);
        QTest::qWait(60);
    };
    bob.createRoom(u"lab"_s);
    carol.createRoom(u"design"_s);
    QTest::qWait(200);
    client.connection()->joinRoom(u"lab"_s);
    if (!enter(session, u"#lab"_s))
        return false;
    client.connection()->joinRoom(u"design"_s);
    if (!enter(session, u"#design"_s))
        return false;
    session->setActive(session->conversation(u"#hall"_s));
    say(bob, u"hall"_s,
        chinese ? u"早上好！今天谁负责发布？"_s : u"Morning! Who does the release today?"_s);
    say(carol, u"hall"_s, chinese ? u"我来，九点开始"_s : u"I do, starting at nine"_s);
    say(bob, u"hall"_s,
        chinese ? u"alice，你能看一下更新日志吗？https://example.org/changelog"_s
                : u"alice, could you look over the changelog? https://example.org/changelog"_s);
    auto *input = chat->findChild<MessageInput *>(u"input"_s);
    input->setText(chinese ? u"好的，马上看"_s : u"Sure, on it"_s); // keyClicks types ASCII only
    QTest::keyClick(input, Qt::Key_Return);
    QTest::qWait(100);
    say(bob, u"lab"_s, chinese ? u"测试机又连不上了"_s : u"The test rig is offline again"_s);
    say(bob, u"lab"_s, chinese ? u"我重启一下"_s : u"Restarting it"_s);
    bob.sendLine(chinese ? u"/note #lab 测试机 rig-3 已恢复：12/12 项检查通过"_s
                         : u"/note #lab rig-3 is back: 12/12 checks passed"_s); // a script's note
    QTest::qWait(60);
    say(bob, u"lab"_s, chinese ? u"alice，好了吗？"_s : u"alice, back up on your side?"_s);
    say(carol, u"design"_s, chinese ? u"新图标放在共享盘了"_s : u"New icons are on the share"_s);
    bob.sendPrivate(u"alice"_s, chinese ? u"午饭一起吗？"_s : u"Lunch later?"_s);
    QTest::qWait(300);
    bool ok = save(chat, u"chat-rooms-%1.png"_s.arg(language));

    session->setActive(session->conversation(u"#lab"_s)); // back to lab: the marker line
    QTest::qWait(200);
    ok = ok && save(chat, u"chat-marker-%1.png"_s.arg(language));

    client.appearance()->setTheme(Appearance::Theme::Dark);
    session->setActive(session->conversation(u"#hall"_s));
    QTest::qWait(200);
    ok = ok && save(chat, u"chat-dark-%1.png"_s.arg(language));
    client.appearance()->setTheme(Appearance::Theme::System);
    QCoreApplication::removeTranslator(translator);
    return ok;
}

// A connection that dropped and came back: what was said meanwhile under a divider.
bool resumeShot(const QString &language, const QString &file)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    const TestServer server;
    CutProxy proxy(server.port());
    ClientController client;
    client.connection()->setReconnectDelay(300);
    client.start();
    fillLogin(client.loginWindow(), u"127.0.0.1:%1"_s.arg(proxy.port()), u"alice"_s);
    QTest::mouseClick(client.loginWindow()->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    ChatWindow *chat = client.chatWindow();
    ChatConnection bob;
    const bool ready = QTest::qWaitFor([chat] { return chat->isVisible(); }, 5000) &&
                       logIn(bob, server.address(), u"bob"_s);
    if (!ready)
        return false;
    bob.sendLine(u"Shall we start the review at ten?"_s);
    QTest::qWait(200);
    proxy.hold();
    proxy.cut(); // alice's Wi-Fi drops
    QTest::qWait(300);
    bob.sendLine(u"alice, are you there?"_s);
    bob.sendLine(u"/me opens the slides"_s);
    bob.sendLine(u"Starting without you, join when you can"_s);
    QTest::qWait(300);
    proxy.release();
    const bool back = QTest::qWaitFor(
        [&] { return client.connection()->state() == ChatConnection::State::LoggedIn; }, 5000);
    QTest::qWait(300);
    QCoreApplication::removeTranslator(translator);
    return back && save(chat, file);
}

bool certificateShot()
{
    const TestServer server({.tls = true});
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    login->findChild<QCheckBox *>(u"tls"_s)->setChecked(true);
    fillLogin(login, server.tlsAddress().toString(), u"alice"_s);
    QTest::mouseClick(login->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    CertificateQuestion *question = nullptr;
    const bool asked = QTest::qWaitFor(
        [&] {
            question = qobject_cast<CertificateQuestion *>(QApplication::activeModalWidget());
            return question != nullptr;
        },
        5000);
    if (!asked || !save(question, u"certificate-question-en.png"_s))
        return false;
    question->reject();
    return true;
}

// The login window after the server said the nickname is registered: it asks for the password.
bool registeredLoginShot(const QString &language, const QString &file)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    const TestServer server;
    const QString nick = language == "en"_L1 ? u"alice"_s : u"小明"_s;
    {
        ChatConnection owner;
        QSignalSpy registered(&owner, &ChatConnection::accountChanged);
        if (!logIn(owner, server.address(), nick))
            return false;
        owner.registerNick(u"correct-horse"_s);
        if (!registered.wait(5000))
            return false;
        owner.logOut();
        QTest::qWait(200);
    }
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    fillLogin(login, server.address().toString(), nick);
    QTest::mouseClick(login->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    const QLabel *error = login->findChild<QLabel *>(u"error"_s);
    const bool asked = QTest::qWaitFor([error] { return error->isVisible(); }, 5000);
    login->findChild<QLineEdit *>(u"nickPassword"_s)->setText(u"correct-horse"_s);
    QCoreApplication::removeTranslator(translator);
    return asked && save(login, file);
}

// A room as its owner sees it: marks for the owner, operators and the voiced, the muted
// dimmed, the away in italics, and the context menu on a member. The server does not send these
// flags yet, so a scripted one plays the room.
class ScriptedRoom : public QObject
{
public:
    ScriptedRoom()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [socket] {
                while (socket->canReadLine()) {
                    const QString line = QString::fromUtf8(socket->readLine()).trimmed();
                    const QString label = line.section(u' ', 0, 0).mid(1);
                    const QString t = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
                    QStringList replies;
                    if (line == "set tagged on"_L1) {
                        replies << u"ok %1 \\- set tagged on"_s.arg(t)
                                << u"welcome %1 \\- example 3"_s.arg(t);
                    } else if (line.section(u' ', 1, 1) == "login"_L1) {
                        replies << u"ok %1 %2 login alice token 120"_s.arg(t, label)
                                << u"join %1 %2 lab alice"_s.arg(t, label)
                                << u"topic %1 %2 lab alice Release\\sweek"_s.arg(t, label)
                                << u"users %1 %2 lab 6 alice owner bob op carol op,away dave "
                                   "muted erin voice frank away"_s.arg(t, label)
                                << u"message %1 \\- 1 lab 1 bob The\\sbuild\\sis\\sgreen"_s.arg(t)
                                << u"message %1 \\- 2 lab 2 dave BUY\\sCHEAP\\sWATCHES"_s.arg(t)
                                << u"moderation %1 \\- lab bob mute dave \\-"_s.arg(t);
                    }
                    for (const QString &reply : replies)
                        socket->write((reply + u"\r\n"_s).toUtf8());
                }
            });
        });
    }
    QString address() const { return u"127.0.0.1:%1"_s.arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
};

bool moderationShots(const QString &language)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    ScriptedRoom room;
    ClientController client;
    client.start();
    fillLogin(client.loginWindow(), room.address(), u"alice"_s);
    QTest::mouseClick(client.loginWindow()->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    ChatWindow *chat = client.chatWindow();
    auto *people = chat->findChild<PeopleView *>(u"userList"_s);
    if (!QTest::qWaitFor([people] { return people->model() && people->model()->rowCount() == 6; },
                         5000))
        return false;
    chat->resize(1100, 640);
    bool ok = save(chat, u"chat-people-%1.png"_s.arg(language));
    // The menu is a window of its own: the picture is of the screen where the chat window is.
    const QModelIndex erin = people->model()->index(4, 0);
    people->setFocus();
    people->setCurrentIndex(erin);
    QTest::keyClick(people, Qt::Key_F10, Qt::ShiftModifier);
    QTest::qWait(300);
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    if (menu) {
        const QRect area = chat->frameGeometry().united(menu->geometry());
        const QPixmap shot =
            chat->screen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
        const QString path = QDir(outputDir).filePath(u"people-menu-%1.png"_s.arg(language));
        ok = shot.save(path) && ok;
        std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
        menu->close();
    }
    QCoreApplication::removeTranslator(translator);
    return ok && menu;
}

// A dialog of lab as its owner sees it over the chat window, saved as name-language.png: logs in
// (alice, or 小明 in Chinese) on a server of its own, creates lab, and lets openDialog prepare the
// room and open the dialog (null when it could not).
template <typename OpenDialog>
bool ownerOfLabShot(const QString &name, const QString &language, OpenDialog openDialog)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    const TestServer server;
    ClientController client;
    client.start();
    fillLogin(client.loginWindow(), server.address().toString(),
              language == "en"_L1 ? u"alice"_s : u"小明"_s);
    QTest::mouseClick(client.loginWindow()->findChild<QPushButton *>(u"login"_s), Qt::LeftButton);
    ChatWindow *chat = client.chatWindow();
    const auto inLab = [&client] {
        return client.session()->active() && client.session()->active()->name() == "lab"_L1;
    };
    bool ok = QTest::qWaitFor([chat] { return chat->isVisible(); }, 5000);
    if (ok) {
        client.connection()->createRoom(u"lab"_s);
        ok = QTest::qWaitFor(inLab, 5000);
    }
    QDialog *dialog = nullptr;
    if (ok) {
        chat->resize(1000, 600);
        dialog = openDialog(chat, client.connection());
    }
    ok = dialog && QTest::qWaitForWindowExposed(dialog);
    if (ok) {
        QTest::qWait(300);
        const QRect area = chat->frameGeometry().united(dialog->frameGeometry());
        const QPixmap shot =
            chat->screen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
        const QString path = QDir(outputDir).filePath(u"%1-%2.png"_s.arg(name, language));
        ok = shot.save(path);
        std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
        dialog->reject();
    } else {
        std::printf("FAILED %s-%s: no dialog over lab\n", qPrintable(name), qPrintable(language));
    }
    QCoreApplication::removeTranslator(translator);
    return ok;
}

// The rules of a room as its owner sees them in the Chat menu's dialog: who may join (invited,
// at most 20, a key) and who may speak, over the room.
bool roomRulesShot(const QString &language)
{
    return ownerOfLabShot(
        u"room-rules"_s, language, [](ChatWindow *chat, ChatConnection *connection) -> QDialog * {
            for (const QString &rule : {u"invite-only on"_s, u"limit 20"_s, u"key orange"_s})
                connection->sendLine(u"/rule #lab "_s + rule);
            if (!QTest::qWaitFor(
                    [connection] { return connection->rules(u"lab"_s).key == "orange"_L1; }, 5000))
                return nullptr;
            chat->findChild<QAction *>(u"roomRules"_s)->trigger();
            return chat->findChild<RoomSettingsDialog *>(u"roomRulesDialog"_s);
        });
}

// The bans of a room as its owner sees them in the Chat menu's dialog: a nickname banned for
// an hour with a reason, a subnet for good, and a third mask the server refused, back in its
// field with the refusal's words below.
bool roomBansShot(const QString &language)
{
    return ownerOfLabShot(
        u"room-bans"_s, language,
        [language](ChatWindow *chat, ChatConnection *connection) -> QDialog * {
            const bool english = language == "en"_L1;
            connection->addMask(u"lab"_s, MaskListKind::Bans, u"mallory"_s, u"1h"_s,
                                english ? u"spam"_s : u"刷屏"_s);
            connection->addMask(u"lab"_s, MaskListKind::Bans, u"192.0.2.0/24"_s, {},
                                english ? u"flood"_s : u"洪水攻击"_s);
            chat->findChild<QAction *>(u"roomMasks"_s)->trigger();
            auto *dialog = chat->findChild<RoomMasksDialog *>(u"roomMasksDialog"_s);
            auto *bans = dialog ? dialog->findChild<QTableView *>(u"bans"_s) : nullptr;
            if (!bans || !QTest::qWaitFor([bans] { return bans->model()->rowCount() == 2; }, 5000))
                return nullptr;
            bans->resizeColumnsToContents();
            auto *mask = dialog->findChild<QLineEdit *>(u"banMask"_s);
            QTest::keyClicks(mask, u"10.0.0.0/99"_s);
            QTest::keyClick(mask, Qt::Key_Return);
            auto *problem = dialog->findChild<QLabel *>(u"problem"_s);
            if (!QTest::qWaitFor([problem] { return problem->isVisible(); }, 5000))
                return nullptr;
            return dialog;
        });
}

// The people a room's bans do not keep out, on the third page of the same dialog: an account
// and an address, both exempted by the owner.
bool roomExemptedShot(const QString &language)
{
    return ownerOfLabShot(
        u"room-exempted"_s, language,
        [](ChatWindow *chat, ChatConnection *connection) -> QDialog * {
            connection->addMask(u"lab"_s, MaskListKind::Exempted, u"account:bob"_s);
            connection->addMask(u"lab"_s, MaskListKind::Exempted, u"198.51.100.7"_s);
            chat->findChild<QAction *>(u"roomMasks"_s)->trigger();
            auto *dialog = chat->findChild<RoomMasksDialog *>(u"roomMasksDialog"_s);
            auto *exempted = dialog ? dialog->findChild<QTableView *>(u"exempted"_s) : nullptr;
            if (!exempted ||
                !QTest::qWaitFor([exempted] { return exempted->model()->rowCount() == 2; }, 5000))
                return nullptr;
            dialog->findChild<QTabWidget *>(u"lists"_s)->setCurrentIndex(2);
            exempted->resizeColumnsToContents();
            return dialog;
        });
}

// The question the owner of lab answers before stepping down, from the people menu on their own
// name: they will no longer run the room, which will have no owner, for good.
bool stepDownShot(const QString &language)
{
    return ownerOfLabShot(
        u"step-down"_s, language, [](ChatWindow *chat, ChatConnection *connection) -> QDialog * {
            auto *people = chat->findChild<PeopleView *>(u"userList"_s);
            const auto owner = [connection] {
                return connection->flags(u"lab"_s, connection->nick()).owner;
            };
            if (!QTest::qWaitFor(owner, 5000))
                return nullptr;
            const std::unique_ptr<QMenu> menu(people->createMenu(people->model()->index(0, 0)));
            auto *stepDown = menu->findChild<QAction *>(u"deop"_s);
            if (!stepDown)
                return nullptr;
            stepDown->trigger();
            return chat->findChild<StepDownQuestion *>(u"stepDownQuestion"_s);
        });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"qtchat-screenshots"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/chat-client.svg"_s));
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: chat-client-screenshots <host:port> <output directory>\n");
        return 2;
    }
    const ServerAddress address = ServerAddress::parse(args.at(1));
    outputDir = args.at(2);
    QDir().mkpath(outputDir);
    QApplication::installTranslator(const_cast<QTranslator *>(Translations::translator(u"en"_s)));

    const bool ok =
        loginShot(u"en"_s, address.toString(), u"login-en.png"_s) &&
        loginShot(u"zh_CN"_s, address.toString(), u"login-zh_CN.png"_s) && chatShots(address) &&
        conversationsShots(u"en"_s) && conversationsShots(u"zh_CN"_s) &&
        resumeShot(u"en"_s, u"chat-resumed-en.png"_s) &&
        resumeShot(u"zh_CN"_s, u"chat-resumed-zh_CN.png"_s) && certificateShot() &&
        registeredLoginShot(u"en"_s, u"login-password-en.png"_s) &&
        registeredLoginShot(u"zh_CN"_s, u"login-password-zh_CN.png"_s) &&
        moderationShots(u"en"_s) && moderationShots(u"zh_CN"_s) && roomRulesShot(u"en"_s) &&
        roomRulesShot(u"zh_CN"_s) && roomBansShot(u"en"_s) && roomBansShot(u"zh_CN"_s) &&
        roomExemptedShot(u"en"_s) && roomExemptedShot(u"zh_CN"_s) && stepDownShot(u"en"_s) &&
        stepDownShot(u"zh_CN"_s);
    return ok ? 0 : 1;
}
