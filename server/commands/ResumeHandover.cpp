// SPDX-License-Identifier: MIT
#include "commands/ResumeHandover.h"

#include "cluster/Bus.h"
#include "cluster/ClusterEvent.h"
#include "cluster/RedisBus.h"
#include "commands/ChatContext.h"
#include "config/ServerLog.h"
#include "core/Clock.h"
#include "core/PresenceFeed.h"
#include "core/Room.h"
#include "core/User.h"
#include "security/ResumeTokens.h"
#include "session/Session.h"

#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

ResumeHandover::ResumeHandover(ChatContext &chat, QObject *parent)
    : QObject(parent)
    , m_chat(chat)
{
}

void ResumeHandover::setBus(Bus *bus)
{
    if (m_bus)
        disconnect(m_bus, nullptr, this, nullptr);
    m_bus = bus;
    if (m_bus)
        connect(m_bus, &Bus::missedLines, this, &ResumeHandover::askAgain);
}

void ResumeHandover::ask(const QString &token, Taken taken)
{
    quint64 number = 0;
    // 63 bits: the bus carries numbers as signed integers.
    while (number == 0 || m_asks.contains(number))
        number = QRandomGenerator::system()->generate64() >> 1;
    const QByteArray digest = ResumeTokens::digest(token);
    m_asks.insert(number, {digest, std::move(taken)});
    m_bus->publish(ClusterEvent::resumeAsked(number, digest));
    QTimer::singleShot(m_answerTimeoutMs, this, [this, number] { answered(number, nullptr); });
}

void ResumeHandover::askAgain()
{
    for (auto it = m_asks.cbegin(); it != m_asks.cend(); ++it)
        m_bus->publish(ClusterEvent::resumeAsked(it.key(), it->token));
}

void ResumeHandover::answered(quint64 ask, User *user)
{
    const Asked asked = m_asks.take(ask);
    if (asked.taken)
        asked.taken(user);
}

void ResumeHandover::arrived(const ClusterEvent &event)
{
    if (event.type == ClusterEvent::Type::ResumeAsk)
        return give(event);
    if (event.type != ClusterEvent::Type::ResumeGive || !m_asks.contains(event.handover.ask))
        return; // another node's ask, or one that gave up waiting
    answered(event.handover.ask, take(event.handover));
}

void ResumeHandover::give(const ClusterEvent &ask)
{
    const qint64 nowMs = m_chat.clock().nowMs();
    for (auto it = m_given.begin(); it != m_given.end();)
        it = nowMs - it->atMs > GivenKeptMs ? m_given.erase(it) : std::next(it);
    if (const auto again = m_given.constFind(ask.handover.ask); again != m_given.cend()) {
        // The answer may have been lost: the same again (the person is gone from here).
        if (m_bus && again->handover.token == ask.handover.token)
            m_bus->publish(ClusterEvent::resumeGiven(again->handover));
        return;
    }
    User *user = m_chat.tokens().findDigest(ask.handover.token);
    const QByteArray node = RedisBus::nodeOf(ask.origin);
    if (!user || node.isEmpty() || !m_bus)
        return;
    const bool reconnecting = user->isReconnecting();
    ClusterHandover handover;
    handover.ask = ask.handover.ask;
    handover.token = ask.handover.token;
    handover.person = PresenceFeed::stateOf(user);
    for (Room *room : user->rooms()) {
        // Someone still connected here has seen everything up to now.
        handover.seqsAtDrop.append(
            {room->id(), reconnecting ? user->seqAtDrop(room) : room->lastSeq()});
        if (const RoomRoles::Role role = room->roles().role(user); role != RoomRoles::Role::Member)
            handover.roles.append({room->id(), int(role)});
    }
    handover.privateIdAtDrop =
        reconnecting ? user->privateIdAtDrop() : m_chat.log().lastPrivateId();
    qCInfo(lcServer, "cluster: %s resumes on node %s", qUtf8Printable(user->nick()),
           node.constData());

    // In this order on the one connection to the engine: the name, the move, the person.
    m_chat.names().handOver(user->nick(), ask.origin);
    user->handOver(node);
    m_bus->publish(ClusterEvent::resumeGiven(handover));
    m_given.insert(handover.ask, {handover, nowMs});

    const QList<Session *> sessions = m_chat.sessionsOf(user);
    for (Session *session : sessions) {
        user->detach(session);
        session->closeWithBye(u"resumed"_s);
    }
    m_chat.handOverPerson(user);
    m_chat.directory().remote().adopt(node, handover.person);
}

User *ResumeHandover::take(const ClusterHandover &handover)
{
    const ClusterPerson &person = handover.person;
    m_chat.directory().remote().forget(person.id);
    if (User *holder = m_chat.directory().holderOf(person.nick)) {
        // Cannot be while the name's claim is the cluster's to give; if it were, the one here
        // keeps it and the resume fails rather than hold one name twice.
        qCWarning(lcServer, "cluster: %s came from another node but is here already",
                  qUtf8Printable(holder->nick()));
        return nullptr;
    }
    User *user = m_chat.adoptPerson(person.nick, person.id);
    user->setAccount(person.account);
    if (person.away)
        user->setAway(person.awayText);
    user->setInvisible(person.invisible);
    QHash<const Room *, quint64> seqs;
    for (qint64 id : person.rooms) {
        Room *room = m_chat.directory().roomById(id);
        if (!room || room->isPending())
            continue; // gone meanwhile, or not known here yet
        room->place(user);
        for (const auto &[roomId, seq] : handover.seqsAtDrop) {
            if (roomId == id)
                seqs.insert(room, seq);
        }
        for (const auto &[roomId, role] : handover.roles) {
            if (roomId == id && role > int(RoomRoles::Role::Member) &&
                role <= int(RoomRoles::Role::Owner))
                room->roles().setRole(user, RoomRoles::Role(role));
        }
    }
    user->rememberDropPoint(seqs, handover.privateIdAtDrop);
    m_chat.tokens().adopt(handover.token, user);
    return user;
}
