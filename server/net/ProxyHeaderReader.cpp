// SPDX-License-Identifier: MIT
#include "net/ProxyHeaderReader.h"

#include <QTimerEvent>

#include <array>
#include <cerrno>
#include <utility>

#include <sys/socket.h>
#include <unistd.h>

ProxyHeaderReader::ProxyHeaderReader(qintptr descriptor, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_descriptor(int(descriptor))
    , m_notifier(descriptor, QSocketNotifier::Read)
    , m_timeoutMs(timeoutMs)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &ProxyHeaderReader::readable);
    m_deadline.start(timeoutMs, this);
}

ProxyHeaderReader::~ProxyHeaderReader()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

void ProxyHeaderReader::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_deadline.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    fail(m_taken.isEmpty()
             ? QStringLiteral("no PROXY header within %1 ms").arg(m_timeoutMs)
             : QStringLiteral("PROXY header not finished within %1 ms").arg(m_timeoutMs));
}

void ProxyHeaderReader::readable()
{
    std::array<char, ProxyHeader::MaxBytes> buffer;
    const size_t room = size_t(ProxyHeader::MaxBytes - m_taken.size());
    const ssize_t seen = ::recv(m_descriptor, buffer.data(), room, MSG_PEEK | MSG_DONTWAIT);
    if (seen < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (seen <= 0) {
        fail(seen == 0 ? QStringLiteral("closed before its PROXY header")
                       : QStringLiteral("PROXY header: %1").arg(qt_error_string(errno)));
        return;
    }
    const QByteArray arrived = m_taken + QByteArray(buffer.data(), seen);
    const ProxyHeader header = ProxyHeader::parse(arrived);
    if (header.status == ProxyHeader::Status::Invalid) {
        fail(QStringLiteral("bad PROXY header: %1").arg(QLatin1StringView(header.error)));
        return;
    }
    // Incomplete: all that arrived is header, so it is taken, and the notifier waits for more
    // instead of firing again on bytes left in the kernel. Complete: the header's rest only.
    const qsizetype take = header.status == ProxyHeader::Status::Complete
                               ? header.length - m_taken.size()
                               : qsizetype(seen);
    // The bytes were seen, so the kernel has them: this takes them all.
    if (::recv(m_descriptor, buffer.data(), size_t(take), MSG_DONTWAIT) != take) {
        fail(QStringLiteral("PROXY header: %1").arg(qt_error_string(errno)));
        return;
    }
    m_taken.append(buffer.data(), take);
    if (header.status == ProxyHeader::Status::Incomplete)
        return;
    // One notifier per descriptor: the next owner makes its own.
    m_notifier.setEnabled(false);
    m_deadline.stop();
    const qintptr descriptor = std::exchange(m_descriptor, -1);
    emit headerRead(descriptor, header);
    deleteLater();
}

void ProxyHeaderReader::fail(const QString &reason)
{
    m_notifier.setEnabled(false);
    m_deadline.stop();
    ::close(std::exchange(m_descriptor, -1));
    emit failed(reason);
    deleteLater();
}
