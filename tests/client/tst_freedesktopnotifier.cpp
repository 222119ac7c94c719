// SPDX-License-Identifier: MIT
// FreedesktopNotifier against a notification service of the test's own on a private session
// bus (a dbus-daemon started for the test): what it asks the service, that a conversation's
// next notification replaces its last one, that reading closes it, and that a click on it is
// activated(). Skipped where dbus-daemon is not installed.
#include "FreedesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

// Plays org.freedesktop.Notifications: remembers every call, gives out ids from 1.
class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString method;
        uint id = 0; // replaces_id for Notify, the id for CloseNotification
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &, uint replacesId, const QString &, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        calls.append({u"Notify"_s, replacesId, summary, body, actions, hints});
        return replacesId != 0 ? replacesId : ++m_lastId;
    }
    void CloseNotification(uint id) { calls.append({u"CloseNotification"_s, id, {}, {}, {}, {}}); }
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s}; }

private:
    uint m_lastId = 0;
};

class TestFreedesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void isAvailableOnlyWithAService();
    void showsAndReplacesPerConversation();
    void readingClosesIt();
    void aClickActivatesTheConversation();
    void closedByThePersonStartsAfresh();

private:
    // The service says something about notification id (ActionInvoked, NotificationClosed).
    void emitSignal(const QString &name, const QVariantList &arguments);

    QProcess m_daemon;
    QString m_address;
    std::unique_ptr<FakeNotificationService> m_service;
    std::unique_ptr<FreedesktopNotifier> m_notifier;
    int m_round = 0;
};

void TestFreedesktopNotifier::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed");
    m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    QVERIFY(m_daemon.waitForStarted());
    QTRY_VERIFY(m_daemon.canReadLine());
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!m_address.isEmpty());
}

void TestFreedesktopNotifier::cleanupTestCase()
{
    m_daemon.terminate();
    m_daemon.waitForFinished();
}

void TestFreedesktopNotifier::init()
{
    // Connections of their own for each test: the service's name is free again after one.
    ++m_round;
    QDBusConnection service = QDBusConnection::connectToBus(m_address, u"service%1"_s.arg(m_round));
    QVERIFY(service.isConnected());
    m_service = std::make_unique<FakeNotificationService>();
    QVERIFY(service.registerObject(QLatin1StringView(FreedesktopNotifier::Path), m_service.get(),
                                   QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(QLatin1StringView(FreedesktopNotifier::Service)));
    const QDBusConnection client =
        QDBusConnection::connectToBus(m_address, u"client%1"_s.arg(m_round));
    m_notifier = std::make_unique<FreedesktopNotifier>(client);
}

void TestFreedesktopNotifier::cleanup()
{
    m_notifier.reset();
    QDBusConnection::disconnectFromBus(u"client%1"_s.arg(m_round));
    QDBusConnection::disconnectFromBus(u"service%1"_s.arg(m_round));
    m_service.reset();
}

void TestFreedesktopNotifier::emitSignal(const QString &name, const QVariantList &arguments)
{
    QDBusMessage message =
        QDBusMessage::createSignal(QLatin1StringView(FreedesktopNotifier::Path),
                                   QLatin1StringView(FreedesktopNotifier::Service), name);
    message.setArguments(arguments);
    QVERIFY(QDBusConnection(u"service%1"_s.arg(m_round)).send(message));
}

void TestFreedesktopNotifier::isAvailableOnlyWithAService()
{
    QVERIFY(FreedesktopNotifier::isAvailable(QDBusConnection(u"client%1"_s.arg(m_round))));
    QDBusConnection(u"service%1"_s.arg(m_round))
        .unregisterService(QLatin1StringView(FreedesktopNotifier::Service));
    QTRY_VERIFY(!FreedesktopNotifier::isAvailable(QDBusConnection(u"client%1"_s.arg(m_round))));
}

void TestFreedesktopNotifier::showsAndReplacesPerConversation()
{
    m_notifier->show(u"@bob"_s, u"bob (private)"_s, u"one"_s);
    m_notifier->show(u"@bob"_s, u"bob (private): 2 new messages"_s, u"two"_s); // before the answer
    m_notifier->show(u"#hall"_s, u"bob in hall"_s, u"alice?"_s);
    QTRY_COMPARE(m_service->calls.size(), 3);
    const auto &calls = m_service->calls;
    QCOMPARE(calls.at(0).summary, u"bob (private)"_s);
    QCOMPARE(calls.at(0).body, u"one"_s);
    QCOMPARE(calls.at(0).id, 0u);
    QVERIFY(calls.at(0).actions.contains(u"default"_s));
    QVERIFY(calls.at(0).hints.contains(u"desktop-entry"_s));
    // hall's first notification is new; bob's second waited for the id of his first.
    QCOMPARE(calls.at(1).summary, u"bob in hall"_s);
    QCOMPARE(calls.at(1).id, 0u);
    QCOMPARE(calls.at(2).summary, u"bob (private): 2 new messages"_s);
    QCOMPARE(calls.at(2).id, 1u);
}

void TestFreedesktopNotifier::readingClosesIt()
{
    m_notifier->show(u"@bob"_s, u"bob (private)"_s, u"one"_s);
    m_notifier->withdraw(u"@bob"_s); // before the answer: closed once it is known
    QTRY_COMPARE(m_service->calls.size(), 2);
    QCOMPARE(m_service->calls.at(1).method, u"CloseNotification"_s);
    QCOMPARE(m_service->calls.at(1).id, 1u);
    m_notifier->withdraw(u"@bob"_s); // nothing left to close
    m_notifier->withdraw(u"#nowhere"_s);
    m_notifier->show(u"#hall"_s, u"bob in hall"_s, u"alice?"_s);
    QTRY_COMPARE(m_service->calls.size(), 3);
    QCOMPARE(m_service->calls.at(2).method, u"Notify"_s); // no other close before it
}

void TestFreedesktopNotifier::aClickActivatesTheConversation()
{
    QSignalSpy activated(m_notifier.get(), &Notifier::activated);
    m_notifier->show(u"#hall"_s, u"bob in hall"_s, u"alice?"_s);
    m_notifier->show(u"@bob"_s, u"bob (private)"_s, u"one"_s);
    QTRY_COMPARE(m_service->calls.size(), 2);
    QTRY_VERIFY(m_notifier->isShown(u"@bob"_s)); // its id is known
    emitSignal(u"ActionInvoked"_s, {2u, u"default"_s});
    QVERIFY(activated.wait(5000));
    QCOMPARE(activated.first().first().toString(), u"@bob"_s);
}

void TestFreedesktopNotifier::closedByThePersonStartsAfresh()
{
    m_notifier->show(u"@bob"_s, u"bob (private)"_s, u"one"_s);
    QTRY_COMPARE(m_service->calls.size(), 1);
    QTRY_VERIFY(m_notifier->isShown(u"@bob"_s));
    // Dismissed by the person; then a click on an id nobody has any more is nothing.
    QSignalSpy activated(m_notifier.get(), &Notifier::activated);
    emitSignal(u"NotificationClosed"_s, {1u, 2u});
    emitSignal(u"ActionInvoked"_s, {1u, u"default"_s});
    QTRY_VERIFY(!m_notifier->isShown(u"@bob"_s));
    m_notifier->show(u"@bob"_s, u"bob (private)"_s, u"two"_s);
    QTRY_COMPARE(m_service->calls.size(), 2);
    QCOMPARE(m_service->calls.at(1).id, 0u);
    QVERIFY(activated.isEmpty());
}

QTEST_GUILESS_MAIN(TestFreedesktopNotifier)
#include "tst_freedesktopnotifier.moc"
