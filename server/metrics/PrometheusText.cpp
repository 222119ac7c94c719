// SPDX-License-Identifier: MIT
#include "metrics/PrometheusText.h"

void PrometheusText::family(const char *name, const char *type, const char *help)
{
    m_text += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

void PrometheusText::sample(const char *name, qint64 value, const char *labels)
{
    m_text += name;
    if (labels && *labels)
        m_text += QByteArray("{") + labels + '}';
    m_text += ' ' + QByteArray::number(value) + '\n';
}

void PrometheusText::histogram(const char *name, const char *help,
                               const LatencyHistogram &histogram)
{
    family(name, "histogram", help);
    const QByteArray base(name);
    qint64 cumulative = 0;
    for (std::size_t i = 0; i <= LatencyHistogram::BoundsUs.size(); ++i) {
        cumulative += histogram.countIn(i);
        const QByteArray bound = i < LatencyHistogram::BoundsUs.size()
                                     ? QByteArray::number(LatencyHistogram::BoundsUs[i] / 1e6)
                                     : QByteArray("+Inf");
        m_text += base + "_bucket{le=\"" + bound + "\"} " + QByteArray::number(cumulative) + '\n';
    }
    m_text += base + "_sum " + QByteArray::number(histogram.sumUs() / 1e6, 'g', 12) + '\n';
    m_text += base + "_count " + QByteArray::number(histogram.count()) + '\n';
}
