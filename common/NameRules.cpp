// SPDX-License-Identifier: MIT
#include "NameRules.h"

#include "Protocol.h"

#include <QList>

namespace {

bool isNameCharacter(char32_t c)
{
    if (c == U'_' || c == U'-')
        return true;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Number_DecimalDigit:
        return true;
    default:
        return false;
    }
}

bool isNameStart(char32_t c)
{
    return c == U'_' || QChar::isLetter(c) || QChar::category(c) == QChar::Number_DecimalDigit;
}

bool isValidName(const QString &name, int maxLength)
{
    const QList<uint> codePoints = NameRules::normalized(name).toUcs4();
    if (codePoints.isEmpty() || codePoints.size() > maxLength)
        return false;
    if (!isNameStart(codePoints.first()))
        return false;
    for (uint c : codePoints) {
        if (!isNameCharacter(c))
            return false;
    }
    return true;
}

} // namespace

namespace NameRules {

bool isValidNick(const QString &nick)
{
    return isValidName(nick, Protocol::NickMaxLength);
}

bool isValidRoom(const QString &room)
{
    return isValidName(room, Protocol::RoomMaxLength);
}

QString normalized(const QString &name)
{
    return name.normalized(QString::NormalizationForm_KC);
}

QString key(const QString &name)
{
    // Folding can leave a string that is no longer in NFKC (a folded letter may compose with
    // a following mark differently), so it is normalised again: the key of a key is itself.
    return normalized(normalized(name).toCaseFolded());
}

bool same(const QString &a, const QString &b)
{
    return key(a) == key(b);
}

} // namespace NameRules
