// SPDX-License-Identifier: MIT
// Registered nicknames through a real server: register, identify and login in one step, a
// wrong password and its throttle, changing and giving up a password, a registered name
// (and its look-alikes) protected from others and across a restart, no password in the log
// or the database, and a storm of wrong passwords that never stalls the chat of others.
#include "ServerFixture.h"
#include "TaggedCodec.h"
#include "config/ServerLog.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Secret = u"correct-horse"_s;

// The first line of the reply to labelled command, skipping what the server sends besides
// (arrivals, member lists, ...); waits for it, however long the throttle makes it.
Event replyTo(LineClient &client, const QString &label, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const Event event = client.readEvent(int(timeoutMs - timer.elapsed()));
        if (event.kind == Event::Kind::Invalid)
            return event;
        if (event.label == label &&
            (event.kind == Event::Kind::Error || event.kind == Event::Kind::Ok ||
             event.kind == Event::Kind::Bye))
            return event;
    }
    return {};
}

LineClient &tagged(ServerFixture &f)
{
    LineClient &client = f.connect();
    client.useTagged();
    return client;
}

// Registers nick with Secret on a tagged connection and logs out.
bool registered(ServerFixture &f, const QString &nick)
{
    LineClient &client = f.taggedLoggedIn(nick);
    client.send(u"@r register "_s + Secret);
    const Event ok = replyTo(client, u"r"_s);
    client.send(u"logout"_s);
    return ok.kind == Event::Kind::Ok && ok.command == "register"_L1 &&
           ok.list == QStringList{nick} && client.waitForDisconnected();
}

ServerConfig manyConnections()
{
    ServerConfig config;
    config.maxConnectionsPerAddress = 1000;
    return config;
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private slots:
    void registerThenIdentify();
    void loginInOneStep();
    void badPasswords_data();
    void badPasswords();
    void textRendering();
    void registeredNameIsProtected_data();
    void registeredNameIsProtected();
    void protectedAcrossRestart();
    void changePassword();
    void unregister();
    void wrongPasswordsAreSlowedAndClose();
    void passwordNeverLoggedOrStored();
    void stormOfWrongIdentifiesKeepsChatMoving();
};

void TestAccounts::registerThenIdentify()
{
    ServerFixture f;
    QVERIFY(registered(f, u"alice"_s));

    LineClient &client = tagged(f);
    client.send(u"@1 login alice"_s);
    Event reply = replyTo(client, u"1"_s);
    QCOMPARE(reply.kind, Event::Kind::Error);
    QCOMPARE(reply.code, ErrorCode::NickRegistered);
    QCOMPARE(reply.subject, u"alice"_s);
    client.send(u"@2 identify wrong-password"_s);
    reply = replyTo(client, u"2"_s);
    QCOMPARE(reply.code, ErrorCode::AccountPasswordWrong);
    QCOMPARE(reply.subject, u"alice"_s);
    client.send(u"@3 identify "_s + Secret);
    reply = replyTo(client, u"3"_s);
    QCOMPARE(reply.kind, Event::Kind::Ok);
    QCOMPARE(reply.command, u"login"_s);
    QCOMPARE(reply.list.value(0), u"alice"_s);
    // Registering again: the person's own account.
    client.send(u"@4 register another-secret"_s);
    reply = replyTo(client, u"4"_s);
    QCOMPARE(reply.code, ErrorCode::AlreadyRegistered);
    QCOMPARE(reply.subject, u"alice"_s);
}

void TestAccounts::loginInOneStep()
{
    ServerFixture f;
    QVERIFY(registered(f, u"alice"_s));
    LineClient &client = tagged(f);
    // The lines after it wait for the check, so a program needs no round trip in between.
    client.send(u"@1 login alice "_s + Secret);
    client.send(u"@2 say hello"_s);
    const Event ok = replyTo(client, u"1"_s);
    QCOMPARE(ok.kind, Event::Kind::Ok);
    QCOMPARE(ok.command, u"login"_s);
    Event said;
    do
        said = client.readEvent();
    while (said.kind != Event::Kind::Invalid && said.label != "2"_L1);
    QCOMPARE(said.kind, Event::Kind::Message);
    QCOMPARE(said.text, u"hello"_s);
    // A password for a name nobody registered is refused rather than ignored: the words are
    // read as one name, which has a space.
    LineClient &other = tagged(f);
    other.send(u"@1 login bob some-password"_s);
    const Event refused = replyTo(other, u"1"_s);
    QCOMPARE(refused.code, ErrorCode::BadNick);
    QCOMPARE(refused.subject, u"bob some-password"_s);
    other.send(u"@2 identify some-password"_s);
    QCOMPARE(replyTo(other, u"2"_s).code, ErrorCode::NotRegistered);
}

