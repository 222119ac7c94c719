// SPDX-License-Identifier: MIT
// The metrics endpoint scraped during traffic: every line is Prometheus text exposition, the
// counters move as the traffic says, and /healthz and /readyz answer.
#include "ServerFixture.h"
#include "metrics/PrometheusText.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A sample: its name and labels as written ("chat_x{a=\"b\"}"), and its value.
using Samples = QMap<QString, double>;

// Parses the text exposition format 0.0.4 strictly enough to catch a broken line: comments
// are "# HELP name text" or "# TYPE name type", each family's TYPE before its samples, samples
// are "name{label="value",…} number". Returns the samples, or an error in *error.
Samples parseExposition(const QString &text, QString *error)
{
    static const QRegularExpression help(u"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*$"_s);
    static const QRegularExpression type(
        u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"_s);
    static const QRegularExpression sample(
        u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\""
        "(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"\\\\\\n]*\")*\\})? (\\S+)$"_s);
    Samples samples;
    QMap<QString, QString> types;
    if (!text.endsWith(u'\n')) {
        *error = u"the text does not end with a newline"_s;
        return {};
    }
    const QStringList lines = text.chopped(1).split(u'\n');
    for (const QString &line : lines) {
        if (const auto m = type.match(line); m.hasMatch()) {
            types.insert(m.captured(1), m.captured(2));
            continue;
        }
        if (help.match(line).hasMatch())
            continue;
        const auto m = sample.match(line);
        bool ok = false;
        const double value = m.hasMatch() ? m.captured(4).toDouble(&ok) : 0;
        if (!m.hasMatch() || !ok) {
            *error = u"not a sample: "_s + line;
            return {};
        }
        QString family = m.captured(1);
        if (types.value(family) != "counter"_L1 && types.value(family) != "gauge"_L1) {
            family.remove(QRegularExpression(u"_(bucket|sum|count)$"_s));
            if (types.value(family) != "histogram"_L1) {
                *error = u"a sample before its TYPE: "_s + line;
                return {};
            }
        }
        if (types.value(family) == "counter"_L1 && !family.endsWith(u"_total"_s)) {
            *error = u"a counter not named _total: "_s + line;
            return {};
        }
        samples.insert(m.captured(1) + m.captured(2), value);
    }
    return samples;
}

class Scraper
{
public:
    explicit Scraper(quint16 port)
        : m_port(port)
    {
        m_network.setProxy(QNetworkProxy::NoProxy); // whatever the environment says
    }

    // GETs path; the body, with the status in *status.
    QByteArray get(const QString &path, int *status = nullptr, QByteArray *contentType = nullptr)
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
        std::unique_ptr<QNetworkReply> reply(m_network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(LineClient::Timeout))
            return {};
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (contentType)
            *contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        return reply->readAll();
    }

    Samples scrape()
    {
        QString error;
        const Samples samples = parseExposition(QString::fromUtf8(get(u"/metrics"_s)), &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return samples;
    }

private:
    quint16 m_port;
    QNetworkAccessManager m_network;
};

ServerConfig withMetrics()
{
    ServerConfig config;
    config.metricsPort = 0;
    config.maxConnectionsPerAddress = 4;
    config.floodBurst = 3;
    config.floodRate = 1;
    config.floodQueueLines = 2;
    return config;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void parserRejectsBrokenText_data();
    void parserRejectsBrokenText();
    void offByDefault();
    void countersMoveWithTraffic();
    void scrapesDuringTraffic();
    void healthAndReadiness_data();
    void healthAndReadiness();
    void busyPortIsAnError();
};

void TestMetrics::parserRejectsBrokenText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("a counter") << u"# HELP a_total A.\n# TYPE a_total counter\na_total 3\n"_s
                               << true;
    QTest::newRow("labels") << u"# TYPE g gauge\ng{a=\"x\",b=\"y\"} 1.5\n"_s << true;
    QTest::newRow("no TYPE") << u"a_total 3\n"_s << false;
    QTest::newRow("no value") << u"# TYPE g gauge\ng\n"_s << false;
    QTest::newRow("not a number") << u"# TYPE g gauge\ng many\n"_s << false;
    QTest::newRow("unquoted label") << u"# TYPE g gauge\ng{a=x} 1\n"_s << false;
    QTest::newRow("no final newline") << u"# TYPE g gauge\ng 1"_s << false;
    QTest::newRow("counter without _total") << u"# TYPE c counter\nc 1\n"_s << false;
    QTest::newRow("stray text") << u"# TYPE g gauge\ng 1\nhello world\n"_s << false;
}

