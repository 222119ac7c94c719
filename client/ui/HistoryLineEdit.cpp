// SPDX-License-Identifier: MIT
#include "HistoryLineEdit.h"

#include <QKeyEvent>

HistoryLineEdit::HistoryLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
}

void HistoryLineEdit::commit()
{
    m_history.add(text());
    clear();
}

void HistoryLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up) {
        setText(m_history.previous(text()));
        return;
    }
    if (event->key() == Qt::Key_Down) {
        setText(m_history.next(text()));
        return;
    }
    QLineEdit::keyPressEvent(event);
}