void TestAccounts::badPasswords_data()
{
    QTest::addColumn<int>("shortest"); // --min-password-length; 0: the default
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("taken");
    QTest::newRow("seven characters") << 0 << u"1234567"_s << false;
    QTest::newRow("eight characters") << 0 << u"12345678"_s << true;
    QTest::newRow("two words") << 0 << u"correct horse"_s << false;
    QTest::newRow("1025 characters") << 0 << QString(1025, u'x') << false;
    QTest::newRow("1024 characters") << 0 << QString(1024, u'x') << true;
    // Eight characters of the CJK plane are eight, not 24 bytes.
    QTest::newRow("eight Chinese characters") << 0 << u"一二三四五六七八"_s << true;
    QTest::newRow("eleven where twelve are asked") << 12 << u"12345678901"_s << false;
    QTest::newRow("twelve where twelve are asked") << 12 << u"123456789012"_s << true;
    QTest::newRow("six where six are asked") << 6 << u"sesame"_s << true;
}

void TestAccounts::badPasswords()
{
    QFETCH(int, shortest);
    QFETCH(QString, password);
    QFETCH(bool, taken);
    ServerConfig config;
    if (shortest > 0)
        config.passwordMinLength = shortest;
    ServerFixture f(config);
    LineClient &client = f.taggedLoggedIn(u"alice"_s);
    client.send(u"@1 register "_s + password);
    const Event reply = replyTo(client, u"1"_s);
    if (taken) {
        QCOMPARE(reply.kind, Event::Kind::Ok);
        return;
    }
    QCOMPARE(reply.code, ErrorCode::BadPassword);
    QCOMPARE(reply.subject, QString::number(shortest > 0 ? shortest : 8));
    QVERIFY(!reply.text.contains(password));
}

void TestAccounts::textRendering()
{
    ServerFixture f;
    LineClient &alice = f.loggedIn(u"alice"_s);
    alice.send(u"register "_s + Secret);
    QCOMPARE(alice.sync(), QStringList({u"The nickname alice is registered: from now on, log in "
                                        u"with login alice <password>."_s}));
    alice.send(u"quit"_s);
    QVERIFY(alice.waitForDisconnected());
    LineClient &again = f.connect();
    again.send(u"login alice"_s);
    QCOMPARE(again.sync(), QStringList({u"Error: The nickname alice is registered: type identify "
                                        u"<password> to log in with it, or log in with another "
                                        u"nickname."_s}));
    again.send(u"identify nope-nope-nope"_s);
    QCOMPARE(again.sync(), QStringList({u"Error: Wrong password for alice."_s}));
    again.send(u"identify "_s + Secret);
    const QStringList lines = again.sync();
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first(), u"You are logged in as alice."_s);
}

void TestAccounts::registeredNameIsProtected_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("subject");
    QTest::newRow("login, same name")
        << u"login alice"_s << ErrorCode::NickRegistered << u"alice"_s;
    QTest::newRow("login, capitals") << u"login ALICE"_s << ErrorCode::NickRegistered << u"ALICE"_s;
    QTest::newRow("login, look-alike") << u"login a1ice"_s << ErrorCode::NickInUse << u"alice"_s;
    QTest::newRow("login, look-alike with a password")
        << u"login a1ice "_s + Secret << ErrorCode::NickInUse << u"alice"_s;
    QTest::newRow("nick, same name") << u"nick alice"_s << ErrorCode::NickInUse << u"alice"_s;
    QTest::newRow("nick, look-alike") << u"nick aIice"_s << ErrorCode::NickInUse << u"alice"_s;
}

