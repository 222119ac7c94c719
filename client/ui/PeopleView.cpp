// SPDX-License-Identifier: MIT
#include "PeopleView.h"

#include "ChatConnection.h"
#include "ModerationDialog.h"
#include "StepDownQuestion.h"
#include "UserListModel.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace {

// Dims the muted and those whose connection dropped; sets the away in italics.
class PeopleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(UserListModel::MutedRole).toBool() ||
            index.data(UserListModel::ReconnectingRole).toBool()) {
            const QColor dim = option->palette.color(QPalette::PlaceholderText);
            option->palette.setColor(QPalette::Text, dim);
            option->palette.setColor(QPalette::WindowText, dim);
        }
        if (index.data(UserListModel::AwayRole).toBool())
            option->font.setItalic(true);
    }
};

QString actName(Moderation::Act act)
{
    using A = Moderation::Act;
    switch (act) {
    case A::Kick:
        return u"kick"_s;
    case A::Ban:
        return u"ban"_s;
    case A::Mute:
        return u"mute"_s;
    case A::Unmute:
        return u"unmute"_s;
    case A::Voice:
        return u"voice"_s;
    case A::Devoice:
        return u"devoice"_s;
    case A::Op:
        return u"op"_s;
    case A::Deop:
        return u"deop"_s;
    }
    return {};
}

} // namespace

PeopleView::PeopleView(ChatConnection *connection, QWidget *parent)
    : QListView(parent)
    , m_connection(connection)
{
    setItemDelegate(new PeopleDelegate(this));
}

QMenu *PeopleView::createMenu(const QModelIndex &index)
{
    if (!index.isValid())
        return nullptr;
    const QString nick = index.data(UserListModel::NickRole).toString();
    const bool self = m_connection->isSelf(nick);
    auto *menu = new QMenu(this);
    menu->setObjectName(u"peopleMenu"_s);
    if (!self) {
        QAction *write = menu->addAction(tr("&Write to %1 privately").arg(nick), this,
                                         [this, nick] { emit privateWanted(nick); });
        write->setObjectName(u"private"_s);
    }
    if (m_room.isEmpty())
        return menu;
    const QList<Moderation::Act> acts = Moderation::allowed(
        m_connection->flags(m_room, m_connection->nick()), m_connection->flags(m_room, nick), self);
    if (!acts.isEmpty() && !menu->isEmpty())
        menu->addSeparator();
    for (const Moderation::Act act : acts) {
        using A = Moderation::Act;
        const QString text = act == A::Kick      ? tr("&Kick…")
                             : act == A::Ban     ? tr("&Ban…")
                             : act == A::Mute    ? tr("&Mute…")
                             : act == A::Unmute  ? tr("&Unmute")
                             : act == A::Voice   ? tr("Give a &voice")
                             : act == A::Devoice ? tr("Take back the &voice")
                             : act == A::Op      ? tr("Make &operator")
                             : self              ? tr("&Step down…")
                                                 : tr("Remove &operator");
        QAction *action = menu->addAction(text, this, [this, act, nick] { take(act, nick); });
        action->setObjectName(actName(act));
    }
    return menu;
}

void PeopleView::take(Moderation::Act act, const QString &nick)
{
    using A = Moderation::Act;
    if (act == A::Deop && m_connection->isSelf(nick))
        return askToStepDown();
    if (act == A::Unmute || act == A::Voice || act == A::Devoice || act == A::Op ||
        act == A::Deop) {
        m_connection->moderate(act, m_room, nick);
        return;
    }
    auto *dialog = new ModerationDialog(act, m_room, nick, this);
    dialog->setObjectName(u"moderationDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString room = m_room;
    connect(dialog, &QDialog::accepted, this, [this, dialog, act, room, nick] {
        m_connection->moderate(act, room, nick, dialog->duration(), dialog->reason());
    });
    dialog->open();
}

void PeopleView::askToStepDown()
{
    const QString room = m_room;
    const bool owner = m_connection->flags(room, m_connection->nick()).owner;
    auto *question = new StepDownQuestion(room, owner, this);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, room] {
        if (question->isConfirmed())
            m_connection->moderate(Moderation::Act::Deop, room, m_connection->nick());
    });
    // Window-modal, not exec(): the GUI thread goes on with the connection while it waits.
    question->open();
}

void PeopleView::popUpMenu(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu *menu = createMenu(index);
    if (!menu)
        return;
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void PeopleView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard the menu is about the current person, under their row.
    if (event->reason() == QContextMenuEvent::Keyboard) {
        const QModelIndex current = currentIndex();
        popUpMenu(current, viewport()->mapToGlobal(visualRect(current).bottomLeft()));
    } else {
        popUpMenu(indexAt(event->pos()), event->globalPos());
    }
    event->accept();
}

void PeopleView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Menu ||
        (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier)) {
        const QModelIndex current = currentIndex().isValid() ? currentIndex()
                                    : model()                ? model()->index(0, 0)
                                                             : QModelIndex();
        popUpMenu(current, viewport()->mapToGlobal(visualRect(current).bottomLeft()));
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}
