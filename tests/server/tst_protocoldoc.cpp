// SPDX-License-Identifier: MIT
// Replays every ```transcript block of docs/PROTOCOL.md against a live server, so the document
// cannot drift from the code.
//
//   alice> text     alice sends text (alice connects the first time she is named)
//   alice< text     the next line alice receives is text
//   alice< (closed) the server has closed alice's connection
//   alice! ...      alice drops her connection; her next step connects anew
//   $ chat-server --option value ...
//                   (first line only) the server is started with these options
//
// Timestamps and resume tokens vary from run to run and are compared as placeholders; a line
// that alice sends with <token> in it carries the last token alice was given. After the last
// line, each client still connected must have nothing more on its way.
#include "ServerFixture.h"
#include "app/ServerOptions.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;

namespace {

struct Step
{
    int lineNumber;
    QString who;
    QChar op;
    QString text;
};

struct Transcript
{
    QStringList options; // the server's command line after "chat-server"
    QList<Step> steps;
};

QList<std::pair<int, Transcript>> readTranscripts(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    static const QRegularExpression stepPattern(u"^([^<>!\\s]+)([<>!]) ?(.*)$"_s);
    QList<std::pair<int, Transcript>> transcripts;
    bool inside = false;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        ++lineNumber;
        if (!inside && line == "```transcript"_L1) {
            inside = true;
            transcripts.append(std::pair<int, Transcript>(lineNumber, Transcript()));
        } else if (inside && line == "```"_L1) {
            inside = false;
        } else if (inside && transcripts.last().second.steps.isEmpty() &&
                   line.startsWith("$ chat-server"_L1)) {
            transcripts.last().second.options = line.sliced(13).split(u' ', Qt::SkipEmptyParts);
        } else if (inside) {
            const auto match = stepPattern.match(line);
            // A line that is not a step makes the transcript fail rather than go unchecked.
            const Step step = match.hasMatch() ? Step{lineNumber, match.captured(1),
                                                      match.captured(2).at(0), match.captured(3)}
                                               : Step{lineNumber, {}, u'?', line};
            transcripts.last().second.steps.append(step);
        }
    }
    return transcripts;
}

const QRegularExpression &tokenPattern()
{
    static const QRegularExpression token(u"\\b[0-9a-f]{32}\\b"_s);
    return token;
}

QString normalized(QString line)
{
    static const QRegularExpression isoTime(
        u"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"_s);
    static const QRegularExpression clock(u"^\\[\\d\\d:\\d\\d\\] "_s);
    static const QRegularExpression since(u"since \\d\\d:\\d\\d"_s);
    line.replace(isoTime, u"<time>"_s);
    line.replace(clock, u"[HH:mm] "_s);
    line.replace(since, u"since HH:mm"_s);
    line.replace(tokenPattern(), u"<token>"_s);
    return line;
}

} // namespace

class TestProtocolDoc : public QObject
{
    Q_OBJECT

private slots:
    void transcript_data();
    void transcript();
};

void TestProtocolDoc::transcript_data()
{
    QTest::addColumn<Transcript>("transcript");
    const auto transcripts = readTranscripts(QString::fromUtf8(PROTOCOL_DOC));
    QVERIFY2(transcripts.size() >= 4, "docs/PROTOCOL.md lost its transcripts");
    for (const auto &[line, steps] : transcripts)
        QTest::addRow("PROTOCOL.md line %d", line) << steps;
}

void TestProtocolDoc::transcript()
{
    QFETCH(Transcript, transcript);
    const ServerOptions::Result options =
        ServerOptions::parse(QStringList{u"chat-server"_s} + transcript.options);
    QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
    ServerConfig config = options.config;
    config.name = u"example"_s;
    config.dataDirectory.clear(); // the fixture's own
    ServerFixture fixture(config);
    QVERIFY(fixture.isListening());
    std::map<QString, std::unique_ptr<LineClient>> clients;
    std::map<QString, QString> tokens;

    for (const Step &step : transcript.steps) {
        const QByteArray where = "PROTOCOL.md line " + QByteArray::number(step.lineNumber);
        QVERIFY2(step.op != u'?', (where + ": not a transcript step").constData());
        auto &client = clients[step.who];
        if (!client) {
            client = std::make_unique<LineClient>();
            QVERIFY2(client->connectTo(fixture.port()), where.constData());
        }
        if (step.op == u'>') {
            QString text = step.text;
            client->send(text.replace(u"<token>"_s, tokens[step.who]));
        } else if (step.op == u'!') {
            client->abort();
            client.reset();
        } else if (step.text == "(closed)"_L1) {
            QVERIFY2(client->readLine().isNull(),
                     (where + ": more lines before the close").constData());
            QVERIFY2(client->waitForDisconnected(), (where + ": still connected").constData());
        } else {
            const QString received = client->readLine();
            QVERIFY2(!received.isNull(), (where + ": nothing arrived").constData());
            const auto token = tokenPattern().match(received);
            if (token.hasMatch())
                tokens[step.who] = token.captured();
            QCOMPARE(normalized(received), normalized(step.text));
        }
    }
    for (const auto &[who, client] : clients) {
        if (client && client->isConnected())
            QVERIFY2(client->sync().isEmpty(),
                     qPrintable(who + u" received lines the transcript does not show"_s));
    }
}

QTEST_GUILESS_MAIN(TestProtocolDoc)
#include "tst_protocoldoc.moc"
