// SPDX-License-Identifier: MIT
#include "ConversationDelegate.h"

#include "ChatColors.h"
#include "ConversationListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

int ConversationDelegate::headingHeight(const QStyleOptionViewItem &option) const
{
    return QFontMetrics(option.font).height() + 12;
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    int height = QFontMetrics(option.font).height() + 12;
    if (index.data(ConversationListModel::SectionStartRole).toBool())
        height += headingHeight(option);
    return {120, height};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const ChatColors colors = ChatColors::of(option.palette);
    painter->save();
    QRect rect = option.rect;
    if (index.data(ConversationListModel::SectionStartRole).toBool()) {
        QFont heading = option.font;
        heading.setWeight(QFont::DemiBold);
        heading.setPointSizeF(heading.pointSizeF() * 0.9);
        painter->setFont(heading);
        painter->setPen(colors.notice);
        painter->drawText(rect.adjusted(10, 4, -8, headingHeight(option) - rect.height()),
                          Qt::AlignLeft | Qt::AlignBottom, tr("Private conversations"));
        rect.setTop(rect.top() + headingHeight(option));
    }
    QStyleOptionViewItem row = option;
    row.rect = rect;
    row.text.clear();
    // The selection and focus look of the style, without its text.
    QApplication::style()->drawPrimitive(QStyle::PE_PanelItemViewItem, &row, painter,
                                         option.widget);

    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const int mentions = index.data(ConversationListModel::MentionsRole).toInt();
    const bool muted = index.data(ConversationListModel::MutedRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    QFont font = option.font;
    font.setWeight(unread > 0 ? QFont::Bold : QFont::Normal);
    font.setItalic(muted);
    painter->setFont(font);

    QRect badgeRect;
    if (unread > 0) {
        QFont small = option.font;
        small.setWeight(QFont::Bold);
        small.setPointSizeF(small.pointSizeF() * 0.85);
        // Mentions apart ("3 @1": three lines, one of them for us), so both are seen at once.
        const QString count = mentions == 0       ? QString::number(unread)
                              : unread > mentions ? u"%1 @%2"_s.arg(unread).arg(mentions)
                                                  : u"@%1"_s.arg(mentions);
        const QFontMetrics metrics(small);
        const int width = std::max(metrics.horizontalAdvance(count) + 12, metrics.height() + 4);
        badgeRect = QRect(rect.right() - 8 - width, rect.center().y() - (metrics.height() + 2) / 2,
                          width, metrics.height() + 2);
        QPainterPath pill;
        pill.addRoundedRect(badgeRect, badgeRect.height() / 2.0, badgeRect.height() / 2.0);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->fillPath(pill, mentions > 0 && !muted ? colors.mentionBadge : colors.badge);
        painter->setFont(small);
        painter->setPen(mentions > 0 && !muted ? QColor(Qt::white) : colors.badgeText);
        painter->drawText(badgeRect, Qt::AlignCenter, count);
        painter->setFont(font);
    }
    QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (muted && !selected)
        text = option.palette.color(QPalette::Disabled, QPalette::Text);
    painter->setPen(text);
    const int right = badgeRect.isValid() ? badgeRect.left() - 6 : rect.right() - 8;
    const QRect textRect(rect.left() + 10, rect.top(), right - rect.left() - 10, rect.height());
    const QString name = index.data(Qt::DisplayRole).toString();
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(font).elidedText(name, Qt::ElideRight, textRect.width()));
    painter->restore();
}
