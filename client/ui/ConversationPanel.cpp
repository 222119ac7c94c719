// SPDX-License-Identifier: MIT
#include "ConversationPanel.h"

#include "ChatSession.h"
#include "ConversationDelegate.h"
#include "ConversationListModel.h"

#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ConversationPanel::ConversationPanel(ChatSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListView)
    , m_rooms(new QPushButton(tr("&Join or create a room…")))
{
    setObjectName(u"conversationPanel"_s);
    m_list->setObjectName(u"conversations"_s);
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(session->conversations());
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setUniformItemSizes(false);
    m_list->installEventFilter(this);
    m_rooms->setObjectName(u"roomsButton"_s);
    m_rooms->setToolTip(tr("Join a room of this server, or create one (Ctrl+J)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_rooms);

    connect(m_rooms, &QPushButton::clicked, this, &ConversationPanel::roomsWanted);
    connect(m_list, &QListView::customContextMenuRequested, this, &ConversationPanel::showMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (Conversation *conversation = m_session->conversations()->at(current.row()))
                    m_session->setActive(conversation);
            });
    connect(session, &ChatSession::activeChanged, this, &ConversationPanel::followActive);
}

void ConversationPanel::followActive(Conversation *conversation)
{
    const int row = m_session->conversations()->rowOf(conversation);
    const QModelIndex index = m_session->conversations()->index(row);
    if (m_list->currentIndex() != index)
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

bool ConversationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        m_session->close(m_session->conversations()->at(m_list->currentIndex().row()));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationPanel::showMenu(const QPoint &pos)
{
    Conversation *conversation = m_session->conversations()->at(m_list->indexAt(pos).row());
    if (!conversation)
        return;
    QMenu menu(this);
    menu.addAction(conversation->isRoom()
                       ? tr("&Leave %1").arg(conversation->name())
                       : tr("&Close the conversation with %1").arg(conversation->name()),
                   this, [this, conversation] { m_session->close(conversation); });
    QAction *mute = menu.addAction(tr("&Mute notifications"));
    mute->setCheckable(true);
    mute->setChecked(conversation->isMuted());
    connect(mute, &QAction::toggled, this,
            [this, conversation](bool muted) { m_session->setMuted(conversation, muted); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}
