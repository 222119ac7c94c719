// SPDX-License-Identifier: MIT
#include "MessageDelegate.h"

#include "ChatLine.h"
#include "Links.h"
#include "Mentions.h"
#include "MessageModel.h"

#include <QAbstractItemView>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace {

constexpr int Margin = 8;
constexpr int Padding = 3;
constexpr int Gap = 8;

ChatLine lineOf(const QModelIndex &index)
{
    return index.data(MessageModel::LineRole).value<ChatLine>();
}

} // namespace

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void MessageDelegate::setNick(const QString &nick)
{
    m_nick = nick;
}

void MessageDelegate::clearCache()
{
    m_heights.clear();
    m_cacheKey.clear();
}

int MessageDelegate::width(const QStyleOptionViewItem &option) const
{
    // The row is as wide as the view shows: the words wrap at its edge.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

MessageDelegate::Columns MessageDelegate::columns(const QStyleOptionViewItem &option,
                                                  int width) const
{
    const QFontMetrics metrics(option.font);
    Columns c;
    c.timeX = Margin;
    c.timeWidth = metrics.horizontalAdvance(u"00:00"_s);
    c.nickX = c.timeX + c.timeWidth + Gap;
    // Room for a dozen characters of nickname, less in a narrow view.
    c.nickWidth = std::min(metrics.averageCharWidth() * 12, std::max(width / 5, 24));
    c.textX = c.nickX + c.nickWidth + Gap;
    c.textWidth = std::max(width - c.textX - Margin, 40);
    return c;
}

int MessageDelegate::dayHeight(const QStyleOptionViewItem &option) const
{
    return QFontMetrics(option.font).height() + 14;
}

int MessageDelegate::markerHeight(const QStyleOptionViewItem &option) const
{
    return QFontMetrics(option.font).height() + 4;
}

int MessageDelegate::above(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    int extra = 0;
    if (index.data(MessageModel::DayStartRole).toBool())
        extra += dayHeight(option);
    if (index.data(MessageModel::FirstUnreadRole).toBool())
        extra += markerHeight(option);
    return extra;
}

void MessageDelegate::layOut(QTextLayout &layout, const QStyleOptionViewItem &option,
                             const QModelIndex &index, int textWidth) const
{
    const ChatLine line = lineOf(index);
    const QString body = index.data(MessageModel::BodyRole).toString();
    const ChatColors colors = ChatColors::of(option.palette);
    QList<QTextLayout::FormatRange> formats;
    const auto format = [&formats](qsizetype start, qsizetype length, const QTextCharFormat &f) {
        formats.append({int(start), int(length), f});
    };
    QTextCharFormat whole;
    switch (line.kind) {
    case ChatLine::Kind::Notice:
    case ChatLine::Kind::Topic:
        whole.setForeground(colors.notice);
        whole.setFontItalic(true);
        format(0, body.size(), whole);
        break;
    case ChatLine::Kind::Error:
        whole.setForeground(colors.error);
        whole.setFontWeight(QFont::DemiBold);
        format(0, body.size(), whole);
        break;
    case ChatLine::Kind::Action: {
        QTextCharFormat italic;
        italic.setFontItalic(true);
        format(0, body.size(), italic);
        QTextCharFormat nick;
        nick.setForeground(colors.nick(line.nick));
        nick.setFontWeight(QFont::DemiBold);
        nick.setFontItalic(true);
        format(0, line.nick.size(), nick);
        break;
    }
    default:
        // A note (bots' output) reads quieter than what people say.
        if (line.note) {
            whole.setForeground(colors.notice);
            format(0, body.size(), whole);
        }
        break;
    }
    if (line.isSpoken() && !line.own) {
        QTextCharFormat mention;
        mention.setFontWeight(QFont::Bold);
        for (const Mentions::Range &range : Mentions::find(body, m_nick)) {
            if (line.kind != ChatLine::Kind::Action || range.start >= line.nick.size())
                format(range.start, range.length, mention);
        }
    }
    if (line.kind != ChatLine::Kind::Notice && line.kind != ChatLine::Kind::Error) {
        QTextCharFormat link;
        link.setForeground(colors.link);
        link.setFontUnderline(true);
        for (const Links::Link &found : Links::find(body))
            format(found.start, found.length, link);
    }
    layout.setText(body);
    layout.setFont(option.font);
    QTextOption text;
    text.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(text);
    layout.setFormats(formats);
    layout.beginLayout();
    qreal y = 0;
    for (QTextLine textLine = layout.createLine(); textLine.isValid();
         textLine = layout.createLine()) {
        textLine.setLineWidth(textWidth);
        textLine.setPosition(QPointF(0, y));
        y += textLine.height();
    }
    layout.endLayout();
}

int MessageDelegate::textHeight(const QStyleOptionViewItem &option, const QModelIndex &index,
                                int textWidth) const
{
    const QString key = u"%1/%2"_s.arg(textWidth).arg(option.font.key());
    if (key != m_cacheKey) {
        m_heights.clear();
        m_cacheKey = key;
    }
    const quint64 uid = index.data(MessageModel::UidRole).toULongLong();
    if (const auto found = m_heights.constFind(uid); found != m_heights.cend())
        return *found;
    QTextLayout layout;
    layOut(layout, option, index, textWidth);
    const int height = std::max(int(std::ceil(layout.boundingRect().height())),
                                QFontMetrics(option.font).height());
    m_heights.insert(uid, height);
    return height;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int rowWidth = width(option);
    const ChatLine line = lineOf(index);
    if (line.kind == ChatLine::Kind::Divider)
        return {rowWidth, QFontMetrics(option.font).height() + 2 * Padding + 6};
    const Columns c = columns(option, rowWidth);
    return {rowWidth, above(option, index) + textHeight(option, index, c.textWidth) + 2 * Padding};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const ChatLine line = lineOf(index);
    const ChatColors colors = ChatColors::of(option.palette);
    painter->save();
    painter->setFont(option.font);
    QRect rect = option.rect;
    if (index.data(MessageModel::DayStartRole).toBool()) {
        paintDay(painter, rect.adjusted(0, 0, 0, dayHeight(option) - rect.height()),
                 index.data(MessageModel::DayTextRole).toString(), option);
        rect.setTop(rect.top() + dayHeight(option));
    }
    if (index.data(MessageModel::FirstUnreadRole).toBool()) {
        paintMarker(painter, rect.adjusted(0, 0, 0, markerHeight(option) - rect.height()), option);
        rect.setTop(rect.top() + markerHeight(option));
    }
    if (line.kind == ChatLine::Kind::Divider) {
        paintDivider(painter, rect, line.text, option);
        painter->restore();
        return;
    }
    const bool mention = index.data(MessageModel::MentionRole).toBool();
    if (mention) {
        painter->fillRect(rect, colors.mentionBackground);
        painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colors.mentionBar);
    } else if (line.own && line.isSpoken()) {
        painter->fillRect(rect, colors.ownBackground);
    }
    if (option.state & QStyle::State_Selected) {
        QColor highlight = option.palette.color(QPalette::Highlight);
        highlight.setAlpha(90);
        painter->fillRect(rect, highlight);
    }
    const Columns c = columns(option, rect.width());
    const int top = rect.top() + Padding;
    const QFontMetrics metrics(option.font);
    painter->setPen(colors.time);
    painter->drawText(QRect(rect.left() + c.timeX, top, c.timeWidth, metrics.height()),
                      Qt::AlignLeft | Qt::AlignTop,
                      index.data(MessageModel::TimeTextRole).toString());

    QString who;
    QColor whoColor = colors.notice;
    QFont whoFont = option.font;
    switch (line.kind) {
    case ChatLine::Kind::Message:
    case ChatLine::Kind::Private:
        who = metrics.elidedText(line.note ? u"-%1-"_s.arg(line.nick) : line.nick, Qt::ElideRight,
                                 c.nickWidth);
        whoColor = colors.nick(line.nick);
        whoFont.setWeight(QFont::DemiBold);
        break;
    case ChatLine::Kind::Action:
        who = u"*"_s;
        break;
    case ChatLine::Kind::Error:
        who = u"!"_s;
        whoColor = colors.error;
        break;
    default:
        who = u"—"_s;
        break;
    }
    painter->setFont(whoFont);
    painter->setPen(whoColor);
    painter->drawText(QRect(rect.left() + c.nickX, top, c.nickWidth, metrics.height()),
                      Qt::AlignRight | Qt::AlignTop, who);
    painter->setFont(option.font);
    painter->setPen(colors.text);
    QTextLayout layout;
    layOut(layout, option, index, c.textWidth);
    layout.draw(painter, QPointF(rect.left() + c.textX, top));

    if (option.state & QStyle::State_HasFocus) {
        // The row the keyboard is on, in a focused pane.
        QPen pen(option.palette.color(QPalette::Highlight));
        pen.setStyle(Qt::DotLine);
        painter->setPen(pen);
        painter->drawRect(rect.adjusted(1, 0, -2, -1));
    }
    painter->restore();
}

