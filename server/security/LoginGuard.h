// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

// Slows password guessing per key (an address, or an account): after each wrong password for
// a key, its next attempt waits twice as long (250 ms, 500 ms, ... up to 30 s), and attempts
// for one key are answered one after another, however many connections make them. A right
// password, or an hour without attempts, forgives the key.
class LoginGuard
{
public:
    // Milliseconds to wait before checking an attempt for key made at nowMs.
    qint64 scheduleAttempt(const QString &key, qint64 nowMs);
    void recordFailure(const QString &key, qint64 nowMs);
    void recordSuccess(const QString &key);

private:
    struct Record
    {
        int failures = 0;
        qint64 nextAttemptMs = 0;
    };
    void forgetOld(qint64 nowMs);

    QHash<QString, Record> m_records;
};
