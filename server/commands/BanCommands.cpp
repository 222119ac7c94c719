// SPDX-License-Identifier: MIT
#include "commands/BanCommands.h"

#include "NameRules.h"
#include "Protocol.h"
#include "commands/ChatContext.h"
#include "commands/Duration.h"
#include "commands/ModerationCommands.h"
#include "core/Clock.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"

using namespace Qt::StringLiterals;

BanCommands::BanCommands(ChatContext &chat, ModerationCommands &moderation)
    : m_chat(chat)
    , m_moderation(moderation)
{
}

QList<QHostAddress> BanCommands::addressesOf(const User *user, const Session *session) const
{
    QList<QHostAddress> addresses;
    if (session)
        addresses.append(session->peerAddress());
    for (const Session *other : m_chat.sessionsOf(user)) {
        if (other != session)
            addresses.append(other->peerAddress());
    }
    return addresses;
}

bool BanCommands::catches(const Room *room, const User *user, const Session *session) const
{
    return caughtBy(room->bans(), user, session) && !caughtBy(room->exempted(), user, session);
}

bool BanCommands::allows(const Room *room, const User *user, const Session *session) const
{
    return caughtBy(room->allowed(), user, session);
}

bool BanCommands::isFull(const MaskList &list, const QList<BanMask> &masks) const
{
    const qsizetype added = list.countNew(masks);
    return added > 0 && list.all().size() + added > m_chat.config().maxRoomMasks;
}

BanMask BanCommands::maskOf(Session *session, const Command &command) const
{
    const QString given = command.argument(0);
    const BanMask mask = BanMask::parse(given);
    if (given.isEmpty())
        m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                    QString::fromLatin1(command.spec().usage));
    else if (!mask.isValid())
        m_chat.fail(session, command, ErrorCode::BadMask, given);
    return mask;
}

bool BanCommands::caughtBy(const MaskList &list, const User *user, const Session *session) const
{
    // Most rooms have no such list: then no address list is made at every join.
    if (list.isEmpty())
        return false;
    return list.find(NameRules::key(user->nick()), user->account(), addressesOf(user, session),
                     m_chat.clock().nowMs()) != nullptr;
}

void BanCommands::ban(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    const BanMask mask = maskOf(session, command);
    if (!mask.isValid())
        return;

    // After the mask: a duration, a reason, or a duration and a reason. A duration of 0 is
    // for good, so that a reason may start with a number ("0 3 strikes").
    QString reason = command.argument(1);
    qint64 seconds = 0;
    const qsizetype space = reason.indexOf(u' ');
    const QString first = space < 0 ? reason : reason.left(space);
    if (Duration::looksLike(first)) {
        const std::optional<qint64> given =
            first == "0"_L1 ? std::optional<qint64>(0) : Duration::seconds(first, MaxBanSeconds);
        if (!given)
            return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                               QString::fromLatin1(command.spec().usage));
        seconds = *given;
        reason = space < 0 ? QString() : reason.sliced(space + 1).trimmed();
    }

    const User *actor = session->user();
    QList<BanMask> masks = {mask};
    QString target = mask.text();
    if (mask.kind() == BanMask::Kind::Nick) {
        const ModerationTarget named =
            ModerationTarget::find(m_chat.directory(), NameRules::normalized(command.argument(0)));
        if (named.exists()) {
            target = named.nick();
            // Nobody bans themselves or someone of their own standing or above.
            if (m_moderation.rank(room, named) >= m_moderation.rank(room, actor))
                return m_chat.fail(session, command, ErrorCode::NotRoomOperator, room->name());
            if (!named.account().isEmpty())
                masks.append(BanMask::account(named.account()));
        }
    }
    if (isFull(room->bans(), masks))
        return m_chat.fail(session, command, ErrorCode::BanListFull,
                           QString::number(m_chat.config().maxRoomMasks));

    MaskList::Entry ban;
    ban.untilMs = seconds == 0 ? 0 : m_chat.clock().nowMs() + seconds * 1000;
    ban.setter = actor->nick();
    ban.reason = reason;
    ban.created = QDateTime::currentDateTimeUtc();
    for (const BanMask &each : std::as_const(masks)) {
        ban.mask = each;
        room->bans().add(ban);
        m_chat.roomRules().addMask(room, StoredSanction::Kind::Ban, ban);
    }
    if (seconds != 0)
        m_chat.sanctionExpiry().schedule();
    m_moderation.announce(session, command, room, u"ban"_s, target,
                          reason.isEmpty() ? QString::number(seconds)
                                           : QString::number(seconds) + u' ' + reason);
    putOut(session, room, masks);
}

