// SPDX-License-Identifier: MIT
#pragma once

#include "RunResult.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Prints runs for people (a table, one row per run) or for programs (JSON).
namespace Report {

QJsonObject toJson(const RunResult &result);
QString table(const QList<RunResult> &results);

} // namespace Report
