// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

// How long a ban or a mute lasts, as typed: plain seconds ("90") or a number with a unit,
// "30s", "10m", "2h", "7d".
namespace Duration {

// Whether word is written as a duration at all (digits, then at most one unit letter).
bool looksLike(const QString &word);
// The seconds word stands for, when it is a duration from 1 second to maxSeconds.
std::optional<qint64> seconds(const QString &word, qint64 maxSeconds);

} // namespace Duration
