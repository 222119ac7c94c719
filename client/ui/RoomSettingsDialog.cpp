// SPDX-License-Identifier: MIT
#include "RoomSettingsDialog.h"

#include "Protocol.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QCheckBox *checkBox(const QString &text, const QString &name)
{
    auto *box = new QCheckBox(text);
    box->setObjectName(name);
    return box;
}

} // namespace

RoomSettingsDialog::RoomSettingsDialog(const QString &room, const RoomRules &rules, bool mayChange,
                                       QWidget *parent)
    : QDialog(parent)
    , m_mayChange(mayChange)
    , m_inviteOnly(checkBox(tr("Only people an operator &invited"), u"inviteOnly"_s))
    , m_registeredOnly(checkBox(tr("Only &registered nicknames"), u"registeredOnly"_s))
    , m_limitOn(checkBox(tr("At most this many &people:"), u"limitOn"_s))
    , m_limit(new QSpinBox)
    , m_keyOn(checkBox(tr("Only with this &key:"), u"keyOn"_s))
    , m_key(new QLineEdit)
    , m_moderated(checkBox(tr("Only those with a &voice, operators and the owner"), u"moderated"_s))
    , m_topicLock(checkBox(tr("Only operators and the owner change the &topic"), u"topicLock"_s))
    , m_outsideMessages(checkBox(tr("People &outside the room may post to it too (for bots)"),
                                 u"outsideMessages"_s))
    , m_secret(checkBox(tr("&Secret: left out of the room list for those not in it"), u"secret"_s))
    , m_problem(new QLabel)
    , m_ok(nullptr)
{
    setWindowTitle(tr("Rules of %1").arg(room));
    m_limit->setObjectName(u"limit"_s);
    m_limit->setRange(1, Protocol::RoomLimitMax);
    m_limit->setAccessibleName(tr("Most people"));
    m_key->setObjectName(u"key"_s);
    m_key->setAccessibleName(tr("Key"));
    m_key->setMaxLength(Protocol::RoomKeyMaxLength);
    // What the server takes as a key: one word of printable ASCII but ",".
    m_key->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[\\x21-\\x2B\\x2D-\\x7E]*"_s), m_key));
    m_key->setPlaceholderText(tr("one word, told to those you let in"));
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);

    auto *join = new QGroupBox(tr("Who may join"));
    auto *joinLayout = new QVBoxLayout(join);
    joinLayout->addWidget(m_inviteOnly);
    joinLayout->addWidget(m_registeredOnly);
    auto *limitRow = new QHBoxLayout;
    limitRow->addWidget(m_limitOn);
    limitRow->addWidget(m_limit, 1);
    joinLayout->addLayout(limitRow);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyOn);
    keyRow->addWidget(m_key, 1);
    joinLayout->addLayout(keyRow);
    joinLayout->addWidget(m_secret);
    auto *speak = new QGroupBox(tr("Who may speak and set the topic"));
    auto *speakLayout = new QVBoxLayout(speak);
    speakLayout->addWidget(m_moderated);
    speakLayout->addWidget(m_topicLock);
    speakLayout->addWidget(m_outsideMessages);

    auto *buttons = new QDialogButtonBox;
    if (mayChange) {
        m_ok = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
        m_ok->setObjectName(u"ok"_s);
        m_ok->setDefault(true);
        buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    } else {
        m_problem->setText(tr("Only the room's operators and owner may change its rules."));
        buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole)->setObjectName(u"close"_s);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QCheckBox *box : {m_inviteOnly, m_registeredOnly, m_limitOn, m_keyOn, m_moderated,
                           m_topicLock, m_outsideMessages, m_secret}) {
        box->setEnabled(mayChange);
        connect(box, &QCheckBox::toggled, this, &RoomSettingsDialog::check);
    }
    connect(m_key, &QLineEdit::textChanged, this, &RoomSettingsDialog::check);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(join);
    layout->addWidget(speak);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    setRules(rules);
}

void RoomSettingsDialog::setRules(const RoomRules &rules)
{
    m_inviteOnly->setChecked(rules.inviteOnly);
    m_registeredOnly->setChecked(rules.registeredOnly);
    m_limitOn->setChecked(rules.limit > 0);
    if (rules.limit > 0)
        m_limit->setValue(rules.limit);
    m_keyOn->setChecked(!rules.key.isEmpty());
    if (!rules.key.isEmpty())
        m_key->setText(rules.key);
    m_moderated->setChecked(rules.moderated);
    m_topicLock->setChecked(rules.topicLock);
    m_outsideMessages->setChecked(rules.outsideMessages);
    m_secret->setChecked(rules.secret);
    check();
}

RoomRules RoomSettingsDialog::rules() const
{
    RoomRules rules;
    rules.inviteOnly = m_inviteOnly->isChecked();
    rules.registeredOnly = m_registeredOnly->isChecked();
    rules.limit = m_limitOn->isChecked() ? m_limit->value() : 0;
    rules.key = m_keyOn->isChecked() ? m_key->text() : QString();
    rules.moderated = m_moderated->isChecked();
    rules.topicLock = m_topicLock->isChecked();
    rules.outsideMessages = m_outsideMessages->isChecked();
    rules.secret = m_secret->isChecked();
    return rules;
}

// The number and the key can be typed only when their rule is on; a key must be one the
// server takes.
void RoomSettingsDialog::check()
{
    m_limit->setEnabled(m_mayChange && m_limitOn->isChecked());
    m_key->setEnabled(m_mayChange && m_keyOn->isChecked());
    if (!m_ok)
        return;
    QString problem;
    if (m_keyOn->isChecked() && m_key->text().isEmpty())
        problem = tr("Type the key, or leave it off.");
    else if (m_keyOn->isChecked() && m_key->text().compare("off"_L1, Qt::CaseInsensitive) == 0)
        problem = tr("\"off\" cannot be a key: it turns the key off.");
    m_problem->setText(problem);
    m_ok->setEnabled(problem.isEmpty());
}
