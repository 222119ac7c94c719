// SPDX-License-Identifier: MIT
#pragma once

#include "net/Connection.h"

#include <QBasicTimer>
#include <QPointer>

class QTcpSocket;
class QWebSocket;

// A connection of the browser client: the chat's lines over a WebSocket, one line per text
// frame each way. To the Session it is a byte stream like any other: a frame arrives as its
// text and a line end, and each line the Session writes leaves as one frame without its CRLF,
// so line length, flood pacing, the output cap and the deadlines are the same as on TCP.
// Frames the chat cannot take end the connection with a close code: a binary frame (1008,
// policy), a frame or message longer than the line limit (1009, by QWebSocket), text that is
// not UTF-8 (1007, by QWebSocket).
class WebConnection final : public Connection
{
    Q_OBJECT

public:
    // Takes ownership of socket, a WebSocket whose handshake is done, and of transport, the TCP
    // (or TLS) socket under it. maxLineBytes: the longest frame taken.
    WebConnection(QWebSocket *socket, QTcpSocket *transport, qsizetype maxLineBytes,
                  QObject *parent = nullptr);
    ~WebConnection() override;

    QHostAddress peerAddress() const override;
    quint16 peerPort() const override;
    void setKeepAlive(bool on) override;
    void write(QByteArrayView bytes) override;
    qint64 bytesToWrite() const override;
    void flush() override;
    void notifyWhenBelow(qint64 bytes) override;
    void close(int graceMs) override;
    void abort() override;
    bool isClosed() const override { return m_closed; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void receiveText(const QString &message);
    void checkDrained();
    void end();

    QWebSocket *m_socket;
    // The WebSocket server deletes a transport that disconnects: hence a guarded pointer.
    QPointer<QTcpSocket> m_transport;
    QByteArray m_partialLine; // what was written after the last line end
    QBasicTimer m_graceTimer;
    qint64 m_drainedBelow = -1; // -1: nobody waits to be told it drained
    bool m_closed = false;
};
