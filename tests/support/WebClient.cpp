// SPDX-License-Identifier: MIT
#include "WebClient.h"

#include "TaggedCodec.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

WebClient::WebClient(const QString &origin, QObject *parent)
    : QObject(parent)
    , m_socket(origin)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &line) { m_lines.append(line); });
}

bool WebClient::open(quint16 port)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy failed(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    m_socket.open(QUrl(u"ws://127.0.0.1:%1/chat"_s.arg(port)));
    const QDeadlineTimer deadline(Timeout);
    while (connected.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    return !connected.isEmpty();
}

QString WebClient::readLine(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // A closed connection brings no more lines: no use waiting for them.
    while (m_lines.isEmpty() && !deadline.hasExpired() &&
           m_socket.state() != QAbstractSocket::UnconnectedState)
        QTest::qWait(5);
    return m_lines.isEmpty() ? QString() : m_lines.takeFirst();
}

Event WebClient::readEvent(int timeoutMs)
{
    const QString line = readLine(timeoutMs);
    return line.isNull() ? Event() : TaggedCodec::parse(line);
}

Event WebClient::waitFor(Event::Kind kind, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const Event event = readEvent(int(std::max<qint64>(1, deadline.remainingTime())));
        if (event.kind == kind)
            return event;
    }
    return {};
}

bool WebClient::taggedLogin(const QString &nick)
{
    send(u"set tagged on"_s);
    send(u"login "_s + nick);
    return waitFor(Event::Kind::Users).kind == Event::Kind::Users;
}

bool WebClient::waitForDisconnected(int timeoutMs)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    return disconnected.wait(timeoutMs);
}
