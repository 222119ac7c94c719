// SPDX-License-Identifier: MIT
#pragma once

#include "security/LoginGuard.h"
#include "security/PasswordHash.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <functional>

class Session;

// Who has given the server password. Each check waits first for as long as its address has
// earned by wrong guesses (LoginGuard), then compares the hash on a thread of its own (PBKDF2
// costs a fifth of a second on purpose, which the event loop must never pay); the verdict comes
// back later on the event loop.
class PasswordGate : public QObject
{
    Q_OBJECT

public:
    enum class Verdict { Accepted, Wrong, TooManyWrong };
    static constexpr int MaxWrongPerSession = 3;

    // No file: no password is needed.
    explicit PasswordGate(const QString &passwordFile, QObject *parent = nullptr);
    // Waits for a comparison under way; its verdict is dropped.
    ~PasswordGate() override;

    // False, with errorString(), when the password file cannot be used.
    bool isReady() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // Reads the password file again (a reload; empty: no password from now on). False with
    // *error when it cannot be used, and the password in effect stays. Who already gave the
    // password stays in; the new one is asked of whoever logs in next.
    bool reload(const QString &passwordFile, QString *error);

    bool hasPassed(const Session *session) const;
    // Calls done with the verdict, unless the session is gone (closed or destroyed) first.
    void check(Session *session, const QString &password, std::function<void(Verdict)> done);
    void forget(const Session *session);

private:
    Verdict decide(Session *session, bool matches);

    PasswordHash m_hash; // not valid: no password needed
    QString m_error;
    LoginGuard m_guard;
    QElapsedTimer m_clock;
    QSet<const Session *> m_passed;
    QHash<const Session *, int> m_wrong;
    QThreadPool m_pool; // one thread: a storm of guesses takes one core at most
};
