// SPDX-License-Identifier: MIT
#include "LineClient.h"

#include "TaggedCodec.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

LineClient::LineClient(QObject *parent)
    : QObject(parent)
{
}

bool LineClient::connectTo(quint16 port, const QHostAddress &address)
{
    QSignalSpy connected(&m_socket, &QTcpSocket::connected);
    m_socket.connectToHost(address, port);
    return connected.wait(Timeout);
}

bool LineClient::connectWithSmallWindow(quint16 port, int receiveBytes)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBytes, sizeof receiveBytes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // The listener's backlog completes the handshake: this does not wait for the server.
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        !m_socket.setSocketDescriptor(fd)) {
        ::close(fd);
        return false;
    }
    m_socket.setReadBufferSize(receiveBytes);
    return !readLine().isNull();
}

void LineClient::send(const QString &line)
{
    sendRaw(line.toUtf8() + "\r\n");
}

void LineClient::sendRaw(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

bool LineClient::waitForData(int timeoutMs)
{
    if (m_socket.bytesAvailable() > 0) {
        m_buffer += m_socket.readAll();
        return true;
    }
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    // Wake on data or on the close, whichever comes first, so a test expecting the server to
    // hang up does not wait for the timeout.
    QEventLoop loop;
    connect(&m_socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (m_socket.bytesAvailable() == 0)
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

QByteArray LineClient::readRawLine(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_buffer.contains('\n')) {
        if (deadline.hasExpired() || !waitForData(int(deadline.remainingTime())))
            return {};
    }
    const qsizetype end = m_buffer.indexOf('\n');
    QByteArray line = m_buffer.left(end);
    m_buffer.remove(0, end + 1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

QString LineClient::readLine(int timeoutMs)
{
    const QByteArray line = readRawLine(timeoutMs);
    if (line.isNull())
        return {};
    return QString::fromUtf8(line);
}

Event LineClient::readEvent(int timeoutMs)
{
    const QString line = readLine(timeoutMs);
    return line.isNull() ? Event() : TaggedCodec::parse(line);
}

QByteArray LineClient::readRaw(qsizetype minBytes, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < minBytes) {
        if (deadline.hasExpired() || !waitForData(int(deadline.remainingTime())))
            break;
    }
    return std::exchange(m_buffer, {});
}

QStringList LineClient::sync()
{
    const QString token = u"sync%1"_s.arg(++m_syncCount);
    send(u"ping "_s + token);
    QStringList lines;
    for (;;) {
        const QString line = readLine();
        if (line.isNull())
            return lines << u"<no pong>"_s;
        const Event event = TaggedCodec::parse(line);
        // Either rendering; in text the pong may carry a "[HH:mm] " prefix.
        if ((event.kind == Event::Kind::Pong && event.subject == token) ||
            line.endsWith(u"] Pong "_s + token) || line == u"Pong "_s + token) {
            return lines;
        }
        lines << line;
    }
}

bool LineClient::login(const QString &nick)
{
    send(u"login "_s + nick);
    const QStringList replies = sync();
    return !replies.isEmpty() && !replies.first().contains(u"rror"_s);
}

bool LineClient::useTagged()
{
    send(u"set tagged on"_s);
    const QStringList replies = sync();
    return std::any_of(replies.begin(), replies.end(), [](const QString &line) {
        return TaggedCodec::parse(line).kind == Event::Kind::Welcome;
    });
}

bool LineClient::waitForDisconnected(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy disconnected(&m_socket, &QTcpSocket::disconnected);
    return disconnected.wait(timeoutMs);
}
