// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class Appearance;
class ChatConnection;
class ChatSession;
class ChatWindow;
class LoginWindow;
class Notifications;
class Notifier;
class TrayIcon;

// Leads a person from the login window to the chat window and back when a session ends for
// good; finished() once they closed the chat and the goodbye has gone out.
class ClientController : public QObject
{
    Q_OBJECT

public:
    // Notifications go to notifier (a test's fake); without one, to the desktop's
    // notification service, or the tray icon where it has none.
    explicit ClientController(Notifier *notifier = nullptr, QObject *parent = nullptr);
    ~ClientController() override;

    ChatConnection *connection() const { return m_connection; }
    ChatSession *session() const { return m_session; }
    Appearance *appearance() const { return m_appearance; }
    LoginWindow *loginWindow() const { return m_login; }
    ChatWindow *chatWindow() const { return m_chat; }
    Notifier *notifier() const { return m_notifier; }

    void start();

signals:
    void finished();

private:
    ChatConnection *m_connection;
    ChatSession *m_session;
    Appearance *m_appearance;
    LoginWindow *m_login;
    ChatWindow *m_chat;
    TrayIcon *m_tray;
    Notifier *m_notifier;
    Notifications *m_notifications;
    bool m_closing = false;
};
