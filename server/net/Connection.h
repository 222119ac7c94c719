// SPDX-License-Identifier: MIT
#pragma once

#include "net/ConnectionHandler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QObject>

// The byte transport under one Session: plain TCP on a bare descriptor, TLS on a QSslSocket or
// a WebSocket. The Session only queues bytes, hears what arrives (as the ConnectionHandler) and
// asks to close; how bytes reach the kernel is the transport's business.
class Connection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The one object told what happens to this connection (its Session); null: nobody.
    void setHandler(ConnectionHandler *handler) { m_handler = handler; }

    // Bytes a connection reads ahead of its Session per wake-up: beyond it the kernel holds the
    // data back and TCP slows the sender, so a client that sends without end costs the server
    // this much at most.
    static constexpr qint64 ReadAheadBytes = 64 * 1024;

    virtual QHostAddress peerAddress() const = 0;
    virtual quint16 peerPort() const = 0;
    virtual void setKeepAlive(bool on) = 0;

    // Queues bytes for sending; they are copied, so the caller's may go at once.
    virtual void write(QByteArrayView bytes) = 0;
    // The same for bytes that other connections are likely given in the same event-loop pass
    // (a broadcast's line), rendered for the readers of stream: a transport may keep them once
    // for all of them (PassArena) instead of copying them for each.
    virtual void writeShared(const QByteArray &bytes, const void *stream)
    {
        Q_UNUSED(stream);
        write(bytes);
    }
    // Bytes queued and not yet taken by the kernel.
    virtual qint64 bytesToWrite() const = 0;
    // Gives the kernel what it takes now, without waiting. Never reports an error or a
    // disconnection before it returns: callers may be in the middle of a broadcast.
    virtual void flush() = 0;

    // Asks for connectionDrained() once the bytes queued fall to bytes or fewer: a sender that
    // writes at its reader's pace (a page of history) waits for it instead of queueing without end.
    virtual void notifyWhenBelow(qint64 bytes) = 0;

    // Sends what is queued, then closes; gives up and aborts after graceMs.
    virtual void close(int graceMs) = 0;
    // Closes at once, dropping what is queued.
    virtual void abort() = 0;
    // True once the connection has ended (the handler was told connectionEnded()).
    virtual bool isClosed() const = 0;

protected:
    // For the transports: what they have to tell goes to the handler, when there is one.
    void reportReceived(QByteArrayView bytes);
    void reportDrained();
    void reportError(const QString &message);
    void reportDisconnected();

private:
    ConnectionHandler *m_handler = nullptr;
};
