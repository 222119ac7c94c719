// SPDX-License-Identifier: MIT
#include "web/HttpRequest.h"

namespace {

bool isTokenChar(char c)
{
    // RFC 9110's tchar: visible ASCII except delimiters.
    static constexpr QByteArrayView delimiters = "\"(),/:;<=>?@[\\]{}";
    return c > 0x20 && c < 0x7f && !delimiters.contains(c);
}

bool hasControlCharacters(QByteArrayView value)
{
    for (char c : value) {
        if ((uchar(c) < 0x20 && c != '\t') || c == 0x7f)
            return true;
    }
    return false;
}

bool listContains(const QByteArray &list, QByteArrayView word)
{
    for (const QByteArray &item : list.split(',')) {
        if (item.trimmed().compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

qsizetype HttpRequest::headEnd(QByteArrayView bytes)
{
    const qsizetype at = bytes.indexOf("\r\n\r\n");
    return at < 0 ? -1 : at + 4;
}

HttpRequest HttpRequest::parse(QByteArrayView head)
{
    HttpRequest request;
    if (!head.endsWith("\r\n\r\n"))
        return request;
    const QList<QByteArray> lines = head.chopped(4).toByteArray().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.endsWith('\r') && &line != &lines.last())
            return request; // a bare LF
    }
    const QByteArray requestLine =
        lines.first().endsWith('\r') ? lines.first().chopped(1) : lines.first();
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || !parts[1].startsWith('/') ||
        !parts[2].startsWith("HTTP/1.") || parts[2].size() != 8)
        return request;
    for (char c : parts[0]) {
        if (!isTokenChar(c))
            return request;
    }
    if (hasControlCharacters(parts[1]))
        return request;
    request.m_method = parts[0];
    const qsizetype query = parts[1].indexOf('?');
    request.m_path = query < 0 ? parts[1] : parts[1].left(query);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return request;
        const QByteArray name = line.left(colon).toLower();
        for (char c : name) {
            if (!isTokenChar(c))
                return request;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasControlCharacters(value))
            return request;
        request.m_headers.append({name, value});
    }
    request.m_valid = true;
    return request;
}

QByteArray HttpRequest::header(const char *name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key == name)
            return value;
    }
    return {};
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return listContains(header("upgrade"), "websocket") &&
           listContains(header("connection"), "upgrade");
}

QByteArray HttpRequest::host() const
{
    const QByteArray value = header("host");
    for (char c : value) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
                             c == '[' || c == ']';
        if (!allowed)
            return {};
    }
    return value;
}
