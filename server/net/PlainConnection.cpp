// SPDX-License-Identifier: MIT
#include "net/PlainConnection.h"

#include "net/OutputFlusher.h"
#include "net/PassArena.h"

#include <QTimerEvent>

#include <array>
#include <cerrno>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

// Blocks handed to one sendmsg: 512 KiB, twice the default output cap, below IOV_MAX (1024).
constexpr int MaxBlocksPerSend = 256;

bool isPeerGone(int error)
{
    return error == ECONNRESET || error == EPIPE || error == ETIMEDOUT;
}

} // namespace

PlainConnection::PlainConnection(qintptr descriptor, const QHostAddress &peer, quint16 peerPort,
                                 QObject *parent)
    : Connection(parent)
    , m_descriptor(int(descriptor))
    , m_peerAddress(peer)
    , m_peerPort(peerPort)
    , m_readNotifier(descriptor, QSocketNotifier::Read, [this] { readable(); })
{
    ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) | O_NONBLOCK);
    // We coalesce ourselves: one send per connection and event-loop pass. Nagle's algorithm on
    // top would hold each pass's bytes back until the previous ones are acknowledged, and a
    // member that only listens acknowledges late (delayed ACK): W1 fell to half the lines/s.
    const int noDelay = 1;
    ::setsockopt(m_descriptor, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
}

PlainConnection::~PlainConnection()
{
    if (m_flushScheduled)
        OutputFlusher::cancel(this);
    if (m_state != State::Closed)
        closeDescriptor();
}

void PlainConnection::setKeepAlive(bool on)
{
    const int value = on ? 1 : 0;
    ::setsockopt(m_descriptor, SOL_SOCKET, SO_KEEPALIVE, &value, sizeof value);
}

void PlainConnection::write(QByteArrayView bytes)
{
    if (m_state != State::Open || bytes.isEmpty())
        return;
    m_output.append(bytes);
    scheduleFlush();
}

void PlainConnection::writeShared(const QByteArray &bytes, const void *stream)
{
    if (m_state != State::Open || bytes.isEmpty())
        return;
    // Referred bytes must leave, or be copied, at the pass's flush: a connection that waits for
    // room in the kernel is not flushed then and copies.
    if (!isWaitingForRoom()) {
        const QByteArrayView kept = PassArena::keep(bytes, stream);
        if (!kept.isEmpty() && m_output.refer(kept)) {
            scheduleFlush();
            return;
        }
    }
    m_output.append(bytes);
    scheduleFlush();
}

void PlainConnection::scheduleFlush()
{
    // A waiting write notifier sends the queue when the kernel has room again.
    if (m_flushScheduled || isWaitingForRoom())
        return;
    m_flushScheduled = true;
    OutputFlusher::schedule(this);
}

void PlainConnection::flushScheduled()
{
    m_flushScheduled = false;
    sendQueued();
}

void PlainConnection::notifyWhenBelow(qint64 bytes)
{
    m_drainedBelow = bytes;
    checkDrained();
}

void PlainConnection::checkDrained()
{
    if (m_drainedBelow < 0 || m_output.size() > m_drainedBelow || m_state != State::Open)
        return;
    m_drainedBelow = -1;
    // Queued: the sender that waits for it may be the one that is writing now.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state == State::Open)
                reportDrained();
        },
        Qt::QueuedConnection);
}

void PlainConnection::close(int graceMs)
{
    if (m_state != State::Open)
        return;
    m_state = State::Draining;
    // A peer that never reads, or never closes its side, would keep us open for ever.
    m_graceTimer.start(graceMs, this);
    sendQueued();
}

void PlainConnection::abort()
{
    if (m_state != State::Closed)
        end();
}

void PlainConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_graceTimer.timerId())
        abort();
    else
        Connection::timerEvent(event);
}

void PlainConnection::readable()
{
    // One read per wake-up: a peer that sends faster than we handle is held back by TCP.
    std::array<char, ReadAheadBytes> buffer;
    const ssize_t got = ::recv(m_descriptor, buffer.data(), buffer.size(), 0);
    if (got > 0) {
        // After close() what the peer still sends is dropped; only its FIN is awaited.
        if (m_state == State::Open)
            reportReceived(QByteArrayView(buffer.data(), got));
        return;
    }
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (got < 0 && !isPeerGone(errno))
        reportError(qt_error_string(errno));
    end();
}

void PlainConnection::sendQueued()
{
    if (m_state != State::Open && m_state != State::Draining)
        return;
    while (!m_output.isEmpty()) {
        std::array<iovec, MaxBlocksPerSend> blocks;
        const int count = m_output.gather(blocks.data(), int(blocks.size()));
        // MSG_NOSIGNAL: a peer that reset must not kill the server, wherever it runs.
        ssize_t sent;
        if (count == 1) {
            sent = ::send(m_descriptor, blocks[0].iov_base, blocks[0].iov_len,
                          MSG_NOSIGNAL | MSG_DONTWAIT);
        } else {
            msghdr message = {};
            message.msg_iov = blocks.data();
            message.msg_iovlen = size_t(count);
            sent = ::sendmsg(m_descriptor, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            waitForRoom();
            return;
        }
        if (sent < 0) {
            failLater(errno);
            return;
        }
        m_output.consume(sent);
        checkDrained();
        if (!m_output.isEmpty()) {
            // The kernel took less than it was offered: it has no room now.
            size_t offered = 0;
            for (int i = 0; i < count; ++i)
                offered += blocks[size_t(i)].iov_len;
            if (size_t(sent) < offered) {
                waitForRoom();
                return;
            }
        }
    }
    waitUntilWritable(false);
    if (m_state == State::Draining) {
        // Our FIN after the last byte; the peer's FIN (or the grace timer) ends it.
        ::shutdown(m_descriptor, SHUT_WR);
        m_state = State::AwaitingEof;
    }
}

void PlainConnection::waitForRoom()
{
    // What waits outlives the pass's arena.
    m_output.copyReferred();
    waitUntilWritable(true);
}

void PlainConnection::waitUntilWritable(bool wait)
{
    if (!m_writeNotifier) {
        if (!wait)
            return;
        m_writeNotifier = std::make_unique<DescriptorNotifier>(m_descriptor, QSocketNotifier::Write,
                                                               [this] { sendQueued(); });
    }
    m_writeNotifier->setEnabled(wait);
}

void PlainConnection::failLater(int error)
{
    // sendQueued may run in the middle of a room's broadcast, which must not see a member
    // leave: the failure is reported from the event loop.
    m_state = State::Failing;
    m_output.clear();
    waitUntilWritable(false);
    m_readNotifier.setEnabled(false);
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            if (m_state != State::Failing)
                return;
            if (!isPeerGone(error))
                reportError(qt_error_string(error));
            end();
        },
        Qt::QueuedConnection);
}

void PlainConnection::end()
{
    closeDescriptor();
    reportDisconnected();
}

void PlainConnection::closeDescriptor()
{
    m_readNotifier.setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    m_graceTimer.stop();
    ::close(m_descriptor);
    m_state = State::Closed;
    m_output.clear();
}
