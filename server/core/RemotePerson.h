// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "core/RoomRoles.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

class Room;

// A person on another node of the cluster, as this node knows them from what that node
// publishes (RemotePeople): enough to list them in rooms, announce what they do, and send them
// private messages through the bus. Their connections are the other node's.
struct RemotePerson
{
    quint64 id = 0; // User::personId()
    QByteArray node;
    QString nick;
    QString account;
    bool away = false;
    QString awayText;
    bool reconnecting = false;
    bool invisible = false; // User::isInvisible()
    QList<Room *> rooms;    // those this node knows, in the order entered
    QSet<quint64> awayTold; // person ids that heard the current away text

    // How rooms know them (RoomRoles::keyOf()).
    QString key() const { return RoomRoles::keyOf(account, id); }

    // As User::details(): another node does not tell their user and real name.
    QStringList details(const QString &runs = {}) const
    {
        return {QString(), QString(), away ? awayText : QString(), runs};
    }

    // As User::flags(): shown beside the name in lists.
    QString flags() const
    {
        if (!reconnecting)
            return away ? QString(Event::AwayFlag) : QString();
        return away ? Event::AwayFlag + u',' + Event::ReconnectingFlag
                    : QString(Event::ReconnectingFlag);
    }
};
