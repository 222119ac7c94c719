// SPDX-License-Identifier: MIT
#include "Notifications.h"

#include "ChatSession.h"
#include "Conversation.h"
#include "Notifier.h"

using namespace Qt::StringLiterals;

Notifications::Notifications(ChatSession *session, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_notifier(notifier)
{
    connect(session, &ChatSession::lineArrived, this, &Notifications::lineArrived);
}

void Notifications::lineArrived(Conversation *conversation, const ChatLine &line, bool mention)
{
    const bool wanted = mention || !conversation->isRoom();
    if (!wanted || conversation->isMuted() || conversation->isRead())
        return;
    const QString key = conversation->key();
    if (!m_counts.contains(key))
        watch(conversation);
    const int count = ++m_counts[key];
    const QString who = conversation->isRoom() ? tr("%1 in %2").arg(line.nick, conversation->name())
                                               : tr("%1 (private)").arg(line.nick);
    const QString title = count > 1 ? tr("%1: %n new message(s)", nullptr, count).arg(who) : who;
    const QString body =
        line.kind == ChatLine::Kind::Action ? u"%1 %2"_s.arg(line.nick, line.text) : line.text;
    m_notifier->show(key, title, body);
}

void Notifications::watch(Conversation *conversation)
{
    // Read, muted or gone: the notification has said what it had to say. The watch ends
    // with it and starts again with the conversation's next notification.
    const QString key = conversation->key();
    const auto done = [this, conversation, key] {
        disconnect(conversation, nullptr, this, nullptr);
        m_counts.remove(key);
        m_notifier->withdraw(key);
    };
    connect(conversation, &Conversation::changed, this, [conversation, done] {
        if (conversation->isRead() || conversation->isMuted())
            done();
    });
    connect(conversation, &QObject::destroyed, this, done);
}
