// SPDX-License-Identifier: MIT
#include "TimeAnchor.h"

#include <QDateTime>

namespace TimeAnchor {

std::optional<qint64> parse(QStringView word)
{
    // QDateTime's ISO parser also takes other forms (no milliseconds, offsets, a space for
    // "T"): the shape is checked first, so that one time has one spelling.
    static constexpr char Shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (word.size() != qsizetype(sizeof Shape) - 1)
        return std::nullopt;
    for (qsizetype i = 0; i < word.size(); ++i) {
        const char16_t c = word[i].unicode();
        if (Shape[i] == 'd' ? (c < u'0' || c > u'9') : c != char16_t(Shape[i]))
            return std::nullopt;
    }
    const QDateTime time = QDateTime::fromString(word.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

} // namespace TimeAnchor
