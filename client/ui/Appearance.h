// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>

// How the client looks, chosen by the person and remembered (QSettings group "view"): a light
// or dark theme or the system's (the default: the palette the desktop gave the application),
// and the size of the chat's text (Ctrl +, Ctrl −, Ctrl 0).
class Appearance : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    static constexpr int MinimumPointSize = 7;
    static constexpr int MaximumPointSize = 32;

    // Reads the remembered choices and applies the theme to the application.
    explicit Appearance(QObject *parent = nullptr);

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);
    bool isDark() const;

    // The font of the conversation: the application's, at the chosen size.
    QFont chatFont() const;
    int pointSize() const;
    void setPointSize(int size);
    void bigger() { setPointSize(pointSize() + 1); }
    void smaller() { setPointSize(pointSize() - 1); }
    void resetSize() { setPointSize(0); }

    static QPalette darkPalette();

signals:
    void changed();

private:
    void apply();

    Theme m_theme = Theme::System;
    int m_pointSize = 0; // 0: the application's own size
    QPalette m_systemPalette;
};
