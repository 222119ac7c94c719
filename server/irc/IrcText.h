// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace IrcText {

// text without mIRC formatting (bold, colours with their digits, italics, reset...) and
// control characters: it means nothing to the other clients, and control characters are
// refused in chat text. CTCP's \x01 is read before this. Tabs stay.
QString plain(QStringView text);

} // namespace IrcText
