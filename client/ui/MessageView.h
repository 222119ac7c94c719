// SPDX-License-Identifier: MIT
#pragma once

#include <QTextBrowser>

// The read-only message pane: one block per line, links open in the browser, and it follows
// new lines only while the reader is at the bottom, so scrolling back is not interrupted.
class MessageView : public QTextBrowser
{
    Q_OBJECT

public:
    enum class Tint { None, Own, Private, System };

    explicit MessageView(QWidget *parent = nullptr);

    void addLine(const QString &html, Tint tint = Tint::None);
};
