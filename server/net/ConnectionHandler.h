// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

// What a Connection tells the one object it belongs to (its Session). Direct calls, not
// signals: each connection has exactly one listener, and a server holds thousands of
// connections; four signal connections apiece were about a tenth of a session's memory.
// Every call comes from the event loop or from the connection's own reading, never from inside
// write() or flush(), so the handler may write, close or schedule its own deletion in it.
class ConnectionHandler
{
public:
    // Bytes from the peer; valid only during the call.
    virtual void connectionReceived(QByteArrayView bytes) = 0;
    // The queue fell as Connection::notifyWhenBelow() asked; once per request.
    virtual void connectionDrained() = 0;
    // Something went wrong; connectionEnded() follows.
    virtual void connectionFailed(const QString &message) = 0;
    // The connection has ended, whoever ended it; called once.
    virtual void connectionEnded() = 0;

protected:
    ~ConnectionHandler() = default;
};
