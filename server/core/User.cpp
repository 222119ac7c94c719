// SPDX-License-Identifier: MIT
#include "core/User.h"

#include "core/Endpoint.h"
#include "core/Room.h"

#include <QTimerEvent>

#include <utility>

using namespace Qt::StringLiterals;

User::User(const QString &nick, quint64 personId, QObject *parent)
    : QObject(parent)
    , m_nick(nick)
    , m_personId(personId)
{
}

User::~User() = default;

void User::setNick(const QString &nick)
{
    m_nick = nick;
    emit changed({});
}

void User::setAccount(const QString &key)
{
    m_account = key;
    emit changed({});
}

void User::setNames(const QString &userName, const QString &realName)
{
    m_userName = userName;
    m_realName = realName;
}

void User::addRoom(Room *room)
{
    if (!m_rooms.contains(room)) {
        m_rooms.append(room);
        emit changed({});
    }
}

void User::removeRoom(Room *room, const QString &why)
{
    if (m_rooms.removeOne(room))
        emit changed(why);
    m_seqAtDrop.remove(room);
}

void User::attach(Endpoint *endpoint)
{
    m_graceTimer.stop();
    m_graceExpired = nullptr;
    if (m_endpoints.contains(endpoint))
        return;
    m_endpoints.append(endpoint);
    for (Room *room : std::as_const(m_rooms))
        room->attached(this, endpoint);
    if (m_endpoints.size() == 1)
        emit changed({}); // back from reconnecting
}

void User::detach(Endpoint *endpoint)
{
    if (!m_endpoints.removeOne(endpoint))
        return;
    for (Room *room : std::as_const(m_rooms))
        room->detached(endpoint);
    if (m_endpoints.isEmpty())
        emit changed({}); // reconnecting
}

void User::holdFor(int graceMs, std::function<void()> expired)
{
    if (!isReconnecting())
        return;
    m_graceExpired = std::move(expired);
    m_graceTimer.start(graceMs, this);
}

QString User::adminAccount(const QSet<QString> &administrators) const
{
    for (const QString &key : {m_operAccount, m_account}) {
        if (!key.isEmpty() && administrators.contains(key))
            return key;
    }
    return {};
}

QString User::flags() const
{
    if (!m_away)
        return isReconnecting() ? QString(Event::ReconnectingFlag) : QString();
    if (isReconnecting())
        return Event::AwayFlag + u',' + Event::ReconnectingFlag;
    return QString(Event::AwayFlag);
}

void User::setAway(const QString &text)
{
    if (!m_away || text != m_awayText)
        m_awayTold.clear();
    m_away = true;
    m_awayText = text;
    emit changed({});
}

void User::setInvisible(bool invisible)
{
    if (std::exchange(m_invisible, invisible) != invisible)
        emit changed({});
}

void User::setBack()
{
    m_away = false;
    m_awayText.clear();
    m_awayTold.clear();
    emit changed({});
}

bool User::tellAway(quint64 senderId)
{
    if (!m_away || m_awayTold.contains(senderId))
        return false;
    m_awayTold.insert(senderId);
    return true;
}

void User::rememberDropPoint(const QHash<const Room *, quint64> &seqs, quint64 privateId)
{
    m_seqAtDrop = seqs;
    m_privateIdAtDrop = privateId;
}

void User::send(const Event &event, const Endpoint *labelled, const QString &label, bool actor)
{
    for (Endpoint *endpoint : std::as_const(m_endpoints))
        endpoint->send(event, endpoint == labelled ? label : QString(), actor);
}

void User::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_graceTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_graceTimer.stop();
    // Called last: it ends the person (this object is deleted later).
    if (isReconnecting() && m_graceExpired)
        std::exchange(m_graceExpired, nullptr)();
}