void BanCommands::putOut(Session *session, Room *room, const QList<BanMask> &masks)
{
    putOut(room, masks, m_moderation.rank(room, session->user()), {});
}

void BanCommands::bannedElsewhere(Room *room, const StoredSanction &ban)
{
    const BanMask mask = BanMask::parse(ban.mask);
    if (!mask.isValid())
        return;
    // Those it puts out are told who did it, as the banner's node tells its own; the others
    // hear it with the act itself, which comes after (ClusterEvent::Moderation).
    const qint64 seconds =
        ban.until.isValid() ? std::max<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(ban.until))
                            : 0;
    const Event act =
        Event::moderation(room->name(), ban.setter, u"ban"_s, mask.text(),
                          ban.reason.isEmpty() ? QString::number(seconds)
                                               : QString::number(seconds) + u' ' + ban.reason);
    putOut(room, {mask}, Permissions::Standing::Operator, act);
}

void BanCommands::putOut(Room *room, const QList<BanMask> &masks, Permissions::Standing above,
                         const Event &tell)
{
    const QList<User *> members = room->members();
    for (User *member : members) {
        if (m_moderation.rank(room, member) >= above)
            continue;
        const QString nickKey = NameRules::key(member->nick());
        const QList<QHostAddress> addresses = addressesOf(member);
        const bool caught = std::any_of(masks.cbegin(), masks.cend(), [&](const BanMask &mask) {
            return mask.matches(nickKey, member->account(), addresses);
        });
        if (!caught || caughtBy(room->exempted(), member, nullptr))
            continue;
        if (tell.isValid())
            member->send(tell);
        room->leave(member, u"ban"_s, true);
    }
}

void BanCommands::unban(Session *session, const Command &command)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    const BanMask mask = maskOf(session, command);
    if (!mask.isValid())
        return;
    // A nick's ban was made with the ban of its account (when its holder had identified):
    // the account of that name goes with it.
    QList<BanMask> masks = {mask};
    if (mask.kind() == BanMask::Kind::Nick)
        masks.append(BanMask::account(mask.text()));
    bool lifted = false;
    for (const BanMask &each : std::as_const(masks)) {
        if (room->bans().remove(each)) {
            m_chat.roomRules().ended(room, StoredSanction::Kind::Ban, each.text());
            lifted = true;
        }
    }
    // Nothing to lift: the list says what there is.
    if (!lifted)
        return bans(session, command);
    m_moderation.announce(session, command, room, u"unban"_s, mask.text(), {});
    m_chat.sanctionExpiry().schedule();
}

void BanCommands::bans(Session *session, const Command &command)
{
    if (Room *room = m_chat.targetRoom(session, command))
        list(session, command, room->name(), room->bans(), &Event::bans);
}

// The lists of masks besides the bans: what tells them apart.
struct BanCommands::OtherList
{
    MaskList &(*of)(Room *room);
    StoredSanction::Kind kind;
    QString added;   // the room hears this act when a mask is put on the list
    QString removed; // and this one when it is taken off
    ListPiece piece;
};

const BanCommands::OtherList BanCommands::Allowed = {
    [](Room *room) -> MaskList & { return room->allowed(); }, StoredSanction::Kind::Allow,
    u"allow"_s, u"disallow"_s, &Event::allowed};

