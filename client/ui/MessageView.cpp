// SPDX-License-Identifier: MIT
#include "MessageView.h"

#include "BottomPin.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

using namespace Qt::StringLiterals;

namespace {

QColor background(MessageView::Tint tint)
{
    switch (tint) {
    case MessageView::Tint::None:
        return {};
    case MessageView::Tint::Own:
        return QColor(0xea, 0xf2, 0xfd);
    case MessageView::Tint::Private:
        return QColor(0xf5, 0xec, 0xfa);
    case MessageView::Tint::System:
        return QColor(0xf6, 0xf7, 0xf9);
    }
    return {};
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QTextBrowser(parent)
    , m_pin(new BottomPin(this))
{
    setOpenExternalLinks(true);
    setReadOnly(true);
    document()->setMaximumBlockCount(5000);
    document()->setDocumentMargin(6);
}

void MessageView::addLine(const QString &html, Tint tint)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat format;
    format.setTopMargin(1);
    format.setBottomMargin(1);
    if (const QColor color = background(tint); color.isValid())
        format.setBackground(color);
    if (!document()->isEmpty())
        cursor.insertBlock(format, QTextCharFormat());
    else
        cursor.setBlockFormat(format);
    cursor.insertHtml(html);
}

bool MessageView::focusNextPrevChild(bool next)
{
    // QTextBrowser would walk Tab through the links of the pane, starting with the oldest and
    // scrolling to it: Tab leaves the pane instead, like any other control.
    return QWidget::focusNextPrevChild(next);
}
