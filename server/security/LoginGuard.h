// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QHostAddress>

// Slows password guessing per address: after each wrong password from an address, its next
// attempt waits twice as long (250 ms, 500 ms, ... up to 30 s), and attempts from one address
// are answered one after another, however many connections it opens. A right password, or an
// hour without attempts, forgives the address.
class LoginGuard
{
public:
    // Milliseconds to wait before checking an attempt from address made at nowMs.
    qint64 scheduleAttempt(const QHostAddress &address, qint64 nowMs);
    void recordFailure(const QHostAddress &address, qint64 nowMs);
    void recordSuccess(const QHostAddress &address);

private:
    struct Record
    {
        int failures = 0;
        qint64 nextAttemptMs = 0;
    };
    void forgetOld(qint64 nowMs);

    QHash<QHostAddress, Record> m_records;
};
