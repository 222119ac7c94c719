// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

// One response of the web front end, head and body, with the headers every response carries
// whatever its status: a strict Content-Security-Policy (scripts, styles and images from this
// server only, nothing inline; WebSockets to this host only), nosniff, no framing, no referrer,
// no caching of what a restart may change, and Connection: close (one request per connection:
// the page is four small files). No cookies, ever.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray body;
    QByteArray extraHeaders; // whole lines, each ending with CRLF (Allow: GET, HEAD)

    // The bytes to send. host is the request's Host header as HttpRequest::host() checked it
    // (empty when there is none: then connect-src allows only 'self'); headOnly leaves the body
    // out but keeps its Content-Length, as HEAD asks.
    QByteArray toBytes(const QByteArray &host, bool headOnly = false) const;

    // A short plain-text response for an error status: the reason phrase as its body.
    static HttpResponse error(int status);
    static QByteArray reasonPhrase(int status);
};
