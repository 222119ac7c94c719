// SPDX-License-Identifier: MIT
#include "web/HttpResponse.h"

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    }
    return "Error";
}

HttpResponse HttpResponse::error(int status)
{
    HttpResponse response;
    response.status = status;
    response.body = QByteArray::number(status) + ' ' + reasonPhrase(status) + '\n';
    return response;
}

QByteArray HttpResponse::toBytes(const QByteArray &host, bool headOnly) const
{
    QByteArray connectSources = "'self'";
    if (!host.isEmpty())
        connectSources += " ws://" + host + " wss://" + host;
    QByteArray bytes =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bytes += "Content-Type: " + contentType + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; "
             "img-src 'self'; manifest-src 'self'; connect-src " +
             connectSources + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'\r\n";
    bytes += "X-Content-Type-Options: nosniff\r\n"
             "X-Frame-Options: DENY\r\n"
             "Referrer-Policy: no-referrer\r\n"
             "Cross-Origin-Opener-Policy: same-origin\r\n"
             "Cache-Control: no-cache\r\n"
             "Connection: close\r\n";
    bytes += extraHeaders;
    bytes += "\r\n";
    if (!headOnly)
        bytes += body;
    return bytes;
}
