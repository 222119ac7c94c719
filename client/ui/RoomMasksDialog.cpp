// SPDX-License-Identifier: MIT
#include "RoomMasksDialog.h"

#include "ChatConnection.h"
#include "MaskListModel.h"
#include "ModerationDialog.h"
#include "StatusText.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RoomMasksDialog::RoomMasksDialog(ChatConnection *connection, const QString &room, bool mayChange,
                                 QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_room(room)
{
    setWindowTitle(tr("Bans of %1").arg(room));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"lists"_s);
    m_tabs->addTab(makePage(MaskListKind::Bans), tr("&Banned"));
    m_tabs->addTab(makePage(MaskListKind::Allowed), tr("&Let in without an invitation"));
    m_tabs->addTab(makePage(MaskListKind::Exempted), tr("E&xempt from the bans"));
    m_problem = new QLabel;
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox;
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(u"close"_s);
    // Enter in a field adds to its list (returnPressed), never closes the dialog.
    close->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(620, 420);

    if (!mayChange) {
        m_tabs->setEnabled(false);
        m_problem->setText(tr("Only the operators of %1 see and change its bans.").arg(room));
        m_problem->show();
        return;
    }
    connect(connection, &ChatConnection::masksListed, this,
            [this](const QString &listed, MaskListKind list, qsizetype first, qsizetype total,
                   const QStringList &entries) {
                if (listed == m_room)
                    pageOf(list).model->addPiece(first, total, entries);
            });
    // Whoever changed a list, this one asks for it again.
    connect(connection, &ChatConnection::moderated, this,
            [this](const QString &where, const QString & /*actor*/, const QString &act) {
                const std::optional<MaskListKind> list = MaskLists::ofWord(act);
                if (where == m_room && list)
                    m_connection->askMasks(m_room, *list);
            });
    // Refusals of what changes the lists, or asks for them.
    connect(connection, &ChatConnection::commandFailed, this,
            [this](ErrorCode code, const QString &command, const QString &subject) {
                if (!MaskLists::ofWord(command))
                    return;
                m_problem->setText(StatusText::commandError(code, command, subject));
                m_problem->show();
            });
    connect(connection, &ChatConnection::maskAnswered, this, &RoomMasksDialog::answered);
    for (const MaskListKind list : MaskLists::All)
        connection->askMasks(room, list);
}

