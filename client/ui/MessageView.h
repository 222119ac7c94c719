// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QListView>

#include <optional>

class BottomPin;
class MessageDelegate;
class MessageModel;
class QPushButton;

// The message pane: one conversation's lines at a time, drawn by MessageDelegate. It follows
// new lines while the reader is at the bottom (BottomPin) and stays put otherwise, with a
// "new messages below" button; it keeps each conversation's place when another is shown; it
// asks for older lines when the reader reaches the top and keeps the line they were reading in
// place when those arrive above it. Selected lines copy as text; links open in the browser.
class MessageView : public QListView
{
    Q_OBJECT

public:
    // A window this many rows long, at the bottom, is trimmed to KeepRows.
    static constexpr int MaxRows = 1000;
    static constexpr int KeepRows = 500;

    explicit MessageView(QWidget *parent = nullptr);

    // Shows a conversation's lines: at its first unread line if it has one, where the reader
    // left it, or at the newest line.
    void setMessages(MessageModel *messages);
    MessageModel *messages() const { return m_messages; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    BottomPin *pin() const { return m_pin; }

    // Scrolls to the newest line and follows from there.
    void followNewest();
    // Scrolls to the first unread line (the marker), or to the newest line when none.
    void showFirstUnread();
    void copySelection() const;
    // Page up or down, for the input line's PgUp and PgDn.
    void page(bool up);

signals:
    // The reader is at the top: older lines would be read next.
    void olderWanted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

private:
    struct Place
    {
        bool pinned = true;
        quint64 topUid = 0;
        int offset = 0;
    };
    QString linkAt(const QPoint &pos) const;
    Place place() const;
    void restore(const Place &place);
    int rowOf(quint64 uid) const;
    void rememberAnchor(int start);
    void keepAnchor(int start, int end);
    void scheduleCheckTop();
    void checkTop();
    void updateNewBelow();

    MessageModel *m_messages = nullptr;
    MessageDelegate *m_delegate;
    BottomPin *m_pin;
    QPushButton *m_newBelow;
    int m_newBelowCount = 0;
    bool m_checkScheduled = false;
    QHash<const MessageModel *, Place> m_places;
    // The line at the top of the pane while older lines are inserted above it.
    std::optional<std::pair<quint64, int>> m_anchor;
};
