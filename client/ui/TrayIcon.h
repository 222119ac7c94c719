// SPDX-License-Identifier: MIT
#pragma once

#include <QSystemTrayIcon>

class ChatWindow;

// The client in the desktop's tray, where it has one: the tooltip counts unread lines, a
// click brings the window forward. Notifications fall back to its messages (TrayNotifier)
// where the desktop has no notification service.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT

public:
    explicit TrayIcon(ChatWindow *window);

private:
    void updateToolTip(int unread);

    ChatWindow *m_window;
};
