// SPDX-License-Identifier: MIT
#include "Appearance.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace {

const QString themeKey = u"view/theme"_s;
const QString sizeKey = u"view/fontPointSize"_s;

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

Appearance::Appearance(QObject *parent)
    : QObject(parent)
    , m_systemPalette(QApplication::palette())
{
    const QSettings settings;
    const QString theme = settings.value(themeKey).toString();
    m_theme = theme == "dark"_L1 ? Theme::Dark : theme == "light"_L1 ? Theme::Light : Theme::System;
    m_pointSize = settings.value(sizeKey, 0).toInt();
    if (m_theme != Theme::System)
        apply();
}

void Appearance::setTheme(Theme theme)
{
    if (m_theme == theme)
        return;
    m_theme = theme;
    QSettings().setValue(themeKey, theme == Theme::Dark    ? u"dark"_s
                                   : theme == Theme::Light ? u"light"_s
                                                           : u"system"_s);
    apply();
    emit changed();
}

bool Appearance::isDark() const
{
    return isDarkPalette(QApplication::palette());
}

void Appearance::apply()
{
    switch (m_theme) {
    case Theme::System:
        QApplication::setPalette(m_systemPalette);
        break;
    case Theme::Light:
        // A light system palette is the desktop's own light look; otherwise the style's.
        QApplication::setPalette(isDarkPalette(m_systemPalette)
                                     ? QApplication::style()->standardPalette()
                                     : m_systemPalette);
        break;
    case Theme::Dark:
        QApplication::setPalette(isDarkPalette(m_systemPalette) ? m_systemPalette : darkPalette());
        break;
    }
}

QFont Appearance::chatFont() const
{
    QFont font = QApplication::font();
    if (m_pointSize > 0)
        font.setPointSize(m_pointSize);
    return font;
}

int Appearance::pointSize() const
{
    return m_pointSize > 0 ? m_pointSize : QApplication::font().pointSize();
}

void Appearance::setPointSize(int size)
{
    const int wanted =
        size <= 0 ? 0 : std::clamp(size, int(MinimumPointSize), int(MaximumPointSize));
    if (wanted == m_pointSize)
        return;
    m_pointSize = wanted;
    QSettings settings;
    if (wanted == 0)
        settings.remove(sizeKey);
    else
        settings.setValue(sizeKey, wanted);
    emit changed();
}

QPalette Appearance::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe7, 0xea);
    const QColor disabled(0x80, 0x84, 0x8c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x43, 0x49));
    p.setColor(QPalette::Mid, QColor(0x55, 0x59, 0x60));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}
