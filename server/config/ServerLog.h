// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The server's event log: one line per session and room event, written to stderr by Qt's
// message handler (main() sets a pattern with a timestamp). Tests silence it with
// QT_LOGGING_RULES="chat.server=false".
Q_DECLARE_LOGGING_CATEGORY(lcServer)
// What the store did, once at shutdown: apart from chat.server so that a benchmark that silences
// the per-connection lines still reads it.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
