// SPDX-License-Identifier: MIT
#pragma once

#include <QMessageBox>

// "Step down from running the room?", asked before an operator or the owner gives up their
// role, worded for what they lose: an operator no longer runs the room; the owner in addition
// leaves it without an owner, for good. Its buttons are "stepDown" and "cancel".
class StepDownQuestion : public QMessageBox
{
    Q_OBJECT

public:
    StepDownQuestion(const QString &room, bool owner, QWidget *parent = nullptr);

    // Once finished: the person chose to step down.
    bool isConfirmed() const { return clickedButton() == m_stepDown; }

private:
    QAbstractButton *m_stepDown;
};
