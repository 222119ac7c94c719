// SPDX-License-Identifier: MIT
#include "commands/NamePattern.h"

#include "NameRules.h"
#include "Protocol.h"

#include <QStringView>

namespace {

QList<char32_t> codePoints(QStringView text)
{
    QList<char32_t> points;
    points.reserve(text.size());
    for (const char32_t c : text.toUcs4())
        points.append(c);
    return points;
}

// The classic wildcard match: on a mismatch, go back to the last '*' and let it take one more
// character. Each '*' is tried from one place at a time, so the work is at most
// name × pattern steps.
bool globMatches(const QList<char32_t> &glob, const QList<char32_t> &name)
{
    qsizetype g = 0;
    qsizetype n = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (n < name.size()) {
        if (g < glob.size() && (glob[g] == U'?' || glob[g] == name[n])) {
            ++g;
            ++n;
        } else if (g < glob.size() && glob[g] == U'*') {
            star = g++;
            resume = n;
        } else if (star >= 0) {
            g = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == U'*')
        ++g;
    return g == glob.size();
}

} // namespace

NamePattern::NamePattern(const QString &text)
    : m_text(NameRules::normalized(text.startsWith(u'#') ? text.sliced(1) : text))
    , m_key(NameRules::key(m_text))
{
    if (m_key.contains(u'*') || m_key.contains(u'?'))
        m_glob = codePoints(m_key);
}

bool NamePattern::names(const QString &key) const
{
    if (m_glob.isEmpty())
        return m_key == key;
    QString bare = m_key;
    bare.remove(u'*');
    bare.remove(u'?');
    return bare == key;
}

bool NamePattern::isValid() const
{
    return m_text.toUcs4().size() <= Protocol::ListPatternMaxLength;
}

bool NamePattern::matches(const QString &key) const
{
    if (m_key.isEmpty())
        return true;
    if (m_glob.isEmpty())
        return key.contains(m_key);
    return globMatches(m_glob, codePoints(key));
}
