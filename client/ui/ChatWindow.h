// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"

#include <QMainWindow>

class HistoryLineEdit;
class MessageView;
class QLabel;
class QListView;
class QPushButton;
class RoomsDialog;
class UserListModel;

// The room: messages, the input line, who is here, the topic and the state of the connection.
// Everything it shows comes from the connection's signals; everything it does is a call on it.
class ChatWindow : public QMainWindow
{
    Q_OBJECT
    Q_PROPERTY(int unread READ unread NOTIFY unreadChanged)

public:
    // Below this width the people list gives its room to the conversation.
    static constexpr int NarrowWidth = 600;
    static constexpr int MinimumListWidth = 120;

    explicit ChatWindow(ChatConnection *connection, QWidget *parent = nullptr);

    int unread() const { return m_unread; }

signals:
    void unreadChanged(int unread);
    // The person closed the window; the connection has been asked to log out.
    void closed();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createUserPanel();
    QWidget *createInputRow();
    void connectConnection();
    void connectListings();
    void send();
    void countUnread(bool own);
    void updateTitle();
    void updateState();
    void updateUsersTitle();
    void showLost(ChatConnection::Failure reason, int delayMs);
    void addSystem(const QString &text);
    void addDivider(const QString &text);

    ChatConnection *m_connection;
    UserListModel *m_users;
    RoomsDialog *m_roomsDialog;
    QLabel *m_banner;
    QLabel *m_room;
    QLabel *m_topic;
    MessageView *m_messages;
    QWidget *m_userPanel;
    QLabel *m_usersTitle;
    QListView *m_userList;
    HistoryLineEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_usersButton;
    QLabel *m_state;
    int m_unread = 0;
    bool m_lost = false;
    QString m_lostCause; // why the connection ended, kept while the retries fail
    int m_failedAttempts = 0;
    bool m_moving = false; // a move's own leave follows: it needs no line
    bool m_narrow = false;
    bool m_usersHiddenForWidth = false;
    bool m_adjustingUsers = false;
    QString m_shownRoom; // the room the pane last said we entered
};
