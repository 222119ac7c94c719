// SPDX-License-Identifier: MIT
#include "irc/IrcText.h"

#include <algorithm>

namespace IrcText {

namespace {

// What plain() drops: control characters but tab (mIRC's formatting codes are among them),
// and the C1 controls.
bool isDropped(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || (u >= 0x7f && u < 0xa0);
}

} // namespace

QString plain(QStringView text)
{
    // Most lines carry no formatting at all: one copy, none character by character.
    const auto first = std::find_if(text.begin(), text.end(), isDropped);
    if (first == text.end())
        return text.toString();
    QString kept(text.size(), Qt::Uninitialized);
    QChar *out = std::copy(text.begin(), first, kept.data());
    for (qsizetype i = first - text.begin(); i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\x03') { // colour: up to two digits, then optionally a comma and two more
            auto digits = [&] {
                for (int n = 0; n < 2 && i + 1 < text.size() && text[i + 1].isDigit(); ++n)
                    ++i;
            };
            digits();
            if (i + 2 < text.size() && text[i + 1] == u',' && text[i + 2].isDigit()) {
                ++i;
                digits();
            }
            continue;
        }
        if (!isDropped(c))
            *out++ = c;
    }
    kept.truncate(out - kept.constData());
    return kept;
}

} // namespace IrcText
