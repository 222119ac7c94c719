// SPDX-License-Identifier: MIT
#include "QuickSwitcher.h"

#include "ChatSession.h"
#include "ConversationDelegate.h"
#include "ConversationListModel.h"
#include "NameRules.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QuickSwitcher::QuickSwitcher(ChatSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_filter(new QLineEdit)
    , m_list(new QListView)
    , m_join(new QPushButton)
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(u"quickSwitcher"_s);
    setWindowTitle(tr("Go to a conversation"));
    m_filter->setObjectName(u"switcherFilter"_s);
    m_filter->setPlaceholderText(tr("Name of a room or person"));
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->installEventFilter(this);
    m_proxy->setSourceModel(session->conversations());
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setObjectName(u"switcherList"_s);
    m_list->setAccessibleName(tr("Matching conversations"));
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFocusPolicy(Qt::NoFocus); // the filter keeps the keyboard; Up and Down choose
    m_join->setObjectName(u"switcherJoin"_s);
    m_join->hide();

    auto *hint = new QLabel(tr("↑↓ to choose, Enter to go, Esc to close"));
    hint->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(m_join);
    layout->addWidget(hint);
    resize(380, 320);

    connect(m_filter, &QLineEdit::textChanged, this, &QuickSwitcher::filter);
    connect(m_filter, &QLineEdit::returnPressed, this, &QuickSwitcher::go);
    connect(m_list, &QListView::clicked, this, &QuickSwitcher::go);
    connect(m_join, &QPushButton::clicked, this, [this] {
        // `join` only enters a room that exists: a name the server did not list is created.
        const QString room = m_filter->text().remove(u'#').trimmed();
        if (m_rooms.contains(NameRules::key(room)))
            m_session->connection()->joinRoom(room);
        else
            m_session->connection()->createRoom(room);
        accept();
    });
    connect(session->connection(), &ChatConnection::roomsChanged, this,
            [this](const RoomInfoList &rooms) {
                m_rooms.clear();
                for (const RoomInfo &room : rooms)
                    m_rooms.insert(NameRules::key(room.name));
            });
}

void QuickSwitcher::open()
{
    m_session->connection()->listRooms(); // which names join and which create
    m_filter->clear();
    filter({});
    QDialog::open();
    m_filter->setFocus();
}

void QuickSwitcher::filter(const QString &text)
{
    // "#ha" finds "# hall": the hash and spaces are not part of what is looked for.
    const QString wanted = QString(text).remove(u'#').trimmed();
    m_proxy->setFilterFixedString(wanted);
    if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    const bool room = NameRules::isValidRoom(wanted);
    m_join->setVisible(room && m_proxy->rowCount() == 0);
    m_join->setText(tr("Join or create the room %1").arg(wanted));
}

void QuickSwitcher::go()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        if (m_join->isVisible())
            m_join->click();
        return;
    }
    const QString key = current.data(ConversationListModel::KeyRole).toString();
    if (Conversation *conversation = m_session->conversation(key))
        m_session->setActive(conversation);
    accept();
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            const int rows = m_proxy->rowCount();
            if (rows > 0) {
                const int row =
                    (m_list->currentIndex().row() + (key == Qt::Key_Down ? 1 : -1) + rows) % rows;
                m_list->setCurrentIndex(m_proxy->index(row, 0));
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}
