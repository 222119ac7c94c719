// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"
#include "Conversation.h"
#include "ConversationSettings.h"

#include <QObject>

class ConversationListModel;

// Everything a person has open on one connection, without any window: a conversation per room
// they are in and per person they write with privately, the active one, and what is unread.
// It routes the connection's events to the conversations (lines, history, topics, people,
// arrivals and departures as notices), sends what is typed to the active conversation, pages
// older history in, and remembers read positions and muting per conversation.
//
// A conversation is read while it is active and the window is (setAttentive): lines arriving
// anywhere else count as unread, and the first of them gets the marker line.
class ChatSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    explicit ChatSession(ChatConnection *connection, QObject *parent = nullptr);

    ChatConnection *connection() const { return m_connection; }
    ConversationListModel *conversations() const { return m_list; }
    Conversation *conversation(const QString &key) const;
    Conversation *active() const { return m_active; }
    void setActive(Conversation *conversation);
    // The person is looking at the window.
    void setAttentive(bool attentive);
    bool isAttentive() const { return m_attentive; }
    int totalUnread() const;

    // What the person typed, to the active conversation: several lines are several messages;
    // "/command" goes to the server (with "/me" acting in the active room).
    void send(const QString &text);
    // Opens (and activates) the private conversation with nick.
    Conversation *openPrivate(const QString &nick);
    // Leaves a room, or closes a private conversation.
    void close(Conversation *conversation);
    void setMuted(Conversation *conversation, bool muted);
    // Shows older lines of the conversation: loaded ones first, then a page from the server.
    void loadOlder(Conversation *conversation);

signals:
    void activeChanged(Conversation *conversation);
    void totalUnreadChanged(int total);
    // A line someone else said arrived now (or was missed while away): for notifications.
    void lineArrived(Conversation *conversation, const ChatLine &line, bool mention);

private:
    void connectRooms();
    void connectLines();
    void connectNotices();
    Conversation *add(Conversation::Kind kind, const QString &name);
    void remove(Conversation *conversation);
    Conversation *roomConversation(const QString &room) const;
    Conversation *privateConversation(const QString &peer, bool create);
    bool mentions(const ChatLine &line) const;
    QList<bool> mentions(const QList<ChatLine> &lines) const;
    void receive(const ChatLine &line);
    void receiveHistory(const HistoryBatch &batch);
    void receiveMissed(Conversation *conversation, const QList<ChatLine> &lines,
                       const QString &divider);
    void receiveJoinHistory(Conversation *conversation, const HistoryBatch &batch);
    void sendLine(const QString &line);
    // A notice in the active conversation (answers to commands, the connection's state).
    void notice(const QString &text, ChatLine::Kind kind = ChatLine::Kind::Notice);
    void clear();

    ChatConnection *m_connection;
    ConversationListModel *m_list;
    Conversation *m_active = nullptr;
    bool m_attentive = false;
    ConversationSettings m_settings;
    QString m_movedFrom;       // our own move (rooms one): said in the room entered next
    int m_roomListsWanted = 0; // /list typed: its answer is shown (the Rooms dialog's is not)
    bool m_lost = false;
    QString m_putOut; // we were kicked or banned: said once the room is gone
};