void MessageDelegate::paintDay(QPainter *painter, const QRect &rect, const QString &text,
                               const QStyleOptionViewItem &option) const
{
    const ChatColors colors = ChatColors::of(option.palette);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font);
    const int y = rect.center().y();
    const int textWidth = metrics.horizontalAdvance(text) + 16;
    const int textX = rect.center().x() - textWidth / 2;
    painter->setPen(colors.dayLine);
    painter->drawLine(rect.left() + Margin, y, textX, y);
    painter->drawLine(textX + textWidth, y, rect.right() - Margin, y);
    painter->setFont(font);
    painter->setPen(colors.notice);
    painter->drawText(QRect(textX, rect.top(), textWidth, rect.height()), Qt::AlignCenter, text);
    painter->setFont(option.font);
}

void MessageDelegate::paintMarker(QPainter *painter, const QRect &rect,
                                  const QStyleOptionViewItem &option) const
{
    const ChatColors colors = ChatColors::of(option.palette);
    QFont font = option.font;
    font.setWeight(QFont::Bold);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QString text = tr("New");
    const int textWidth = QFontMetrics(font).horizontalAdvance(text) + 12;
    const int y = rect.center().y();
    painter->setPen(QPen(colors.marker, 1));
    painter->drawLine(rect.left() + Margin, y, rect.right() - Margin - textWidth, y);
    painter->setFont(font);
    painter->drawText(
        QRect(rect.right() - Margin - textWidth, rect.top(), textWidth, rect.height()),
        Qt::AlignRight | Qt::AlignVCenter, text);
    painter->setFont(option.font);
}

