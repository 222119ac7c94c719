// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterPerson.h"
#include "core/RemotePerson.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <memory>

class Directory;
class Room;

// The people of the other nodes of a cluster, as their nodes publish them (PresenceFeed keeps
// this up to date): who they are, which rooms they are in, whether they are away. Every change
// is told to this node's members of the rooms concerned as a change of one of their own would
// be: a join, a leave with its reason, a rename (once to each person who shares a room with
// them), away and back. On a server of one node it stays empty.
class RemotePeople : public QObject
{
    Q_OBJECT

public:
    explicit RemotePeople(Directory &directory, QObject *parent = nullptr);
    ~RemotePeople() override;

    // One of node's people changed (or, gone, ended).
    void apply(const QByteArray &node, const ClusterPerson &person);
    // Node's whole list, as read from the engine: whoever is not in people left (reason).
    void replace(const QByteArray &node, const QList<ClusterPerson> &people, const QString &reason);
    // Node is gone (its lease ran out, or it stopped): all its people left (reason).
    void drop(const QByteArray &node, const QString &reason);
    // A person moved between nodes (a resume, ClusterHandover): whoever shares a room with them
    // here saw no leave and sees no join. adopt: they are node's now (this node gave them
    // away); forget: they are no longer another node's (this node takes them).
    void adopt(const QByteArray &node, const ClusterPerson &person);
    void forget(quint64 id);

    // The person of another node whose nickname is nick, or null.
    RemotePerson *find(const QString &nick) const;
    // Everyone by NameRules::key(), for walking a long list (as Directory::usersByKey()).
    const QMap<QString, RemotePerson *> &byKey() const { return m_byNick; }
    qsizetype count() const { return qsizetype(m_people.size()); }
    // The nodes this node knows people of.
    QList<QByteArray> nodes() const;

private:
    void remove(RemotePerson *person, const QString &reason);
    // A person new here, by id and nick only; the rest is the caller's to set.
    std::shared_ptr<RemotePerson> insert(const QByteArray &node, const ClusterPerson &change);
    // Out of both indexes; null if not known.
    std::shared_ptr<RemotePerson> take(quint64 id);
    // The rooms change names that this node knows.
    QList<Room *> roomsOf(const ClusterPerson &change) const;
    void rename(RemotePerson *person, const QString &nick);
    void setAway(RemotePerson *person, bool away, const QString &text);
    void setReconnecting(RemotePerson *person, bool reconnecting);

    Directory &m_directory;
    QHash<quint64, std::shared_ptr<RemotePerson>> m_people; // by id
    QMap<QString, RemotePerson *> m_byNick;                 // by NameRules::key()
};
