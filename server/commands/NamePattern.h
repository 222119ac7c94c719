// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// The filter of list and who: a piece of a name ("gam" finds "games" and "endgame"), or a
// pattern with * (any characters) and ? (one character) that the whole name must match
// ("gam*", "*2026"). Matched against NameRules::key(), so case, width and accents typed as
// one character or two do not matter. Matching takes time in proportion to the name's length
// times the pattern's, never more: a pattern cannot make the server backtrack for ever, as a
// regular expression could.
class NamePattern
{
public:
    // Matches every name.
    NamePattern() = default;
    // A leading '#' is dropped ("#games" is a room's name as people write it).
    explicit NamePattern(const QString &text);

    // The filter as the person gave it (in NFKC), for the replies; empty for none.
    QString text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    // Not longer than Protocol::ListPatternMaxLength.
    bool isValid() const;

    bool matches(const QString &key) const;
    // Whether the filter is the name of key itself, with or without wildcards around or in it
    // ("evan", "evan*"; not "eva*"): it names that one, and does not search.
    bool names(const QString &key) const;

private:
    QString m_text;
    QString m_key;          // the filter as a key
    QList<char32_t> m_glob; // with wildcards: the key in code points; empty: a substring
};
