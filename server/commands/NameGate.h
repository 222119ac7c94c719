// SPDX-License-Identifier: MIT
#pragma once

#include "ErrorCode.h"

#include <QPointer>
#include <QString>

#include <functional>

class Directory;
class NameClaims;
class Session;
class User;

// Where a login or a rename takes its nickname. On a server of its own the directory decides
// alone, at once. On a node of a cluster the name is first claimed across the cluster
// (NameClaims: one winner in a race, a dead node's names free within its lease), and only then
// taken here; while the claim is on its way the session's later lines wait, as for any command
// whose effect waits. A node that is cut off from the cluster takes no new names (504).
class NameGate
{
public:
    // refusal: None when the name is this node's to give.
    using Claimed = std::function<void(ErrorCode refusal)>;

    explicit NameGate(const Directory &directory);

    // The cluster's claims, on a node of one.
    void setClaims(NameClaims *claims);

    // Claims nick for session; claimed runs at once on a server of its own, else once the
    // cluster answered, unless the session went meanwhile (the claim is then let go).
    void claim(Session *session, const QString &nick, Claimed claimed);
    // The person who held nick no longer does (gone, or renamed to another name).
    void release(const QString &nick);
    // The person who holds nick moves to the node whose lease owner is owner.
    void handOver(const QString &nick, const QByteArray &owner);
    // The node holds a lease again, under a new epoch, after it was cut off: claims the names of
    // people again; lost runs for each whose name another node took meanwhile (it cannot stay
    // held twice). A name that cannot be asked about now is asked again at the next epoch.
    void reclaim(const QList<User *> &people, std::function<void(User *)> lost);

private:
    const Directory &m_directory;
    QPointer<NameClaims> m_claims;
};
