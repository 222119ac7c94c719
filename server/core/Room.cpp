// SPDX-License-Identifier: MIT
#include "core/Room.h"

#include "Event.h"
#include "session/Session.h"
#include "core/SharedRenderings.h"

#include <QHash>

Room::Room(const QString &name, qsizetype presenceLimit, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_presenceLimit(presenceLimit)
{
}

Event Room::usersEvent() const
{
    const qsizetype listed = std::min(m_members.size(), m_presenceLimit);
    QStringList nicks;
    nicks.reserve(listed);
    for (qsizetype i = 0; i < listed; ++i)
        nicks.append(m_members[i]->nick());
    return Event::users(m_name, m_members.size(), nicks);
}

void Room::sendUsersToPrograms(const QSet<const Session *> &skip)
{
    const Event users = usersEvent();
    SharedRenderings shared;
    for (Session *member : std::as_const(m_members)) {
        const Rendering &rendering = member->rendering();
        if (!rendering.tagged || skip.contains(member))
            continue;
        member->sendRendered(
            shared.bytesFor(rendering, 0, [&] { return rendering.render(users); }));
    }
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
    Event own = Event::join(m_name, session->nick());
    own.label = label;
    session->sendRendered(session->rendering().forActor(true).render(own));
    // The others hear of it together with whoever else arrives before the event loop comes
    // round: when many people log in at once, one line instead of one per arrival.
    if (m_arrivals.isEmpty())
        QMetaObject::invokeMethod(this, &Room::announceArrivals, Qt::QueuedConnection);
    m_arrivals.append({session, session->nick()});
    emit entered(session->nick());
}

void Room::announceArrivals()
{
    if (m_arrivals.isEmpty())
        return;
    const QList<Arrival> arrivals = std::exchange(m_arrivals, {});
    if (isCrowded()) {
        // The newcomers got the list when they entered; the others learn that it is now partial.
        if (!std::exchange(m_wasCrowded, true)) {
            QSet<const Session *> newcomers;
            for (const Arrival &arrival : arrivals)
                newcomers.insert(arrival.session);
            sendUsersToPrograms(newcomers);
        }
        return;
    }
    QHash<const Session *, qsizetype> arrivedAt;
    for (qsizetype i = 0; i < arrivals.size(); ++i)
        arrivedAt.insert(arrivals[i].session, i);

    // Each member hears of those who came after it: everyone earlier hears of all of them,
    // so they share one rendering; each newcomer hears of those after itself.
    SharedRenderings shared;
    for (Session *member : std::as_const(m_members)) {
        const qsizetype first = arrivedAt.value(member, -1) + 1;
        if (first >= arrivals.size())
            continue;
        const Rendering &rendering = member->rendering();
        member->sendRendered(shared.bytesFor(rendering, first, [&] {
            QStringList nicks;
            for (qsizetype i = first; i < arrivals.size(); ++i)
                nicks.append(arrivals[i].nick);
            return rendering.render(nicks.size() == 1 ? Event::join(m_name, nicks.first())
                                                      : Event::joins(m_name, nicks));
        }));
    }
}

void Room::leave(Session *session, const QString &reason, bool tellLeaver, const QString &label)
{
    // Whoever arrived is announced before the departure.
    announceArrivals();
    if (!m_members.removeOne(session))
        return;
    session->setRoom(nullptr);
    Event event = Event::leave(m_name, session->nick(), reason);
    if (!isCrowded()) {
        if (std::exchange(m_wasCrowded, false))
            sendUsersToPrograms(); // the whole list again, instead of the departure
        else
            broadcast(event, nullptr);
    }
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
    // Whoever arrived is announced before anything that happens after the arrival.
    announceArrivals();

    SharedRenderings shared;
    for (Session *member : std::as_const(m_members)) {
        const bool isActor = member == actor;
        const Rendering rendering = member->rendering().forActor(isActor);
        if (isActor && !actorLabel.isEmpty()) {
            Event labelled = event;
            labelled.label = actorLabel;
            member->sendRendered(rendering.render(labelled));
            continue;
        }
        member->sendRendered(
            shared.bytesFor(rendering, 0, [&] { return rendering.render(event); }));
    }
}