void MessageDelegate::paintDivider(QPainter *painter, const QRect &rect, const QString &text,
                                   const QStyleOptionViewItem &option) const
{
    const ChatColors colors = ChatColors::of(option.palette);
    QFont font = option.font;
    font.setWeight(QFont::DemiBold);
    painter->setFont(font);
    painter->setPen(colors.divider);
    painter->drawText(rect, Qt::AlignCenter, u"──── %1 ────"_s.arg(text));
    painter->setFont(option.font);
}

QString MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                const QPoint &pos) const
{
    const ChatLine line = lineOf(index);
    if (line.kind == ChatLine::Kind::Notice || line.kind == ChatLine::Kind::Error ||
        line.kind == ChatLine::Kind::Divider)
        return {};
    const Columns c = columns(option, option.rect.width());
    const QPoint at = pos - QPoint(option.rect.left() + c.textX,
                                   option.rect.top() + above(option, index) + Padding);
    QTextLayout layout;
    layOut(layout, option, index, c.textWidth);
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine textLine = layout.lineAt(i);
        if (!textLine.rect().contains(at))
            continue;
        const int position = textLine.xToCursor(at.x());
        for (const Links::Link &link : Links::find(layout.text())) {
            if (position >= link.start && position < link.start + link.length)
                return link.url;
        }
    }
    return {};
}
