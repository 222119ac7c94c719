// SPDX-License-Identifier: MIT
#pragma once

#include "ChatLine.h"

#include <QHash>
#include <QObject>

class ChatSession;
class Conversation;
class Notifier;

// Decides which lines deserve a desktop notification: one that mentions us or a private
// message, in a conversation that is not muted and that the person is not reading (it is not
// the active one, or the window is not). A conversation has one notification that counts its
// lines and shows the newest; it goes away when the conversation is read.
class Notifications : public QObject
{
    Q_OBJECT

public:
    // The notifier is not owned; it must outlive this object.
    Notifications(ChatSession *session, Notifier *notifier, QObject *parent = nullptr);

private:
    void lineArrived(Conversation *conversation, const ChatLine &line, bool mention);
    void watch(Conversation *conversation);

    ChatSession *m_session;
    Notifier *m_notifier;
    QHash<QString, int> m_counts; // lines notified per conversation key since it was read
};
