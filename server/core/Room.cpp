// SPDX-License-Identifier: MIT
#include "core/Room.h"

#include "Event.h"
#include "core/Endpoint.h"
#include "core/RemotePerson.h"
#include "core/RenderingCatalog.h"
#include "core/SharedRenderings.h"
#include "core/User.h"

#include <QHash>
#include <QVarLengthArray>

#include <vector>

using namespace Qt::StringLiterals;

Room::Room(qint64 id, const QString &name, qsizetype presenceLimit, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_name(name)
    , m_presenceLimit(presenceLimit)
{
}

Event Room::usersEvent(bool withDetails) const
{
    const qsizetype listed = std::min(memberCount(), m_presenceLimit);
    QStringList pairs;
    pairs.reserve(listed * 2);
    QStringList details;
    // The room's own flags (owner, op, muted), then the person's (away, reconnecting).
    const auto joined = [](const QString &roomFlags, const QString &personFlags) {
        return roomFlags.isEmpty() || personFlags.isEmpty() ? roomFlags + personFlags
                                                            : roomFlags + u',' + personFlags;
    };
    for (qsizetype i = 0; i < std::min(m_members.size(), listed); ++i) {
        pairs << m_members[i]->nick() << joined(m_roles.flags(m_members[i]), m_members[i]->flags());
        if (withDetails)
            details << m_members[i]->details();
    }
    const bool anyRoomFlags = !m_roles.isEmpty();
    for (qsizetype i = 0; i < listed - m_members.size(); ++i) {
        pairs << m_remote[i]->nick
              << joined(anyRoomFlags ? m_roles.flags(m_remote[i]->key()) : QString(),
                        m_remote[i]->flags());
        if (withDetails)
            details << m_remote[i]->details();
    }
    Event users = Event::users(m_name, memberCount(), pairs);
    users.details = details;
    if (m_modes.isOn(RoomModes::Rule::Secret))
        users.text = Event::SecretRoom;
    return users;
}

void Room::sendUsersToPrograms(const QSet<const User *> &skip)
{
    const Event users = usersEvent();
    SharedRenderings shared;
    for (User *member : std::as_const(m_members)) {
        if (skip.contains(member))
            continue;
        for (Endpoint *endpoint : member->endpoints()) {
            const Rendering &rendering = endpoint->rendering();
            if (rendering.tagged)
                endpoint->sendRendered(
                    shared.bytesFor(rendering, 0, [&] { return rendering.render(users); }));
        }
    }
}

void Room::setPresenceLimit(qsizetype presenceLimit)
{
    announceArrivals(); // under the limit they came in with
    m_presenceLimit = presenceLimit;
    if (isCrowded() != m_wasCrowded) {
        m_wasCrowded = isCrowded();
        sendUsersToPrograms();
    }
}

void Room::setTopic(const QString &topic, const QString &setter, const QDateTime &time)
{
    m_topic = topic;
    m_topicSetter = setter;
    m_topicTime = time;
}

void Room::enter(User *user, const Endpoint *actor, const QString &label)
{
    place(user);
    Event joined = Event::join(m_name, user->nick());
    joined.accounts = {user->account()};
    joined.details = user->details();
    user->send(joined, actor, label, true);
    // The others hear of it together with whoever else arrives before the event loop comes
    // round: when many people log in at once, one line instead of one per arrival.
    if (m_arrivals.isEmpty())
        QMetaObject::invokeMethod(this, &Room::announceArrivals, Qt::QueuedConnection);
    m_arrivals.append({user, user->nick()});
    emit entered(user->nick());
}

void Room::announceArrivals()
{
    if (m_arrivals.isEmpty())
        return;
    const QList<Arrival> arrivals = std::exchange(m_arrivals, {});
    if (isCrowded()) {
        // The newcomers got the list when they entered; the others learn that it is now partial.
        if (!std::exchange(m_wasCrowded, true)) {
            QSet<const User *> newcomers;
            for (const Arrival &arrival : arrivals)
                newcomers.insert(arrival.user);
            sendUsersToPrograms(newcomers);
        }
        return;
    }
    QHash<const User *, qsizetype> arrivedAt;
    for (qsizetype i = 0; i < arrivals.size(); ++i)
        arrivedAt.insert(arrivals[i].user, i);

    // Each member hears of those who came after it: everyone earlier hears of all of them,
    // so they share one rendering; each newcomer hears of those after itself.
    SharedRenderings shared;
    for (User *member : std::as_const(m_members)) {
        const qsizetype first = arrivedAt.value(member, -1) + 1;
        if (first >= arrivals.size())
            continue;
        for (Endpoint *endpoint : member->endpoints()) {
            const Rendering &rendering = endpoint->rendering();
            endpoint->sendRendered(shared.bytesFor(rendering, first, [&] {
                QStringList nicks;
                QStringList accounts;
                QStringList details;
                for (qsizetype i = first; i < arrivals.size(); ++i) {
                    nicks.append(arrivals[i].nick);
                    accounts.append(arrivals[i].user->account());
                    details.append(arrivals[i].user->details());
                }
                Event event = nicks.size() == 1 ? Event::join(m_name, nicks.first())
                                                : Event::joins(m_name, nicks);
                event.accounts = accounts;
                event.details = details;
                QByteArray bytes = rendering.render(event);
                // Who arrives away is away here too: the flag comes with the arrival.
                for (qsizetype i = first; i < arrivals.size(); ++i) {
                    const User *arrived = arrivals[i].user;
                    if (arrived->isAway())
                        bytes += rendering.render(Event::presence(
                            m_name, arrivals[i].nick, Event::AwayState, arrived->awayText()));
                }
                return bytes;
            }));
        }
    }
}

bool Room::takeOut(User *user, const QString &reason)
{
    if (!m_members.removeOne(user))
        return false;
    m_readers.removeIf([user](const Reader &reader) { return reader.member == user; });
    user->removeRoom(this, reason);
    m_roles.left(user);
    return true;
}

void Room::leave(User *user, const QString &reason, bool tellLeaver, const Endpoint *actor,
                 const QString &label, const QString &words)
{
    // Whoever arrived is announced before the departure.
    announceArrivals();
    if (!takeOut(user, reason))
        return;
    const Event event = Event::leave(m_name, user->nick(), reason, words);
    if (!isCrowded()) {
        if (std::exchange(m_wasCrowded, false))
            sendUsersToPrograms(); // the whole list again, instead of the departure
        else
            broadcast(event, nullptr);
    }
    if (tellLeaver)
        user->send(event, actor, label, true);
    emit left(user->nick(), reason);
}

void Room::quit(User *user, const QString &reason, const QString &words,
                QSet<const Endpoint *> &toldIrc)
{
    announceArrivals();
    if (!takeOut(user, reason))
        return;
    if (!isCrowded()) {
        if (std::exchange(m_wasCrowded, false))
            sendUsersToPrograms();
        else
            tellMembers(Event::leave(m_name, user->nick(), reason, words), nullptr, &toldIrc);
    }
    emit left(user->nick(), reason);
}

void Room::remove(User *user)
{
    takeOut(user, Event::ShutdownReason);
}

void Room::announcePresence(const User *user, const QString &state, const QString &awayText,
                            QSet<const Endpoint *> *toldIrc)
{
    tellPresence(user, user->nick(), state, awayText, toldIrc);
}

void Room::tellPresence(const User *skip, const QString &nick, const QString &state,
                        const QString &awayText, QSet<const Endpoint *> *toldIrc)
{
    if (isCrowded())
        return;
    announceArrivals();
    tellMembers(Event::presence(m_name, nick, state, awayText), skip, toldIrc);
}

void Room::tellMembers(const Event &event, const User *skip, QSet<const Endpoint *> *toldIrc)
{
    SharedRenderings shared;
    for (User *member : std::as_const(m_members)) {
        if (member == skip)
            continue; // the person knows
        for (Endpoint *endpoint : member->endpoints()) {
            const Rendering &rendering = endpoint->rendering();
            if (toldIrc && rendering.irc.enabled) {
                if (toldIrc->contains(endpoint))
                    continue;
                toldIrc->insert(endpoint);
            }
            endpoint->sendRendered(
                shared.bytesFor(rendering, 0, [&] { return rendering.render(event); }));
        }
    }
}

void Room::enterRemote(RemotePerson *person)
{
    announceArrivals();
    placeRemote(person);
    Event joined = Event::join(m_name, person->nick);
    joined.accounts = {person->account};
    tellRemoteChange(joined);
    if (person->away)
        announceRemotePresence(person, Event::AwayState, person->awayText);
}

void Room::leaveRemote(RemotePerson *person, const QString &reason, QSet<const Endpoint *> *toldIrc)
{
    announceArrivals();
    if (!unplaceRemote(person))
        return;
    m_roles.left(person->key());
    const Event news = Event::leave(m_name, person->nick, reason);
    if (toldIrc && !isCrowded() && !m_wasCrowded)
        return tellMembers(news, nullptr, toldIrc);
    tellRemoteChange(news);
}

void Room::place(User *user)
{
    m_members.append(user);
    for (Endpoint *endpoint : user->endpoints())
        m_readers.append({user, endpoint});
    user->addRoom(this);
}

void Room::placeRemote(RemotePerson *person)
{
    m_remote.append(person);
    person->rooms.append(this);
}

bool Room::unplaceRemote(RemotePerson *person)
{
    if (!m_remote.removeOne(person))
        return false;
    person->rooms.removeOne(this);
    return true;
}

void Room::tellRemoteChange(const Event &news)
{
    if (isCrowded() != m_wasCrowded) {
        m_wasCrowded = isCrowded();
        sendUsersToPrograms(); // the whole list again, instead of the news
    } else if (!isCrowded()) {
        broadcast(news, nullptr);
    }
}

void Room::announceRemotePresence(const RemotePerson *person, const QString &state,
                                  const QString &awayText)
{
    tellPresence(nullptr, person->nick, state, awayText, nullptr);
}

void Room::broadcast(const Event &event, const User *actor, const Endpoint *actorEndpoint,
                     const QString &actorLabel)
{
    if (BroadcastBatch *batch = BroadcastBatch::gathering()) {
        batch->add(this, {event, actor, actorEndpoint, actorLabel});
        return;
    }
    broadcastLine(event, actor, actorEndpoint, actorLabel);
}

void Room::broadcastLines(const QList<BroadcastBatch::Line> &lines)
{
    if (lines.size() == 1) {
        const BroadcastBatch::Line &line = lines.first();
        return broadcastLine(line.event, line.actor, line.actorEndpoint, line.actorLabel);
    }
    announceArrivals();
    QSet<const User *> actors;
    for (const BroadcastBatch::Line &line : lines) {
        if (line.actor)
            actors.insert(line.actor);
    }
    // Each line's bytes by rendering, and all of them together by rendering.
    std::vector<SharedRenderings> each(size_t(lines.size()));
    SharedRenderings together;
    QVarLengthArray<const Reader *, 32> authors;
    const quint64 firstSeq = lines.first().event.seq;
    for (const Reader &reader : std::as_const(m_readers)) {
        if (actors.contains(reader.member)) {
            authors.append(&reader);
            continue;
        }
        Endpoint *endpoint = reader.endpoint;
        const Rendering &rendering = endpoint->rendering();
        const QByteArray &bytes = together.bytesFor(rendering, 0, [&] {
            QByteArray all;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                all += each[size_t(i)].bytesFor(rendering, 0,
                                                [&] { return rendering.render(lines[i].event); });
            }
            return all;
        });
        endpoint->sendLines(bytes, m_id, firstSeq, lines.size());
    }
    // Whoever said some of them reads them line by line, as broadcastLine() sends each.
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const BroadcastBatch::Line &line = lines[i];
        SharedRenderings &shared = each[size_t(i)];
        bool actorTold = false;
        for (const Reader *reader : std::as_const(authors)) {
            if (reader->member == line.actor) {
                if (!std::exchange(actorTold, true))
                    sendToActor(line.event, line.actor, shared, line.actorEndpoint,
                                line.actorLabel);
                continue;
            }
            const Rendering &rendering = reader->endpoint->rendering();
            reader->endpoint->sendLine(
                shared.bytesFor(rendering, 0, [&] { return rendering.render(line.event); }), m_id,
                line.event.seq);
        }
    }
}

