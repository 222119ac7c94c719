// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// Completes the nickname being typed, as Tab does in chat programs: the word before the cursor
// is a prefix, the candidates are tried in order (those who spoke last first), and pressing
// Tab again replaces the completion with the next candidate. A name completed at the start of
// the line gets ": " after it, elsewhere a space.
class NickCompleter
{
public:
    struct Edit
    {
        qsizetype start;  // where the replaced text starts
        qsizetype length; // how long it is
        QString text;     // what replaces it
        bool operator==(const Edit &) const = default;
    };

    // Candidates in order of preference; names may repeat (the first one counts).
    void setCandidates(const QStringList &nicks);
    // The first completion of the word before cursor in text, or none (no word, no match).
    std::optional<Edit> complete(const QString &text, qsizetype cursor);
    // The next completion after complete() or next(), or none; cycles through the matches.
    std::optional<Edit> next();
    // Typing anything else ends a round of completions.
    void reset();
    bool isCompleting() const { return !m_matches.isEmpty(); }

private:
    Edit edit(int match); // and notes the length it puts there

    QStringList m_candidates;
    QStringList m_matches;
    int m_match = 0;
    qsizetype m_start = 0;
    qsizetype m_length = 0; // of the text the last completion put there
    bool m_atLineStart = false;
};
