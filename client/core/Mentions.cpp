// SPDX-License-Identifier: MIT
#include "Mentions.h"

namespace {

char32_t codePointBefore(const QString &text, qsizetype pos)
{
    if (pos <= 0)
        return 0;
    const QChar low = text.at(pos - 1);
    if (low.isLowSurrogate() && pos >= 2 && text.at(pos - 2).isHighSurrogate())
        return QChar::surrogateToUcs4(text.at(pos - 2), low);
    return low.unicode();
}

char32_t codePointAt(const QString &text, qsizetype pos)
{
    if (pos >= text.size())
        return 0;
    const QChar high = text.at(pos);
    if (high.isHighSurrogate() && pos + 1 < text.size() && text.at(pos + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(high, text.at(pos + 1));
    return high.unicode();
}

// A script written without spaces between words.
bool isUnspaced(char32_t c)
{
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

// A character that could continue a name (NameRules: letters, marks, digits, '_', '-').
bool continuesName(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) || c == U'_' || c == U'-';
}

// The name's edge character `inside` touches `outside`: is that a word boundary?
bool isBoundary(char32_t outside, char32_t inside)
{
    return outside == 0 || !continuesName(outside) || isUnspaced(outside) || isUnspaced(inside);
}

} // namespace

QList<Mentions::Range> Mentions::find(const QString &text, const QString &nick)
{
    QList<Range> found;
    if (nick.isEmpty())
        return found;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(nick, from, Qt::CaseInsensitive);
        if (at < 0)
            break;
        const qsizetype end = at + nick.size();
        if (isBoundary(codePointBefore(text, at), codePointAt(nick, 0)) &&
            isBoundary(codePointAt(text, end), codePointBefore(nick, nick.size())))
            found.append({at, nick.size()});
        from = at + 1;
    }
    return found;
}

bool Mentions::contains(const QString &text, const QString &nick)
{
    return !find(text, nick).isEmpty();
}
