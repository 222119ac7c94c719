// SPDX-License-Identifier: MIT
#include "KnownCertificates.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace {

QString keyFor(const QString &hostPort)
{
    return u"knownCertificates/"_s + hostPort;
}

} // namespace

QByteArray KnownCertificates::fingerprintOf(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString KnownCertificates::display(const QByteArray &fingerprint)
{
    return QString::fromLatin1(fingerprint.toHex(':').toUpper());
}

QByteArray KnownCertificates::fingerprint(const QString &hostPort) const
{
    return QByteArray::fromHex(QSettings().value(keyFor(hostPort)).toByteArray());
}

void KnownCertificates::remember(const QString &hostPort, const QByteArray &fingerprint)
{
    QSettings().setValue(keyFor(hostPort), QString::fromLatin1(fingerprint.toHex()));
}

void KnownCertificates::forget(const QString &hostPort)
{
    QSettings().remove(keyFor(hostPort));
}
