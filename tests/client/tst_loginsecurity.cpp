// SPDX-License-Identifier: MIT
#include "CertificateQuestion.h"
#include "ChatConnection.h"
#include "ChatWindow.h"
#include "ClientController.h"
#include "KnownCertificates.h"
#include "LoginWindow.h"
#include "security/PasswordHash.h"
#include "StatusText.h"
#include "TestServer.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The login window's side of TLS and the server password: the fingerprint question, the
// changed-certificate warning, password errors in plain words.
class TestLoginSecurity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void tlsBoxFollowsTheDefaultPort();
    void asksAboutTheFingerprintThenLogsIn();
    void refusingTheCertificateDoesNotConnect();
    void changedCertificateIsWarnedAboutAndCanBeForgotten();
    void passwordErrorsAreExplained();
    void tlsErrorsAreExplainedInPlainWords();

private:
    static QByteArray testFingerprint();
    static void submit(ClientController &client, const ServerAddress &address, bool tls,
                       const QString &password = {});
    static CertificateQuestion *waitForQuestion();
    template <typename T> static T *child(QWidget *window, const QString &name)
    {
        auto *found = window->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }

    QTemporaryDir m_dir;
};

QByteArray TestLoginSecurity::testFingerprint()
{
    return QSslCertificate::fromPath(QStringLiteral(TEST_DATA "/test-cert.pem"))
        .value(0)
        .digest(QCryptographicHash::Sha256);
}

void TestLoginSecurity::submit(ClientController &client, const ServerAddress &address, bool tls,
                               const QString &password)
{
    client.start();
    LoginWindow *login = client.loginWindow();
    child<QCheckBox>(login, u"tls"_s)->setChecked(tls);
    child<QLineEdit>(login, u"address"_s)->setText(address.toString());
    child<QLineEdit>(login, u"nickname"_s)->setText(u"alice"_s);
    child<QLineEdit>(login, u"password"_s)->setText(password);
    QTest::mouseClick(child<QPushButton>(login, u"login"_s), Qt::LeftButton);
}

CertificateQuestion *TestLoginSecurity::waitForQuestion()
{
    CertificateQuestion *question = nullptr;
    // The caller checks for nullptr, which says more than a bare timeout would.
    [[maybe_unused]] const bool asked = QTest::qWaitFor(
        [&] {
            question = qobject_cast<CertificateQuestion *>(QApplication::activeModalWidget());
            return question != nullptr;
        },
        5000);
    return question;
}

void TestLoginSecurity::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_login_security"_s);
    QVERIFY(m_dir.isValid());
}

void TestLoginSecurity::init()
{
    QSettings().clear();
}

void TestLoginSecurity::tlsBoxFollowsTheDefaultPort()
{
    ClientController client;
    client.start();
    LoginWindow *login = client.loginWindow();
    auto *address = child<QLineEdit>(login, u"address"_s);
    auto *tls = child<QCheckBox>(login, u"tls"_s);
    QVERIFY(!tls->isChecked());
    address->setText(u"chat.example"_s);
    tls->setChecked(true);
    QCOMPARE(address->text(), u"chat.example:5006"_s);
    tls->setChecked(false);
    QCOMPARE(address->text(), u"chat.example:5005"_s);
    address->setText(u"chat.example:7000"_s);
    tls->setChecked(true);
    QCOMPARE(address->text(), u"chat.example:7000"_s);
}

void TestLoginSecurity::asksAboutTheFingerprintThenLogsIn()
{
    TestServer server({.tls = true});
    ClientController client;
    submit(client, server.tlsAddress(), true);
    CertificateQuestion *question = waitForQuestion();
    QVERIFY(question);
    const QString hostPort = server.tlsAddress().toString();
    QVERIFY(question->text().contains(hostPort));
    QVERIFY(question->informativeText().contains(KnownCertificates::display(testFingerprint())));
    QVERIFY(question->informativeText().contains(u"localhost"_s));
    QTest::mouseClick(child<QPushButton>(question, u"trust"_s), Qt::LeftButton);

    ChatWindow *chat = client.chatWindow();
    QTRY_VERIFY_WITH_TIMEOUT(chat->isVisible(), 5000);
    QVERIFY(client.connection()->isEncrypted());
    QTRY_VERIFY2(chat->windowTitle().contains(u"TLS"_s), qPrintable(chat->windowTitle()));
    QVERIFY(child<QLabel>(chat, u"state"_s)->text().contains(u"TLS"_s));
    QCOMPARE(KnownCertificates().fingerprint(hostPort), testFingerprint());
    QCOMPARE(QSettings().value(u"login/tls"_s).toBool(), true);
}

