// SPDX-License-Identifier: MIT
#include "NickCompleter.h"

#include "NameRules.h"

#include <optional>

using namespace Qt::StringLiterals;

void NickCompleter::setCandidates(const QStringList &nicks)
{
    m_candidates.clear();
    QStringList keys;
    for (const QString &nick : nicks) {
        const QString key = NameRules::key(nick);
        if (!keys.contains(key)) {
            keys << key;
            m_candidates << nick;
        }
    }
}

void NickCompleter::reset()
{
    m_matches.clear();
}

std::optional<NickCompleter::Edit> NickCompleter::complete(const QString &text, qsizetype cursor)
{
    reset();
    qsizetype start = cursor;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    QString prefix = text.mid(start, cursor - start);
    if (prefix.startsWith(u'@')) { // "@bo" completes to "@bob"
        ++start;
        prefix.remove(0, 1);
    }
    if (prefix.isEmpty())
        return std::nullopt;
    for (const QString &nick : std::as_const(m_candidates)) {
        if (nick.startsWith(prefix, Qt::CaseInsensitive))
            m_matches << nick;
    }
    if (m_matches.isEmpty())
        return std::nullopt;
    m_start = start;
    m_length = prefix.size();
    m_atLineStart = text.left(start).trimmed().isEmpty();
    m_match = 0;
    return edit(0);
}

std::optional<NickCompleter::Edit> NickCompleter::next()
{
    if (m_matches.isEmpty())
        return std::nullopt;
    m_match = (m_match + 1) % int(m_matches.size());
    return edit(m_match);
}

NickCompleter::Edit NickCompleter::edit(int match)
{
    const QString text = m_matches.at(match) + (m_atLineStart ? u": "_s : u" "_s);
    const Edit result{m_start, m_length, text};
    m_length = text.size();
    return result;
}
