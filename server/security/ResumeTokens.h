// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

class User;

// The secrets that let a new connection take a person's place after the old one dropped.
// A token is 128 random bits from the system's generator, written as 32 hex digits, shown
// once at login. Only its SHA-256 digest is kept, and tokens are looked up by digest: the time
// a lookup takes says nothing about how close a guess was. A token works until the person
// logs out or their grace period ends (docs/SECURITY.md).
class ResumeTokens
{
public:
    static constexpr int TokenLength = 32;

    // A new token for user, replacing any earlier one.
    QString issue(const User *user);
    // The person token belongs to, or null.
    User *find(const QString &token) const;
    void revoke(const User *user);

    // On a node of a cluster, a token another node issued is asked for by its digest
    // (ClusterHandover): the token itself never leaves the node it was given to.
    static bool isWellFormed(const QString &token) { return token.size() == TokenLength; }
    static QByteArray digest(const QString &token);
    User *findDigest(const QByteArray &digest) const;
    QByteArray digestOf(const User *user) const { return m_digests.value(user); }
    // The person came from another node with their token: it works here from now on.
    void adopt(const QByteArray &digest, const User *user);

private:
    QHash<QByteArray, const User *> m_users;   // by digest
    QHash<const User *, QByteArray> m_digests; // by user
};
