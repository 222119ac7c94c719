// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

// A registered person's standing in a room, as the store keeps it (members have no row).
struct StoredRole
{
    enum class Role { Operator, Owner };

    qint64 roomId = 0;
    QString account; // the account's key
    Role role = Role::Operator;

    bool operator==(const StoredRole &) const = default;
};

// A rule against someone in a room: a mute (may read, may not speak) or a ban (may not enter);
// a voice (may speak in a moderated room: not against, but the same shape);
// an invitation of a registered person into an invite-only room, not used yet; an allowance (a
// mask let into the room without an invitation when it is invite-only); an exemption (a mask
// the room's bans do not keep out); or a rule of
// the room itself that is on (invite-only, topic-lock, registered-only, limit, key), whose mask
// is the rule's name and whose reason is its value, for a limit (the number) and a key. Rules share
// the table rather than having one of their own: they are a room's few words with a setter and a
// time, the same shape, and no schema change was needed.
struct StoredSanction
{
    // Numbered as the cluster sends them: new kinds go last.
    enum class Kind { Mute, Ban, Rule, Invite, Voice, Allow, Exempt };

    qint64 roomId = 0;
    Kind kind = Kind::Mute;
    QString mask;    // a mute, an invitation: an account key; a ban, allowance, exemption: a nick,
                     // account or address mask; a rule: its name
    QDateTime until; // wall-clock end; invalid: until lifted
    QString setter;  // the nick that set it
    QString reason;  // a ban's reason; a limit's number, a key
    QDateTime created;

    bool operator==(const StoredSanction &) const = default;
};

// One act of moderation in a room, as the moderation log keeps it.
struct StoredModeration
{
    qint64 roomId = 0;
    QDateTime time; // wall clock, UTC
    QString actor;  // the nick that acted
    QString act;    // "op", "kick", "ban"...
    QString target; // a nick, a ban's mask, a rule's name
    QString detail; // a reason, seconds, "on" or "off"; may be empty

    bool operator==(const StoredModeration &) const = default;
};
