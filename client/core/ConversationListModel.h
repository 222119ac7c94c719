// SPDX-License-Identifier: MIT
#pragma once

#include "Conversation.h"

#include <QAbstractListModel>

// The side panel's list: the rooms we are in, in the order we entered them, then the private
// conversations in the order they began. A row changes when its conversation's name, unread
// count, mentions or mute does.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: "#hall", "@bob"
        KindRole,                   // Conversation::Kind
        UnreadRole,                 // int
        MentionsRole,               // int
        MutedRole,                  // bool
        TopicRole,                  // QString
        SectionStartRole,           // bool: the first private conversation (a heading above)
        ConversationRole,           // Conversation *
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Takes its place (rooms before private conversations); the model does not own it.
    void add(Conversation *conversation);
    void remove(Conversation *conversation);
    Conversation *at(int row) const { return m_conversations.value(row); }
    Conversation *find(const QString &key) const;
    int rowOf(const Conversation *conversation) const;
    QList<Conversation *> conversations() const { return m_conversations; }

private:
    QList<Conversation *> m_conversations;
};
