// SPDX-License-Identifier: MIT
#include "security/PasswordGate.h"

#include "session/Session.h"

#include <QPointer>
#include <QTimer>

PasswordGate::PasswordGate(const QString &passwordFile, QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_clock.start();
    if (!passwordFile.isEmpty())
        m_hash = PasswordHash::fromFile(passwordFile, &m_error);
}

PasswordGate::~PasswordGate()
{
    m_pool.clear();
    m_pool.waitForDone();
}

bool PasswordGate::reload(const QString &passwordFile, QString *error)
{
    if (passwordFile.isEmpty()) {
        m_hash = {};
        return true;
    }
    QString problem;
    const PasswordHash hash = PasswordHash::fromFile(passwordFile, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    m_hash = hash;
    return true;
}

bool PasswordGate::hasPassed(const Session *session) const
{
    return !m_hash.isValid() || m_passed.contains(session);
}

void PasswordGate::check(Session *session, const QString &password,
                         std::function<void(Verdict)> done)
{
    const qint64 wait =
        m_guard.scheduleAttempt(session->peerAddress().toString(), m_clock.elapsed());
    QTimer::singleShot(wait, session, [this, session, password, done = std::move(done)] {
        // The hash in effect now: a reload may replace it while the thread compares.
        m_pool.start([this, hash = m_hash, password, guard = QPointer<Session>(session), done] {
            const bool matches = hash.matches(password);
            QMetaObject::invokeMethod(
                this,
                [this, guard, matches, done] {
                    if (guard && guard->state() != Session::State::Gone)
                        done(decide(guard, matches));
                },
                Qt::QueuedConnection);
        });
    });
}

PasswordGate::Verdict PasswordGate::decide(Session *session, bool matches)
{
    // No password any more (a reload while it was compared): everyone passes.
    if (matches || !m_hash.isValid()) {
        m_guard.recordSuccess(session->peerAddress().toString());
        m_passed.insert(session);
        return Verdict::Accepted;
    }
    m_guard.recordFailure(session->peerAddress().toString(), m_clock.elapsed());
    return ++m_wrong[session] >= MaxWrongPerSession ? Verdict::TooManyWrong : Verdict::Wrong;
}

void PasswordGate::forget(const Session *session)
{
    m_passed.remove(session);
    m_wrong.remove(session);
}
