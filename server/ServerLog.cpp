// SPDX-License-Identifier: MIT
#include "ServerLog.h"

Q_LOGGING_CATEGORY(lcServer, "chat.server", QtInfoMsg)
