// SPDX-License-Identifier: MIT
#include "commands/Listing.h"

#include "NameRules.h"
#include "Protocol.h"
#include "Rendering.h"
#include "core/Directory.h"
#include "core/RemotePerson.h"
#include "core/Room.h"
#include "core/User.h"

#include <algorithm>

namespace {

// The next entry of map after key (from the start when key is null).
template <typename Map> typename Map::const_iterator after(const Map &map, const QString &key)
{
    return key.isNull() ? map.cbegin() : map.upperBound(key);
}

// The bytes fields take in a tagged line: UTF-8, escapes, the spaces between them.
qsizetype taggedSize(const QStringList &fields)
{
    qsizetype bytes = 0;
    for (const QString &field : fields) {
        bytes += 1;
        for (const QChar c : field) {
            const char16_t u = c.unicode();
            if (u <= u' ' || u == u'\\' || u == 0x7f)
                bytes += 4; // at most "\xHH"
            else if (u < 0x80)
                bytes += 1;
            else if (u < 0x800 || c.isSurrogate())
                bytes += 2; // a surrogate pair is four
            else
                bytes += 3;
        }
        bytes += field.isEmpty() ? 2 : 0; // "\-"
    }
    return bytes;
}

} // namespace

Listing::Listing(const Directory &directory, What what, const NamePattern &pattern, int page,
                 int pageSize, const QString &label, const QSet<QString> &administrators,
                 Viewer viewer)
    : m_directory(directory)
    , m_what(what)
    , m_pattern(pattern)
    , m_page(page)
    , m_pageSize(std::max(pageSize, 1))
    , m_label(label)
    , m_administrators(administrators)
    , m_viewer(std::move(viewer))
{
}

QByteArray Listing::next(const Render &render)
{
    // A reader may be shown nothing for an event (IRC's WHO has no header line; a WHOIS keeps
    // only the nick asked about): the next one follows, as empty means the reply is over.
    for (;;) {
        QByteArray bytes;
        switch (m_stage) {
        case Stage::Start:
            m_stage = Stage::Items;
            bytes = render(start());
            break;
        case Stage::Items: {
            const Event items = piece();
            if (items.list.isEmpty())
                m_stage = Stage::End;
            else
                bytes = render(items);
            break;
        }
        case Stage::End:
            m_stage = Stage::Done;
            bytes = render(end());
            break;
        case Stage::Done:
            return {};
        }
        if (!bytes.isEmpty())
            return bytes;
    }
}

Event Listing::labelled(Event event) const
{
    event.label = m_label;
    return event;
}

Event Listing::start()
{
    const qsizetype total = countRest();
    // A later page starts past the earlier ones.
    const qsizetype skip = m_page > 1 ? qsizetype(m_page - 1) * m_pageSize : 0;
    for (qsizetype i = 0; i < skip && advance(nullptr); ++i) {
    }
    const QString what =
        m_what == What::Rooms ? QString(Event::ListingRooms) : QString(Event::ListingWho);
    return labelled(Event::listingStart(what, total, m_page, m_pattern.text()));
}

Event Listing::piece()
{
    QStringList items;
    QStringList details;
    QStringList accounts;
    const qsizetype limit = m_page > 0 ? m_pageSize - m_sent : qsizetype(m_pageSize);
    qsizetype count = 0;
    qsizetype bytes = 0;
    while (count < limit && bytes < Protocol::ListLineBytes) {
        QStringList item = std::exchange(m_next, {});
        if (item.isEmpty() && !advance(&item))
            break;
        // A person's item ends with their details and account for IRC, which the tagged line
        // leaves out.
        const QStringList shown = m_what == What::Rooms ? item : item.mid(0, 3);
        const qsizetype size = taggedSize(shown);
        if (count > 0 && bytes + size > Protocol::ListLineMaxBytes) {
            m_next = item; // the next line's first
            break;
        }
        items += shown;
        if (m_what == What::People) {
            details += item.mid(3, 4);
            accounts += item.value(7);
        }
        bytes += size;
        ++count;
    }
    m_sent += count;
    if (m_what == What::Rooms)
        return labelled(Event::rooms(items));
    Event who = Event::who(items);
    who.details = details;
    who.accounts = accounts;
    return labelled(who);
}

Event Listing::end()
{
    const QString what =
        m_what == What::Rooms ? QString(Event::ListingRooms) : QString(Event::ListingWho);
    const qsizetype more = m_page > 0 ? countRest() : 0;
    return labelled(Event::listingEnd(what, m_sent, more, m_page + 1, m_pattern.text()));
}

