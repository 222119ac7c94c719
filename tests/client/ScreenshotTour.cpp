// SPDX-License-Identifier: MIT
// Drives the real windows against a running chat-server and saves what a person sees:
//   chat-client-screenshots <host:port> <output directory>
// The certificate question needs a TLS server with a self-signed certificate: that one runs in
// this process, with the tests' certificate.
// scripts/screenshots.sh runs it under Xvfb.
#include "CertificateQuestion.h"
#include "ChatConnection.h"
#include "ChatWindow.h"
#include "ClientController.h"
#include "CutProxy.h"
#include "LoginWindow.h"
#include "TestServer.h"
#include "Translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <cstdio>

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
    auto *input = chat->findChild<QLineEdit *>(u"input"_s);
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

    const bool ok = loginShot(u"en"_s, address.toString(), u"login-en.png"_s) &&
                    loginShot(u"zh_CN"_s, address.toString(), u"login-zh_CN.png"_s) &&
                    chatShots(address) && resumeShot(u"en"_s, u"chat-resumed-en.png"_s) &&
                    resumeShot(u"zh_CN"_s, u"chat-resumed-zh_CN.png"_s) && certificateShot();
    return ok ? 0 : 1;
}
