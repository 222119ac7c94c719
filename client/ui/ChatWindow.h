// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"

#include <QMainWindow>

class Appearance;
class ChatSession;
class Conversation;
class ConversationPanel;
class MessageInput;
class MessageView;
class PeopleView;
class QLabel;
class QListView;
class QPushButton;
class QSplitter;
class QuickSwitcher;
class RoomsDialog;

// The window people keep open all day: the conversations on the left (rooms and private ones,
// with what is unread), the active conversation in the middle (its name and topic, its lines,
// the input), the people in it on the right, the state of the connection below. Everything it
// shows comes from the session and the connection; everything it does is a call on them.
class ChatWindow : public QMainWindow
{
    Q_OBJECT
    Q_PROPERTY(int unread READ unread NOTIFY unreadChanged)

public:
    // Below these widths the people list, then the conversation list, step aside.
    static constexpr int PeopleWidth = 880;
    static constexpr int PanelWidth = 560;
    static constexpr int MinimumListWidth = 120;

    ChatWindow(ChatSession *session, Appearance *appearance, QWidget *parent = nullptr);

    // Unread lines in all conversations (the title shows them).
    int unread() const;
    ChatSession *session() const { return m_session; }
    // Makes a conversation active and brings the window forward (a notification was clicked).
    void showConversation(const QString &key);

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
    QWidget *createCenter();
    QWidget *createPeoplePanel();
    void createMenus();
    void createAccountMenu();
    void openAccountDialog(int mode);
    // The room in view (empty: a private conversation or none) and whether we run it (its
    // operators, owner, or a server administrator).
    QString roomInView(bool *operating) const;
    void openRoomRules();
    void openRoomMasks();
    void connectSession();
    void connectConnection();
    void showActive(Conversation *conversation);
    void send();
    void updateTitle();
    void updateHeader();
    void updateState();
    void updateUsersTitle();
    void updatePanels();
    void updateAttention();
    void applyAppearance();
    void showLost(ChatConnection::Failure reason, int delayMs);
    void activateRow(int row);

    ChatSession *m_session;
    ChatConnection *m_connection;
    Appearance *m_appearance;
    RoomsDialog *m_roomsDialog;
    QuickSwitcher *m_switcher;
    ConversationPanel *m_panel;
    QSplitter *m_splitter;
    QLabel *m_banner;
    QPushButton *m_panelButton;
    QLabel *m_title;
    QLabel *m_topic;
    MessageView *m_messages;
    QWidget *m_peoplePanel;
    QLabel *m_usersTitle;
    PeopleView *m_userList;
    MessageInput *m_input;
    QPushButton *m_send;
    QPushButton *m_usersButton;
    QLabel *m_state;
    QAction *m_muteAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_masksAction = nullptr;
    QAction *m_panelAction = nullptr;
    Conversation *m_shown = nullptr;
    bool m_lost = false;
    QString m_lostCause; // why the connection ended, kept while the retries fail
    int m_failedAttempts = 0;
    // Each side list steps aside when the window gets too narrow for it, and comes back when
    // it is wide again, unless the person showed or hid it meanwhile.
    bool m_peopleRoom = true;
    bool m_panelRoom = true;
    bool m_peopleHiddenForWidth = false;
    bool m_panelHiddenForWidth = false;
    bool m_adjusting = false;
};
