// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

// Account passwords as Argon2id hashes (RFC 9106, Debian's libargon2), made and checked on a
// thread of their own: a hash costs tens of milliseconds and 19 MiB on purpose, which the event
// loop must never pay, or a storm of wrong passwords would stall everyone's chat.
//
// The encoded form ($argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>) carries its parameters, so a
// hash made with weaker ones still checks after they are raised. Checking compares in constant
// time (libargon2's argon2_verify). A password is never logged, kept or copied beyond the job.
//
// Callbacks run later on this object's thread, and only while their context object lives.
class AccountHasher : public QObject
{
    Q_OBJECT

public:
    // OWASP's choice for Argon2id: 19 MiB, 2 passes, 1 lane; 16-byte salt, 32-byte hash.
    static constexpr quint32 MemoryKiB = 19 * 1024;
    static constexpr quint32 Passes = 2;
    static constexpr quint32 Lanes = 1;

    explicit AccountHasher(QObject *parent = nullptr);
    // Waits for the jobs under way; their callbacks are dropped.
    ~AccountHasher() override;

    // done gets the encoded hash, or an empty string when hashing failed (out of memory).
    void hash(const QString &password, QObject *context, std::function<void(QString)> done);
    // done gets whether password matches encoded (false for a malformed encoding).
    void verify(const QString &encoded, const QString &password, QObject *context,
                std::function<void(bool)> done);

    // The same, blocking, on the calling thread: for the jobs and for tests.
    static QString hashNow(const QString &password);
    static bool verifyNow(const QString &encoded, const QString &password);

private:
    QThreadPool m_pool;
};
