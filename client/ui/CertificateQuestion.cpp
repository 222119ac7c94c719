// SPDX-License-Identifier: MIT
#include "CertificateQuestion.h"

#include "KnownCertificates.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

CertificateQuestion::CertificateQuestion(const QString &hostPort, const QByteArray &fingerprint,
                                         const QString &subject, QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(u"certificateQuestion"_s);
    setIcon(QMessageBox::Question);
    setWindowTitle(tr("Unknown certificate"));
    setText(tr("Trust this certificate for %1?").arg(hostPort));
    const QString fingerprintText = KnownCertificates::display(fingerprint);
    setInformativeText(
        tr("No certificate authority vouches for this server's certificate: it is self-signed "
           "or its issuer is unknown. Trust it only if its fingerprint is the one the server's "
           "owner gave you.<br><br><b>Subject:</b> %1<br><b>SHA-256 fingerprint:</b><br>"
           "<code>%2</code>")
            .arg(subject.toHtmlEscaped(), fingerprintText));
    setTextFormat(Qt::RichText);
    m_trust = addButton(tr("&Trust"), QMessageBox::AcceptRole);
    m_trust->setObjectName(u"trust"_s);
    auto *refuse = addButton(tr("&Do not connect"), QMessageBox::RejectRole);
    refuse->setObjectName(u"refuse"_s);
    setEscapeButton(refuse);
    // Saying yes by pressing Enter without reading would defeat the question.
    setDefaultButton(refuse);
}
