// SPDX-License-Identifier: MIT
#pragma once

#include <QMessageBox>

// "Trust this certificate for host:port?", asked the first time a server shows a certificate no
// authority vouches for, with what a person needs to check it against the owner's word.
class CertificateQuestion : public QMessageBox
{
    Q_OBJECT

public:
    CertificateQuestion(const QString &hostPort, const QByteArray &fingerprint,
                        const QString &subject, QWidget *parent = nullptr);

    // Once finished: the person chose to trust it.
    bool isTrusted() const { return clickedButton() == m_trust; }

private:
    QAbstractButton *m_trust;
};
