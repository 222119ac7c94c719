// SPDX-License-Identifier: MIT
#pragma once

#include "ChatColors.h"

#include <QHash>
#include <QStyledItemDelegate>
#include <QTextLayout>

// Draws one line of a conversation in columns, as chat programs do: the time, the nickname in
// its colour (right-aligned, so that the words start in one column), then the words, wrapped
// under themselves. Links are underlined, our nickname in others' words is bold and the whole
// line tinted, our own lines have a tint of their own. Above a line that starts a day goes a
// date separator, above the first unread line the marker. Heights are measured once per line
// and width, so that a view of hundreds of rows lays out quickly.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject *parent = nullptr);

    // Whose nickname counts as a mention.
    void setNick(const QString &nick);
    // Forgets measured heights (the font or the colours changed).
    void clearCache();

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The address of the link at pos (in the view's viewport), or empty.
    QString linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                   const QPoint &pos) const;

private:
    struct Columns
    {
        int timeX, timeWidth, nickX, nickWidth, textX, textWidth;
    };
    Columns columns(const QStyleOptionViewItem &option, int width) const;
    int width(const QStyleOptionViewItem &option) const;
    int dayHeight(const QStyleOptionViewItem &option) const;
    int markerHeight(const QStyleOptionViewItem &option) const;
    // Extra height above the line: a date separator, the marker.
    int above(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void layOut(QTextLayout &layout, const QStyleOptionViewItem &option, const QModelIndex &index,
                int textWidth) const;
    int textHeight(const QStyleOptionViewItem &option, const QModelIndex &index,
                   int textWidth) const;
    void paintDay(QPainter *painter, const QRect &rect, const QString &text,
                  const QStyleOptionViewItem &option) const;
    void paintMarker(QPainter *painter, const QRect &rect,
                     const QStyleOptionViewItem &option) const;
    void paintDivider(QPainter *painter, const QRect &rect, const QString &text,
                      const QStyleOptionViewItem &option) const;

    QString m_nick;
    mutable QHash<quint64, int> m_heights; // text heights by line uid, for m_cacheKey
    mutable QString m_cacheKey;            // width and font the heights were measured for
};
