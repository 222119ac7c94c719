// SPDX-License-Identifier: MIT
#include "web/WebFiles.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QByteArray contentType(QStringView name)
{
    if (name.endsWith(u".html"))
        return "text/html; charset=utf-8";
    if (name.endsWith(u".js"))
        return "text/javascript; charset=utf-8";
    if (name.endsWith(u".css"))
        return "text/css; charset=utf-8";
    if (name.endsWith(u".svg"))
        return "image/svg+xml";
    return {};
}

} // namespace

HttpResponse WebFiles::response(const QByteArray &path)
{
    static const QRegularExpression plainName(u"^/[A-Za-z0-9_-]+\\.(html|js|css|svg)$"_s);
    const QString name = path == "/" ? u"/index.html"_s : QString::fromLatin1(path);
    if (!plainName.match(name).hasMatch())
        return HttpResponse::error(404);
    QFile file(u":/web"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return HttpResponse::error(404);
    HttpResponse response;
    response.contentType = contentType(name);
    response.body = file.readAll();
    return response;
}
