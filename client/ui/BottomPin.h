// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAbstractScrollArea;
class QScrollBar;

// Keeps a scroll area on its newest line while the reader is there. Whatever changes the
// content's height (a line arrives, the pane gets narrower because the people list or the
// banner appeared, the window is resized) changes the scroll bar's range, and a pinned area
// follows it to the bottom; a reader who scrolled up stays where they are. Appending code
// therefore never has to ask "was the reader at the bottom?" at the right moment.
class BottomPin : public QObject
{
    Q_OBJECT

public:
    // Pixels from the bottom that still count as "at the bottom".
    static constexpr int Slack = 4;

    explicit BottomPin(QAbstractScrollArea *area);

    bool isPinned() const { return m_pinned; }
    // Scrolls to the newest line and pins there (the "new messages below" button).
    void scrollToBottom();

signals:
    void pinnedChanged(bool pinned);

private:
    void setPinned(bool pinned);

    QScrollBar *m_bar;
    bool m_pinned = true;
};
