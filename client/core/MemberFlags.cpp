// SPDX-License-Identifier: MIT
#include "MemberFlags.h"

#include <QStringList>

using namespace Qt::StringLiterals;

MemberFlags MemberFlags::parse(const QString &words)
{
    MemberFlags flags;
    const QList<std::pair<QLatin1StringView, bool MemberFlags::*>> table = {
        {"owner"_L1, &MemberFlags::owner},  {"op"_L1, &MemberFlags::op},
        {"voice"_L1, &MemberFlags::voiced}, {"muted"_L1, &MemberFlags::muted},
        {"away"_L1, &MemberFlags::away},    {"reconnecting"_L1, &MemberFlags::reconnecting},
        {"admin"_L1, &MemberFlags::admin}};
    for (const QString &word : words.split(u',', Qt::SkipEmptyParts)) {
        for (const auto &[name, field] : table) {
            if (word.trimmed() == name)
                flags.*field = true;
        }
    }
    return flags;
}

QString MemberFlags::words() const
{
    QStringList words;
    if (owner)
        words << u"owner"_s;
    if (op)
        words << u"op"_s;
    if (voiced)
        words << u"voice"_s;
    if (muted)
        words << u"muted"_s;
    if (away)
        words << u"away"_s;
    if (reconnecting)
        words << u"reconnecting"_s;
    if (admin)
        words << u"admin"_s;
    return words.join(u',');
}

MemberFlags::Standing MemberFlags::standing() const
{
    if (admin)
        return Standing::Administrator;
    if (owner)
        return Standing::Owner;
    if (op)
        return Standing::Operator;
    return muted ? Standing::Muted : Standing::Member;
}

namespace Moderation {

QList<Act> allowed(const MemberFlags &self, const MemberFlags &target, bool targetIsSelf)
{
    using S = MemberFlags::Standing;
    const S mine = self.standing();
    if (mine < S::Operator)
        return {};
    const Act voice = target.voiced ? Act::Devoice : Act::Voice;
    // The role, not the standing: an administrator who holds neither role in the room has
    // nothing to step down from.
    if (targetIsSelf && (self.op || self.owner))
        return {voice, Act::Deop};
    if (targetIsSelf || target.standing() >= mine)
        return {voice};
    QList<Act> acts{Act::Kick, Act::Ban, target.muted ? Act::Unmute : Act::Mute, voice};
    if (mine >= S::Owner && !target.owner) // an owner is more than an operator already
        acts << (target.op ? Act::Deop : Act::Op);
    return acts;
}

QString command(Act act, const QString &room, const QString &nick, const QString &duration,
                const QString &reason)
{
    const QString where = u"#%1 %2"_s.arg(room, nick);
    const auto with = [](QString line, const QString &word) {
        return word.trimmed().isEmpty() ? line : line + u' ' + word.trimmed();
    };
    switch (act) {
    case Act::Kick:
        return with(u"kick "_s + where, reason);
    case Act::Ban:
        // 0 is for good: without it, a reason that starts with a number would be its duration.
        return with(with(u"ban "_s + where,
                         duration.isEmpty() && !reason.trimmed().isEmpty() ? u"0"_s : duration),
                    reason);
    case Act::Mute:
        return with(u"mute "_s + where, duration);
    case Act::Unmute:
        return u"unmute "_s + where;
    case Act::Voice:
        return u"voice "_s + where;
    case Act::Devoice:
        return u"devoice "_s + where;
    case Act::Op:
        return u"op "_s + where;
    case Act::Deop:
        return u"deop "_s + where;
    }
    return {};
}

} // namespace Moderation
