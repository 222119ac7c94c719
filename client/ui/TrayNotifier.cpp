// SPDX-License-Identifier: MIT
#include "TrayNotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

TrayNotifier::TrayNotifier(QSystemTrayIcon *tray, QWidget *window, QObject *parent)
    : Notifier(parent)
    , m_tray(tray)
    , m_window(window)
{
    connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_shown.isEmpty())
            emit activated(m_shown);
    });
}

void TrayNotifier::show(const QString &key, const QString &title, const QString &body)
{
    if (m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        m_shown = key;
        m_tray->showMessage(title, body);
    }
    QApplication::alert(m_window);
}

void TrayNotifier::withdraw(const QString &key)
{
    if (key == m_shown)
        m_shown.clear();
}
