// SPDX-License-Identifier: MIT
#include "ConversationListModel.h"

using namespace Qt::StringLiterals;

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Conversation *conversation = m_conversations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return conversation->isRoom() ? u"# "_s + conversation->name() : conversation->name();
    case Qt::ToolTipRole:
        return conversation->isRoom() ? conversation->topic() : QString();
    case Qt::AccessibleTextRole: {
        // What a screen reader says for the row: the name, then what waits in it.
        QStringList parts{conversation->isRoom() ? tr("room %1").arg(conversation->name())
                                                 : tr("%1, private").arg(conversation->name())};
        if (conversation->unread() > 0)
            parts << tr("%n unread", nullptr, conversation->unread());
        if (conversation->mentions() > 0)
            parts << tr("%n mentioning you", nullptr, conversation->mentions());
        if (conversation->isMuted())
            parts << tr("muted");
        return parts.join(u", "_s);
    }
    case KeyRole:
        return conversation->key();
    case KindRole:
        return QVariant::fromValue(conversation->kind());
    case UnreadRole:
        return conversation->unread();
    case MentionsRole:
        return conversation->mentions();
    case MutedRole:
        return conversation->isMuted();
    case TopicRole:
        return conversation->topic();
    case SectionStartRole:
        return !conversation->isRoom() &&
               (index.row() == 0 || m_conversations.at(index.row() - 1)->isRoom());
    case ConversationRole:
        return QVariant::fromValue(const_cast<Conversation *>(conversation));
    default:
        return {};
    }
}

void ConversationListModel::add(Conversation *conversation)
{
    int row = int(m_conversations.size());
    if (conversation->isRoom()) {
        row = 0;
        while (row < m_conversations.size() && m_conversations.at(row)->isRoom())
            ++row;
    }
    beginInsertRows({}, row, row);
    m_conversations.insert(row, conversation);
    endInsertRows();
    if (row + 1 < m_conversations.size()) // the row below may no longer start its section
        emit dataChanged(index(row + 1), index(row + 1));
    connect(conversation, &Conversation::changed, this, [this, conversation] {
        const int at = rowOf(conversation);
        if (at >= 0)
            emit dataChanged(index(at), index(at));
    });
}

void ConversationListModel::remove(Conversation *conversation)
{
    const int row = rowOf(conversation);
    if (row < 0)
        return;
    disconnect(conversation, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    m_conversations.removeAt(row);
    endRemoveRows();
    if (row < m_conversations.size())
        emit dataChanged(index(row), index(row));
}

Conversation *ConversationListModel::find(const QString &key) const
{
    for (Conversation *conversation : m_conversations) {
        if (conversation->key() == key)
            return conversation;
    }
    return nullptr;
}

int ConversationListModel::rowOf(const Conversation *conversation) const
{
    return int(m_conversations.indexOf(conversation));
}
