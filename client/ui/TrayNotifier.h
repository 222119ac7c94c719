// SPDX-License-Identifier: MIT
#pragma once

#include "Notifier.h"

class QSystemTrayIcon;
class QWidget;

// Notifications where the desktop has no notification service: a message from the tray icon
// if there is a tray, and in any case the window asks for attention (QApplication::alert: a
// blinking task bar entry). A tray message cannot be replaced or taken back; a click on it
// opens the conversation it was about.
class TrayNotifier : public Notifier
{
    Q_OBJECT

public:
    TrayNotifier(QSystemTrayIcon *tray, QWidget *window, QObject *parent = nullptr);

    void show(const QString &key, const QString &title, const QString &body) override;
    void withdraw(const QString &key) override;

private:
    QSystemTrayIcon *m_tray;
    QWidget *m_window;
    QString m_shown; // the conversation of the last message shown
};
