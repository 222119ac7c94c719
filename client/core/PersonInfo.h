// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One line of the server's list of everyone online (who).
struct PersonInfo
{
    QString nick;
    QStringList rooms;
    bool reconnecting = false; // the connection dropped; the place is held for a while
    bool away = false;
    bool admin = false; // a server administrator

    bool operator==(const PersonInfo &) const = default;
};

using PersonInfoList = QList<PersonInfo>;
