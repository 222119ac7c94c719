// SPDX-License-Identifier: MIT
#include "commands/CommandProcessor.h"

#include "cluster/ClusterEvent.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

CommandProcessor::CommandProcessor(const ServerConfig &config, Store &store, ServerMetrics &metrics,
                                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_chat(config, store, metrics, clock)
    , m_accountCommands(m_chat)
    , m_access(m_chat, m_accountCommands)
    , m_rooms(m_chat)
    , m_messages(m_chat)
    , m_moderation(m_chat)
    , m_bans(m_chat, m_moderation)
    , m_roomRules(m_chat, m_moderation)
    , m_admin(m_chat)
    , m_settings(m_chat)
{
    m_chat.setEntryCheck(
        [this](Session *session, const Room *room) { return entryRefusal(session, room); });
    auto logRoom = [](Room *room) {
        connect(room, &Room::entered, room, [room](const QString &nick) {
            qCInfo(lcServer, "%s entered %s", qUtf8Printable(nick), qUtf8Printable(room->name()));
        });
        connect(room, &Room::left, room, [room](const QString &nick, const QString &reason) {
            qCInfo(lcServer, "%s left %s (%s)", qUtf8Printable(nick), qUtf8Printable(room->name()),
                   qUtf8Printable(reason));
        });
    };
    for (Room *room : m_chat.directory().rooms())
        logRoom(room);
    connect(&m_chat.directory(), &Directory::roomAdded, this, logRoom);
}

CommandProcessor::~CommandProcessor()
{
    // Sessions are the server's children and may outlive us by a moment.
    for (Session *session : std::as_const(m_chat.sessions()))
        session->setHandler(nullptr);
}

void CommandProcessor::addSession(Session *session)
{
    session->setHandler(this);
    m_chat.sessions().append(session);
    session->send(Event::welcome(m_chat.config().displayName()));
}

void CommandProcessor::reconfigure()
{
    m_chat.reconfigure();
    m_chat.directory().setPresenceLimit(m_chat.config().presenceLimit);
    const QList<Session *> sessions = m_chat.sessions();
    for (Session *session : sessions)
        session->reconfigure();
}

void CommandProcessor::shutdown()
{
    // Everyone hears the news before anyone is disconnected, and nobody is told about each
    // departure that follows.
    m_chat.setShuttingDown();
    const QList<Session *> sessions = m_chat.sessions();
    for (Session *session : sessions)
        session->send(Event::bye(u"shutdown"_s));
    for (Session *session : sessions)
        session->close(u"shutdown"_s);
}

void CommandProcessor::commandReceived(Session *session, const Command &command)
{
    const bool loggedIn = session->state() == Session::State::LoggedIn;
    switch (command.spec().availability) {
    case Availability::LoggedIn:
        if (!loggedIn)
            return m_chat.fail(session, command, ErrorCode::NotLoggedIn);
        break;
    case Availability::BeforeLogin:
        if (loggedIn)
            return m_chat.fail(session, command, ErrorCode::AlreadyLoggedIn, session->nick());
        break;
    case Availability::Always:
        break;
    }
    if (loggedIn && Permissions::governsServer(command.type())) {
        const ErrorCode refusal =
            Permissions::checkServer(command.type(), m_chat.isAdministrator(session->user()));
        if (refusal != ErrorCode::None)
            return m_chat.fail(session, command, refusal, command.word());
    }
    // A note or tags to one person are like a private message: no room's rules govern them.
    // Tags alone (typing, a reaction) are speech, under the rules of what is said.
    if (Permissions::governs(command.type()) && !command.isToPerson()) {
        const bool says = command.type() == CommandType::Say || command.type() == CommandType::Me ||
                          command.type() == CommandType::Note ||
                          command.type() == CommandType::Tagmsg;
        Room *room =
            says ? m_chat.sayingRoom(session, command) : m_chat.targetRoom(session, command);
        if (!room)
            return;
        Permissions::Situation situation;
        situation.topicLocked = room->modes().isOn(RoomModes::Rule::TopicLock);
        situation.moderated = room->modes().isOn(RoomModes::Rule::Moderated);
        situation.changes = !command.arguments().isEmpty();
        // Bans keep people out; one who speaks from outside is checked as they would enter.
        situation.banned =
            says && !session->user()->isIn(room) && m_bans.catches(room, session->user(), session);
        // Only commands that name someone: what is said is not compared.
        situation.onSelf = command.names(session->nick());
        const ErrorCode refusal = Permissions::check(
            command.type(), m_moderation.standing(room, session->user()), situation);
        if (refusal != ErrorCode::None)
            return m_chat.fail(session, command, refusal, room->name());
    }
    if (command.type() == CommandType::Join && loggedIn) {
        QString room;
        const ErrorCode refusal = entryRefusal(session, command, &room);
        if (refusal != ErrorCode::None)
            return m_chat.fail(session, command, refusal, room);
        dispatch(session, command);
        // An invitation lets its person in once.
        if (Room *entered = m_chat.directory().room(room);
            entered && session->user() && session->user()->isIn(entered))
            m_roomRules.entered(session, entered);
        return;
    }
    dispatch(session, command);
}

ErrorCode CommandProcessor::entryRefusal(Session *session, const Command &command, QString *name)
{
    // A room that is not there, or that the person is in already, is join's to answer.
    QString word = command.argument(0);
    if (word.startsWith(u'#'))
        word.remove(0, 1);
    const Room *room = m_chat.directory().room(word);
    if (!room || room->isPending() || session->user()->isIn(room))
        return ErrorCode::None;
    *name = room->name();
    return entryRefusal(session, room, command.argument(1));
}

ErrorCode CommandProcessor::entryRefusal(Session *session, const Room *room, const QString &key)
{
    User *user = session->user();
    const RoomModes &modes = room->modes();
    const bool invited = modes.isInvited(RoomRoles::keyOf(user));
    Permissions::Entry entry;
    entry.standing = m_moderation.rank(room, user);
    entry.banned = m_bans.catches(room, user, session);
    entry.uninvited =
        modes.isOn(RoomModes::Rule::InviteOnly) && !invited && !m_bans.allows(room, user, session);
    entry.keyless = !modes.opensWith(key) && !invited;
    entry.full = modes.isFull(room->memberCount()) && !invited;
    entry.unregistered = modes.isOn(RoomModes::Rule::RegisteredOnly) && user->account().isEmpty();
    return Permissions::checkEntry(entry);
}

void CommandProcessor::dispatch(Session *session, const Command &command)
{
    using T = CommandType;
    switch (command.type()) {
    case T::Login:
        return m_access.login(session, command);
    case T::Pass:
        return m_access.pass(session, command);
    case T::Resume:
        return m_access.resume(session, command);
    case T::Logout:
        return m_access.logout(session, command);
    case T::Nick:
        return m_access.nick(session, command);
    case T::Say:
        return m_messages.say(session, command);
    case T::Me:
        return m_messages.me(session, command);
    case T::Msg:
        return m_messages.msg(session, command);
    case T::Note:
        return m_messages.note(session, command);
    case T::Tagmsg:
        return m_messages.tagmsg(session, command);
    case T::History:
        return m_messages.history(session, command);
    case T::Look:
        return m_rooms.look(session, command);
    case T::Who:
        return m_rooms.who(session, command);
    case T::List:
        return m_rooms.list(session, command);
    case T::Create:
        return m_rooms.create(session, command);
    case T::Join:
        return m_rooms.join(session, command);
    case T::Leave:
        return m_rooms.leave(session, command);
    case T::Switch:
        return m_rooms.switchTo(session, command);
    case T::Topic:
        return m_rooms.topic(session, command);
    case T::Help:
        return m_settings.help(session, command);
    case T::Set:
        return m_settings.set(session, command);
    case T::Ping:
        return m_settings.ping(session, command);
    case T::Pong:
        return m_settings.pong(session, command);
    case T::Register:
        return m_accountCommands.registerNick(session, command);
    case T::Identify:
        return m_accountCommands.identify(session, command);
    case T::Password:
        return m_accountCommands.password(session, command);
    case T::Unregister:
        return m_accountCommands.unregister(session, command);
    case T::Op:
        return m_moderation.op(session, command);
    case T::Deop:
        return m_moderation.deop(session, command);
    case T::Kick:
        return m_moderation.kick(session, command);
    case T::Mute:
        return m_moderation.mute(session, command);
    case T::Voice:
        return m_moderation.voice(session, command);
    case T::Devoice:
        return m_moderation.devoice(session, command);
    case T::Unmute:
        return m_moderation.unmute(session, command);
    case T::Ban:
        return m_bans.ban(session, command);
    case T::Unban:
        return m_bans.unban(session, command);
    case T::Bans:
        return m_bans.bans(session, command);
    case T::Allow:
        return m_bans.allow(session, command);
    case T::Disallow:
        return m_bans.disallow(session, command);
    case T::Allowed:
        return m_bans.allowed(session, command);
    case T::Exempt:
        return m_bans.exempt(session, command);
    case T::Unexempt:
        return m_bans.unexempt(session, command);
    case T::Exempted:
        return m_bans.exempted(session, command);
    case T::Invite:
        return m_roomRules.invite(session, command);
    case T::Rule:
        return m_roomRules.rule(session, command);
    case T::Away:
        return m_settings.away(session, command);
    case T::Back:
        return m_settings.back(session, command);
    case T::Notice:
        return m_admin.notice(session, command);
    case T::Wallops:
        return m_admin.wallops(session, command);
    case T::Disconnect:
        return m_admin.disconnect(session, command);
    case T::Close:
        return m_admin.close(session, command);
    case T::Modlog:
        return m_moderation.modlog(session, command);
    case T::Conversations:
        return m_messages.conversations(session, command);
    case T::Whowas:
        return m_rooms.whowas(session, command);
    case T::Oper:
        return m_accountCommands.oper(session, command);
    }
}

void CommandProcessor::publishOn(Bus *bus)
{
    m_chat.setBus(bus);
}

void CommandProcessor::applyStored(const ClusterEvent &event)
{
    using Type = ClusterEvent::Type;
    if (event.type == Type::Account) {
        if (event.removed)
            return m_chat.forgetAccount(event.storedAccount.key);
        return m_chat.accounts().put(event.storedAccount);
    }
    const qint64 roomId = event.type == Type::Sanction ? event.sanction.roomId
                          : event.type == Type::Role   ? event.role.roomId
                                                       : event.moderation.roomId;
    Room *room = m_chat.directory().roomById(roomId);
    if (!room)
        return;
    if (event.type == Type::Role)
        return m_chat.roomRules().apply(room, event.role, event.removed);
    if (event.type == Type::Sanction) {
        m_chat.roomRules().apply(room, event.sanction, event.removed);
        if (event.removed)
            return;
        if (event.sanction.kind == StoredSanction::Kind::Ban)
            m_bans.bannedElsewhere(room, event.sanction);
        if (event.sanction.until.isValid())
            m_chat.sanctionExpiry().schedule();
        return;
    }
    if (event.type != Type::Moderation)
        return;
    const StoredModeration &act = event.moderation;
    m_chat.moderationLog().remember(act);
    const Event news =
        ModerationLog::announcement(room->name(), act, event.account, event.together, event.place);
    for (User *member : room->members())
        member->send(news);
    // What the act does to a person of this node, done here as the acting node does it to its
    // own: the kicked leave (having heard why), the invited hear of it.
    User *target = act.target.isEmpty() ? nullptr : m_chat.directory().user(act.target);
    if (!target)
        return;
    if (act.act == "kick"_L1 && target->isIn(room))
        room->leave(target, u"kick"_s, true);
    else if (act.act == "invite"_L1 && !target->isIn(room))
        target->send(news);
}

void CommandProcessor::resumeElsewhere(const ClusterEvent &event)
{
    m_chat.handover().arrived(event);
}

void CommandProcessor::administeredElsewhere(const ClusterEvent &event)
{
    m_admin.fromElsewhere(event);
}

void CommandProcessor::reclaimNames()
{
    m_chat.names().reclaim(m_chat.directory().users(), [this](User *user) {
        qCWarning(lcServer, "cluster: %s was taken on another node while this one was cut off",
                  qUtf8Printable(user->nick()));
        m_chat.disconnectPerson(user, u"collision"_s, u"lost"_s);
    });
}

void CommandProcessor::sessionClosed(Session *session, const QString &reason)
{
    qCInfo(lcServer, "#%llu disconnected (%s)", session->number(), qUtf8Printable(reason));
    m_chat.sessions().removeOne(session);
    m_chat.passwords().forget(session);
    m_access.forget(session);
    m_accountCommands.forget(session);
    m_chat.accountGate().forget(session);
    User *user = session->user();
    // A session replaced by a resume has already been let go of.
    if (!user || !user->endpoints().contains(session))
        return;
    user->detach(session);
    if (!user->isReconnecting())
        return; // another connection still carries the person
    const int graceMs = m_chat.config().resumeGraceSeconds * 1000;
    // A flood is closed on purpose: that person does not get their place kept.
    // Nor does someone an administrator disconnected.
    if (m_chat.isShuttingDown() || reason == "logout"_L1 || reason == "flood"_L1 ||
        reason == "disconnect"_L1 || reason == "collision"_L1 || graceMs <= 0) {
        m_chat.endPerson(user,
                         m_chat.isShuttingDown()     ? Event::ShutdownReason
                         : reason == "logout"_L1     ? Event::QuitReason
                         : reason == "disconnect"_L1 ? Event::DisconnectReason
                                                     : Event::LostReason,
                         reason == "logout"_L1 ? session->farewell() : QString());
        return;
    }
    m_chat.holdPlace(user, graceMs);
    // The person's place is held: the others see them reconnecting, and what is said meanwhile
    // waits in the store for their resume.
    QHash<const Room *, quint64> seqs;
    for (const Room *room : user->rooms())
        seqs.insert(room, room->lastSeq());
    user->rememberDropPoint(seqs, m_chat.log().lastPrivateId());
    qCInfo(lcServer, "%s is reconnecting", qUtf8Printable(user->nick()));
    for (Room *room : user->rooms())
        room->announcePresence(user, u"reconnecting"_s);
}
