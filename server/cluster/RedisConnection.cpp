// SPDX-License-Identifier: MIT
#include "cluster/RedisConnection.h"

#include "cluster/RespCommand.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

RespValue errorReply(const QString &why)
{
    RespValue reply;
    reply.type = RespValue::Type::Error;
    reply.bytes = why.toUtf8();
    return reply;
}

} // namespace

const QByteArray RedisConnection::DeleteIfHolds = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
)lua";

RedisConnection::RedisConnection(QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
{
    m_replyTimer.setSingleShot(true);
    connect(&m_replyTimer, &QTimer::timeout, this,
            [this] { end(u"Redis did not answer within %1 ms"_s.arg(m_replyTimeoutMs)); });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_state = State::Connected;
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
        emit connected();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &RedisConnection::readReplies);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { end(m_socket->errorString()); });
    connect(m_socket, &QTcpSocket::disconnected, this,
            [this] { end(u"Redis closed the connection"_s); });
}

RedisConnection::~RedisConnection()
{
    // The owner is going: its callbacks must not run into it.
    m_waiting.clear();
    m_socket->disconnect(this);
}

void RedisConnection::connectToServer(const QString &host, quint16 port)
{
    if (m_state != State::Idle)
        return;
    m_state = State::Connecting;
    m_socket->connectToHost(host, port);
}

void RedisConnection::send(const QList<QByteArray> &command, Reply reply)
{
    if (m_state == State::Ended || m_state == State::Idle) {
        if (reply) {
            const QString why = m_state == State::Idle ? u"not connected to Redis"_s : m_error;
            QMetaObject::invokeMethod(
                this, [reply, why] { reply(errorReply(why)); }, Qt::QueuedConnection);
        }
        return;
    }
    m_socket->write(RespCommand::encode(command));
    m_waiting.push_back(std::move(reply));
    if (m_socket->bytesToWrite() > MaxQueuedBytes)
        return close(u"more than %1 bytes of commands waiting for Redis"_s.arg(MaxQueuedBytes));
    armTimeout();
}

void RedisConnection::subscribe(const QList<QByteArray> &channels)
{
    if (m_state == State::Ended || m_state == State::Idle || channels.isEmpty())
        return;
    m_subscriber = true;
    m_subscriptionsWaited += int(channels.size());
    m_socket->write(RespCommand::encode(QList<QByteArray>{"SUBSCRIBE"} + channels));
    armTimeout();
}

void RedisConnection::flush()
{
    if (m_socket && m_state == State::Connected)
        m_socket->flush();
}

void RedisConnection::close(const QString &why)
{
    if (m_state == State::Ended)
        return;
    // Out of the caller's call: its own state may be half-way through a change.
    QMetaObject::invokeMethod(
        this, [this, why] { end(why); }, Qt::QueuedConnection);
}

void RedisConnection::armTimeout()
{
    if (m_waiting.empty() && m_subscriptionsWaited == 0)
        m_replyTimer.stop();
    else if (!m_replyTimer.isActive())
        m_replyTimer.start(m_replyTimeoutMs);
}

void RedisConnection::readReplies()
{
    m_reader.append(m_socket->readAll());
    while (m_state == State::Connected) {
        const std::optional<RespValue> reply = m_reader.next();
        if (!reply)
            break;
        deliver(*reply);
    }
    if (m_reader.hasError())
        end(u"Redis sent what is not RESP: "_s + m_reader.errorString());
}

void RedisConnection::deliver(const RespValue &reply)
{
    if (m_subscriber && deliverPush(reply))
        return;
    if (m_waiting.empty())
        return end(u"Redis answered a command that was not sent"_s);
    const Reply callback = std::move(m_waiting.front());
    m_waiting.pop_front();
    // The oldest command was answered: the next one has its own time from now.
    m_replyTimer.stop();
    armTimeout();
    if (callback)
        callback(reply);
}

// What a subscriber receives besides replies: ["message", channel, payload] and the
// acknowledgements ["subscribe", channel, count] (arrays in RESP2, pushes in RESP3).
bool RedisConnection::deliverPush(const RespValue &reply)
{
    if (!reply.isList() || reply.elements.size() != 3 || !reply.elements[0].isString())
        return false;
    const QByteArray kind = reply.elements[0].bytes.toLower();
    if (kind == "message") {
        emit message(reply.elements[1].bytes, reply.elements[2].bytes);
        return true;
    }
    if (kind == "subscribe" && m_subscriptionsWaited > 0) {
        --m_subscriptionsWaited;
        m_replyTimer.stop();
        armTimeout();
        emit subscribed(reply.elements[1].bytes);
        return true;
    }
    return false;
}

void RedisConnection::end(const QString &why)
{
    if (m_state == State::Ended)
        return;
    m_state = State::Ended;
    m_error = why;
    m_replyTimer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
    std::deque<Reply> waiting;
    waiting.swap(m_waiting);
    for (const Reply &callback : waiting) {
        if (callback)
            callback(errorReply(why));
    }
    emit disconnected(why);
}