void TestMetrics::parserRejectsBrokenText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    parseExposition(text, &error);
    QVERIFY2(error.isEmpty() == valid, qPrintable(error));
}

void TestMetrics::offByDefault()
{
    ServerFixture f;
    QVERIFY(f.isListening());
    QCOMPARE(f.server().metricsPort(), quint16(0));
}

void TestMetrics::countersMoveWithTraffic()
{
    ServerFixture f(withMetrics());
    QVERIFY2(f.isListening(), qPrintable(f.server().errorString()));
    Scraper scraper(f.server().metricsPort());
    QByteArray contentType;
    int status = 0;
    const QByteArray first = scraper.get(u"/metrics"_s, &status, &contentType);
    QCOMPARE(status, 200);
    QCOMPARE(contentType, QByteArray(PrometheusText::ContentType));
    QString error;
    const Samples before = parseExposition(QString::fromUtf8(first), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(before.value(u"chat_logins_total"_s), 0.0);
    QCOMPARE(before.value(u"chat_rooms"_s), 1.0); // the hall

    LineClient &alice = f.loggedIn(u"alice"_s);
    LineClient &bob = f.loggedIn(u"bob"_s);
    alice.send(u"hello"_s);
    alice.send(u"me waves"_s);
    alice.sync(); // answered once her lines are committed and sent to everyone
    QCOMPARE(bob.sync(), (QStringList{u"alice: hello"_s, u"* alice waves"_s}));

    Samples now = scraper.scrape();
    QCOMPARE(now.value(u"chat_logins_total"_s), 2.0);
    QCOMPARE(now.value(u"chat_connections_accepted_total{transport=\"plain\"}"_s), 2.0);
    QCOMPARE(now.value(u"chat_connections{transport=\"plain\"}"_s), 2.0);
    QCOMPARE(now.value(u"chat_connections{transport=\"tls\"}"_s), 0.0);
    QCOMPARE(now.value(u"chat_messages_received_total"_s), 2.0);
    QCOMPARE(now.value(u"chat_messages_delivered_total"_s), 4.0); // two lines, two members
    QCOMPARE(now.value(u"chat_people{state=\"connected\"}"_s), 2.0);
    QVERIFY(now.value(u"chat_lines_received_total"_s) >= 4);
    QVERIFY(now.value(u"chat_received_bytes_total"_s) > 0);
    QVERIFY(now.value(u"chat_sent_bytes_total"_s) > now.value(u"chat_received_bytes_total"_s));
    QCOMPARE(now.value(u"chat_store_committed_lines_total"_s), 2.0);
    QCOMPARE(now.value(u"chat_store_commit_seconds_count"_s), 2.0);
    QCOMPARE(now.value(u"chat_store_commit_seconds_bucket{le=\"+Inf\"}"_s), 2.0);
    QCOMPARE(now.value(u"chat_fanout_seconds_count"_s), 2.0);
    QVERIFY(now.contains(u"chat_build_info{version=\"" CHAT_VERSION "\"}"_s));

    // A refusal, a flood, a protocol error and a dropped connection, each under its reason.
    LineClient others[2];
    for (LineClient &client : others) {
        QVERIFY(client.connectTo(f.port()));
        client.readLine();
    }
    LineClient refused;
    QVERIFY(refused.connectTo(f.port()));
    QVERIFY(refused.readLine().startsWith(u"Error: Too many connections"_s));
    others[0].sendRaw("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(others[0].waitForDisconnected());
    QByteArray flood;
    for (int i = 0; i < 20; ++i)
        flood += "say " + QByteArray::number(i) + "\r\n";
    others[1].sendRaw("login carol\r\n" + flood);
    QVERIFY(others[1].waitForDisconnected());
    bob.abort();
    QTRY_COMPARE(f.server().sessionCount(), 1);

    now = scraper.scrape();
    QCOMPARE(now.value(u"chat_connections_refused_total{reason=\"per-address\"}"_s), 1.0);
    QCOMPARE(now.value(u"chat_connections_refused_total{reason=\"server-full\"}"_s), 0.0);
    QCOMPARE(now.value(u"chat_disconnects_total{reason=\"protocol\"}"_s), 1.0);
    QCOMPARE(now.value(u"chat_disconnects_total{reason=\"flood\"}"_s), 1.0);
    QCOMPARE(now.value(u"chat_disconnects_total{reason=\"lost\"}"_s), 1.0);
    QCOMPARE(now.value(u"chat_connections{transport=\"plain\"}"_s), 1.0);
    QCOMPARE(now.value(u"chat_people{state=\"reconnecting\"}"_s), 1.0); // bob's place is kept
    QCOMPARE(now.value(u"chat_people{state=\"connected\"}"_s), 1.0);    // a flood ends the person
    QVERIFY(now.value(u"chat_output_queue_bytes"_s) >= 0);
}

// Scrapes while lines are on their way: each page parses, and no counter goes back.
void TestMetrics::scrapesDuringTraffic()
{
    ServerConfig config;
    config.metricsPort = 0;
    config.floodRate = 0;
    ServerFixture f(config);
    QVERIFY(f.isListening());
    Scraper scraper(f.server().metricsPort());
    QList<LineClient *> people;
    for (const QString &nick : {u"ann"_s, u"ben"_s, u"cat"_s})
        people << &f.loggedIn(nick);
    for (LineClient *person : people)
        person->sync();
    constexpr int Rounds = 5;
    constexpr int Lines = 10;
    Samples last;
    for (int round = 0; round < Rounds; ++round) {
        for (LineClient *person : people) {
            for (int i = 0; i < Lines; ++i)
                person->send(u"round %1 line %2"_s.arg(round).arg(i));
        }
        QString error;
        const Samples now = parseExposition(QString::fromUtf8(scraper.get(u"/metrics"_s)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto it = last.cbegin(); it != last.cend(); ++it) {
            if (it.key().contains(u"_total"_s) || it.key().contains(u"_bucket"_s))
                QVERIFY2(now.value(it.key()) >= it.value(), qPrintable(it.key()));
        }
        last = now;
    }
    for (LineClient *person : people)
        person->sync();
    const Samples end = scraper.scrape();
    const int said = Rounds * Lines * int(people.size());
    QCOMPARE(end.value(u"chat_messages_received_total"_s), double(said));
    QCOMPARE(end.value(u"chat_messages_delivered_total"_s), double(said * people.size()));
    QCOMPARE(end.value(u"chat_fanout_seconds_count"_s), double(said));
    QCOMPARE(end.value(u"chat_disconnects_total{reason=\"lost\"}"_s), 0.0);
}

void TestMetrics::healthAndReadiness_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("stopping");
    QTest::addColumn<int>("status");
    QTest::newRow("healthz") << u"/healthz"_s << false << 200;
    QTest::newRow("readyz") << u"/readyz"_s << false << 200;
    QTest::newRow("readyz while shutting down") << u"/readyz"_s << true << 503;
    QTest::newRow("healthz while shutting down") << u"/healthz"_s << true << 200;
    QTest::newRow("unknown path") << u"/admin"_s << false << 404;
    QTest::newRow("a path under metrics") << u"/metrics/../etc/passwd"_s << false << 404;
}

void TestMetrics::healthAndReadiness()
{
    QFETCH(QString, path);
    QFETCH(bool, stopping);
    QFETCH(int, status);
    ServerFixture f(withMetrics());
    QVERIFY(f.isListening());
    if (stopping)
        f.server().shutdown();
    Scraper scraper(f.server().metricsPort());
    int got = 0;
    scraper.get(path, &got);
    QCOMPARE(got, status);
}

void TestMetrics::busyPortIsAnError()
{
    ServerFixture first(withMetrics());
    QVERIFY(first.isListening());
    ServerConfig config = withMetrics();
    config.metricsPort = first.server().metricsPort();
    ServerFixture second(config);
    QVERIFY(!second.isListening());
    QVERIFY2(second.server().errorString().startsWith(u"cannot serve metrics on 127.0.0.1 port"_s),
             qPrintable(second.server().errorString()));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
