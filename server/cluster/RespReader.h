// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/RespValue.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Reads Redis's replies (RESP2 and RESP3) from a byte stream as it arrives in pieces:
//
//   value     = simple / error / integer / bulk / array / RESP3 types
//   simple    = "+" text CRLF           error  = "-" text CRLF     integer = ":" [-]digits CRLF
//   bulk      = "$" length CRLF bytes CRLF | "$-1" CRLF
//   array     = "*" count CRLF value{count} | "*-1" CRLF
//   RESP3     = "_" CRLF | "#" (t|f) CRLF | "," double CRLF | "(" digits CRLF
//             | ("!" | "=") length CRLF bytes CRLF
//             | ("~" | ">") count CRLF value{count} | "%" count CRLF (value value){count}
//             | "|" count CRLF (value value){count} value      (an attribute, then the reply)
//
// Redis is trusted to speak the protocol, but a broken connection or a wrong port must not take
// the server down or eat its memory: every length is checked against Limits before anything
// is buffered for it, nesting is bounded, and anything malformed is an error after which the
// reader refuses everything (the connection must be dropped: the stream cannot be resynced).
class RespReader
{
public:
    struct Limits
    {
        qsizetype maxBulkBytes = 64 * 1024 * 1024; // one string (a chat line is far smaller)
        qsizetype maxElements = 1024 * 1024;       // one array, set, map or push
        int maxDepth = 16;                         // arrays within arrays
    };

    RespReader() = default;
    explicit RespReader(const Limits &limits)
        : m_limits(limits)
    {
    }

    // Adds bytes as they arrive from the socket.
    void append(QByteArrayView bytes);

    // The next complete reply, or nothing until more bytes arrive (or after an error).
    std::optional<RespValue> next();

    bool hasError() const { return !m_error.isEmpty(); }
    // What was wrong, in English, for the log: the stream is not usable after it.
    QString errorString() const { return m_error; }
    // Bytes received and not yet returned as replies.
    qsizetype buffered() const { return m_buffer.size() - m_start; }

private:
    enum class Parse { Done, NeedMore, Failed };
    Parse parse(qsizetype &pos, RespValue &value, int depth);
    Parse parseLine(qsizetype &pos, QByteArrayView &line);
    Parse parseLength(qsizetype &pos, qint64 &length, qsizetype limit);
    Parse parseBlob(qsizetype &pos, qint64 length, QByteArray &bytes);
    Parse parseElements(qsizetype &pos, qint64 count, RespValue &value, int depth);
    Parse fail(const QString &why);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_start = 0;  // where the next reply begins in m_buffer
    qsizetype m_needed = 0; // the buffer size a long string waits for before parsing again
    QString m_error;
};
