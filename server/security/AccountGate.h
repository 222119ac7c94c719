// SPDX-License-Identifier: MIT
#pragma once

#include "security/LoginGuard.h"

#include <QElapsedTimer>
#include <QHash>

#include <functional>

class AccountHasher;
class Session;

// Checks the password of an account, slowed per address and per account: an attempt waits for
// the later of the two turns LoginGuard gives (so guessing one account from many addresses,
// or many accounts from one address, is slowed alike), then the hash is checked off the event
// loop (AccountHasher). A connection that gives MaxWrongPerSession wrong passwords is told so.
class AccountGate
{
public:
    enum class Verdict { Accepted, Wrong, TooManyWrong };
    static constexpr int MaxWrongPerSession = 3;

    explicit AccountGate(AccountHasher &hasher);

    // Calls done with the verdict, unless session is destroyed first. currentHash is asked when
    // the attempt's turn comes, since the account may change or go meanwhile (empty: no
    // account, the attempt is wrong).
    void check(Session *session, const QString &accountKey, std::function<QString()> currentHash,
               const QString &password, std::function<void(Verdict)> done);
    void forget(const Session *session) { m_wrong.remove(session); }

private:
    Verdict judge(const Session *session, const QString &address, const QString &accountKey,
                  bool matches);

    AccountHasher &m_hasher;
    LoginGuard m_byAddress;
    LoginGuard m_byAccount;
    QElapsedTimer m_clock;
    QHash<const Session *, int> m_wrong;
};
