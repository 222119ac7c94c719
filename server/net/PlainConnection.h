// SPDX-License-Identifier: MIT
#pragma once

#include "net/Connection.h"
#include "net/DescriptorNotifier.h"
#include "net/OutputBuffer.h"

#include <QBasicTimer>

#include <memory>

// A plain TCP connection on a bare non-blocking descriptor. Output is copied into an
// OutputBuffer that OutputFlusher hands to the kernel with one send per event-loop pass; what
// the kernel does not take waits for the descriptor to become writable. No QTcpSocket: its ring
// buffers cost kilobytes per connection and a write notifier round trip per pass.
class PlainConnection final : public Connection
{
    Q_OBJECT

public:
    // Takes ownership of descriptor, an accepted TCP socket from peer (the listener's word for
    // it: behind a load balancer, the address its PROXY header gave, not the kernel's).
    PlainConnection(qintptr descriptor, const QHostAddress &peer, quint16 peerPort,
                    QObject *parent = nullptr);
    ~PlainConnection() override;

    QHostAddress peerAddress() const override { return m_peerAddress; }
    quint16 peerPort() const override { return m_peerPort; }
    void setKeepAlive(bool on) override;
    void write(QByteArrayView bytes) override;
    void writeShared(const QByteArray &bytes, const void *stream) override;
    qint64 bytesToWrite() const override { return m_output.size(); }
    void flush() override { sendQueued(); }
    void notifyWhenBelow(qint64 bytes) override;
    void close(int graceMs) override;
    void abort() override;
    bool isClosed() const override { return m_state == State::Closed; }

    // OutputFlusher's call, once per event-loop pass in which bytes were queued.
    void flushScheduled();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // Open → (close) Draining → (queue empty, our FIN sent) AwaitingEof → (peer's FIN or
    // grace over) Closed. Failing: a send failed; the failure is reported in the next pass.
    enum class State { Open, Draining, AwaitingEof, Failing, Closed };

    void readable();
    void sendQueued();
    void checkDrained();
    // After the bytes are queued: one flush per pass unless the kernel is full.
    void scheduleFlush();
    // The kernel took less than it was offered: the rest waits until the descriptor is writable.
    void waitForRoom();
    bool isWaitingForRoom() const { return m_writeNotifier && m_writeNotifier->isEnabled(); }
    void waitUntilWritable(bool wait);
    void failLater(int error);
    void end();
    void closeDescriptor();

    // What write() reads for every member of a broadcast, side by side.
    State m_state = State::Open;
    bool m_flushScheduled = false;
    OutputBuffer m_output;
    // Made the first time the kernel does not take everything: most connections never need it.
    std::unique_ptr<DescriptorNotifier> m_writeNotifier;

    int m_descriptor;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    DescriptorNotifier m_readNotifier;
    QBasicTimer m_graceTimer;
    qint64 m_drainedBelow = -1; // -1: nobody waits to be told it drained
};