void Room::broadcastLine(const Event &event, const User *actor, const Endpoint *actorEndpoint,
                         const QString &actorLabel)
{
    // Whoever arrived is announced before anything that happens after the arrival.
    announceArrivals();

    SharedRenderings shared;
    bool actorTold = false;
    for (const Reader &reader : std::as_const(m_readers)) {
        if (reader.member == actor) {
            if (!std::exchange(actorTold, true))
                sendToActor(event, actor, shared, actorEndpoint, actorLabel);
            continue;
        }
        // Per connection only what must be: the bytes are shared by rendering, and a reader's
        // own rendering is already the bystander's form.
        Endpoint *endpoint = reader.endpoint;
        const Rendering &rendering = endpoint->rendering();
        endpoint->sendLine(shared.bytesFor(rendering, 0, [&] { return rendering.render(event); }),
                           m_id, event.seq);
    }
}

void Room::attached(User *member, Endpoint *endpoint)
{
    m_readers.append({member, endpoint});
}

void Room::detached(Endpoint *endpoint)
{
    m_readers.removeIf([endpoint](const Reader &reader) { return reader.endpoint == endpoint; });
}

void Room::sendToActor(const Event &event, const User *actor, SharedRenderings &shared,
                       const Endpoint *actorEndpoint, const QString &actorLabel)
{
    for (Endpoint *endpoint : actor->endpoints()) {
        const Rendering &rendering = RenderingCatalog::intern(endpoint->rendering().forActor(true));
        if (endpoint == actorEndpoint && !actorLabel.isEmpty()) {
            Event labelled = event;
            labelled.label = actorLabel;
            endpoint->sendLine(rendering.render(labelled), m_id, event.seq,
                               Endpoint::LineFor::Reply);
            continue;
        }
        endpoint->sendLine(shared.bytesFor(rendering, 0, [&] { return rendering.render(event); }),
                           m_id, event.seq, Endpoint::LineFor::Actor);
    }
}
