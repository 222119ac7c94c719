// SPDX-License-Identifier: MIT
#include "Session.h"

#include "Room.h"
#include "Translations.h"

#include <QStringDecoder>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// TAB is the only control character allowed in text; the rest could rewrite other people's
// terminals (ESC), hide text (CR) or end strings early (NUL).
bool hasControlCharacters(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\t') || (u >= 0x7f && u < 0xa0);
    });
}

// "192.0.2.1:5000" or "[2001:db8::1]:5000"; IPv4 clients of a dual-stack listener show as IPv4.
QString peerText(const QHostAddress &address, quint16 port)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return u"%1:%2"_s.arg(QHostAddress(v4).toString()).arg(port);
    return u"[%1]:%2"_s.arg(address.toString()).arg(port);
}

} // namespace

Session::Session(QTcpSocket *socket, quint64 number, qsizetype maxLineBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_number(number)
    , m_framer(maxLineBytes)
{
    m_socket->setParent(this);
    m_rendering.text.translator = Translations::translator(m_language);
    m_peer = peerText(m_socket->peerAddress(), m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &Session::readSocket);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(u"lost"_s); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError) { finish(m_socket->errorString()); });
}

Session::~Session() = default;

void Session::logIn(const QString &nick)
{
    m_nick = nick;
    m_state = State::InRoom;
}

void Session::send(Event event, const QString &label, bool actor)
{
    event.label = label;
    sendRendered(m_rendering.forActor(actor).render(event));
}

void Session::sendRendered(const QByteArray &bytes)
{
    if (m_state == State::Gone)
        return;
    m_socket->write(bytes);
}

void Session::close(const QString &reason)
{
    if (m_state == State::Gone)
        return;
    finish(reason);
    m_socket->disconnectFromHost();
    // A peer that never reads would keep the socket open for ever; give it time to take
    // the goodbye, then let go.
    QTimer::singleShot(CloseGraceMs, m_socket, &QTcpSocket::abort);
}

void Session::readSocket()
{
    while (m_state != State::Gone && m_socket->bytesAvailable() > 0) {
        QByteArray reply;
        const QByteArray text = m_telnet.filter(m_socket->read(64 * 1024), reply);
        if (!reply.isEmpty())
            m_socket->write(reply);
        for (const LineFramer::Frame &frame : m_framer.push(text)) {
            if (m_state == State::Gone)
                return;
            if (frame.tooLong) {
                send(Event::error(ErrorCode::LineTooLong, {},
                                  QString::number(m_framer.maxLineBytes())));
                continue;
            }
            handleLine(frame.line);
        }
    }
}

void Session::handleLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(line);
    if (decoder.hasError()) {
        send(Event::error(ErrorCode::BadInput, {}, u"utf8"_s));
        return;
    }
    if (hasControlCharacters(text)) {
        send(Event::error(ErrorCode::BadInput, {}, u"control"_s));
        return;
    }
    const Command command = Command::parse(text, m_rendering.tagged);
    if (!command.isValid()) {
        send(Event::error(command.error(), command.word(), command.errorSubject()),
             command.label());
        return;
    }
    emit commandReceived(command);
}

void Session::finish(const QString &reason)
{
    if (m_state == State::Gone)
        return;
    m_state = State::Gone;
    emit closed(reason);
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
    else
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
}
