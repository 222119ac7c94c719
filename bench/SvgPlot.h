// SPDX-License-Identifier: MIT
#pragma once

#include "RunResult.h"

#include <QList>
#include <QString>

// A sweep as an SVG line chart: delivered lines/s (left axis) and p99 latency (right axis)
// against the number of clients. Plain SVG, so no plotting tool is needed.
namespace SvgPlot {

QString render(const QList<RunResult> &results, const QString &title);
bool write(const QString &path, const QList<RunResult> &results, const QString &title);

} // namespace SvgPlot
