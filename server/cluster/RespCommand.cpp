// SPDX-License-Identifier: MIT
#include "cluster/RespCommand.h"

namespace RespCommand {

QByteArray encode(const QList<QByteArray> &arguments)
{
    qsizetype size = 16;
    for (const QByteArray &argument : arguments)
        size += argument.size() + 24;
    QByteArray bytes;
    bytes.reserve(size);
    bytes += '*' + QByteArray::number(arguments.size()) + "\r\n";
    for (const QByteArray &argument : arguments) {
        bytes += '$' + QByteArray::number(argument.size()) + "\r\n";
        bytes += argument;
        bytes += "\r\n";
    }
    return bytes;
}

} // namespace RespCommand
