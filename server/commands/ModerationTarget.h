// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class Directory;
class Room;
struct RemotePerson;
class User;

// Whom an act on a person (op, deop, kick, mute, unmute, invite, a ban by nickname) is aimed
// at: a person of this node or, on a node of a cluster, of another node. What the act does to
// their rights (roles, mutes, invitations) reaches their node as the room's rules do
// (RoomRuleKeeper); what must happen to the person themselves (put out of the room by a kick,
// told of an invitation) their own node does when the act reaches it
// (CommandProcessor::applyStored).
struct ModerationTarget
{
    User *user = nullptr;           // this node's person, or
    RemotePerson *remote = nullptr; // another node's

    // The person whose nickname is nick, on any node; neither when there is none.
    static ModerationTarget find(const Directory &directory, const QString &nick);

    bool exists() const { return user || remote; }
    QString nick() const;
    QString account() const;
    // RoomRoles::keyOf() the person.
    QString key() const;
    bool isIn(const Room *room) const;
};
