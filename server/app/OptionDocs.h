// SPDX-License-Identifier: MIT
#pragma once

#include "config/ServerConfig.h"

#include <QString>

// OptionTable written out for people: as a configuration file (--print-config, and the
// annotated resources/chat-server.conf) and as the chat-server(1) manual page.
namespace OptionDocs {

// One sentence: what chat-server is (--help and the man page).
QString description();

// config as a configuration file: a header, then per option its help, its default and what a
// reload does as comments, and "key = value". Reading it back gives config again.
QString configFile(const ServerConfig &config);

// The manual page in roff (man(7) macros), English.
QString manPage();

} // namespace OptionDocs
