// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>

// The colours of chat lines for a palette, light or dark: the window's palette says which,
// so that a dark system theme and the client's own dark theme both get readable lines.
struct ChatColors
{
    bool dark = false;
    QColor text;
    QColor time;
    QColor notice;
    QColor error;
    QColor divider;
    QColor marker;
    QColor link;
    QColor ownBackground;
    QColor mentionBackground;
    QColor mentionBar;
    QColor dayLine;
    QColor badge;
    QColor badgeText;
    QColor mentionBadge;

    static ChatColors of(const QPalette &palette);
    // Each nickname always has the same colour, in every session, readable on this palette.
    QColor nick(const QString &nick) const;
};
