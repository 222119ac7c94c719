// SPDX-License-Identifier: MIT
#include "StepDownQuestion.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

StepDownQuestion::StepDownQuestion(const QString &room, bool owner, QWidget *parent)
    : QMessageBox(parent)
{
    setObjectName(u"stepDownQuestion"_s);
    setIcon(QMessageBox::Question);
    setWindowTitle(tr("Step down"));
    setText(tr("Step down from running %1?").arg(room));
    // The owner's role is the one nobody can give back: the server names no new owner.
    setInformativeText(
        owner ? tr("You will no longer run %1: you will be a member like the others. The room "
                   "will have no owner, and you cannot take it back.")
                    .arg(room)
              : tr("You will no longer run %1: you will be a member like the others, until its "
                   "owner or a server administrator makes you an operator again.")
                    .arg(room));
    m_stepDown = addButton(tr("&Step down"), QMessageBox::AcceptRole);
    m_stepDown->setObjectName(u"stepDown"_s);
    QPushButton *cancel = addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancel->setObjectName(u"cancel"_s);
    setEscapeButton(cancel);
    // Giving up the role by pressing Enter without reading would defeat the question.
    setDefaultButton(cancel);
}
