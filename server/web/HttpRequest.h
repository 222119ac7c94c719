// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

// The head of one HTTP/1.x request, as the web front end reads it before it answers with a file
// or hands the connection to the WebSocket handshake. A pure parser: it never touches a socket.
//
//   head        = request-line *( header-line ) CRLF
//   request-line = method SP target SP "HTTP/1." DIGIT CRLF
//   header-line = name ":" OWS value OWS CRLF        ; name: no spaces, no control characters
//
// Only what the front end needs is kept: the method, the path (the target without its query),
// and the headers, names in lower case. A head with a control character (other than TAB in a
// value), a bare LF or a malformed line is invalid: it is answered 400, never guessed at.
class HttpRequest
{
public:
    // The longest head the front end reads; a longer one is answered 431. Browsers send about
    // 1 KB, with cookies (which this server never sets) rarely over 4 KB.
    static constexpr qsizetype MaxHeadBytes = 8192;

    // Where the head ends in bytes (just after its empty line), or -1 when it has not ended.
    static qsizetype headEnd(QByteArrayView bytes);
    static HttpRequest parse(QByteArrayView head);

    bool isValid() const { return m_valid; }
    QByteArray method() const { return m_method; }
    QByteArray path() const { return m_path; }
    // The value of the first header called name (lower case), or a null array.
    QByteArray header(const char *name) const;
    // Whether the request asks to become a WebSocket (Upgrade: websocket, Connection: upgrade).
    bool isWebSocketUpgrade() const;
    // The Host header when it is a plain host[:port] (letters, digits, '.', '-', ':', '[', ']'):
    // it goes into response headers, so nothing else may pass. Empty otherwise.
    QByteArray host() const;

private:
    QByteArray m_method;
    QByteArray m_path;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    bool m_valid = false;
};
