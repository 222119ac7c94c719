// SPDX-License-Identifier: MIT
#pragma once

#include "security/LoginGuard.h"
#include "security/PasswordHash.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <functional>

class Session;

// Who has given the server password. Each check waits first for as long as its address has
// earned by wrong guesses (LoginGuard); the verdict comes back later on the event loop.
class PasswordGate
{
public:
    enum class Verdict { Accepted, Wrong, TooManyWrong };
    static constexpr int MaxWrongPerSession = 3;

    // No file: no password is needed.
    explicit PasswordGate(const QString &passwordFile);

    // False, with errorString(), when the password file cannot be used.
    bool isReady() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // Reads the password file again (a reload; empty: no password from now on). False with
    // *error when it cannot be used, and the password in effect stays. Who already gave the
    // password stays in; the new one is asked of whoever logs in next.
    bool reload(const QString &passwordFile, QString *error);

    bool hasPassed(const Session *session) const;
    // Calls done with the verdict, unless session is destroyed first.
    void check(Session *session, const QString &password, std::function<void(Verdict)> done);
    void forget(const Session *session);

private:
    Verdict judge(Session *session, const QString &password);

    PasswordHash m_hash; // not valid: no password needed
    QString m_error;
    LoginGuard m_guard;
    QElapsedTimer m_clock;
    QSet<const Session *> m_passed;
    QHash<const Session *, int> m_wrong;
};
