// SPDX-License-Identifier: MIT
#pragma once

#include "ErrorCode.h"

#include <QHash>
#include <QList>
#include <QString>

class Clock;
struct ServerConfig;

// The limits on making rooms: how many the server holds (--max-rooms) and how many one person
// makes in a minute (--rooms-per-minute), counted on a clock the tests control. Without them one
// client made 20,000 rooms, and every list grew with them.
class RoomQuota
{
public:
    struct Verdict
    {
        ErrorCode code = ErrorCode::None; // None: allowed
        QString subject;
    };

    RoomQuota(const ServerConfig &config, const Clock &clock);

    // Whether person may make one more room while the server holds rooms; counts it when so.
    Verdict take(quint64 person, qsizetype rooms);
    // The person is gone: what they made no longer counts against anyone.
    void forget(quint64 person) { m_made.remove(person); }

private:
    static constexpr qint64 WindowMs = 60 * 1000;

    const ServerConfig &m_config;
    const Clock &m_clock;
    QHash<quint64, QList<qint64>> m_made; // per person: when, within the last window
};
