// SPDX-License-Identifier: MIT
// Which lines become desktop notifications, against a real server on loopback: a mention or a
// private message in a conversation that is not being read and not muted; one notification per
// conversation, counting its lines; taken away once the conversation is read.
#include "ChatConnection.h"
#include "ChatSession.h"
#include "Conversation.h"
#include "FakeNotifier.h"
#include "Notifications.h"
#include "TestServer.h"
#include "Translations.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

bool logIn(ChatConnection &connection, const TestServer &server, const QString &nick)
{
    QSignalSpy loggedIn(&connection, &ChatConnection::loggedIn);
    connection.logIn(server.address(), nick);
    return loggedIn.wait(5000);
}

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void whatIsNotified_data();
    void whatIsNotified();
    void oneNotificationPerConversation();
    void readingTakesItAway();
    void mutingTakesItAway();

private:
    // alice (with a session and the fake notifier) and bob, both in hall.
    bool setUp();
    // Waits until alice's session has handled as many of others' lines in all.
    bool arrived(int lines);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ChatConnection> m_alice;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<FakeNotifier> m_notifier;
    std::unique_ptr<Notifications> m_notifications;
    std::unique_ptr<ChatConnection> m_bob;
    std::unique_ptr<QSignalSpy> m_arrived;
};

void TestNotifications::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_notifications"_s);
    // As chat-client does: English plural forms ("3 new messages") come from it.
    QCoreApplication::installTranslator(
        const_cast<QTranslator *>(Translations::translator(u"en"_s)));
}

void TestNotifications::init()
{
    QSettings().clear();
}

void TestNotifications::cleanup()
{
    m_arrived.reset();
    m_bob.reset();
    m_notifications.reset();
    m_session.reset();
    m_alice.reset();
    m_notifier.reset();
    m_server.reset();
}

bool TestNotifications::setUp()
{
    TestServer::Options options;
    options.floodRate = 0;
    m_server = std::make_unique<TestServer>(options);
    m_alice = std::make_unique<ChatConnection>();
    m_session = std::make_unique<ChatSession>(m_alice.get());
    m_notifier = std::make_unique<FakeNotifier>();
    m_notifications = std::make_unique<Notifications>(m_session.get(), m_notifier.get());
    m_arrived = std::make_unique<QSignalSpy>(m_session.get(), &ChatSession::lineArrived);
    m_bob = std::make_unique<ChatConnection>();
    return logIn(*m_alice, *m_server, u"alice"_s) && logIn(*m_bob, *m_server, u"bob"_s) &&
           QTest::qWaitFor([this] { return m_session->conversation(u"#hall"_s) != nullptr; });
}

bool TestNotifications::arrived(int lines)
{
    return QTest::qWaitFor([this, lines] { return m_arrived->size() >= lines; }, 5000);
}

void TestNotifications::whatIsNotified_data()
{
    QTest::addColumn<bool>("privately");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("reading"); // alice has hall open in an active window
    QTest::addColumn<bool>("muted");   // alice muted the conversation
    QTest::addColumn<QString>("key");  // the conversation notified; empty: none
    QTest::addColumn<QString>("title");

    QTest::newRow("private message")
        << true << u"are you there?"_s << false << false << u"@bob"_s << u"bob (private)"_s;
    QTest::newRow("mention") << false << u"alice: lunch?"_s << false << false << u"#hall"_s
                             << u"bob in hall"_s;
    QTest::newRow("mention in another case")
        << false << u"ALICE, look"_s << false << false << u"#hall"_s << u"bob in hall"_s;
    QTest::newRow("mention in Chinese text")
        << false << u"alice你好"_s << false << false << u"#hall"_s << u"bob in hall"_s;
    QTest::newRow("ordinary line")
        << false << u"lunch, anyone?"_s << false << false << QString() << QString();
    QTest::newRow("name inside a word")
        << false << u"malice aforethought"_s << false << false << QString() << QString();
    QTest::newRow("mention being read")
        << false << u"alice: hi"_s << true << false << QString() << QString();
    QTest::newRow("mention while muted")
        << false << u"alice: hi"_s << false << true << QString() << QString();
    QTest::newRow("private while muted")
        << true << u"psst"_s << false << true << QString() << QString();
}

void TestNotifications::whatIsNotified()
{
    QFETCH(bool, privately);
    QFETCH(QString, text);
    QFETCH(bool, reading);
    QFETCH(bool, muted);
    QFETCH(QString, key);
    QFETCH(QString, title);
    QVERIFY(setUp());
    Conversation *hall = m_session->conversation(u"#hall"_s);
    m_session->setActive(hall);
    m_session->setAttentive(reading);
    if (muted) {
        // Muting a private conversation that does not exist yet is muting it for later.
        m_session->setMuted(privately ? m_session->openPrivate(u"bob"_s) : hall, true);
        m_session->setActive(hall);
    }

    if (privately)
        m_bob->sendPrivate(u"alice"_s, text);
    else
        m_bob->say(u"hall"_s, text);
    QVERIFY(arrived(1));

    if (key.isEmpty()) {
        QVERIFY2(m_notifier->requests().isEmpty(), qPrintable(m_notifier->requests().join(u", ")));
        return;
    }
    QCOMPARE(m_notifier->shown().keys(), QStringList{key});
    QCOMPARE(m_notifier->shown().value(key).title, title);
    QCOMPARE(m_notifier->shown().value(key).body, text);
}

void TestNotifications::oneNotificationPerConversation()
{
    QVERIFY(setUp());
    for (const QString &text : {u"one"_s, u"two"_s, u"three"_s})
        m_bob->sendPrivate(u"alice"_s, text);
    m_bob->say(u"hall"_s, u"alice: and here"_s);
    QVERIFY(arrived(4));

    QCOMPARE(m_notifier->shown().size(), 2);
    QCOMPARE(m_notifier->shown().value(u"@bob"_s).title, u"bob (private): 3 new messages"_s);
    QCOMPARE(m_notifier->shown().value(u"@bob"_s).body, u"three"_s);
    QCOMPARE(m_notifier->shown().value(u"#hall"_s).title, u"bob in hall"_s);
}

void TestNotifications::readingTakesItAway()
{
    QVERIFY(setUp());
    m_bob->sendPrivate(u"alice"_s, u"one"_s);
    QVERIFY(arrived(1));
    QCOMPARE(m_notifier->shown().size(), 1);

    // Opening the conversation in a window that is not active is not reading it.
    m_session->setActive(m_session->conversation(u"@bob"_s));
    QCOMPARE(m_notifier->shown().size(), 1);
    m_session->setAttentive(true);
    QVERIFY(m_notifier->shown().isEmpty());
    QCOMPARE(m_notifier->requests(), (QStringList{u"show @bob"_s, u"withdraw @bob"_s}));

    // Looked away again: the next line is a new notification that counts from one.
    m_session->setAttentive(false);
    m_bob->sendPrivate(u"alice"_s, u"two"_s);
    QVERIFY(arrived(2));
    QCOMPARE(m_notifier->shown().value(u"@bob"_s).title, u"bob (private)"_s);
}

void TestNotifications::mutingTakesItAway()
{
    QVERIFY(setUp());
    m_bob->say(u"hall"_s, u"alice?"_s);
    QVERIFY(arrived(1));
    QCOMPARE(m_notifier->shown().size(), 1);
    m_session->setMuted(m_session->conversation(u"#hall"_s), true);
    QVERIFY(m_notifier->shown().isEmpty());
}

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
