// SPDX-License-Identifier: MIT
#include "security/LoginGuard.h"

namespace {

constexpr qint64 FirstDelayMs = 250;
constexpr qint64 MaxDelayMs = 30000;
constexpr qint64 ForgetAfterMs = 3600 * 1000;

qint64 delayAfter(int failures)
{
    return failures == 0 ? 0 : std::min(MaxDelayMs, FirstDelayMs << std::min(failures - 1, 20));
}

} // namespace

qint64 LoginGuard::scheduleAttempt(const QString &key, qint64 nowMs)
{
    forgetOld(nowMs);
    Record &record = m_records[key];
    const qint64 at = std::max(nowMs, record.nextAttemptMs);
    record.nextAttemptMs = at + delayAfter(record.failures);
    return at - nowMs;
}

void LoginGuard::recordFailure(const QString &key, qint64 nowMs)
{
    Record &record = m_records[key];
    ++record.failures;
    record.nextAttemptMs = std::max(record.nextAttemptMs, nowMs + delayAfter(record.failures));
}

void LoginGuard::recordSuccess(const QString &key)
{
    m_records.remove(key);
}

void LoginGuard::forgetOld(qint64 nowMs)
{
    // Bounded memory: a key is kept only while it is being slowed down.
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (nowMs - it->nextAttemptMs > ForgetAfterMs)
            it = m_records.erase(it);
        else
            ++it;
    }
}
