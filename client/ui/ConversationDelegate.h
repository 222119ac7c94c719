// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

// A row of the conversation list: "# room" or a person's name, bold while something is
// unread, with a badge of the unread count on the right, red when some of it mentions us
// (every private message does); a muted conversation is drawn faint. A heading goes above
// the first private conversation.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int headingHeight(const QStyleOptionViewItem &option) const;
};
