// SPDX-License-Identifier: MIT
#pragma once

#include "Notifier.h"

#include <QDBusConnection>
#include <QHash>

#include <optional>

// Notifications through the desktop's notification service (org.freedesktop.Notifications,
// as GNOME, KDE, Xfce and notification daemons such as dunst offer it). A conversation's
// notification keeps the id the service gave it, so that the next one replaces it
// (replaces_id) and reading the conversation closes it; its default action, a click on it,
// is activated(). Every call is asynchronous: a slow service never holds up the window.
class FreedesktopNotifier : public Notifier
{
    Q_OBJECT

public:
    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";

    // Whether the bus has a notification service now.
    static bool isAvailable(const QDBusConnection &bus);

    explicit FreedesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    void show(const QString &key, const QString &title, const QString &body) override;
    void withdraw(const QString &key) override;
    // Whether the conversation's notification is on the desktop, as far as the service said.
    bool isShown(const QString &key) const { return m_ids.contains(key); }

private slots:
    // Connected by name: QDBusConnection::connect() takes the slot as a string.
    void actionInvoked(uint id, const QString &action);
    void notificationClosed(uint id, uint reason);

private:
    struct Pending
    {
        QString title;
        QString body;
        bool withdrawn = false;
    };
    void notify(const QString &key, const QString &title, const QString &body);
    void answered(const QString &key, uint id);

    QDBusConnection m_bus;
    QHash<QString, uint> m_ids; // the service's id of each conversation's notification
    // Asked for while the conversation's first Notify was not answered yet: without its id,
    // it would be a second notification instead of replacing the first.
    QHash<QString, std::optional<Pending>> m_waiting;
};
