// SPDX-License-Identifier: MIT
// HttpRequest reads the head of a request as the web front end needs it, and refuses what is
// malformed instead of guessing.
#include "web/HttpRequest.h"

#include <QTest>

class TestHttpRequest : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void headEnd();
    void upgrade_data();
    void upgrade();
};

void TestHttpRequest::parse_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("host");

    QTest::newRow("page") << QByteArray("GET / HTTP/1.1\r\nHost: example.org:5080\r\n\r\n") << true
                          << QByteArray("GET") << QByteArray("/") << QByteArray("example.org:5080");
    QTest::newRow("query dropped")
        << QByteArray("GET /app.js?v=2 HTTP/1.0\r\nHost: a\r\n\r\n") << true << QByteArray("GET")
        << QByteArray("/app.js") << QByteArray("a");
    QTest::newRow("header names in any case")
        << QByteArray("HEAD / HTTP/1.1\r\nhOsT:   [::1]:5080  \r\n\r\n") << true
        << QByteArray("HEAD") << QByteArray("/") << QByteArray("[::1]:5080");
    QTest::newRow("host with a space is no host")
        << QByteArray("GET / HTTP/1.1\r\nHost: a b\r\n\r\n") << true << QByteArray("GET")
        << QByteArray("/") << QByteArray();
    QTest::newRow("host with a quote is no host")
        << QByteArray("GET / HTTP/1.1\r\nHost: a'\r\n\r\n") << true << QByteArray("GET")
        << QByteArray("/") << QByteArray();
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true << QByteArray("GET")
                             << QByteArray("/") << QByteArray();
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << false
                             << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << false << QByteArray()
                                    << QByteArray() << QByteArray();
    QTest::newRow("absolute target") << QByteArray("GET http://a/ HTTP/1.1\r\n\r\n") << false
                                     << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << false << QByteArray()
                                << QByteArray() << QByteArray();
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost a\r\n\r\n") << false
                                          << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("space in a header name")
        << QByteArray("GET / HTTP/1.1\r\nHo st: a\r\n\r\n") << false << QByteArray() << QByteArray()
        << QByteArray();
    QTest::newRow("control character in a value")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n") << false << QByteArray()
        << QByteArray() << QByteArray();
    QTest::newRow("chat line") << QByteArray("login alice\r\n\r\n") << false << QByteArray()
                               << QByteArray() << QByteArray();
    QTest::newRow("unfinished") << QByteArray("GET / HTTP/1.1\r\n") << false << QByteArray()
                                << QByteArray() << QByteArray();
}

void TestHttpRequest::parse()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, valid);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, host);
    const HttpRequest request = HttpRequest::parse(head);
    QCOMPARE(request.isValid(), valid);
    if (!valid)
        return;
    QCOMPARE(request.method(), method);
    QCOMPARE(request.path(), path);
    QCOMPARE(request.host(), host);
}

void TestHttpRequest::headEnd()
{
    QCOMPARE(HttpRequest::headEnd("GET / HTTP/1.1\r\nHost: a\r\n"), qsizetype(-1));
    QCOMPARE(HttpRequest::headEnd("GET / HTTP/1.1\r\n\r\nbody"), qsizetype(18));
}

void TestHttpRequest::upgrade_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<bool>("upgrade");

    QTest::newRow("browser") << QByteArray("Upgrade: websocket\r\nConnection: Upgrade\r\n") << true;
    QTest::newRow("firefox's list")
        << QByteArray("Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n") << true;
    QTest::newRow("no Connection") << QByteArray("Upgrade: websocket\r\n") << false;
    QTest::newRow("another protocol")
        << QByteArray("Upgrade: h2c\r\nConnection: Upgrade\r\n") << false;
    QTest::newRow("plain") << QByteArray() << false;
}

void TestHttpRequest::upgrade()
{
    QFETCH(QByteArray, headers);
    QFETCH(bool, upgrade);
    const HttpRequest request =
        HttpRequest::parse("GET /chat HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n");
    QVERIFY(request.isValid());
    QCOMPARE(request.isWebSocketUpgrade(), upgrade);
}

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
