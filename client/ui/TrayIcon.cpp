// SPDX-License-Identifier: MIT
#include "TrayIcon.h"

#include "ChatWindow.h"

#include <QApplication>

TrayIcon::TrayIcon(ChatWindow *window)
    : QSystemTrayIcon(QApplication::windowIcon(), window)
    , m_window(window)
{
    connect(window, &ChatWindow::unreadChanged, this, &TrayIcon::updateToolTip);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick)
            m_window->showConversation({});
    });
    updateToolTip(0);
    if (isSystemTrayAvailable())
        show();
}

void TrayIcon::updateToolTip(int unread)
{
    setToolTip(unread > 0 ? tr("Chat: %n unread message(s)", nullptr, unread) : tr("Chat"));
}
