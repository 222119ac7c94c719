// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class Appearance;
class ChatConnection;
class ChatSession;
class ChatWindow;
class LoginWindow;

// Leads a person from the login window to the chat window and back when a session ends for
// good; finished() once they closed the chat and the goodbye has gone out.
class ClientController : public QObject
{
    Q_OBJECT

public:
    explicit ClientController(QObject *parent = nullptr);
    ~ClientController() override;

    ChatConnection *connection() const { return m_connection; }
    ChatSession *session() const { return m_session; }
    Appearance *appearance() const { return m_appearance; }
    LoginWindow *loginWindow() const { return m_login; }
    ChatWindow *chatWindow() const { return m_chat; }

    void start();

signals:
    void finished();

private:
    ChatConnection *m_connection;
    ChatSession *m_session;
    Appearance *m_appearance;
    LoginWindow *m_login;
    ChatWindow *m_chat;
    bool m_closing = false;
};
