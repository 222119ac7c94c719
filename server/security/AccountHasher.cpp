// SPDX-License-Identifier: MIT
#include "security/AccountHasher.h"

#include <QRandomGenerator>

#include <argon2.h>

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;

} // namespace

AccountHasher::AccountHasher(QObject *parent)
    : QObject(parent)
{
    // One thread: however many wrong passwords arrive, hashing takes one core at most and the
    // event loop keeps the other. Attempts are throttled before they get here (AccountGate).
    m_pool.setMaxThreadCount(1);
}

AccountHasher::~AccountHasher()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void AccountHasher::hash(const QString &password, QObject *context,
                         std::function<void(QString)> done)
{
    m_pool.start([this, password, guard = QPointer<QObject>(context), done = std::move(done)] {
        const QString encoded = hashNow(password);
        QMetaObject::invokeMethod(
            this,
            [guard, done, encoded] {
                if (guard)
                    done(encoded);
            },
            Qt::QueuedConnection);
    });
}

void AccountHasher::verify(const QString &encoded, const QString &password, QObject *context,
                           std::function<void(bool)> done)
{
    m_pool.start(
        [this, encoded, password, guard = QPointer<QObject>(context), done = std::move(done)] {
            const bool matches = verifyNow(encoded, password);
            QMetaObject::invokeMethod(
                this,
                [guard, done, matches] {
                    if (guard)
                        done(matches);
                },
                Qt::QueuedConnection);
        });
}

QString AccountHasher::hashNow(const QString &password)
{
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltBytes / 4);
    const QByteArray utf8 = password.toUtf8();
    QByteArray encoded(
        qsizetype(argon2_encodedlen(Passes, MemoryKiB, Lanes, SaltBytes, HashBytes, Argon2_id)),
        '\0');
    const int result = argon2id_hash_encoded(Passes, MemoryKiB, Lanes, utf8.constData(),
                                             size_t(utf8.size()), salt.constData(), SaltBytes,
                                             HashBytes, encoded.data(), size_t(encoded.size()));
    if (result != ARGON2_OK)
        return {};
    return QString::fromLatin1(encoded.constData()); // up to its terminating NUL
}

bool AccountHasher::verifyNow(const QString &encoded, const QString &password)
{
    if (!encoded.startsWith(QLatin1StringView("$argon2id$")))
        return false;
    const QByteArray hash = encoded.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return argon2id_verify(hash.constData(), utf8.constData(), size_t(utf8.size())) == ARGON2_OK;
}
