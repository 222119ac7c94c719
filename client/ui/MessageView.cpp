// SPDX-License-Identifier: MIT
#include "MessageView.h"

#include "BottomPin.h"
#include "MessageDelegate.h"
#include "MessageModel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>

using namespace Qt::StringLiterals;

MessageView::MessageView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
    , m_pin(new BottomPin(this))
    , m_newBelow(new QPushButton(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The words wrap again when the width changes: QListView lays its rows out again on a
    // change of width only when it wraps words (Adjust alone reacts to height in list mode).
    setResizeMode(Adjust);
    setWordWrap(true);
    setLayoutMode(SinglePass);
    setUniformItemSizes(false);
    setSelectionMode(ExtendedSelection);
    setEditTriggers(NoEditTriggers);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(20);

    m_newBelow->setObjectName(u"newBelow"_s);
    m_newBelow->setCursor(Qt::PointingHandCursor);
    m_newBelow->setFocusPolicy(Qt::NoFocus); // End and the mouse do the same
    m_newBelow->hide();
    connect(m_newBelow, &QPushButton::clicked, this, &MessageView::followNewest);
    connect(m_pin, &BottomPin::pinnedChanged, this, [this](bool pinned) {
        if (pinned) {
            m_newBelowCount = 0;
            updateNewBelow();
        }
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageView::scheduleCheckTop);
}

void MessageView::setMessages(MessageModel *messages)
{
    if (messages == m_messages)
        return;
    if (m_messages) {
        m_places.insert(m_messages, place());
        disconnect(m_messages, nullptr, this, nullptr);
    }
    m_messages = messages;
    m_newBelowCount = 0;
    m_anchor.reset();
    // A conversation that was not shown kept every line that arrived as a row; shown from
    // its newest line, it only needs the last rows (the view measures every row it has:
    // 100,000 of them would take seconds). One read back to is shown as it was left.
    const Place place = messages ? m_places.value(messages) : Place();
    if (messages && !messages->hasFirstUnread() && place.pinned)
        messages->trimWindow(MessageModel::PageRows);
    setModel(messages);
    updateNewBelow();
    if (!messages)
        return;
    connect(messages, &QObject::destroyed, this, [this, messages] { m_places.remove(messages); });
    connect(messages, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int start) { rememberAnchor(start); });
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int start, int end) { keepAnchor(start, end); });
    executeDelayedItemsLayout();
    if (messages->hasFirstUnread())
        showFirstUnread();
    else
        restore(place);
}

MessageView::Place MessageView::place() const
{
    Place place;
    place.pinned = m_pin->isPinned();
    const QModelIndex top = indexAt(QPoint(1, 1));
    if (top.isValid()) {
        place.topUid = top.data(MessageModel::UidRole).toULongLong();
        place.offset = visualRect(top).top();
    }
    return place;
}

int MessageView::rowOf(quint64 uid) const
{
    if (!m_messages || uid == 0)
        return -1;
    for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
        if (m_messages->index(row).data(MessageModel::UidRole).toULongLong() == uid)
            return row;
    }
    return -1;
}

void MessageView::restore(const Place &place)
{
    const int row = rowOf(place.topUid);
    if (place.pinned || row < 0) {
        followNewest();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + visualRect(m_messages->index(row)).top() - place.offset);
}

void MessageView::followNewest()
{
    executeDelayedItemsLayout();
    m_pin->scrollToBottom();
}

void MessageView::showFirstUnread()
{
    if (!m_messages)
        return;
    m_messages->showFirstUnread();
    executeDelayedItemsLayout();
    const int row = m_messages->firstUnreadRow();
    if (row < 0) {
        followNewest();
        return;
    }
    // The marker at the top, unless everything from it on fits: then follow the newest.
    QScrollBar *bar = verticalScrollBar();
    const int markerTop = bar->value() + visualRect(m_messages->index(row)).top();
    if (bar->maximum() - markerTop <= 0)
        followNewest();
    else
        bar->setValue(markerTop);
}

void MessageView::page(bool up)
{
    QScrollBar *bar = verticalScrollBar();
    bar->triggerAction(up ? QScrollBar::SliderPageStepSub : QScrollBar::SliderPageStepAdd);
}

