// SPDX-License-Identifier: MIT
#include "Links.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QList<Links::Link> Links::find(const QString &text)
{
    static const QRegularExpression url(u"\\b(?:https?://|www\\.)[^\\s<>\"']+[^\\s<>\"'.,;:!?)]"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    QList<Link> links;
    for (const QRegularExpressionMatch &match : url.globalMatch(text)) {
        const QString address = match.captured();
        links.append({match.capturedStart(), match.capturedLength(),
                      address.startsWith("www."_L1, Qt::CaseInsensitive) ? u"http://"_s + address
                                                                         : address});
    }
    return links;
}
