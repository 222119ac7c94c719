// SPDX-License-Identifier: MIT
#include "Room.h"

#include "Event.h"
#include "Session.h"

#include <QVarLengthArray>

Room::Room(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{
}

QStringList Room::memberNicks() const
{
    QStringList nicks;
    nicks.reserve(m_members.size());
    for (const Session *member : m_members)
        nicks.append(member->nick());
    return nicks;
}

void Room::setTopic(const QString &topic, const QString &setter)
{
    m_topic = topic;
    m_topicSetter = setter;
}

void Room::enter(Session *session, const QString &label)
{
    m_members.append(session);
    session->setRoom(this);
    broadcast(Event::join(m_name, session->nick()), session, label);
    emit entered(session->nick());
}

void Room::leave(Session *session, const QString &reason, bool tellLeaver, const QString &label)
{
    if (!m_members.removeOne(session))
        return;
    session->setRoom(nullptr);
    Event event = Event::leave(m_name, session->nick(), reason);
    broadcast(event, nullptr);
    if (tellLeaver) {
        event.label = label;
        session->sendRendered(session->rendering().forActor(true).render(event));
    }
    emit left(session->nick(), reason);
}

void Room::remove(Session *session)
{
    if (m_members.removeOne(session))
        session->setRoom(nullptr);
}

void Room::broadcast(const Event &event, const Session *actor, const QString &actorLabel)
{
    // Members share a handful of renderings (text or tagged, with or without timestamps), so
    // each is rendered once however many members there are.
    struct Rendered
    {
        Rendering rendering;
        QByteArray bytes;
    };
    QVarLengthArray<Rendered, 4> cache;
    for (Session *member : std::as_const(m_members)) {
        const bool isActor = member == actor;
        Rendering rendering = member->rendering().forActor(isActor);
        if (isActor && !actorLabel.isEmpty()) {
            Event labelled = event;
            labelled.label = actorLabel;
            member->sendRendered(rendering.render(labelled));
            continue;
        }
        auto it = std::find_if(cache.begin(), cache.end(),
                               [&](const Rendered &r) { return r.rendering == rendering; });
        if (it == cache.end()) {
            cache.append({rendering, rendering.render(event)});
            it = cache.end() - 1;
        }
        member->sendRendered(it->bytes);
    }
}
