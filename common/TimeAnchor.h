// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

#include <optional>

// A point in time that history is asked around, as the chat's history command and IRC's
// CHATHISTORY (timestamp=...) write it: ISO 8601 in UTC with milliseconds, the form the tagged
// rendering and IRC's server-time tag show a line's time in, so that a client can ask for what
// came before or after a line it was shown.
//
//   time = YYYY "-" MM "-" DD "T" hh ":" mm ":" ss "." sss "Z"   ; exactly 24 characters
namespace TimeAnchor {

// Milliseconds since the epoch, or nothing when word is not such a time (another form, another
// zone, a date that does not exist).
std::optional<qint64> parse(QStringView word);

} // namespace TimeAnchor