void TestAccounts::registeredNameIsProtected()
{
    QFETCH(QString, command);
    QFETCH(ErrorCode, code);
    QFETCH(QString, subject);
    ServerFixture f;
    QVERIFY(registered(f, u"alice"_s));
    LineClient &client = command.startsWith(u"nick"_s) ? f.taggedLoggedIn(u"mallory"_s) : tagged(f);
    client.send(u"@1 "_s + command);
    const Event reply = replyTo(client, u"1"_s);
    QCOMPARE(reply.kind, Event::Kind::Error);
    QCOMPARE(reply.code, code);
    QCOMPARE(reply.subject, subject);
}

void TestAccounts::protectedAcrossRestart()
{
    ServerConfig config;
    ServerFixture f(config);
    QVERIFY(registered(f, u"alice"_s));
    QVERIFY(f.restart());
    LineClient &client = tagged(f);
    client.send(u"@1 login alice"_s);
    QCOMPARE(replyTo(client, u"1"_s).code, ErrorCode::NickRegistered);
    client.send(u"@2 login alice "_s + Secret);
    const Event ok = replyTo(client, u"2"_s);
    QCOMPARE(ok.kind, Event::Kind::Ok);
    QCOMPARE(ok.command, u"login"_s);
}

void TestAccounts::changePassword()
{
    ServerFixture f;
    QVERIFY(registered(f, u"alice"_s));
    LineClient &client = tagged(f);
    client.send(u"@1 login alice "_s + Secret);
    QCOMPARE(replyTo(client, u"1"_s).kind, Event::Kind::Ok);
    client.send(u"@2 password "_s + Secret);
    QCOMPARE(replyTo(client, u"2"_s).code, ErrorCode::NeedMoreParams);
    client.send(u"@3 password "_s + Secret + u" short"_s);
    QCOMPARE(replyTo(client, u"3"_s).code, ErrorCode::BadPassword);
    client.send(u"@4 password "_s + Secret + u" battery-staple"_s);
    const Event ok = replyTo(client, u"4"_s);
    QCOMPARE(ok.kind, Event::Kind::Ok);
    QCOMPARE(ok.command, u"password"_s);
    client.send(u"@5 logout"_s);
    QVERIFY(client.waitForDisconnected());

    LineClient &again = tagged(f);
    again.send(u"@1 login alice "_s + Secret);
    QCOMPARE(replyTo(again, u"1"_s).code, ErrorCode::AccountPasswordWrong);
    again.send(u"@2 login alice battery-staple"_s);
    QCOMPARE(replyTo(again, u"2"_s).kind, Event::Kind::Ok);
    // Without an account there is no password to change.
    LineClient &bob = f.taggedLoggedIn(u"bob"_s);
    bob.send(u"@1 password one-password two-password"_s);
    const Event refused = replyTo(bob, u"1"_s);
    QCOMPARE(refused.code, ErrorCode::NotRegistered);
    QCOMPARE(refused.subject, u"bob"_s);
}

void TestAccounts::unregister()
{
    ServerFixture f;
    QVERIFY(registered(f, u"alice"_s));
    LineClient &client = tagged(f);
    client.send(u"@1 login alice "_s + Secret);
    QCOMPARE(replyTo(client, u"1"_s).kind, Event::Kind::Ok);
    client.send(u"@2 unregister not-the-password"_s);
    QCOMPARE(replyTo(client, u"2"_s).code, ErrorCode::AccountPasswordWrong);
    client.send(u"@3 unregister "_s + Secret);
    const Event ok = replyTo(client, u"3"_s, 15000);
    QCOMPARE(ok.kind, Event::Kind::Ok);
    QCOMPARE(ok.command, u"unregister"_s);
    QCOMPARE(ok.list, QStringList{u"alice"_s});
    client.send(u"@4 logout"_s);
    QVERIFY(client.waitForDisconnected());
    // The name is anyone's again, also after a restart.
    QVERIFY(f.restart());
    LineClient &anyone = tagged(f);
    anyone.send(u"@1 login alice"_s);
    QCOMPARE(replyTo(anyone, u"1"_s).kind, Event::Kind::Ok);
}

