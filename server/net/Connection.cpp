// SPDX-License-Identifier: MIT
#include "net/Connection.h"

void Connection::reportReceived(QByteArrayView bytes)
{
    if (m_handler)
        m_handler->connectionReceived(bytes);
}

void Connection::reportDrained()
{
    if (m_handler)
        m_handler->connectionDrained();
}

void Connection::reportError(const QString &message)
{
    if (m_handler)
        m_handler->connectionFailed(message);
}

void Connection::reportDisconnected()
{
    if (m_handler)
        m_handler->connectionEnded();
}
