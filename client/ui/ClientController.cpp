// SPDX-License-Identifier: MIT
#include "ClientController.h"

#include "Appearance.h"
#include "ChatConnection.h"
#include "ChatSession.h"
#include "ChatWindow.h"
#include "FreedesktopNotifier.h"
#include "LoginWindow.h"
#include "Notifications.h"
#include "TrayIcon.h"
#include "TrayNotifier.h"

ClientController::ClientController(Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_connection(new ChatConnection(this))
    , m_session(new ChatSession(m_connection, this))
    , m_appearance(new Appearance(this))
    , m_login(new LoginWindow(m_connection))
    , m_chat(new ChatWindow(m_session, m_appearance))
    , m_tray(new TrayIcon(m_chat))
    , m_notifier(notifier)
{
    if (!m_notifier) {
        const QDBusConnection bus = QDBusConnection::sessionBus();
        m_notifier = FreedesktopNotifier::isAvailable(bus)
                         ? static_cast<Notifier *>(new FreedesktopNotifier(bus, this))
                         : new TrayNotifier(m_tray, m_chat, this);
    }
    m_notifications = new Notifications(m_session, m_notifier, this);
    connect(m_notifier, &Notifier::activated, m_chat, &ChatWindow::showConversation);
    connect(m_connection, &ChatConnection::loggedIn, this, [this] {
        if (!m_login->isVisible())
            return;
        m_login->hide();
        m_chat->show();
        m_chat->activateWindow();
    });
    connect(m_chat, &ChatWindow::closed, this, [this] {
        m_closing = true;
        if (m_connection->state() == ChatConnection::State::Disconnected)
            emit finished();
    });
    connect(m_connection, &ChatConnection::disconnected, this,
            [this](ChatConnection::Failure reason) {
                if (m_closing) {
                    emit finished();
                    return;
                }
                // Reconnecting gave up (the name is no longer allowed, say): start over.
                if (m_chat->isVisible()) {
                    m_chat->hide();
                    m_login->show();
                    m_login->showFailure(reason);
                }
            });
    // Closing the chat must not end the process before the goodbye is out: finished() does.
    m_chat->setAttribute(Qt::WA_QuitOnClose, false);
}

ClientController::~ClientController()
{
    delete m_chat;
    delete m_login;
}

void ClientController::start()
{
    m_login->show();
}
