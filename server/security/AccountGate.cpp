// SPDX-License-Identifier: MIT
#include "security/AccountGate.h"

#include "security/AccountHasher.h"
#include "session/Session.h"

#include <QTimer>

AccountGate::AccountGate(AccountHasher &hasher)
    : m_hasher(hasher)
{
    m_clock.start();
}

void AccountGate::check(Session *session, const QString &accountKey,
                        std::function<QString()> currentHash, const QString &password,
                        std::function<void(Verdict)> done)
{
    const QString address = session->peerAddress().toString();
    const qint64 now = m_clock.elapsed();
    const qint64 wait = std::max(m_byAddress.scheduleAttempt(address, now),
                                 m_byAccount.scheduleAttempt(accountKey, now));
    QTimer::singleShot(wait, session,
                       [this, session, address, accountKey, currentHash = std::move(currentHash),
                        password, done = std::move(done)] {
                           const QString hash = currentHash();
                           if (hash.isEmpty()) {
                               done(judge(session, address, accountKey, false));
                               return;
                           }
                           m_hasher.verify(
                               hash, password, session,
                               [this, session, address, accountKey, done](bool matches) {
                                   done(judge(session, address, accountKey, matches));
                               });
                       });
}

AccountGate::Verdict AccountGate::judge(const Session *session, const QString &address,
                                        const QString &accountKey, bool matches)
{
    if (matches) {
        m_byAddress.recordSuccess(address);
        m_byAccount.recordSuccess(accountKey);
        m_wrong.remove(session);
        return Verdict::Accepted;
    }
    const qint64 now = m_clock.elapsed();
    m_byAddress.recordFailure(address, now);
    m_byAccount.recordFailure(accountKey, now);
    return ++m_wrong[session] >= MaxWrongPerSession ? Verdict::TooManyWrong : Verdict::Wrong;
}
