// SPDX-License-Identifier: MIT
#include "cluster/RespReader.h"

using namespace Qt::StringLiterals;

namespace {

// Longer than any number or simple reply Redis sends: a line without its end past this is an
// error, not a reason to buffer more.
constexpr qsizetype MaxLineBytes = 64 * 1024;

bool toInteger(QByteArrayView text, qint64 &value)
{
    bool ok = false;
    value = text.toLongLong(&ok);
    // toLongLong accepts surrounding spaces and a "+", which the protocol never sends.
    return ok && !text.isEmpty() && text.front() != ' ' && text.back() != ' ' &&
           text.front() != '+';
}

} // namespace

void RespReader::append(QByteArrayView bytes)
{
    if (hasError())
        return;
    // Replies already returned are dropped once they are most of the buffer, so that a busy
    // stream neither grows without end nor moves its bytes for every reply.
    if (m_start > 0 && m_start >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_start);
        m_needed = qMax<qsizetype>(0, m_needed - m_start);
        m_start = 0;
    }
    m_buffer.append(bytes);
}

std::optional<RespValue> RespReader::next()
{
    if (hasError() || m_start == m_buffer.size() || m_buffer.size() < m_needed)
        return std::nullopt;
    // A reply is parsed from its first byte each time bytes arrive until it is complete: replies
    // here are small (acknowledgements, pub/sub messages), and a long string is not parsed
    // again before all its bytes are in (m_needed).
    qsizetype pos = m_start;
    RespValue value;
    m_needed = 0;
    if (parse(pos, value, 0) != Parse::Done)
        return std::nullopt;
    m_start = pos;
    if (m_start == m_buffer.size()) {
        m_buffer.clear();
        m_start = 0;
    }
    return value;
}

RespReader::Parse RespReader::fail(const QString &why)
{
    m_error = why;
    m_buffer.clear();
    m_start = 0;
    m_needed = 0;
    return Parse::Failed;
}

RespReader::Parse RespReader::parseLine(qsizetype &pos, QByteArrayView &line)
{
    const qsizetype end = m_buffer.indexOf("\r\n", pos);
    if (end < 0) {
        if (m_buffer.size() - pos > MaxLineBytes)
            return fail(u"a reply line longer than %1 bytes"_s.arg(MaxLineBytes));
        return Parse::NeedMore;
    }
    line = QByteArrayView(m_buffer).sliced(pos, end - pos);
    pos = end + 2;
    return Parse::Done;
}

RespReader::Parse RespReader::parseLength(qsizetype &pos, qint64 &length, qsizetype limit)
{
    QByteArrayView line;
    if (const Parse p = parseLine(pos, line); p != Parse::Done)
        return p;
    if (!toInteger(line, length) || length < -1)
        return fail(u"a bad length: %1"_s.arg(
            QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 32)))));
    if (length > limit)
        return fail(u"a length of %1, over the limit of %2"_s.arg(length).arg(limit));
    return Parse::Done;
}

RespReader::Parse RespReader::parseBlob(qsizetype &pos, qint64 length, QByteArray &bytes)
{
    if (m_buffer.size() - pos < length + 2) {
        m_needed = pos + length + 2;
        return Parse::NeedMore;
    }
    if (m_buffer.at(pos + length) != '\r' || m_buffer.at(pos + length + 1) != '\n')
        return fail(u"a string not ended by CRLF where its length says"_s);
    bytes = m_buffer.sliced(pos, length);
    pos += length + 2;
    return Parse::Done;
}

RespReader::Parse RespReader::parseElements(qsizetype &pos, qint64 count, RespValue &value,
                                            int depth)
{
    if (depth >= m_limits.maxDepth)
        return fail(u"replies nested deeper than %1"_s.arg(m_limits.maxDepth));
    // Not reserved from count: a count is only a promise until its elements arrive.
    for (qint64 i = 0; i < count; ++i) {
        RespValue element;
        if (const Parse p = parse(pos, element, depth + 1); p != Parse::Done)
            return p;
        value.elements.append(std::move(element));
    }
    return Parse::Done;
}

RespReader::Parse RespReader::parse(qsizetype &pos, RespValue &value, int depth)
{
    using T = RespValue::Type;
    if (pos >= m_buffer.size())
        return Parse::NeedMore;
    const char kind = m_buffer.at(pos++);
    switch (kind) {
    case '+':
    case '-':
    case ',':
    case '(': {
        QByteArrayView line;
        if (const Parse p = parseLine(pos, line); p != Parse::Done)
            return p;
        value.type = kind == '+'   ? T::SimpleString
                     : kind == '-' ? T::Error
                     : kind == ',' ? T::Double
                                   : T::BigNumber;
        value.bytes = line.toByteArray();
        return Parse::Done;
    }
    case ':': {
        QByteArrayView line;
        if (const Parse p = parseLine(pos, line); p != Parse::Done)
            return p;
        if (!toInteger(line, value.integer))
            return fail(u"a bad integer: %1"_s.arg(
                QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 32)))));
        value.type = T::Integer;
        return Parse::Done;
    }
    case '_':
    case '#': {
        QByteArrayView line;
        if (const Parse p = parseLine(pos, line); p != Parse::Done)
            return p;
        if (kind == '_') {
            if (!line.isEmpty())
                return fail(u"a null with a value"_s);
            value.type = T::Null;
            return Parse::Done;
        }
        if (line != "t" && line != "f")
            return fail(u"a bad boolean"_s);
        value.type = T::Boolean;
        value.integer = line == "t" ? 1 : 0;
        return Parse::Done;
    }
    case '$':
    case '!':
    case '=': {
        qint64 length = 0;
        if (const Parse p = parseLength(pos, length, m_limits.maxBulkBytes); p != Parse::Done)
            return p;
        if (length == -1) {
            if (kind != '$')
                return fail(u"a null where only a string may be"_s);
            value.type = T::Null;
            return Parse::Done;
        }
        if (const Parse p = parseBlob(pos, length, value.bytes); p != Parse::Done)
            return p;
        value.type = kind == '!' ? T::Error : T::BulkString;
        if (kind == '=') {
            // A verbatim string starts with its format ("txt:"), which callers have no use for.
            if (value.bytes.size() < 4 || value.bytes.at(3) != ':')
                return fail(u"a verbatim string without its format"_s);
            value.bytes.remove(0, 4);
        }
        return Parse::Done;
    }
    case '*':
    case '~':
    case '>':
    case '%':
    case '|': {
        qint64 count = 0;
        if (const Parse p = parseLength(pos, count, m_limits.maxElements); p != Parse::Done)
            return p;
        if (count == -1) {
            if (kind != '*')
                return fail(u"a null where only an array may be"_s);
            value.type = T::Null;
            return Parse::Done;
        }
        const bool pairs = kind == '%' || kind == '|';
        if (pairs && count > m_limits.maxElements / 2)
            return fail(u"a map of %1 pairs, over the limit"_s.arg(count));
        if (kind == '|') {
            // An attribute describes the reply after it; it is read and dropped.
            RespValue attribute;
            if (const Parse p = parseElements(pos, count * 2, attribute, depth); p != Parse::Done)
                return p;
            return parse(pos, value, depth + 1);
        }
        value.type = kind == '*'   ? T::Array
                     : kind == '~' ? T::Array
                     : kind == '>' ? T::Push
                                   : T::Map;
        return parseElements(pos, pairs ? count * 2 : count, value, depth);
    }
    default:
        return fail(u"an unknown reply type %1"_s.arg(int(static_cast<unsigned char>(kind))));
    }
}
