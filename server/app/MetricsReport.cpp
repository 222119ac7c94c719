// SPDX-License-Identifier: MIT
#include "app/MetricsReport.h"

#include "commands/CommandProcessor.h"
#include "core/User.h"
#include "metrics/PrometheusText.h"
#include "session/Session.h"

namespace MetricsReport {

namespace {

QByteArray labelled(const char *name, const char *value)
{
    return QByteArray(name) + "=\"" + value + '"';
}

} // namespace

Gauges gauges(CommandProcessor &processor)
{
    Gauges gauges;
    for (const Session *session : processor.sessions()) {
        const qint64 queued = session->queuedBytes();
        gauges.outputQueueBytes += queued;
        gauges.outputQueueMaxBytes = std::max(gauges.outputQueueMaxBytes, queued);
    }
    gauges.rooms = processor.directory().rooms().size();
    for (const User *user : processor.directory().users())
        ++(user->isReconnecting() ? gauges.peopleReconnecting : gauges.peopleConnected);
    return gauges;
}

QByteArray render(const ServerMetrics &metrics, const Gauges &gauges, const StoreStats &store)
{
    using M = ServerMetrics;
    PrometheusText out;
    out.family("chat_build_info", "gauge", "The running version of chat-server.");
    out.sample("chat_build_info", 1, labelled("version", CHAT_VERSION).constData());

    out.family("chat_connections_accepted_total", "counter", "Connections admitted, by transport.");
    for (int i = 0; i < M::TransportCount; ++i) {
        out.sample("chat_connections_accepted_total", metrics.accepted[i],
                   labelled("transport", M::label(M::Transport(i))).constData());
    }
    out.family("chat_connections", "gauge", "Connections open now, by transport.");
    for (int i = 0; i < M::TransportCount; ++i) {
        out.sample("chat_connections", metrics.open[i],
                   labelled("transport", M::label(M::Transport(i))).constData());
    }
    out.family("chat_connections_refused_total", "counter",
               "Connections refused before any work, by reason.");
    for (int i = 0; i < M::RefusalCount; ++i) {
        out.sample("chat_connections_refused_total", metrics.refused[i],
                   labelled("reason", M::label(M::Refusal(i))).constData());
    }
    out.family("chat_disconnects_total", "counter", "Sessions ended, by reason.");
    for (int i = 0; i < M::DisconnectCount; ++i) {
        out.sample("chat_disconnects_total", metrics.disconnects[i],
                   labelled("reason", M::label(M::Disconnect(i))).constData());
    }
    out.family("chat_logins_total", "counter", "Successful logins.");
    out.sample("chat_logins_total", metrics.logins);
    out.family("chat_resumes_total", "counter", "Successful resumes of a dropped connection.");
    out.sample("chat_resumes_total", metrics.resumes);
    out.family("chat_lines_received_total", "counter",
               "Lines received from clients, commands included.");
    out.sample("chat_lines_received_total", metrics.linesReceived);
    out.family("chat_messages_received_total", "counter",
               "Room lines and private messages said, handed to the store.");
    out.sample("chat_messages_received_total", metrics.messagesReceived);
    out.family("chat_messages_delivered_total", "counter",
               "Copies of room lines and private messages queued for connections.");
    out.sample("chat_messages_delivered_total", metrics.messagesDelivered);
    out.family("chat_received_bytes_total", "counter", "Bytes received from clients.");
    out.sample("chat_received_bytes_total", metrics.bytesReceived);
    out.family("chat_sent_bytes_total", "counter", "Bytes queued for sending to clients.");
    out.sample("chat_sent_bytes_total", metrics.bytesSent);

    out.family("chat_output_queue_bytes", "gauge",
               "Bytes waiting to be sent, all connections together.");
    out.sample("chat_output_queue_bytes", gauges.outputQueueBytes);
    out.family("chat_output_queue_max_bytes", "gauge",
               "Bytes waiting to be sent to the connection that has the most.");
    out.sample("chat_output_queue_max_bytes", gauges.outputQueueMaxBytes);
    out.family("chat_rooms", "gauge", "Rooms.");
    out.sample("chat_rooms", gauges.rooms);
    out.family("chat_people", "gauge",
               "People logged in, by state: connected, or reconnecting (held for a resume).");
    out.sample("chat_people", gauges.peopleConnected, "state=\"connected\"");
    out.sample("chat_people", gauges.peopleReconnecting, "state=\"reconnecting\"");

    out.family("chat_store_committed_lines_total", "counter", "Lines committed by the store.");
    out.sample("chat_store_committed_lines_total", store.committedLines);
    out.family("chat_store_transactions_total", "counter", "Transactions the store committed.");
    out.sample("chat_store_transactions_total", store.transactions);
    out.family("chat_store_failed_writes_total", "counter",
               "Writes the store refused (a full disk, the size limit).");
    out.sample("chat_store_failed_writes_total", store.failedWrites);
    out.family("chat_store_pruned_lines_total", "counter",
               "Lines removed by retention (history-days, history-per-room).");
    out.sample("chat_store_pruned_lines_total", store.prunedLines);
    out.histogram("chat_store_commit_seconds", "Time from a line reaching the store to its commit.",
                  store.commitLatency);
    out.histogram("chat_fanout_seconds",
                  "Time from a line's commit reaching the event loop to its broadcast queued "
                  "for every member of the room.",
                  metrics.fanout);
    return out.text();
}

} // namespace MetricsReport
