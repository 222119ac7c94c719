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

namespace {

// What changes the lists, and what asks for them, as the server names the commands.
bool isMaskCommand(const QString &command)
{
    static const QStringList commands = {u"ban"_s,   u"unban"_s,    u"bans"_s,
                                         u"allow"_s, u"disallow"_s, u"allowed"_s};
    return commands.contains(command);
}

} // namespace

RoomMasksDialog::RoomMasksDialog(ChatConnection *connection, const QString &room, bool mayChange,
                                 QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_room(room)
{
    setWindowTitle(tr("Bans of %1").arg(room));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"lists"_s);
    m_tabs->addTab(makePage(m_bans, false), tr("&Banned"));
    m_tabs->addTab(makePage(m_allowed, true), tr("&Let in without an invitation"));
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
            [this](const QString &listed, bool allowed, qsizetype first, qsizetype total,
                   const QStringList &entries) {
                if (listed == m_room)
                    (allowed ? m_allowed : m_bans).model->addPiece(first, total, entries);
            });
    // Whoever changed a list, this one asks for it again.
    connect(connection, &ChatConnection::moderated, this,
            [this](const QString &where, const QString & /*actor*/, const QString &act) {
                if (where != m_room)
                    return;
                if (act == "ban"_L1 || act == "unban"_L1)
                    m_connection->askMasks(m_room, false);
                else if (act == "allow"_L1 || act == "disallow"_L1)
                    m_connection->askMasks(m_room, true);
            });
    connect(connection, &ChatConnection::commandFailed, this,
            [this](ErrorCode code, const QString &command, const QString &subject) {
                if (!isMaskCommand(command))
                    return;
                m_problem->setText(StatusText::commandError(code, command, subject));
                m_problem->show();
            });
    connect(connection, &ChatConnection::maskAnswered, this, &RoomMasksDialog::answered);
    connection->askMasks(room, false);
    connection->askMasks(room, true);
}

QWidget *RoomMasksDialog::makePage(Page &page, bool allowed)
{
    const QString prefix = allowed ? u"allow"_s : u"ban"_s;
    page.allowed = allowed;
    page.model = new MaskListModel(this);
    page.view = new QTableView;
    page.view->setObjectName(allowed ? u"allowed"_s : u"bans"_s);
    page.view->setModel(page.model);
    page.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    page.view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    page.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    page.view->verticalHeader()->hide();
    page.view->horizontalHeader()->setStretchLastSection(true);
    page.view->setWordWrap(false);
    if (allowed) {
        // An allow has no end and no reason.
        page.view->setColumnHidden(MaskListModel::UntilColumn, true);
        page.view->setColumnHidden(MaskListModel::ReasonColumn, true);
    }
    page.mask = new QLineEdit;
    page.mask->setObjectName(prefix + u"Mask"_s);
    page.mask->setPlaceholderText(
        tr("a nickname, account:<name>, or an address or subnet (10.0.0.0/8)"));
    page.mask->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"\\S{0,200}"_s), page.mask));
    page.add = new QPushButton(allowed ? tr("L&et in") : tr("B&an"));
    page.add->setObjectName(prefix + u"Add"_s);
    page.remove = new QPushButton(allowed ? tr("&Take back") : tr("Li&ft the ban"));
    page.remove->setObjectName(prefix + u"Remove"_s);
    page.add->setAutoDefault(false);
    page.remove->setAutoDefault(false);

    auto *intro = new QLabel(
        allowed ? tr("While %1 is invite-only, people who match one of these masks enter it "
                     "without an invitation.")
                      .arg(m_room)
                : tr("People who match one of these masks cannot enter %1, nor say anything in "
                     "it from outside.")
                      .arg(m_room));
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Mask:"), page.mask);
    if (!allowed) {
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
    if (!allowed)
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
    const QString reason = page.allowed ? QString() : m_reason->text();
    const QString label = page.allowed
                              ? m_connection->addMask(m_room, true, mask)
                              : m_connection->addMask(m_room, false, mask,
                                                      m_duration->currentData().toString(), reason);
    if (label.isEmpty())
        return; // not sent: what was typed stays
    // Cleared at once, for the next mask; a refusal puts this one back (answered()).
    m_unanswered.insert(label, {&page, mask, reason});
    page.mask->clear();
    if (!page.allowed)
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
    if (!page.allowed && m_reason->text().isEmpty())
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
        m_connection->removeMask(m_room, page.allowed, page.model->entry(row.row()).mask);
}

void RoomMasksDialog::updateButtons(Page &page)
{
    page.add->setEnabled(!page.mask->text().trimmed().isEmpty());
    page.remove->setEnabled(page.view->selectionModel()->hasSelection());
}
