// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// One IRC line (RFC 1459/2812 with IRCv3 message tags), parsed or to be written:
//   [@tag[=value];tag… ] [:source ] COMMAND [param …] [:trailing param]
// The IRC front end, its tests and the benchmark's IRC mode share it, so that what the server
// writes is read back by the same rules. Framing (CR LF, line length) is the caller's.
class IrcMessage
{
public:
    using Tag = std::pair<QString, QString>;

    enum class ParseError {
        None,
        Empty,        // nothing but spaces: RFC 2812 says to ignore it silently
        NoCommand,    // tags or a source, then nothing
        BadCommand,   // not letters, nor three digits (the message keeps its tags, source and
                      // that word as its command)
        NotUtf8,      // the line is not UTF-8 (the server is UTF8ONLY)
        TagsTooLong,  // the tag part is over MaxClientTagBytes
        ControlBytes, // NUL in the line
    };

    // What a client may send as tags (IRCv3 message-tags: 4094 bytes plus "@" and a space).
    static constexpr qsizetype MaxClientTagBytes = 4096;
    // RFC 2812's limit on the rest of the line, CR LF included.
    static constexpr qsizetype MaxBodyBytes = 512;

    IrcMessage() = default;
    IrcMessage(QString command, QStringList params = {}, QString source = {})
        : m_source(std::move(source))
        , m_command(std::move(command))
        , m_params(std::move(params))
    {
    }

    // Parses a line without its CR LF. On failure the message is empty and *error says why.
    static IrcMessage parse(QByteArrayView line, ParseError *error = nullptr);

    // The line to send, CR LF included. The last parameter gets a ':' when it needs one
    // (empty, has a space, starts with ':'), so that any text survives the trip.
    QByteArray toLine() const;

    const QList<Tag> &tags() const { return m_tags; }
    // The value of tag key, or a null string when the message does not carry it.
    QString tag(QStringView key) const;
    bool hasTag(QStringView key) const;
    void addTag(const QString &key, const QString &value = {}) { m_tags.append({key, value}); }

    const QString &source() const { return m_source; }
    // The nickname in a source of the form nick!user@host.
    QString sourceNick() const;
    void setSource(const QString &source) { m_source = source; }

    const QString &command() const { return m_command; }
    const QStringList &params() const { return m_params; }
    // Parameter i, or an empty string when there are not that many.
    QString param(qsizetype i) const { return m_params.value(i); }
    qsizetype paramCount() const { return m_params.size(); }

    bool isNull() const { return m_command.isEmpty(); }

    // IRCv3 tag value escaping: ';' ' ' '\' CR LF as \: \s \\ \r \n.
    static QString escapeTagValue(QStringView value);
    static QString unescapeTagValue(QStringView value);

private:
    QList<Tag> m_tags;
    QString m_source;
    QString m_command; // upper case
    QStringList m_params;
};
