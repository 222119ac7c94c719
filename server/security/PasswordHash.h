// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// A server password stored as a salted PBKDF2-HMAC-SHA256 hash, never as plain text.
// The file holds one line:  pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
class PasswordHash
{
public:
    static constexpr int DefaultIterations = 100000;

    // The line for a new password file, with a fresh random salt.
    static QByteArray create(const QString &password, int iterations = DefaultIterations);
    // Reads a password file; isValid() is false (and error says why) when it cannot be used.
    static PasswordHash fromFile(const QString &path, QString *error);
    static PasswordHash fromLine(const QByteArray &line);

    bool isValid() const { return m_iterations > 0; }
    // Compares in time that does not depend on where the hashes differ.
    bool matches(const QString &password) const;

private:
    int m_iterations = 0;
    QByteArray m_salt;
    QByteArray m_hash;
};
