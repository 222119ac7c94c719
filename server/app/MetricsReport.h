// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/ServerMetrics.h"
#include "store/StoreOptions.h"

#include <QByteArray>

class CommandProcessor;

// The /metrics page: the server's counters, the states read at scrape time and the store's
// statistics, as Prometheus text. Every name and what it counts is listed here and in
// docs/OPERATING.md.
namespace MetricsReport {

// What is read at scrape time rather than counted.
struct Gauges
{
    qint64 outputQueueBytes = 0;    // all sessions
    qint64 outputQueueMaxBytes = 0; // the largest one session has
    qint64 rooms = 0;
    qint64 peopleConnected = 0;
    qint64 peopleReconnecting = 0; // held for a resume
};

// Reads the gauges: a pass over the sessions and the people, once per scrape.
Gauges gauges(CommandProcessor &processor);

QByteArray render(const ServerMetrics &metrics, const Gauges &gauges, const StoreStats &store);

} // namespace MetricsReport
