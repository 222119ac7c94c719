// SPDX-License-Identifier: MIT
#include "MessageInput.h"

#include <QInputMethodEvent>
#include <QTextBlock>
#include <QTextLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// The cursor's line within its paragraph, counting wrapped lines.
int lineInBlock(const QTextCursor &cursor)
{
    const QTextLayout *layout = cursor.block().layout();
    return layout ? layout->lineForTextPosition(cursor.positionInBlock()).lineNumber() : 0;
}

int linesInBlock(const QTextCursor &cursor)
{
    const QTextLayout *layout = cursor.block().layout();
    return layout ? std::max(1, layout->lineCount()) : 1;
}

} // namespace

MessageInput::MessageInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(4);
    connect(this, &QPlainTextEdit::textChanged, this, &MessageInput::fitHeight);
    fitHeight();
}

void MessageInput::setText(const QString &text)
{
    setPlainText(text);
    moveCursor(QTextCursor::End);
}

void MessageInput::commit()
{
    m_history.add(text());
    clear();
}

void MessageInput::setCandidates(std::function<QStringList()> candidates)
{
    m_candidates = std::move(candidates);
}

int MessageInput::lineHeight() const
{
    // Chinese text is drawn with a fallback font that is often taller than the font the
    // metrics describe: measured on both, a line of 中文 fits without a scroll bar.
    QTextLayout sample(u"Ag中文"_s, font());
    sample.beginLayout();
    const QTextLine line = sample.createLine();
    sample.endLayout();
    return std::max(fontMetrics().lineSpacing(), int(std::ceil(line.height())));
}

int MessageInput::heightFor(int lines) const
{
    const int frame = 2 * frameWidth() + int(2 * document()->documentMargin());
    return lines * lineHeight() + frame + 2;
}

QSize MessageInput::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), height()};
}

QSize MessageInput::minimumSizeHint() const
{
    return {60, heightFor(1)};
}

void MessageInput::fitHeight()
{
    // Visual lines, wrapped ones included: the input shows what is typed without scrolling
    // until it is a paragraph.
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    const int wanted = heightFor(std::clamp(lines, 1, MaxVisibleLines));
    if (height() != wanted)
        setFixedHeight(wanted);
}

bool MessageInput::event(QEvent *event)
{
    // Tab completes when there is a name to complete, and moves on otherwise (QWidget::event
    // would move on before keyPressEvent sees it).
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier && completeNick())
            return true;
    }
    return QPlainTextEdit::event(event);
}

bool MessageInput::completeNick()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    std::optional<NickCompleter::Edit> edit;
    if (m_completer.isCompleting()) {
        edit = m_completer.next();
    } else if (m_candidates) {
        m_completer.setCandidates(m_candidates());
        edit = m_completer.complete(text(), cursor.position());
    }
    if (!edit)
        return false;
    cursor.setPosition(int(edit->start));
    cursor.setPosition(int(edit->start + edit->length), QTextCursor::KeepAnchor);
    cursor.insertText(edit->text);
    setTextCursor(cursor);
    return true;
}

void MessageInput::keyPressEvent(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Tab)
        m_completer.reset();
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_composing)
        return; // the input method's, never a send and never a new line
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit submitted();
        return;
    }
    if (enter) { // Shift+Enter: a new line, nothing else
        insertPlainText(u"\n"_s);
        return;
    }
    const QTextCursor cursor = textCursor();
    const bool plain = event->modifiers() == Qt::NoModifier;
    if (event->key() == Qt::Key_Up && plain && cursor.blockNumber() == 0 &&
        lineInBlock(cursor) == 0) {
        setText(m_history.previous(text()));
        return;
    }
    if (event->key() == Qt::Key_Down && plain &&
        cursor.blockNumber() == document()->blockCount() - 1 &&
        lineInBlock(cursor) == linesInBlock(cursor) - 1) {
        setText(m_history.next(text()));
        return;
    }
    if (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown) {
        emit pageRequested(event->key() == Qt::Key_PageUp);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void MessageInput::inputMethodEvent(QInputMethodEvent *event)
{
    // While there is pre-edit text, the input method owns Enter and the arrows.
    m_composing = !event->preeditString().isEmpty();
    QPlainTextEdit::inputMethodEvent(event);
}
