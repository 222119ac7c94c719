// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

class QSslCertificate;

// The server certificates a person chose to trust although no authority vouches for them,
// one SHA-256 fingerprint per host:port, as ssh's known_hosts does. Kept in QSettings so the
// question is asked once per server, not once per session.
class KnownCertificates
{
public:
    static QByteArray fingerprintOf(const QSslCertificate &certificate);
    // "AB:CD:…", the form people compare with what the server's owner tells them.
    static QString display(const QByteArray &fingerprint);

    // Empty when nothing is remembered for hostPort.
    QByteArray fingerprint(const QString &hostPort) const;
    void remember(const QString &hostPort, const QByteArray &fingerprint);
    void forget(const QString &hostPort);
};