const BanCommands::OtherList BanCommands::Exempted = {
    [](Room *room) -> MaskList & { return room->exempted(); }, StoredSanction::Kind::Exempt,
    u"exempt"_s, u"unexempt"_s, &Event::exempted};

void BanCommands::addTo(Session *session, const Command &command, const OtherList &kind)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    MaskList::Entry entry;
    entry.mask = maskOf(session, command);
    if (!entry.mask.isValid())
        return;
    MaskList &masks = kind.of(room);
    if (isFull(masks, {entry.mask}))
        return m_chat.fail(session, command, ErrorCode::BanListFull,
                           QString::number(m_chat.config().maxRoomMasks));
    entry.setter = session->user()->nick();
    entry.created = QDateTime::currentDateTimeUtc();
    masks.add(entry);
    m_chat.roomRules().addMask(room, kind.kind, entry);
    m_moderation.announce(session, command, room, kind.added, entry.mask.text(), {});
}

void BanCommands::removeFrom(Session *session, const Command &command, const OtherList &kind)
{
    Room *room = m_chat.targetRoom(session, command);
    if (!room)
        return;
    const BanMask mask = maskOf(session, command);
    if (!mask.isValid())
        return;
    // Nothing to take back: the list says what there is.
    if (!kind.of(room).remove(mask))
        return list(session, command, room->name(), kind.of(room), kind.piece);
    m_chat.roomRules().ended(room, kind.kind, mask.text());
    m_moderation.announce(session, command, room, kind.removed, mask.text(), {});
}

void BanCommands::show(Session *session, const Command &command, const OtherList &kind)
{
    if (Room *room = m_chat.targetRoom(session, command))
        list(session, command, room->name(), kind.of(room), kind.piece);
}

void BanCommands::allow(Session *session, const Command &command)
{
    addTo(session, command, Allowed);
}

void BanCommands::disallow(Session *session, const Command &command)
{
    removeFrom(session, command, Allowed);
}

void BanCommands::allowed(Session *session, const Command &command)
{
    show(session, command, Allowed);
}

void BanCommands::exempt(Session *session, const Command &command)
{
    addTo(session, command, Exempted);
}

void BanCommands::unexempt(Session *session, const Command &command)
{
    removeFrom(session, command, Exempted);
}

void BanCommands::exempted(Session *session, const Command &command)
{
    show(session, command, Exempted);
}

void BanCommands::list(Session *session, const Command &command, const QString &room,
                       const MaskList &masks, ListPiece makePiece)
{
    const qint64 now = m_chat.clock().nowMs();
    QList<QStringList> items;
    QStringList created; // for IRC's 367 and 346: seconds since 1970
    for (const MaskList::Entry &entry : masks.all()) {
        if (entry.untilMs != 0 && entry.untilMs <= now)
            continue; // ended; expiry has not come round to it yet
        const QString left =
            entry.untilMs == 0 ? QString() : QString::number((entry.untilMs - now + 999) / 1000);
        items.append({entry.mask.text(), left, entry.setter, entry.reason});
        created.append(
            QString::number(entry.created.isValid() ? entry.created.toSecsSinceEpoch() : 0));
    }
    // A long list is several lines, each well under a client's line limit, like listings.
    QList<Event> events;
    QStringList line;
    qsizetype bytes = 0;
    qsizetype first = 0;
    const auto piece = [&](qsizetype end) {
        Event event = makePiece(room, items.size(), first, line);
        event.details = created.mid(first, end - first);
        event.label = command.label();
        events.append(event);
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const qsizetype size = items[i].join(QString()).toUtf8().size() + 8;
        if (!line.isEmpty() && bytes + size > Protocol::ListLineBytes) {
            piece(i);
            line.clear();
            bytes = 0;
            first = i;
        }
        line += items[i];
        bytes += size;
    }
    if (!line.isEmpty() || events.isEmpty())
        piece(items.size());
    m_chat.replies(session).addEvents(events);
}