QWidget *RoomMasksDialog::makePage(MaskListKind list)
{
    Page &page = pageOf(list);
    const bool bans = list == MaskListKind::Bans;
    page.list = list;
    page.model = new MaskListModel(this);
    page.view = new QTableView;
    page.view->setObjectName(MaskLists::listCommand(list));
    page.view->setModel(page.model);
    page.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    page.view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    page.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    page.view->verticalHeader()->hide();
    page.view->horizontalHeader()->setStretchLastSection(true);
    page.view->setWordWrap(false);
    if (!bans) {
        // An allow or an exemption has no end and no reason.
        page.view->setColumnHidden(MaskListModel::UntilColumn, true);
        page.view->setColumnHidden(MaskListModel::ReasonColumn, true);
    }
    const QString prefix = MaskLists::addCommand(list);
    page.mask = new QLineEdit;
    page.mask->setObjectName(prefix + u"Mask"_s);
    page.mask->setPlaceholderText(
        tr("a nickname, account:<name>, or an address or subnet (10.0.0.0/8)"));
    page.mask->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"\\S{0,200}"_s), page.mask));
    QLabel *intro = nullptr;
    switch (list) {
    case MaskListKind::Bans:
        intro = new QLabel(tr("People who match one of these masks cannot enter %1, nor say "
                              "anything in it from outside.")
                               .arg(m_room));
        page.add = new QPushButton(tr("B&an"));
        page.remove = new QPushButton(tr("Li&ft the ban"));
        break;
    case MaskListKind::Allowed:
        intro = new QLabel(tr("While %1 is invite-only, people who match one of these masks "
                              "enter it without an invitation.")
                               .arg(m_room));
        page.add = new QPushButton(tr("L&et in"));
        page.remove = new QPushButton(tr("&Take back"));
        break;
    case MaskListKind::Exempted:
        intro = new QLabel(tr("The bans of %1 do not hold for people who match one of these "
                              "masks: they enter it and speak in it all the same. An invitation, "
                              "the key and the limit still hold.")
                               .arg(m_room));
        page.add = new QPushButton(tr("&Exempt"));
        page.remove = new QPushButton(tr("&Take back"));
        break;
    }
    page.add->setObjectName(prefix + u"Add"_s);
    page.remove->setObjectName(prefix + u"Remove"_s);
    page.add->setAutoDefault(false);
    page.remove->setAutoDefault(false);

    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Mask:"), page.mask);
    if (bans) {
        m_duration = ModerationDialog::banDurationBox();
        m_duration->setObjectName(u"banDuration"_s);
        form->addRow(tr("&How long:"), m_duration);
        m_reason = ModerationDialog::reasonEdit();
        m_reason->setObjectName(u"banReason"_s);
        form->addRow(tr("&Reason:"), m_reason);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(page.remove);
    buttons->addStretch();
    buttons->addWidget(page.add);

    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->addWidget(intro);
    layout->addWidget(page.view, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);

    // Enter in a field adds; Delete in the list removes what is selected.
    connect(page.add, &QPushButton::clicked, this, [this, &page] { add(page); });
    connect(page.mask, &QLineEdit::returnPressed, this, [this, &page] { add(page); });
    if (bans)
        connect(m_reason, &QLineEdit::returnPressed, this, [this, &page] { add(page); });
    connect(page.remove, &QPushButton::clicked, this, [this, &page] { removeSelected(page); });
    auto *remove = new QAction(page.view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    page.view->addAction(remove);
    connect(remove, &QAction::triggered, this, [this, &page] { removeSelected(page); });
    connect(page.mask, &QLineEdit::textChanged, this, [this, &page] { updateButtons(page); });
    connect(page.view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, &page] { updateButtons(page); });
    connect(page.model, &QAbstractItemModel::modelReset, this,
            [this, &page] { updateButtons(page); });
    updateButtons(page);
    return widget;
}

void RoomMasksDialog::add(Page &page)
{
    const QString mask = page.mask->text().trimmed();
    if (mask.isEmpty())
        return;
    m_problem->hide();
    const bool ban = page.list == MaskListKind::Bans;
    const QString reason = ban ? m_reason->text() : QString();
    const QString label = ban ? m_connection->addMask(m_room, page.list, mask,
                                                      m_duration->currentData().toString(), reason)
                              : m_connection->addMask(m_room, page.list, mask);
    if (label.isEmpty())
        return; // not sent: what was typed stays
    // Cleared at once, for the next mask; a refusal puts this one back (answered()).
    m_unanswered.insert(label, {&page, mask, reason});
    page.mask->clear();
    if (ban)
        m_reason->clear();
}

void RoomMasksDialog::answered(const QString &label, bool refused)
{
    const Unanswered sent = m_unanswered.take(label);
    // Only what this dialog sent, and only into empty fields: never over what has been typed
    // since.
    if (!sent.page || !refused || !sent.page->mask->text().isEmpty())
        return;
    Page &page = *sent.page;
    page.mask->setText(sent.mask);
    if (page.list == MaskListKind::Bans && m_reason->text().isEmpty())
        m_reason->setText(sent.reason);
    page.mask->selectAll();
    page.mask->setFocus();
}

void RoomMasksDialog::removeSelected(Page &page)
{
    const QModelIndexList rows = page.view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_problem->hide();
    for (const QModelIndex &row : rows)
        m_connection->removeMask(m_room, page.list, page.model->entry(row.row()).mask);
}

void RoomMasksDialog::updateButtons(Page &page)
{
    page.add->setEnabled(!page.mask->text().trimmed().isEmpty());
    page.remove->setEnabled(page.view->selectionModel()->hasSelection());
}
