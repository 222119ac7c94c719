// SPDX-License-Identifier: MIT
#pragma once

#include "net/ProxyHeader.h"

#include <QBasicTimer>
#include <QObject>
#include <QSocketNotifier>

// Holds a connection accepted from a trusted load balancer until its PROXY header has been
// read off it, within a deadline. It takes exactly the header's bytes from the kernel: it looks
// at what arrived without taking it (MSG_PEEK) and takes only what ProxyHeader says belongs to
// the header, so that what follows (the chat, a TLS handshake, an HTTP request) is still there
// for whoever takes the descriptor next. Emits exactly one of headerRead() and failed(), then
// deletes itself.
class ProxyHeaderReader : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of descriptor, an accepted TCP socket.
    ProxyHeaderReader(qintptr descriptor, int timeoutMs, QObject *parent = nullptr);
    ~ProxyHeaderReader() override;

signals:
    // The header was read; the receiver owns descriptor from now on.
    void headerRead(qintptr descriptor, const ProxyHeader &header);
    // No valid header in time: the descriptor is closed. reason is for the log.
    void failed(const QString &reason);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void readable();
    void fail(const QString &reason);

    int m_descriptor;
    QSocketNotifier m_notifier;
    QBasicTimer m_deadline;
    QByteArray m_taken; // the header's bytes taken so far
    int m_timeoutMs;
};
