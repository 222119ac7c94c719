// SPDX-License-Identifier: MIT
#include "security/ResumeTokens.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

QString ResumeTokens::issue(const User *user)
{
    revoke(user);
    quint32 words[TokenLength / 8];
    QRandomGenerator::system()->fillRange(words);
    const QString token = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
    const QByteArray key = digest(token);
    m_users.insert(key, user);
    m_digests.insert(user, key);
    return token;
}

User *ResumeTokens::find(const QString &token) const
{
    if (!isWellFormed(token))
        return nullptr;
    return findDigest(digest(token));
}

User *ResumeTokens::findDigest(const QByteArray &digest) const
{
    return const_cast<User *>(m_users.value(digest, nullptr));
}

void ResumeTokens::adopt(const QByteArray &digest, const User *user)
{
    revoke(user);
    m_users.insert(digest, user);
    m_digests.insert(user, digest);
}

void ResumeTokens::revoke(const User *user)
{
    const auto it = m_digests.constFind(user);
    if (it == m_digests.cend())
        return;
    m_users.remove(*it);
    m_digests.erase(it);
}

QByteArray ResumeTokens::digest(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1().toLower(), QCryptographicHash::Sha256);
}