void TestAccounts::wrongPasswordsAreSlowedAndClose()
{
    ServerFixture f;
    QVERIFY(registered(f, u"alice"_s));
    LineClient &client = tagged(f);
    client.send(u"@1 login alice wrong-password-1"_s);
    QCOMPARE(replyTo(client, u"1"_s).code, ErrorCode::AccountPasswordWrong);
    // The next attempt waits its turn: 250 ms after the first wrong one, then 500 ms.
    QElapsedTimer timer;
    timer.start();
    client.send(u"@2 identify wrong-password-2"_s);
    QCOMPARE(replyTo(client, u"2"_s).code, ErrorCode::AccountPasswordWrong);
    QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));
    client.send(u"@3 identify wrong-password-3"_s);
    QCOMPARE(replyTo(client, u"3"_s).code, ErrorCode::AccountPasswordWrong);
    const Event bye = client.readEvent();
    QCOMPARE(bye.kind, Event::Kind::Bye);
    QCOMPARE(bye.subject, u"password"_s);
    QVERIFY(client.waitForDisconnected());
}

void TestAccounts::passwordNeverLoggedOrStored()
{
    static QStringList messages;
    messages.clear();
    // Whatever QT_LOGGING_RULES says, this test reads everything the server logs.
    const QList<QLoggingCategory *> categories = {&const_cast<QLoggingCategory &>(lcServer()),
                                                  &const_cast<QLoggingCategory &>(lcStore())};
    QList<bool> wasOn;
    for (QLoggingCategory *category : categories) {
        wasOn.append(category->isInfoEnabled());
        category->setEnabled(QtInfoMsg, true);
    }
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &text) { messages.append(text); });
    {
        ServerFixture f;
        QVERIFY(registered(f, u"alice"_s));
        LineClient &client = tagged(f);
        client.send(u"@1 login alice wrong-horse-battery"_s);
        QCOMPARE(replyTo(client, u"1"_s).code, ErrorCode::AccountPasswordWrong);
        client.send(u"@2 identify "_s + Secret);
        QCOMPARE(replyTo(client, u"2"_s).kind, Event::Kind::Ok);
        const QString folder = f.dataDirectory();
        QVERIFY(f.restart()); // everything committed and closed
        QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(Secret.toUtf8()), qPrintable(file.fileName()));
            QVERIFY(!bytes.contains("wrong-horse-battery"));
            ++read;
        }
        QVERIFY(read > 0);
    }
    qInstallMessageHandler(previous);
    for (qsizetype i = 0; i < categories.size(); ++i)
        categories[i]->setEnabled(QtInfoMsg, wasOn[i]);
    QVERIFY(!messages.isEmpty()); // the log was on
    for (const QString &message : std::as_const(messages)) {
        QVERIFY2(!message.contains(Secret), qPrintable(message));
        QVERIFY2(!message.contains(u"wrong-horse-battery"_s), qPrintable(message));
    }
}

void TestAccounts::stormOfWrongIdentifiesKeepsChatMoving()
{
    ServerFixture f(manyConnections());
    QVERIFY(registered(f, u"alice"_s));
    LineClient &bob = f.loggedIn(u"bob"_s);
    LineClient &carol = f.loggedIn(u"carol"_s);
    carol.sync();
    bob.sync();

    // 200 wrong identifies: 20 connections of 10 each, all sent at once.
    for (int c = 0; c < 20; ++c) {
        LineClient &attacker = f.connect();
        attacker.send(u"login alice"_s);
        for (int i = 0; i < 10; ++i)
            attacker.send(u"identify wrong-%1-%2"_s.arg(c).arg(i));
    }
    // Meanwhile two people keep talking, each line seen by the other promptly.
    qint64 worstMs = 0;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QString text = u"probe %1"_s.arg(i);
        bob.send(text);
        bool seen = false;
        while (!seen) {
            const QString line = carol.readLine();
            QVERIFY2(!line.isNull(),
                     qPrintable(u"no %1 after %2 ms"_s.arg(text).arg(timer.elapsed())));
            seen = line == u"bob: "_s + text;
        }
        worstMs = std::max(worstMs, timer.elapsed());
    }
    qInfo("worst latency during the storm: %lld ms", worstMs);
    QVERIFY2(worstMs < 1000, qPrintable(QString::number(worstMs)));
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
