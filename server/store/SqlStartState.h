// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredAccount.h"
#include "store/StoredMessage.h"
#include "store/StoredRoomRule.h"

#include <QList>

class SqlConnection;

// What open() learns from the database and hands to the writer: the boot number (counted
// and committed here), the last message id, the rooms with their last sequence numbers, and
// the accounts, and the rooms' roles and sanctions.
struct SqlStartState
{
    quint32 bootNumber = 0;
    quint64 lastMessageId = 0;
    QList<StoredRoom> rooms;
    QList<StoredAccount> accounts; // by key
    QList<StoredRole> roles;
    QList<StoredSanction> sanctions;
    QList<StoredModeration> moderation; // the newest Store::ModerationKept of each room

    // Counts this boot and reads the rest, in one transaction. Reads only what open() needs
    // plus the newest end of the messages' id index: cheap on any size, and where damage from
    // an interrupted copy would show first.
    bool load(SqlConnection &connection, QString *error);
};
