// SPDX-License-Identifier: MIT
#include "ChatConnection.h"
#include "KnownCertificates.h"
#include "security/PasswordHash.h"
#include "TestServer.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using State = ChatConnection::State;
using Failure = ChatConnection::Failure;

// TLS with a certificate approved like an ssh host key, and the server password, without any
// window.
class TestSecureConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void knownCertificatesAreKeptPerHostAndPort();
    void asksAboutAnUnknownCertificateThenLogsIn();
    void rememberedCertificateConnectsWithoutAsking();
    void changedCertificateIsRefused();
    void plainServerIsNotMistakenForTls();
    void reconnectsOverTlsWithThePassword();
    void reconnectStopsAtAChangedCertificate();
    void password_data();
    void password();

private:
    static QByteArray testFingerprint();
    QString writePasswordFile(const QString &password);

    QTemporaryDir m_dir;
};

QByteArray TestSecureConnection::testFingerprint()
{
    const QList<QSslCertificate> certificates =
        QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem"));
    return certificates.value(0).digest(QCryptographicHash::Sha256);
}

QString TestSecureConnection::writePasswordFile(const QString &password)
{
    const QString path = m_dir.filePath(u"password"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(PasswordHash::create(password, 1000) + '\n');
    return path;
}

void TestSecureConnection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_tls"_s);
    QVERIFY(m_dir.isValid());
    QCOMPARE(testFingerprint().size(), 32);
}

void TestSecureConnection::init()
{
    QSettings().clear();
}

void TestSecureConnection::knownCertificatesAreKeptPerHostAndPort()
{
    const QByteArray a(32, '\x01');
    const QByteArray b(32, '\x02');
    KnownCertificates().remember(u"[::1]:5006"_s, a);
    KnownCertificates().remember(u"localhost:5006"_s, b);
    KnownCertificates known;
    QCOMPARE(known.fingerprint(u"[::1]:5006"_s), a);
    QCOMPARE(known.fingerprint(u"localhost:5006"_s), b);
    QVERIFY(known.fingerprint(u"localhost:5007"_s).isEmpty());
    known.forget(u"[::1]:5006"_s);
    QVERIFY(known.fingerprint(u"[::1]:5006"_s).isEmpty());
    QCOMPARE(known.fingerprint(u"localhost:5006"_s), b);
    QCOMPARE(KnownCertificates::display(QByteArray::fromHex("0aff10")), u"0A:FF:10"_s);
}

void TestSecureConnection::asksAboutAnUnknownCertificateThenLogsIn()
{
    TestServer server({.tls = true});
    ChatConnection alice;
    alice.setTls(true);
    QSignalSpy question(&alice, &ChatConnection::certificateNeedsApproval);
    QSignalSpy failed(&alice, &ChatConnection::loginFailed);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(question.wait(5000));
    const QString hostPort = server.tlsAddress().toString();
    QCOMPARE(question.first().at(0).toString(), hostPort);
    QCOMPARE(question.first().at(1).toByteArray(), testFingerprint());
    QCOMPARE(question.first().at(2).toString(), u"localhost"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Failure>(), Failure::CertificateUnknown);
    QCOMPARE(alice.state(), State::Disconnected);
    QVERIFY(loggedIn.isEmpty());
    QVERIFY(KnownCertificates().fingerprint(hostPort).isEmpty());

    alice.approveCertificate(hostPort, testFingerprint());
    QVERIFY(loggedIn.wait(5000));
    QVERIFY(alice.isEncrypted());
    QCOMPARE(alice.room(), u"hall"_s);
    QCOMPARE(question.size(), 1);
    QCOMPARE(KnownCertificates().fingerprint(hostPort), testFingerprint());

    // Forgotten means asked again, even by the socket that accepted it before.
    QSignalSpy disconnected(&alice, &ChatConnection::disconnected);
    alice.logOut();
    QVERIFY(disconnected.wait(5000));
    alice.forgetCertificate(hostPort);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(question.wait(5000));
    QCOMPARE(loggedIn.size(), 1);
    QCOMPARE(alice.state(), State::Disconnected);
}

void TestSecureConnection::rememberedCertificateConnectsWithoutAsking()
{
    TestServer server({.tls = true});
    KnownCertificates().remember(server.tlsAddress().toString(), testFingerprint());
    ChatConnection alice;
    alice.setTls(true);
    QSignalSpy question(&alice, &ChatConnection::certificateNeedsApproval);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(loggedIn.wait(5000));
    QVERIFY(alice.isEncrypted());
    QVERIFY(question.isEmpty());
}

