// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// The configuration file's syntax, and nothing of what the keys mean (ServerOptions applies
// them). The grammar, one setting per line:
//
//   file    = *( line "\n" )
//   line    = blank / comment / setting
//   comment = *WSP "#" *CHAR          ; only whole lines: a value may contain "#"
//   setting = *WSP key *WSP "=" *WSP value *WSP
//   key     = 1*( ALPHA / DIGIT / "-" )
//   value   = *CHAR                   ; taken as it is, without quotes; may be empty
//
// A key may appear only once. The file is UTF-8; a byte-order mark is skipped.
class ConfigFile
{
public:
    struct Entry
    {
        int line = 0; // 1-based
        QString key;
        QString value;
    };

    // Reads path; false with errorString() ("file:line: why") when it cannot be read or a line
    // is not a setting.
    bool read(const QString &path);
    // The same from text already read; path is only for the messages.
    bool parse(const QString &path, const QByteArray &text);

    QString path() const { return m_path; }
    const QList<Entry> &entries() const { return m_entries; }
    QString errorString() const { return m_error; }
    // "file:line: " for messages about an entry.
    QString where(const Entry &entry) const;

private:
    QString m_path;
    QList<Entry> m_entries;
    QString m_error;
};
