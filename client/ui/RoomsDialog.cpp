// SPDX-License-Identifier: MIT
#include "RoomsDialog.h"

#include "ChatSession.h"
#include "ConversationListModel.h"
#include "RoomListModel.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RoomsDialog::RoomsDialog(ChatSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_model(new RoomListModel(this))
    , m_view(new QTreeView)
    , m_newRoom(new QLineEdit)
    , m_join(new QPushButton(tr("&Join")))
    , m_create(new QPushButton(tr("&Create")))
{
    setWindowTitle(tr("Rooms"));
    m_view->setObjectName(u"rooms"_s);
    m_view->setAccessibleName(tr("Rooms on this server"));
    m_newRoom->setObjectName(u"newRoom"_s);
    m_join->setObjectName(u"join"_s);
    m_create->setObjectName(u"create"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_newRoom->setPlaceholderText(tr("name of a new room"));
    m_newRoom->setMaxLength(64);

    auto *refresh = new QPushButton(tr("&Refresh"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(refresh);
    listButtons->addStretch();
    listButtons->addWidget(m_join);

    auto *createBox = new QGroupBox(tr("New room"));
    auto *createLayout = new QHBoxLayout(createBox);
    createLayout->addWidget(m_newRoom);
    createLayout->addWidget(m_create);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    // Qt's own word for the standard button is English unless its translations are installed,
    // and they often are not: the button gets ours.
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    close->button(QDialogButtonBox::Close)->setObjectName(u"closeRooms"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addLayout(listButtons);
    layout->addWidget(createBox);
    layout->addWidget(close);
    resize(460, 360);

    ChatConnection *connection = session->connection();
    connect(refresh, &QPushButton::clicked, connection, &ChatConnection::listRooms);
    connect(m_join, &QPushButton::clicked, this, &RoomsDialog::joinSelected);
    connect(m_view, &QTreeView::activated, this, &RoomsDialog::joinSelected);
    connect(m_create, &QPushButton::clicked, this, &RoomsDialog::create);
    connect(m_newRoom, &QLineEdit::returnPressed, this, &RoomsDialog::create);
    connect(m_newRoom, &QLineEdit::textChanged, this, &RoomsDialog::updateButtons);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(connection, &ChatConnection::roomsChanged, m_model, &RoomListModel::setRooms);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RoomsDialog::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RoomsDialog::updateButtons);
    const auto refreshList = [this] {
        updateMarks();
        if (isVisible())
            m_session->connection()->listRooms();
    };
    connect(connection, &ChatConnection::roomEntered, this, refreshList);
    connect(connection, &ChatConnection::roomLeft, this, refreshList);
    connect(session, &ChatSession::activeChanged, this, &RoomsDialog::updateMarks);
    updateMarks();
    updateButtons();
}

void RoomsDialog::showEvent(QShowEvent *event)
{
    m_session->connection()->listRooms();
    QDialog::showEvent(event);
}

void RoomsDialog::updateMarks()
{
    const Conversation *active = m_session->active();
    m_model->setCurrentRoom(active && active->isRoom() ? active->name() : QString());
    m_model->setJoinedRooms(m_session->connection()->joinedRooms().names());
}

void RoomsDialog::joinSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString room = m_model->room(current.row()).name;
    // A room we are in is one click away already: go there rather than join it again.
    if (Conversation *conversation =
            m_session->conversation(Conversation::keyFor(Conversation::Kind::Room, room)))
        m_session->setActive(conversation);
    else
        m_session->connection()->joinRoom(room);
    accept();
}

void RoomsDialog::create()
{
    const QString name = m_newRoom->text().trimmed();
    if (name.isEmpty())
        return;
    m_session->connection()->createRoom(name);
    m_newRoom->clear();
    accept();
}

void RoomsDialog::updateButtons()
{
    m_join->setEnabled(m_view->selectionModel()->hasSelection());
    m_create->setEnabled(!m_newRoom->text().trimmed().isEmpty());
}
