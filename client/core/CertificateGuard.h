// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QSslError>

class QSslSocket;

// Watches a socket's TLS handshake. Certificates that pass ordinary verification (system CAs,
// host name) need nothing from it. One that fails only because it is self-signed or its issuer
// is unknown is let through when its fingerprint is the one remembered for this host:port
// (KnownCertificates); otherwise the handshake fails and verdict() says why, so the connection
// can ask the person, warn of a changed certificate or explain the error.
class CertificateGuard : public QObject
{
    Q_OBJECT

public:
    enum class Verdict {
        None,     // no certificate problem (yet)
        Approved, // self-signed or unknown issuer, but remembered
        Unknown,  // self-signed or unknown issuer, never seen: ask
        Changed,  // self-signed or unknown issuer, and not the remembered one
        Invalid,  // any other error: expired, wrong host name, revoked…
    };
    Q_ENUM(Verdict)

    explicit CertificateGuard(QSslSocket *socket, QObject *parent = nullptr);

    // Whether error only says that nobody vouches for the certificate (self-signed, unknown
    // issuer): the errors a remembered fingerprint can stand in for.
    static bool isUnvouched(const QSslError &error);

    // Before each connection: forgets the last verdict; answers are kept under hostPort.
    void reset(const QString &hostPort);

    Verdict verdict() const { return m_verdict; }
    QString hostPort() const { return m_hostPort; }
    QByteArray fingerprint() const { return m_fingerprint; }
    QString subject() const { return m_subject; }
    // Why the verdict is Invalid (empty otherwise), to explain it.
    QList<QSslError> errors() const { return m_errors; }

private:
    void check(const QList<QSslError> &errors);

    QSslSocket *m_socket;
    Verdict m_verdict = Verdict::None;
    QString m_hostPort;
    QByteArray m_fingerprint;
    QString m_subject;
    QList<QSslError> m_errors;
};
