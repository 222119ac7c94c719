// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// HELP about IRC's own commands, for people whose client speaks IRC: how each is written here
// and which of the chat's commands it is. The chat's help covers the chat's commands (by
// /quote); docs/IRC.md has the whole story.
class IrcHelp
{
public:
    // The usage of verb (any case) and then the lines about it; empty when it is none of IRC's
    // commands this server takes.
    static QStringList about(const QString &verb);
};