void TestLoginSecurity::refusingTheCertificateDoesNotConnect()
{
    TestServer server({.tls = true});
    ClientController client;
    submit(client, server.tlsAddress(), true);
    CertificateQuestion *question = waitForQuestion();
    QVERIFY(question);
    QTest::mouseClick(child<QPushButton>(question, u"refuse"_s), Qt::LeftButton);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(client.connection()->state(), ChatConnection::State::Disconnected);
    QVERIFY(client.loginWindow()->isVisible());
    QVERIFY(child<QLabel>(client.loginWindow(), u"error"_s)->isVisible());
    QVERIFY(KnownCertificates().fingerprint(server.tlsAddress().toString()).isEmpty());
}

void TestLoginSecurity::changedCertificateIsWarnedAboutAndCanBeForgotten()
{
    TestServer server({.tls = true});
    const QString hostPort = server.tlsAddress().toString();
    KnownCertificates().remember(hostPort, QByteArray(32, '\x5a'));
    ClientController client;
    submit(client, server.tlsAddress(), true);
    LoginWindow *login = client.loginWindow();
    auto *error = child<QLabel>(login, u"error"_s);
    auto *forget = child<QPushButton>(login, u"forgetCertificate"_s);
    QTRY_VERIFY_WITH_TIMEOUT(forget->isVisible(), 5000);
    QVERIFY(error->text().contains(u"changed"_s));
    QVERIFY(error->text().contains(u"attack"_s));
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!client.chatWindow()->isVisible());

    QTest::mouseClick(forget, Qt::LeftButton);
    QVERIFY(!forget->isVisible());
    QVERIFY(KnownCertificates().fingerprint(hostPort).isEmpty());
    QTest::mouseClick(child<QPushButton>(login, u"login"_s), Qt::LeftButton);
    QVERIFY(waitForQuestion());
    QTest::mouseClick(child<QPushButton>(waitForQuestion(), u"refuse"_s), Qt::LeftButton);
}

void TestLoginSecurity::passwordErrorsAreExplained()
{
    const QString path = m_dir.filePath(u"password"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(PasswordHash::create(u"open sesame"_s, 1000) + '\n');
    file.close();
    TestServer server({.passwordFile = path});
    ClientController client;
    auto *error = child<QLabel>(client.loginWindow(), u"error"_s);

    submit(client, server.address(), false);
    QTRY_COMPARE_WITH_TIMEOUT(error->text(), u"This server needs a password."_s, 5000);
    submit(client, server.address(), false, u"open barley"_s);
    QTRY_COMPARE_WITH_TIMEOUT(error->text(), u"Wrong server password."_s, 5000);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(client.loginWindow(), u"password"_s));
    submit(client, server.address(), false, u"open sesame"_s);
    QTRY_VERIFY_WITH_TIMEOUT(client.chatWindow()->isVisible(), 5000);
    const QStringList keys = QSettings().allKeys();
    for (const QString &key : keys)
        QVERIFY2(!QSettings().value(key).toString().contains(u"sesame"_s), qPrintable(key));
}

void TestLoginSecurity::tlsErrorsAreExplainedInPlainWords()
{
    const QString text = StatusText::tlsErrors({QSslError(QSslError::CertificateExpired),
                                                QSslError(QSslError::HostNameMismatch),
                                                QSslError(QSslError::SelfSignedCertificate)});
    QCOMPARE(text, u"The server's certificate has expired. The server's certificate is for "
                   "another host name. No certificate authority vouches for the server's "
                   "certificate."_s);
}

QTEST_MAIN(TestLoginSecurity)
#include "tst_loginsecurity.moc"
