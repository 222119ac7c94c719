// SPDX-License-Identifier: MIT
#include "CertificateGuard.h"

#include "KnownCertificates.h"

#include <QSslSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

bool CertificateGuard::isUnvouched(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}

CertificateGuard::CertificateGuard(QSslSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    connect(m_socket, &QSslSocket::sslErrors, this, &CertificateGuard::check);
}

void CertificateGuard::reset(const QString &hostPort)
{
    m_verdict = Verdict::None;
    m_hostPort = hostPort;
    m_fingerprint.clear();
    m_subject.clear();
    m_errors.clear();
    // The socket keeps the errors it was told to ignore across connections; a certificate
    // forgotten since, or a question for another host, must not ride on an old answer.
    m_socket->ignoreSslErrors(QList<QSslError>());
}

void CertificateGuard::check(const QList<QSslError> &errors)
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    m_fingerprint = KnownCertificates::fingerprintOf(certificate);
    m_subject = certificate.subjectDisplayName();
    if (m_subject.isEmpty())
        m_subject = certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s);
    if (errors.isEmpty() ||
        !std::all_of(errors.begin(), errors.end(), &CertificateGuard::isUnvouched)) {
        m_verdict = Verdict::Invalid;
        m_errors = errors;
        return;
    }
    const QByteArray known = KnownCertificates().fingerprint(m_hostPort);
    if (known.isEmpty()) {
        m_verdict = Verdict::Unknown;
    } else if (known != m_fingerprint) {
        m_verdict = Verdict::Changed;
    } else {
        m_verdict = Verdict::Approved;
        // Exactly these errors: anything else found later still stops the handshake.
        m_socket->ignoreSslErrors(errors);
    }
}
