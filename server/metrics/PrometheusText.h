// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/LatencyHistogram.h"

#include <QByteArray>

// Writes Prometheus' text exposition format, version 0.0.4: per metric family a "# HELP" and a
// "# TYPE" line, then its samples as "name{label="value"} number", one per line, LF-ended.
// Names and label values here are the program's own constants, so nothing needs escaping.
class PrometheusText
{
public:
    static constexpr const char *ContentType = "text/plain; version=0.0.4; charset=utf-8";

    // Starts a family: type is "counter", "gauge" or "histogram".
    void family(const char *name, const char *type, const char *help);
    // A sample of the current family; labels like "transport=\"tls\"", or empty.
    void sample(const char *name, qint64 value, const char *labels = nullptr);
    // A whole histogram family: buckets in seconds (cumulative, with +Inf), sum and count.
    void histogram(const char *name, const char *help, const LatencyHistogram &histogram);

    const QByteArray &text() const { return m_text; }

private:
    QByteArray m_text;
};