void TestSecureConnection::changedCertificateIsRefused()
{
    TestServer server({.tls = true});
    const QString hostPort = server.tlsAddress().toString();
    const QByteArray other(32, '\x5a');
    KnownCertificates().remember(hostPort, other);
    ChatConnection alice;
    alice.setTls(true);
    QSignalSpy question(&alice, &ChatConnection::certificateNeedsApproval);
    QSignalSpy changed(&alice, &ChatConnection::certificateChanged);
    QSignalSpy failed(&alice, &ChatConnection::loginFailed);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<Failure>(), Failure::CertificateChanged);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toString(), hostPort);
    QCOMPARE(changed.first().at(1).toByteArray(), testFingerprint());
    QVERIFY(question.isEmpty());
    QVERIFY(loggedIn.isEmpty());
    QCOMPARE(alice.state(), State::Disconnected);
    QCOMPARE(KnownCertificates().fingerprint(hostPort), other);

    // Only forgetting the old one lets the question be asked again.
    alice.forgetCertificate(hostPort);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(question.wait(5000));
}

void TestSecureConnection::plainServerIsNotMistakenForTls()
{
    TestServer server;
    ChatConnection alice;
    alice.setTls(true);
    QSignalSpy failed(&alice, &ChatConnection::loginFailed);
    alice.logIn(server.address(), u"alice"_s);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<Failure>(), Failure::TlsError);
    QCOMPARE(alice.state(), State::Disconnected);
}

void TestSecureConnection::reconnectsOverTlsWithThePassword()
{
    TestServer server({.tls = true, .passwordFile = writePasswordFile(u"open sesame"_s)});
    KnownCertificates().remember(server.tlsAddress().toString(), testFingerprint());
    ChatConnection alice;
    alice.setTls(true);
    alice.setPassword(u"open sesame"_s);
    alice.setReconnectDelay(50);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    QSignalSpy lost(&alice, &ChatConnection::connectionLost);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(loggedIn.wait(5000));
    QVERIFY(server.restart());
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 2, 10000);
    QCOMPARE(lost.size(), 1);
    QVERIFY(alice.isEncrypted());
    QCOMPARE(alice.state(), State::LoggedIn);
}

void TestSecureConnection::reconnectStopsAtAChangedCertificate()
{
    TestServer server({.tls = true});
    const QString hostPort = server.tlsAddress().toString();
    KnownCertificates().remember(hostPort, testFingerprint());
    ChatConnection alice;
    alice.setTls(true);
    alice.setReconnectDelay(50);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    QSignalSpy changed(&alice, &ChatConnection::certificateChanged);
    QSignalSpy disconnected(&alice, &ChatConnection::disconnected);
    alice.logIn(server.tlsAddress(), u"alice"_s);
    QVERIFY(loggedIn.wait(5000));

    // As if the server came back with another certificate than the one trusted.
    KnownCertificates().remember(hostPort, QByteArray(32, '\x5a'));
    QVERIFY(server.restart());
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 10000);
    QCOMPARE(disconnected.first().first().value<Failure>(), Failure::CertificateChanged);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(loggedIn.size(), 1);
    QCOMPARE(alice.state(), State::Disconnected);
}

void TestSecureConnection::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<Failure>("failure");

    QTest::newRow("right") << u"open sesame"_s << Failure::None;
    QTest::newRow("wrong") << u"open barley"_s << Failure::WrongPassword;
    QTest::newRow("missing") << QString() << Failure::PasswordRequired;
}

void TestSecureConnection::password()
{
    QFETCH(QString, password);
    QFETCH(Failure, failure);

    TestServer server({.passwordFile = writePasswordFile(u"open sesame"_s)});
    ChatConnection alice;
    alice.setPassword(password);
    QSignalSpy loggedIn(&alice, &ChatConnection::loggedIn);
    QSignalSpy failed(&alice, &ChatConnection::loginFailed);
    alice.logIn(server.address(), u"alice"_s);
    if (failure == Failure::None) {
        QVERIFY(loggedIn.wait(5000));
        QCOMPARE(alice.room(), u"hall"_s);
        QVERIFY(!alice.isEncrypted());
        return;
    }
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<Failure>(), failure);
    QCOMPARE(alice.loginError(), ErrorCode::PasswordMismatch);
    QVERIFY(loggedIn.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecureConnection)
#include "tst_secureconnection.moc"
