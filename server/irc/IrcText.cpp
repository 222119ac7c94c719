// SPDX-License-Identifier: MIT
#include "irc/IrcText.h"

namespace IrcText {

QString plain(QStringView text)
{
    QString kept;
    kept.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == 0x03) { // colour: up to two digits, then optionally a comma and two more
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
        if (c < 0x20 && c != u'\t')
            continue;
        if (c >= 0x7f && c < 0xa0)
            continue;
        kept += text[i];
    }
    return kept;
}

} // namespace IrcText
