// SPDX-License-Identifier: MIT
#include "ChatColors.h"

#include "NameRules.h"

#include <array>

ChatColors ChatColors::of(const QPalette &palette)
{
    ChatColors colors;
    colors.dark = palette.color(QPalette::Base).lightness() < 128;
    colors.text = palette.color(QPalette::Text);
    if (colors.dark) {
        colors.time = QColor(0x8b, 0x93, 0x9e);
        colors.notice = QColor(0x9a, 0xa3, 0xae);
        colors.error = QColor(0xff, 0x8a, 0x80);
        colors.divider = QColor(0xf0, 0xb4, 0x5a);
        colors.marker = QColor(0xff, 0x6b, 0x6b);
        colors.link = QColor(0x7a, 0xb7, 0xff);
        colors.ownBackground = QColor(0x1f, 0x2d, 0x40);
        colors.mentionBackground = QColor(0x4a, 0x3b, 0x12);
        colors.mentionBar = QColor(0xf5, 0xb7, 0x2e);
        colors.dayLine = QColor(0x4b, 0x52, 0x5c);
    } else {
        colors.time = QColor(0x8a, 0x8f, 0x98);
        colors.notice = QColor(0x6b, 0x72, 0x80);
        colors.error = QColor(0xb4, 0x23, 0x18);
        colors.divider = QColor(0xb4, 0x53, 0x09);
        colors.marker = QColor(0xd9, 0x2d, 0x20);
        colors.link = QColor(0x15, 0x65, 0xc0);
        colors.ownBackground = QColor(0xea, 0xf2, 0xfd);
        colors.mentionBackground = QColor(0xff, 0xf4, 0xce);
        colors.mentionBar = QColor(0xe0, 0xa1, 0x00);
        colors.dayLine = QColor(0xd8, 0xdc, 0xe1);
    }
    colors.badge = palette.color(QPalette::Mid);
    colors.badgeText = colors.dark ? QColor(Qt::white) : QColor(0x1f, 0x29, 0x37);
    colors.mentionBadge = QColor(0xd9, 0x2d, 0x20);
    return colors;
}

QColor ChatColors::nick(const QString &nick) const
{
    // Dark enough to read on white, far enough apart to tell people apart.
    static const std::array<QRgb, 12> palette = {
        0xc0392b, 0x1e7d32, 0x1565c0, 0x8e24aa, 0xd35400, 0x00838f,
        0xad1457, 0x5d4037, 0x2e7d32, 0x283593, 0xb8860b, 0x00695c,
    };
    // FNV-1a: qHash is seeded per process, and colours must not change between runs.
    quint32 hash = 2166136261u;
    for (const QChar c : NameRules::key(nick)) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    const QColor color(palette.at(hash % palette.size()));
    if (!dark)
        return color;
    // The same hue, light enough to read on a dark background.
    return QColor::fromHsl(color.hslHue(), std::min(255, color.hslSaturation()), 175);
}
