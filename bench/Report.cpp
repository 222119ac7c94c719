// SPDX-License-Identifier: MIT
#include "Report.h"

using namespace Qt::StringLiterals;

namespace Report {

namespace {

QString number(double value, int decimals)
{
    return value < 0 ? u"-"_s : QString::number(value, 'f', decimals);
}

QString integer(qint64 value)
{
    return value < 0 ? u"-"_s : QString::number(value);
}

} // namespace

QJsonObject toJson(const RunResult &r)
{
    QJsonObject json{
        {u"protocol"_s, QString::fromStdString(r.protocol)},
        {u"clients"_s, r.clients},
        {u"rooms"_s, r.rooms},
        {u"senders"_s, r.senders},
        {u"messages"_s, r.messages},
        {u"window"_s, r.window},
        {u"connectSeconds"_s, r.connectSeconds},
        {u"loginSeconds"_s, r.loginSeconds},
        {u"readySeconds"_s, r.readySeconds},
        {u"loginsPerSecond"_s, r.loginsPerSecond},
        {u"sendSeconds"_s, r.sendSeconds},
        {u"deliveredLines"_s, qint64(r.deliveredLines)},
        {u"linesPerSecond"_s, r.linesPerSecond},
        {u"p50Ms"_s, r.p50Ms},
        {u"p99Ms"_s, r.p99Ms},
        {u"maxMs"_s, r.maxMs},
        {u"expected"_s, qint64(r.expected)},
        {u"lost"_s, qint64(r.lost)},
        {u"duplicated"_s, qint64(r.duplicated)},
        {u"reordered"_s, qint64(r.reordered)},
        {u"errors"_s, qint64(r.errors)},
        {u"disconnects"_s, qint64(r.disconnects)},
        {u"timedOut"_s, r.timedOut},
        {u"clean"_s, r.clean()},
        {u"history"_s, QString::fromStdString(r.history)},
        {u"committedLines"_s, qint64(r.committedLines)},
        {u"transactions"_s, qint64(r.transactions)},
        {u"commitsPerSecond"_s, r.commitsPerSecond},
        {u"commitMeanMs"_s, r.commitMeanMs},
        {u"commitMaxMs"_s, r.commitMaxMs},
        {u"serverPeakKiB"_s, qint64(r.serverPeakKiB)},
        {u"serverKiBPerClient"_s, r.serverKiBPerClient},
        {u"serverCpuSeconds"_s, r.serverCpuSeconds},
        {u"serverSendCpuSeconds"_s, r.serverSendCpuSeconds},
        {u"serverCpuUsPerLine"_s, r.serverCpuUsPerLine},
        {u"serverSyscalls"_s, qint64(r.serverSyscalls)},
        {u"serverSendCalls"_s, qint64(r.serverSendCalls)},
        {u"syscallsPerLine"_s, r.syscallsPerLine},
        {u"sendCallsPerLine"_s, r.sendCallsPerLine},
        {u"serverIdleCpuPercent"_s, r.serverIdleCpuPercent},
    };
    if (!r.firstError.empty())
        json.insert(u"firstError"_s, QString::fromStdString(r.firstError));
    return json;
}

QString table(const QList<RunResult> &results)
{
    const QStringList header = {
        u"proto"_s,      u"clients"_s,   u"rooms"_s,   u"send"_s,        u"connect s"_s,
        u"ready s"_s,    u"logins/s"_s,  u"lines/s"_s, u"p50 ms"_s,      u"p99 ms"_s,
        u"max ms"_s,     u"lost"_s,      u"dup"_s,     u"reord"_s,       u"errors"_s,
        u"peak KiB"_s,   u"KiB/conn"_s,  u"cpu s"_s,   u"cpu us/line"_s, u"sys/line"_s,
        u"sends/line"_s, u"idle cpu%"_s, u"history"_s, u"commits/s"_s,   u"commit ms"_s};
    QList<QStringList> rows{header};
    for (const RunResult &r : results) {
        rows.append({QString::fromStdString(r.protocol),
                     QString::number(r.clients),
                     QString::number(r.rooms),
                     u"%1x%2/w%3"_s.arg(r.senders).arg(r.messages).arg(r.window),
                     number(r.connectSeconds, 3),
                     number(r.readySeconds, 3),
                     number(r.loginsPerSecond, 0),
                     number(r.linesPerSecond, 0),
                     number(r.p50Ms, 2),
                     number(r.p99Ms, 2),
                     number(r.maxMs, 2),
                     integer(r.lost),
                     integer(r.duplicated),
                     integer(r.reordered),
                     integer(r.errors + r.disconnects),
                     integer(r.serverPeakKiB),
                     number(r.serverKiBPerClient, 2),
                     number(r.serverCpuSeconds, 2),
                     number(r.serverCpuUsPerLine, 3),
                     number(r.syscallsPerLine, 4),
                     number(r.sendCallsPerLine, 4),
                     number(r.serverIdleCpuPercent, 2),
                     r.history.empty() ? u"-"_s : QString::fromStdString(r.history),
                     number(r.commitsPerSecond, 0),
                     r.commitMeanMs < 0
                         ? u"-"_s
                         : u"%1/%2"_s.arg(number(r.commitMeanMs, 2), number(r.commitMaxMs, 1))});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            text +=
                (i == 0 ? row[i].leftJustified(widths[i]) : row[i].rightJustified(widths[i] + 2));
        text += u'\n';
    }
    for (const RunResult &r : results) {
        if (r.timedOut)
            text += u"timed out: the figures above cover the part that finished\n"_s;
        if (!r.firstError.empty())
            text += u"first problem (%1 clients): %2\n"_s.arg(r.clients).arg(
                QString::fromStdString(r.firstError));
    }
    return text;
}

} // namespace Report
