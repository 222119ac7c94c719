// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"
#include "ChatWindow.h"
#include "ClientController.h"
#include "LoginWindow.h"
#include "TestServer.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

// What the window tests share: finding a named control (failing loudly when it is missing),
// logging in through the login window as a person would, and logging in a bare connection to
// play the other people in the room.
namespace WindowTestKit {

template <typename T> T *child(const QObject *window, const QString &name)
{
    T *found = window->findChild<T *>(name);
    if (!found)
        qFatal("no child %s", qPrintable(name));
    return found;
}

// Fills in the login window and clicks Log in (or presses Enter in the nickname field).
inline void submitLogin(ClientController &client, const QString &address, const QString &nick,
                        bool byEnter = false)
{
    LoginWindow *login = client.loginWindow();
    child<QLineEdit>(login, u"address"_s)->setText(address);
    auto *nickEdit = child<QLineEdit>(login, u"nickname"_s);
    nickEdit->setText(nick);
    if (byEnter)
        QTest::keyClick(nickEdit, Qt::Key_Return);
    else
        QTest::mouseClick(child<QPushButton>(login, u"login"_s), Qt::LeftButton);
}

inline bool logIn(ClientController &client, const QString &address, const QString &nick)
{
    client.start();
    submitLogin(client, address, nick);
    return QTest::qWaitFor([&] { return client.chatWindow()->isVisible(); }, 5000) &&
           !client.loginWindow()->isVisible();
}

inline bool logIn(ClientController &client, const TestServer &server, const QString &nick)
{
    return logIn(client, server.address().toString(), nick);
}

inline bool logIn(ChatConnection &connection, const TestServer &server, const QString &nick)
{
    QSignalSpy loggedIn(&connection, &ChatConnection::loggedIn);
    connection.logIn(server.address(), nick);
    return loggedIn.wait(5000);
}

// What the message pane shows, as plain text, one line per line of the pane.
inline QString paneText(const QWidget *chat)
{
    const QWidget *pane = child<QWidget>(chat, u"messages"_s);
    if (const auto *browser = qobject_cast<const QTextBrowser *>(pane))
        return browser->toPlainText();
    QStringList lines;
    const QAbstractItemModel *model = qobject_cast<const QAbstractItemView *>(pane)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        lines << model->index(row, 0).data().toString();
    return lines.join(u'\n');
}

} // namespace WindowTestKit
