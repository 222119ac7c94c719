// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class ChatSession;
class Conversation;
class QListView;
class QPushButton;

// The side panel: the rooms we are in and our private conversations with what is unread in
// each. Choosing one (click, or Up and Down) makes it active; its context menu (or Delete)
// leaves the room or closes the conversation, and mutes its notifications; the button below
// opens the Rooms dialog to join or create a room.
class ConversationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationPanel(ChatSession *session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }

signals:
    void roomsWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMenu(const QPoint &pos);
    void followActive(Conversation *conversation);

    ChatSession *m_session;
    QListView *m_list;
    QPushButton *m_rooms;
};
