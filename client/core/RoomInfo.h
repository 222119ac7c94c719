// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// One line of the server's room list.
struct RoomInfo
{
    QString name;
    int members = 0;
    QString topic;

    bool operator==(const RoomInfo &) const = default;
};

using RoomInfoList = QList<RoomInfo>;
