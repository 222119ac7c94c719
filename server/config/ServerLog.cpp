// SPDX-License-Identifier: MIT
#include "config/ServerLog.h"

Q_LOGGING_CATEGORY(lcServer, "chat.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "chat.store", QtInfoMsg)
