// SPDX-License-Identifier: MIT
#include "net/TlsCredentials.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslKey>
#include <QSslSocket>

namespace {

QString credentialsText(const char *text)
{
    return QCoreApplication::translate("ChatServer", text);
}

} // namespace

namespace TlsCredentials {

bool load(const QString &certificateFile, const QString &keyFile, QSslConfiguration *out,
          QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = credentialsText(
            QT_TRANSLATE_NOOP("ChatServer", "TLS is not available: no TLS backend"));
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile);
    if (chain.isEmpty()) {
        *error = credentialsText(
                     QT_TRANSLATE_NOOP("ChatServer", "cannot read a PEM certificate from %1"))
                     .arg(certificateFile);
        return false;
    }
    QFile file(keyFile);
    QSslKey key;
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray pem = file.readAll();
        for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
            key = QSslKey(pem, algorithm);
            if (!key.isNull())
                break;
        }
    }
    if (key.isNull()) {
        *error = credentialsText(
                     QT_TRANSLATE_NOOP("ChatServer", "cannot read a PEM private key from %1"))
                     .arg(keyFile);
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    *out = tls;
    return true;
}

} // namespace TlsCredentials
