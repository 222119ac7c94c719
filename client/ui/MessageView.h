// SPDX-License-Identifier: MIT
#pragma once

#include <QTextBrowser>

class BottomPin;

// The read-only message pane: one block per line, links open in the browser, and it follows
// new lines only while the reader is at the bottom (BottomPin), so scrolling back is not
// interrupted.
class MessageView : public QTextBrowser
{
    Q_OBJECT

public:
    enum class Tint { None, Own, Private, System };

    explicit MessageView(QWidget *parent = nullptr);

    void addLine(const QString &html, Tint tint = Tint::None);
    BottomPin *pin() const { return m_pin; }

protected:
    bool focusNextPrevChild(bool next) override;

private:
    BottomPin *m_pin;
};