bool Listing::matches(const QString &key, const Room *room) const
{
    return !room->isPending() && m_pattern.matches(key) && shows(room);
}

bool Listing::advance(QStringList *items)
{
    if (m_what == What::People) {
        // This node's people and the other nodes' (a cluster), merged in key order.
        const auto &users = m_directory.usersByKey();
        const auto &remote = m_directory.remote().byKey();
        auto local = after(users, m_after);
        auto far = after(remote, m_after);
        while (local != users.cend() || far != remote.cend()) {
            const bool isLocal =
                far == remote.cend() || (local != users.cend() && local.key() < far.key());
            m_after = isLocal ? local.key() : far.key();
            const bool shown =
                m_pattern.matches(m_after) &&
                (isLocal
                     ? shows(local.value()->isInvisible(), local.value()->personId(),
                             local.value()->rooms(), m_after)
                     : shows(far.value()->invisible, far.value()->id, far.value()->rooms, m_after));
            if (!shown) {
                if (isLocal)
                    ++local;
                else
                    ++far;
                continue;
            }
            if (!items)
                return true;
            *items << (isLocal ? describe(local.value()) : describe(far.value()));
            return true;
        }
        return false;
    }
    const Room *hall = m_directory.hall();
    const Room *found = nullptr;
    if (!m_hallDone) {
        m_hallDone = true;
        if (hall && matches(NameRules::key(hall->name()), hall))
            found = hall;
    }
    const auto &rooms = m_directory.roomsByKey();
    for (auto it = after(rooms, m_after); !found && it != rooms.cend(); ++it) {
        m_after = it.key();
        if (it.value() != hall && matches(it.key(), it.value()))
            found = it.value();
    }
    if (!found)
        return false;
    if (items)
        *items << found->name() << QString::number(found->memberCount()) << found->topic();
    return true;
}

bool Listing::shows(bool invisible, quint64 personId, const QList<Room *> &rooms,
                    const QString &key) const
{
    if (!invisible || m_viewer.seesEveryone ||
        (m_viewer.user && personId == m_viewer.user->personId()) || m_pattern.names(key))
        return true;
    return std::any_of(rooms.cbegin(), rooms.cend(),
                       [this](const Room *room) { return isIn(room); });
}

bool Listing::isIn(const Room *room) const
{
    return m_viewer.user && m_viewer.user->isIn(room);
}

bool Listing::shows(const Room *room) const
{
    return m_viewer.seesEveryone || !room->modes().isOn(RoomModes::Rule::Secret) || isIn(room);
}

QList<Room *> Listing::shown(const QList<Room *> &rooms) const
{
    QList<Room *> shown;
    shown.reserve(rooms.size());
    std::copy_if(rooms.cbegin(), rooms.cend(), std::back_inserter(shown),
                 [this](const Room *room) { return shows(room); });
    return shown;
}

QStringList Listing::describe(const User *user) const
{
    // An administrator by oper is listed as one, under whatever nickname.
    const QList<Room *> rooms = shown(user->rooms());
    return describe(user->nick(), rooms, user->flags(), user->adminAccount(m_administrators)) +
               user->details(runs(rooms, RoomRoles::keyOf(user)))
           << user->account();
}

QStringList Listing::describe(const RemotePerson *person) const
{
    const QList<Room *> rooms = shown(person->rooms);
    return describe(person->nick, rooms, person->flags(), person->account) +
               person->details(runs(rooms, person->key()))
           << person->account;
}

QString Listing::runs(const QList<Room *> &rooms, const QString &key)
{
    QStringList run;
    for (const Room *room : rooms) {
        if (room->roles().role(key) != RoomRoles::Role::Member)
            run << room->name();
    }
    return run.join(u',');
}

QStringList Listing::describe(const QString &nick, const QList<Room *> &rooms, QString flags,
                              const QString &account) const
{
    QStringList names;
    for (const Room *room : rooms)
        names << room->name();
    if (!account.isEmpty() && m_administrators.contains(account))
        flags += flags.isEmpty() ? QString(Event::AdminFlag) : u',' + Event::AdminFlag;
    return {nick, names.join(u','), flags};
}

qsizetype Listing::countRest()
{
    // From where the listing stands, without moving it.
    const bool hallDone = m_hallDone;
    const QString after = m_after;
    qsizetype count = 0;
    while (advance(nullptr))
        ++count;
    m_hallDone = hallDone;
    m_after = after;
    return count;
}
