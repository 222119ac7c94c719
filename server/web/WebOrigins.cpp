// SPDX-License-Identifier: MIT
#include "web/WebOrigins.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

QString normalised(QString origin)
{
    origin = origin.trimmed().toLower();
    while (origin.endsWith(u'/'))
        origin.chop(1);
    return origin;
}

} // namespace

bool WebOrigins::allows(const QString &allowed, QByteArrayView origin, QByteArrayView host,
                        bool tls)
{
    if (origin.isEmpty())
        return true;
    const QString asked = normalised(QString::fromLatin1(origin));
    if (!allowed.trimmed().isEmpty()) {
        const QStringList origins = allowed.split(u',', Qt::SkipEmptyParts);
        for (const QString &entry : origins) {
            if (normalised(entry) == asked)
                return true;
        }
        return false;
    }
    const QString scheme = tls ? u"https"_s : u"http"_s;
    const int defaultPort = tls ? 443 : 80;
    const QUrl page(asked, QUrl::StrictMode);
    const QUrl self(scheme + u"://"_s + QString::fromLatin1(host).toLower(), QUrl::StrictMode);
    if (!page.isValid() || !self.isValid() || host.isEmpty() || !page.path().isEmpty())
        return false;
    return page.scheme() == scheme && page.host() == self.host() &&
           page.port(defaultPort) == self.port(defaultPort);
}
