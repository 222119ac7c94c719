// SPDX-License-Identifier: MIT
#include "security/PasswordHash.h"

#include <QCoreApplication>
#include <QFile>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace {

constexpr int Pbkdf2SaltBytes = 16;
constexpr int Pbkdf2HashBytes = 32;

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                              iterations, Pbkdf2HashBytes);
}

} // namespace

QByteArray PasswordHash::create(const QString &password, int iterations)
{
    QByteArray salt(Pbkdf2SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          Pbkdf2SaltBytes / 4);
    return "pbkdf2-sha256$" + QByteArray::number(iterations) + '$' + salt.toBase64() + '$' +
           derive(password, salt, iterations).toBase64();
}

PasswordHash PasswordHash::fromLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.trimmed().split('$');
    PasswordHash hash;
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256")
        return hash;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    const auto salt =
        QByteArray::fromBase64Encoding(parts[2], QByteArray::AbortOnBase64DecodingErrors);
    const auto key =
        QByteArray::fromBase64Encoding(parts[3], QByteArray::AbortOnBase64DecodingErrors);
    if (!ok || iterations < 1 || !salt || !key || salt.decoded.isEmpty() ||
        key.decoded.size() != Pbkdf2HashBytes)
        return hash;
    hash.m_iterations = iterations;
    hash.m_salt = salt.decoded;
    hash.m_hash = key.decoded;
    return hash;
}

PasswordHash PasswordHash::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("PasswordHash", "cannot read the password file %1: %2")
                     .arg(path, file.errorString());
        return {};
    }
    const PasswordHash hash = fromLine(file.readLine());
    if (!hash.isValid()) {
        *error =
            QCoreApplication::translate(
                "PasswordHash", "%1 does not hold a password hash (make one with --hash-password)")
                .arg(path);
    }
    return hash;
}

bool PasswordHash::matches(const QString &password) const
{
    if (!isValid())
        return false;
    const QByteArray candidate = derive(password, m_salt, m_iterations);
    unsigned char difference = 0;
    for (int i = 0; i < Pbkdf2HashBytes; ++i)
        difference |= static_cast<unsigned char>(candidate[i] ^ m_hash[i]);
    return difference == 0;
}