void MessageView::rememberAnchor(int start)
{
    if (start != 0 || m_pin->isPinned() || !m_messages || m_messages->rowCount() == 0)
        return;
    const QModelIndex top = indexAt(QPoint(1, 1));
    if (top.isValid())
        m_anchor = {top.data(MessageModel::UidRole).toULongLong(), visualRect(top).top()};
}

void MessageView::keepAnchor(int start, int end)
{
    if (start != 0 || !m_anchor)
        return;
    // Lines arrived above: the one being read stays where it was on the screen.
    const auto [uid, top] = *std::exchange(m_anchor, std::nullopt);
    executeDelayedItemsLayout();
    const int row = rowOf(uid);
    if (row > end) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + visualRect(m_messages->index(row)).top() - top);
    }
}

void MessageView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    if (!m_messages || start == 0)
        return;
    if (!m_pin->isPinned()) {
        m_newBelowCount += end - start + 1;
        updateNewBelow();
    } else if (m_messages->rowCount() > MaxRows) {
        // Out of the event that inserted the rows: the model is not changed inside its signal.
        QTimer::singleShot(0, this, [this] {
            if (m_messages && m_pin->isPinned())
                m_messages->trimWindow(KeepRows);
        });
    }
    scheduleCheckTop();
}

void MessageView::scheduleCheckTop()
{
    // Once, after the events at hand, laid out: until then the scroll bar can say "at the
    // top" (a model just shown, rows not measured yet) for lines that fill the pane, and
    // every page would ask for the next one until all history is loaded.
    if (std::exchange(m_checkScheduled, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_checkScheduled = false;
        executeDelayedItemsLayout();
        checkTop();
    });
}

void MessageView::checkTop()
{
    // Near the top, or nothing to scroll yet: older lines are wanted.
    if (m_messages && m_messages->rowCount() > 0 &&
        verticalScrollBar()->value() < viewport()->height() / 2)
        emit olderWanted();
}

void MessageView::updateNewBelow()
{
    m_newBelow->setVisible(m_newBelowCount > 0 && !m_pin->isPinned());
    if (!m_newBelow->isVisible())
        return;
    m_newBelow->setText(tr("%n new message(s) below ↓", nullptr, m_newBelowCount));
    m_newBelow->adjustSize();
    const QRect area = viewport()->geometry();
    m_newBelow->move(area.center().x() - m_newBelow->width() / 2,
                     area.bottom() - m_newBelow->height() - 8);
    m_newBelow->raise();
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    m_delegate->clearCache();
    QListView::resizeEvent(event);
    updateNewBelow();
}

void MessageView::focusInEvent(QFocusEvent *event)
{
    // The keyboard starts on a line in view, not on the oldest one, which would scroll there.
    if (m_messages && !currentIndex().isValid() && m_messages->rowCount() > 0) {
        const QModelIndex start = m_pin->isPinned() ? m_messages->index(m_messages->rowCount() - 1)
                                                    : indexAt(viewport()->rect().center());
        const bool scrolls = hasAutoScroll();
        setAutoScroll(false);
        if (start.isValid())
            selectionModel()->setCurrentIndex(start, QItemSelectionModel::NoUpdate);
        setAutoScroll(scrolls);
    }
    QListView::focusInEvent(event);
}

void MessageView::copySelection() const
{
    QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows))
        lines << row.data(Qt::DisplayRole).toString();
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

void MessageView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection();
        return;
    }
    if (event->key() == Qt::Key_End && event->modifiers() == Qt::NoModifier) {
        followNewest();
        return;
    }
    QListView::keyPressEvent(event);
}

QString MessageView::linkAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->linkAt(option, index, pos);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(linkAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor
                                                                        : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    const QString link = linkAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && !link.isEmpty())
        QDesktopServices::openUrl(QUrl(link));
    QListView::mouseReleaseEvent(event);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QString link = linkAt(event->pos()); // in the viewport, where the event came from
    QAction *copy = menu.addAction(tr("&Copy"), this, &MessageView::copySelection);
    copy->setEnabled(selectionModel() && selectionModel()->hasSelection());
    if (!link.isEmpty())
        menu.addAction(tr("Copy &link address"), this,
                       [link] { QApplication::clipboard()->setText(link); });
    menu.addAction(tr("Select &all"), this, &QAbstractItemView::selectAll);
    menu.exec(event->globalPos());
}
