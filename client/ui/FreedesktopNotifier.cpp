// SPDX-License-Identifier: MIT
#include "FreedesktopNotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Interface = "org.freedesktop.Notifications";

QDBusMessage call(const char *method)
{
    return QDBusMessage::createMethodCall(QLatin1StringView(FreedesktopNotifier::Service),
                                          QLatin1StringView(FreedesktopNotifier::Path),
                                          QLatin1StringView(Interface), QLatin1StringView(method));
}

} // namespace

bool FreedesktopNotifier::isAvailable(const QDBusConnection &bus)
{
    return bus.isConnected() && bus.interface() &&
           bus.interface()->isServiceRegistered(QLatin1StringView(Service)).value();
}

FreedesktopNotifier::FreedesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : Notifier(parent)
    , m_bus(bus)
{
    const QString service = QLatin1StringView(Service);
    const QString path = QLatin1StringView(Path);
    const QString interface = QLatin1StringView(Interface);
    m_bus.connect(service, path, interface, u"ActionInvoked"_s, this,
                  SLOT(actionInvoked(uint, QString)));
    m_bus.connect(service, path, interface, u"NotificationClosed"_s, this,
                  SLOT(notificationClosed(uint, uint)));
}

void FreedesktopNotifier::show(const QString &key, const QString &title, const QString &body)
{
    if (auto waiting = m_waiting.find(key); waiting != m_waiting.end()) {
        *waiting = Pending{title, body};
        return;
    }
    notify(key, title, body);
}

void FreedesktopNotifier::notify(const QString &key, const QString &title, const QString &body)
{
    QDBusMessage message = call("Notify");
    const QVariantMap hints{{u"desktop-entry"_s, QGuiApplication::desktopFileName()},
                            {u"category"_s, u"im.received"_s}};
    message << QCoreApplication::applicationName() << m_ids.value(key, 0u) << u"chat-client"_s
            << title << body << QStringList{u"default"_s, tr("Open")} << hints << int(-1);
    m_waiting.insert(key, std::nullopt);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key](QDBusPendingCallWatcher *watcher) {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                answered(key, reply.isError() ? 0 : reply.value());
            });
}

void FreedesktopNotifier::answered(const QString &key, uint id)
{
    const std::optional<Pending> next = m_waiting.take(key);
    if (id != 0)
        m_ids.insert(key, id);
    if (next && next->withdrawn)
        withdraw(key);
    else if (next)
        notify(key, next->title, next->body);
}

void FreedesktopNotifier::withdraw(const QString &key)
{
    if (auto waiting = m_waiting.find(key); waiting != m_waiting.end()) {
        *waiting = Pending{{}, {}, true};
        return;
    }
    const uint id = m_ids.take(key);
    if (id == 0)
        return;
    QDBusMessage message = call("CloseNotification");
    message << id;
    m_bus.asyncCall(message);
}

void FreedesktopNotifier::actionInvoked(uint id, const QString &action)
{
    const QString key = m_ids.key(id);
    if (!key.isEmpty() && action == "default"_L1)
        emit activated(key);
}

void FreedesktopNotifier::notificationClosed(uint id, uint)
{
    // Closed by the person or expired: the next line is a notification of its own.
    const QString key = m_ids.key(id);
    if (!key.isEmpty())
        m_ids.remove(key);
}
