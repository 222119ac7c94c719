// SPDX-License-Identifier: MIT
#include "BenchOptions.h"
#include "Dialect.h"
#include "LoadGenerator.h"
#include "Report.h"
#include "ServerProcess.h"
#include "SvgPlot.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

// Every connection is a descriptor; the soft limit (often 1024) is far below the workloads.
// A server the bench starts inherits the raised limit.
rlim_t raiseDescriptorLimit()
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

bool runOne(const BenchOptions &options, const Dialect &dialect, char tag, RunResult &result)
{
    ServerProcess server;
    int port = options.port;
    if (!options.serverCommand.empty()) {
        std::string error;
        if (!server.start(options.serverCommand, options.host, options.port, error)) {
            fprintf(stderr, "chat-bench: %s: %s\n", options.serverCommand.c_str(), error.c_str());
            return false;
        }
        port = server.port();
    }
    {
        LoadGenerator generator(options, dialect, port,
                                options.serverCommand.empty() ? nullptr : &server, tag);
        result = generator.run();
    } // the clients are gone: the server need not wait for them to hang up
    if (!options.serverCommand.empty()) {
        server.stop(); // the store's figures are in its last log line
        const ServerProcess::StoreFigures store = server.storeFigures();
        result.history = options.spawn ? (options.history ? "on" : "off") : "";
        result.committedLines = store.committedLines;
        result.transactions = store.transactions;
        if (store.committedLines >= 0 && result.sendSeconds > 0)
            result.commitsPerSecond = double(store.committedLines) / result.sendSeconds;
        if (store.commitMeanUs >= 0) {
            result.commitMeanMs = double(store.commitMeanUs) / 1000;
            result.commitMaxMs = double(store.commitMaxUs) / 1000;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"chat-bench"_s);

    BenchOptions options;
    QString error;
    if (!BenchOptionsParser::parse(app.arguments(), options, error)) {
        fprintf(stderr, "chat-bench: %s\n", qUtf8Printable(error));
        return 2;
    }
    const rlim_t descriptors = raiseDescriptorLimit();
    const int largest = options.sweep.isEmpty()
                            ? options.clients
                            : *std::max_element(options.sweep.begin(), options.sweep.end());
    if (rlim_t(largest) + 32 > descriptors) {
        fprintf(stderr, "chat-bench: %d clients need more than the %llu descriptors allowed\n",
                largest, static_cast<unsigned long long>(descriptors));
        return 2;
    }

    const auto dialect = Dialect::create(options.protocol == BenchOptions::Protocol::Irc);
    const QList<int> counts = options.sweep.isEmpty() ? QList<int>{options.clients} : options.sweep;
    QList<RunResult> results;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        BenchOptions run = options;
        run.clients = counts[i];
        RunResult result;
        if (!runOne(run, *dialect, char('a' + i % 26), result))
            return 2;
        results.append(result);
        if (!options.json && counts.size() > 1)
            fprintf(stderr, "%d clients: %.0f lines/s\n", result.clients, result.linesPerSecond);
    }

    if (options.json) {
        QJsonArray runs;
        for (const RunResult &r : results)
            runs.append(Report::toJson(r));
        const QJsonDocument document = options.sweep.isEmpty()
                                           ? QJsonDocument(runs.first().toObject())
                                           : QJsonDocument(QJsonObject{{u"runs"_s, runs}});
        printf("%s\n", document.toJson(QJsonDocument::Compact).constData());
    } else {
        printf("%s", qUtf8Printable(Report::table(results)));
    }
    if (!options.plotPath.isEmpty()) {
        const QString title = u"%1: %2 room(s), %3 senders x %4 messages, window %5"_s
                                  .arg(QString::fromStdString(results.first().protocol))
                                  .arg(options.rooms)
                                  .arg(options.senders)
                                  .arg(options.messages)
                                  .arg(options.window);
        if (!SvgPlot::write(options.plotPath, results, title)) {
            fprintf(stderr, "chat-bench: cannot write %s\n", qUtf8Printable(options.plotPath));
            return 2;
        }
    }
    const bool clean =
        std::all_of(results.begin(), results.end(), [](const RunResult &r) { return r.clean(); });
    return clean ? 0 : 1;
}
