// SPDX-License-Identifier: MIT
#include "IrcMessage.h"

#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// RFC 2812 separates parameters with one space; clients and servers in the wild send several,
// and every modern parser takes a run of them as one.
void skipSpaces(QStringView line, qsizetype *pos)
{
    while (*pos < line.size() && line[*pos] == u' ')
        ++*pos;
}

QStringView word(QStringView line, qsizetype *pos)
{
    const qsizetype start = *pos;
    while (*pos < line.size() && line[*pos] != u' ')
        ++*pos;
    return line.sliced(start, *pos - start);
}

bool isCommand(QStringView command)
{
    const auto isLetter = [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
    };
    const auto isDigit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    if (command.size() == 3 && std::all_of(command.begin(), command.end(), isDigit))
        return true;
    return !command.isEmpty() && std::all_of(command.begin(), command.end(), isLetter);
}

IrcMessage failed(IrcMessage::ParseError why, IrcMessage::ParseError *error)
{
    if (error)
        *error = why;
    return {};
}

} // namespace

IrcMessage IrcMessage::parse(QByteArrayView bytes, ParseError *error)
{
    if (error)
        *error = ParseError::None;
    if (bytes.contains('\0'))
        return failed(ParseError::ControlBytes, error);
    if (bytes.startsWith('@')) {
        const qsizetype space = bytes.indexOf(' ');
        if ((space < 0 ? bytes.size() : space + 1) > MaxClientTagBytes)
            return failed(ParseError::TagsTooLong, error);
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return failed(ParseError::NotUtf8, error);

    const QStringView line(text);
    IrcMessage message;
    qsizetype pos = 0;
    skipSpaces(line, &pos);
    if (pos == line.size())
        return failed(ParseError::Empty, error);
    if (line[pos] == u'@') {
        ++pos;
        for (QStringView item : word(line, &pos).split(u';', Qt::SkipEmptyParts)) {
            const qsizetype equals = item.indexOf(u'=');
            const QString key = item.first(equals < 0 ? item.size() : equals).toString();
            const QString value =
                equals < 0 ? QString() : unescapeTagValue(item.sliced(equals + 1));
            if (key.isEmpty())
                continue;
            // A key given twice: the last one counts (IRCv3 message-tags).
            auto same = std::find_if(message.m_tags.begin(), message.m_tags.end(),
                                     [&key](const Tag &tag) { return tag.first == key; });
            if (same != message.m_tags.end())
                same->second = value;
            else
                message.m_tags.append({key, value});
        }
        skipSpaces(line, &pos);
    }
    if (pos < line.size() && line[pos] == u':') {
        ++pos;
        message.m_source = word(line, &pos).toString();
        skipSpaces(line, &pos);
    }
    if (pos == line.size())
        return failed(ParseError::NoCommand, error);
    const QStringView command = word(line, &pos);
    message.m_command = command.toString().toUpper();
    if (!isCommand(command)) {
        // Kept with its tags: the 421 that answers it names the word and carries its label.
        if (error)
            *error = ParseError::BadCommand;
        message.m_params.clear();
        return message;
    }
    for (;;) {
        skipSpaces(line, &pos);
        if (pos == line.size())
            break;
        if (line[pos] == u':') {
            message.m_params.append(line.sliced(pos + 1).toString());
            break;
        }
        message.m_params.append(word(line, &pos).toString());
    }
    return message;
}

QByteArray IrcMessage::toLine() const
{
    QString line;
    if (!m_tags.isEmpty()) {
        line += u'@';
        for (qsizetype i = 0; i < m_tags.size(); ++i) {
            if (i > 0)
                line += u';';
            line += m_tags[i].first;
            if (!m_tags[i].second.isEmpty())
                line += u'=' + escapeTagValue(m_tags[i].second);
        }
        line += u' ';
    }
    if (!m_source.isEmpty())
        line += u':' + m_source + u' ';
    line += m_command;
    for (qsizetype i = 0; i < m_params.size(); ++i) {
        const QString &param = m_params[i];
        const bool last = i == m_params.size() - 1;
        line += u' ';
        if (last && (param.isEmpty() || param.contains(u' ') || param.startsWith(u':')))
            line += u':';
        line += param;
    }
    QByteArray bytes = line.toUtf8();
    bytes += "\r\n";
    return bytes;
}

QString IrcMessage::tag(QStringView key) const
{
    for (const Tag &tag : m_tags) {
        if (tag.first == key)
            return tag.second.isNull() ? u""_s : tag.second;
    }
    return {};
}

bool IrcMessage::hasTag(QStringView key) const
{
    return std::any_of(m_tags.cbegin(), m_tags.cend(),
                       [key](const Tag &tag) { return tag.first == key; });
}

QString IrcMessage::sourceNick() const
{
    const qsizetype bang = m_source.indexOf(u'!');
    const qsizetype at = m_source.indexOf(u'@');
    qsizetype end = m_source.size();
    if (bang >= 0)
        end = bang;
    else if (at >= 0)
        end = at;
    return m_source.first(end);
}

QString IrcMessage::escapeTagValue(QStringView value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u';':
            escaped += u"\\:"_s;
            break;
        case u' ':
            escaped += u"\\s"_s;
            break;
        case u'\\':
            escaped += u"\\\\"_s;
            break;
        case u'\r':
            escaped += u"\\r"_s;
            break;
        case u'\n':
            escaped += u"\\n"_s;
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QString IrcMessage::unescapeTagValue(QStringView value)
{
    QString plain;
    plain.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] != u'\\') {
            plain += value[i];
            continue;
        }
        if (++i == value.size())
            break; // a lone backslash at the end is dropped
        switch (value[i].unicode()) {
        case u':':
            plain += u';';
            break;
        case u's':
            plain += u' ';
            break;
        case u'r':
            plain += u'\r';
            break;
        case u'n':
            plain += u'\n';
            break;
        default: // "\\" and any other escaped character stand for themselves
            plain += value[i];
        }
    }
    return plain;
}
