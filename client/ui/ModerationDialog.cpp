// SPDX-License-Identifier: MIT
#include "ModerationDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ModerationDialog::ModerationDialog(Moderation::Act act, const QString &room, const QString &nick,
                                   QWidget *parent)
    : QDialog(parent)
    , m_act(act)
{
    using A = Moderation::Act;
    auto *intro = new QLabel;
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    QString confirm;
    if (act == A::Ban || act == A::Mute) {
        m_duration = act == A::Ban ? banDurationBox() : new QComboBox;
        m_duration->setObjectName(u"duration"_s);
        if (act == A::Mute) {
            m_duration->addItem(tr("Until unmuted"), QString());
            m_duration->addItem(tr("5 minutes"), u"300"_s);
            m_duration->addItem(tr("1 hour"), u"3600"_s);
            m_duration->addItem(tr("1 day"), u"86400"_s);
        }
        form->addRow(tr("&How long:"), m_duration);
    }
    if (act == A::Kick || act == A::Ban) {
        m_reason = reasonEdit();
        m_reason->setObjectName(u"reason"_s);
        form->addRow(tr("&Reason:"), m_reason);
    }
    switch (act) {
    case A::Kick:
        setWindowTitle(tr("Kick %1").arg(nick));
        intro->setText(tr("Put %1 out of %2. They may come back in.").arg(nick, room));
        confirm = tr("&Kick");
        break;
    case A::Ban:
        setWindowTitle(tr("Ban %1").arg(nick));
        intro->setText(
            tr("Put %1 out of %2 and keep them out, for a while or for good.").arg(nick, room));
        confirm = tr("&Ban");
        break;
    case A::Mute:
        setWindowTitle(tr("Mute %1").arg(nick));
        intro->setText(tr("Let %1 read %2 but not speak in it.").arg(nick, room));
        confirm = tr("&Mute");
        break;
    default:
        break;
    }
    auto *buttons = new QDialogButtonBox;
    QPushButton *ok = buttons->addButton(confirm, QDialogButtonBox::AcceptRole);
    ok->setObjectName(u"ok"_s);
    ok->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

QString ModerationDialog::duration() const
{
    return m_duration ? m_duration->currentData().toString() : QString();
}

QString ModerationDialog::reason() const
{
    return m_reason ? m_reason->text().simplified() : QString();
}

QComboBox *ModerationDialog::banDurationBox()
{
    auto *box = new QComboBox;
    box->addItem(tr("For good"), QString());
    box->addItem(tr("10 minutes"), u"10m"_s);
    box->addItem(tr("1 hour"), u"1h"_s);
    box->addItem(tr("1 day"), u"1d"_s);
    box->addItem(tr("7 days"), u"7d"_s);
    return box;
}

QLineEdit *ModerationDialog::reasonEdit()
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(tr("optional; everyone in the room sees it"));
    edit->setMaxLength(200);
    return edit;
}
