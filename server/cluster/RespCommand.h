// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

// A command to Redis as the protocol carries it: an array of bulk strings, which needs no
// quoting whatever the arguments hold (a chat line with CR, LF or NUL goes as it is).
namespace RespCommand {

QByteArray encode(const QList<QByteArray> &arguments);

} // namespace RespCommand
