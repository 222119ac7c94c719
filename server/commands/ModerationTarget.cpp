// SPDX-License-Identifier: MIT
#include "commands/ModerationTarget.h"

#include "core/Directory.h"
#include "core/RemotePerson.h"
#include "core/RoomRoles.h"
#include "core/User.h"

ModerationTarget ModerationTarget::find(const Directory &directory, const QString &nick)
{
    ModerationTarget target;
    target.user = directory.user(nick);
    if (!target.user)
        target.remote = directory.remote().find(nick);
    return target;
}

QString ModerationTarget::nick() const
{
    return user ? user->nick() : remote ? remote->nick : QString();
}

QString ModerationTarget::account() const
{
    return user ? user->account() : remote ? remote->account : QString();
}

QString ModerationTarget::key() const
{
    return user ? RoomRoles::keyOf(user) : remote ? remote->key() : QString();
}

bool ModerationTarget::isIn(const Room *room) const
{
    return user ? user->isIn(room) : remote && remote->rooms.contains(const_cast<Room *>(room));
}
