// SPDX-License-Identifier: MIT
#pragma once

#include "InputHistory.h"
#include "NickCompleter.h"

#include <QPlainTextEdit>

#include <functional>

// Where a message is typed. Enter sends it; Shift+Enter starts a new line (each line goes as
// a message of its own); Enter never sends while an input method is composing (a Chinese IME
// commits its candidate with Enter). Up and Down bring back what was sent before when the
// cursor is on the first or last line. Tab completes a nickname (those who spoke last first,
// again for the next one) and otherwise moves on, as Tab does. PgUp and PgDn page the pane.
// It grows with its text up to a few lines.
class MessageInput : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr int MaxVisibleLines = 6;

    explicit MessageInput(QWidget *parent = nullptr);

    QString text() const { return toPlainText(); }
    void setText(const QString &text);
    // Records the current text as sent and empties the input.
    void commit();
    // Where completion candidates come from, asked at each first Tab.
    void setCandidates(std::function<QStringList()> candidates);
    bool isComposing() const { return m_composing; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void submitted();
    void pageRequested(bool up);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;

private:
    bool completeNick();
    int lineHeight() const;
    int heightFor(int lines) const;
    void fitHeight();

    InputHistory m_history;
    NickCompleter m_completer;
    std::function<QStringList()> m_candidates;
    bool m_composing = false;
};
