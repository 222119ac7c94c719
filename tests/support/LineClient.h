// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QObject>
#include <QStringList>
#include <QTcpSocket>

// A test's stand-in for a person on telnet or nc: a real socket on loopback, reading whole
// lines. Every wait runs the event loop until a signal arrives or the timeout passes, so an
// in-process server keeps working while the test waits.
class LineClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int Timeout = 5000;

    explicit LineClient(QObject *parent = nullptr);

    bool connectTo(quint16 port, const QHostAddress &address = QHostAddress::LocalHost);
    // Connects to loopback with a kernel receive buffer of receiveBytes, set before the
    // connection so that the window stays that small, and reads at most that much ahead: when
    // the test stops reading, what the server sends waits in the server, not in megabytes of
    // kernel buffers. Reads the greeting.
    bool connectWithSmallWindow(quint16 port, int receiveBytes = 4096);
    void send(const QString &line);
    void sendRaw(const QByteArray &bytes);
    void abort() { m_socket.abort(); }

    // The next line without its CRLF; a null string when none arrives in time.
    QString readLine(int timeoutMs = Timeout);
    QByteArray readRawLine(int timeoutMs = Timeout);
    // The next line parsed as tagged; Kind::Invalid when none arrives or it is not tagged.
    Event readEvent(int timeoutMs = Timeout);
    // Bytes that arrived and are not yet read, waiting for at least minBytes.
    QByteArray readRaw(qsizetype minBytes, int timeoutMs = Timeout);

    // Everything that arrives before the answer to a ping sent now: with the server answering
    // in order, this is exactly what was still on its way.
    QStringList sync();

    // Logs in (text rendering) and consumes the replies up to the hall's user list.
    bool login(const QString &nick);
    // Turns on the tagged rendering and consumes the greeting and the replies.
    bool useTagged();

    bool waitForDisconnected(int timeoutMs = Timeout);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

private:
    bool waitForData(int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_syncCount = 0;
};
