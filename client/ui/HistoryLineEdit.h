// SPDX-License-Identifier: MIT
#pragma once

#include "InputHistory.h"

#include <QLineEdit>

// The input line: Up and Down walk through what was sent before.
class HistoryLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit HistoryLineEdit(QWidget *parent = nullptr);

    // Records the current text as sent and empties the line.
    void commit();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    InputHistory m_history;
};
