// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QString>

// What the server says about a person in a room: the comma-separated flag words of `users`
// (owner, op, voice, muted, away, reconnecting) and `who` (away, reconnecting, admin). Unknown
// words are ignored, so that a newer server's flags do not break an older client.
struct MemberFlags
{
    // A person's standing in a room, from lowest to highest, as the server's permission table
    // orders them: nobody acts on someone of their own standing or above. A server
    // administrator runs every room.
    enum class Standing { Muted, Member, Operator, Owner, Administrator };

    bool owner = false;
    bool op = false;
    bool voiced = false; // may speak when the room is moderated
    bool muted = false;
    bool away = false;
    bool reconnecting = false;
    bool admin = false; // a server administrator (who; and ourselves, ChatConnection::flags)

    static MemberFlags parse(const QString &words);
    QString words() const;
    Standing standing() const;
    bool operator==(const MemberFlags &) const = default;
};

// The flags of a room's people, by NameRules::key of their nickname; people without flags
// are not in it.
using MemberFlagsMap = QHash<QString, MemberFlags>;

// The moderation acts a person may take on another in a room, and the commands that take them.
namespace Moderation {

enum class Act { Kick, Ban, Mute, Unmute, Voice, Devoice, Op, Deop };

// What self may do to target in a room, in menu order: an operator kicks, bans and mutes
// people below them; the owner (and a server administrator) also grants and takes operator
// rights, but not to the owner. Nobody acts on someone of their own standing or above, and on
// themselves only in two ways: an operator gives a voice to anyone in the room, themselves too
// (it lets them speak when the room is moderated), and whoever holds the room's operator or
// owner role may step down from it (Deop on themselves).
QList<Act> allowed(const MemberFlags &self, const MemberFlags &target, bool targetIsSelf);

// The command line for an act. duration: a ban's ("10m", "2h", "7d"; empty: for good) or a
// mute's seconds (empty: until unmuted); reason: a kick's or ban's (may be empty).
QString command(Act act, const QString &room, const QString &nick, const QString &duration = {},
                const QString &reason = {});

} // namespace Moderation
