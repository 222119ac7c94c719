// SPDX-License-Identifier: MIT
#include "commands/Duration.h"

namespace Duration {

namespace {

qint64 unitSeconds(QChar unit)
{
    switch (unit.toLower().unicode()) {
    case 's':
        return 1;
    case 'm':
        return 60;
    case 'h':
        return 3600;
    case 'd':
        return 24 * 3600;
    default:
        return 0;
    }
}

} // namespace

bool looksLike(const QString &word)
{
    if (word.isEmpty())
        return false;
    const bool unit = unitSeconds(word.back()) != 0;
    const QStringView digits = QStringView(word).chopped(unit ? 1 : 0);
    return !digits.isEmpty() &&
           std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); });
}

std::optional<qint64> seconds(const QString &word, qint64 maxSeconds)
{
    if (!looksLike(word))
        return std::nullopt;
    const qint64 unit = unitSeconds(word.back());
    bool ok = false;
    const qint64 count = QStringView(word).chopped(unit != 0 ? 1 : 0).toLongLong(&ok);
    // Compared before multiplying: a count of digits can overflow a product.
    if (!ok || count < 1 || count > maxSeconds / std::max<qint64>(unit, 1))
        return std::nullopt;
    return count * std::max<qint64>(unit, 1);
}

} // namespace Duration
