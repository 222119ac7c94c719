// SPDX-License-Identifier: MIT
#include "store/PostgresUrl.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The URL that points SqlStore at PostgreSQL: its parts, what libpq is given, and the two
// texts that may reach a log (where(), redacted()), which never hold the password.
class tst_PostgresUrl : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void redacted_data();
    void redacted();
};

void tst_PostgresUrl::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("where");

    // clang-format off
    QTest::newRow("every part") << u"postgresql://chat:secret@db.example.org:5433/chat"_s << true << u"db.example.org"_s << 5433 << u"chat"_s << u"secret"_s << u"chat"_s << QString() << u"chat@db.example.org:5433/chat"_s;
    QTest::newRow("postgres scheme") << u"postgres://chat@127.0.0.1/chat"_s << true << u"127.0.0.1"_s << -1 << u"chat"_s << QString() << u"chat"_s << QString() << u"chat@127.0.0.1/chat"_s;
    QTest::newRow("percent-encoded password") << u"postgresql://chat:pg%3Asecret%40test%2F1@[::1]:5432/chat"_s << true << u"::1"_s << 5432 << u"chat"_s << u"pg:secret@test/1"_s << u"chat"_s << QString() << u"chat@[::1]:5432/chat"_s;
    QTest::newRow("no host: libpq's default") << u"postgresql:///chat"_s << true << QString() << -1 << QString() << QString() << u"chat"_s << QString() << u"localhost/chat"_s;
    QTest::newRow("parameters") << u"postgresql://chat@db/chat?sslmode=verify-full&passfile=/etc/chat-server/pgpass"_s << true << u"db"_s << -1 << u"chat"_s << QString() << u"chat"_s << u"sslmode=verify-full;passfile=/etc/chat-server/pgpass"_s << u"chat@db/chat"_s;
    QTest::newRow("no database") << u"postgresql://chat:secret@db:5432/"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("no path") << u"postgresql://chat:secret@db"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("a path, not a name") << u"postgresql://db/chat/more"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("another scheme") << u"mysql://chat@db/chat"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("a word") << u"sqlite"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("bad port") << u"postgresql://db:port/chat"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("a parameter with a space") << u"postgresql://db/chat?application_name=chat%20server"_s << false << QString() << -1 << QString() << QString() << QString() << QString() << QString();
    // clang-format on
}

void tst_PostgresUrl::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const PostgresUrl url(text);
    QCOMPARE(url.isValid(), valid);
    if (!valid) {
        QVERIFY(!url.errorString().isEmpty());
        QVERIFY(!url.errorString().contains(u"secret"_s));
        return;
    }
    QCOMPARE(url.errorString(), QString());
    QTEST(url.host(), "host");
    QTEST(url.port(), "port");
    QTEST(url.user(), "user");
    QTEST(url.password(), "password");
    QTEST(url.databaseName(), "database");
    QTEST(url.connectOptions(), "options");
    QTEST(url.where(), "where");
}

void tst_PostgresUrl::redacted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    // clang-format off
    QTest::newRow("password hidden") << u"postgresql://chat:secret@db:5432/chat"_s << u"postgresql://chat:****@db:5432/chat"_s;
    QTest::newRow("encoded password hidden") << u"postgresql://chat:s%40cret@db/chat"_s << u"postgresql://chat:****@db/chat"_s;
    QTest::newRow("no password") << u"postgresql://chat@db/chat"_s << u"postgresql://chat@db/chat"_s;
    QTest::newRow("not a URL at all") << u"postgresql://chat:secret@db:port/chat"_s << u"postgresql://(not a valid URL)"_s;
    QTest::newRow("another value") << u"sqlite"_s << u"sqlite"_s;
    // clang-format on
}

void tst_PostgresUrl::redacted()
{
    QFETCH(QString, text);
    QTEST(PostgresUrl::redacted(text), "shown");
}

QTEST_GUILESS_MAIN(tst_PostgresUrl)
#include "tst_postgresurl.moc"
