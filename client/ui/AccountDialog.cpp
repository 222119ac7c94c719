// SPDX-License-Identifier: MIT
#include "AccountDialog.h"

#include "Protocol.h"
#include "StatusText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

int AccountDialog::s_minimumLength = Protocol::PasswordMinLength;

namespace {

// Owned by the dialog from the start: a mode leaves some fields out of its form.
QLineEdit *passwordField(const QString &name, QWidget *dialog)
{
    auto *field = new QLineEdit(dialog);
    field->setObjectName(name);
    field->setEchoMode(QLineEdit::Password);
    field->setMaxLength(Protocol::PasswordMaxLength);
    return field;
}

} // namespace

AccountDialog::AccountDialog(ChatConnection *connection, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_mode(mode)
    , m_old(passwordField(u"oldPassword"_s, this))
    , m_new(passwordField(u"newPassword"_s, this))
    , m_repeat(passwordField(u"repeatPassword"_s, this))
    , m_problem(new QLabel)
    , m_ok(new QPushButton)
{
    const QString nick = connection->nick();
    auto *intro = new QLabel;
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    switch (mode) {
    case Mode::Register:
        setWindowTitle(tr("Register %1").arg(nick));
        intro->setText(tr("Register the nickname %1: from now on only you can use it, with this "
                          "password. Nobody else can take it while you are away.")
                           .arg(nick));
        form->addRow(tr("&Password:"), m_new);
        form->addRow(tr("&Repeat it:"), m_repeat);
        m_ok->setText(tr("&Register"));
        break;
    case Mode::ChangePassword:
        setWindowTitle(tr("Change the password of %1").arg(nick));
        intro->setText(tr("Change the password of your registered nickname %1.").arg(nick));
        form->addRow(tr("&Current password:"), m_old);
        form->addRow(tr("&New password:"), m_new);
        form->addRow(tr("&Repeat it:"), m_repeat);
        m_ok->setText(tr("&Change"));
        break;
    case Mode::Unregister:
        setWindowTitle(tr("Unregister %1").arg(nick));
        intro->setText(tr("Give up the nickname %1: anyone may use it afterwards, and the rooms "
                          "it owns forget it. Enter its password to confirm.")
                           .arg(nick));
        form->addRow(tr("&Password:"), m_old);
        m_ok->setText(tr("&Unregister"));
        break;
    }
    m_new->setPlaceholderText(tr("one word, at least %n character(s)", nullptr, s_minimumLength));
    m_new->setVisible(mode != Mode::Unregister);
    m_repeat->setVisible(mode != Mode::Unregister);
    m_old->setVisible(mode != Mode::Register);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #b42318;"_s);
    m_problem->hide();
    m_ok->setObjectName(u"ok"_s);
    m_ok->setDefault(true);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(u"cancel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(buttons, &QDialogButtonBox::accepted, this, &AccountDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(
        connection, &ChatConnection::accountChanged, this,
        [this](ChatConnection::AccountChange change, const QString &name) {
            if (!m_waiting)
                return;
            setWaiting(false);
            using C = ChatConnection::AccountChange;
            emit succeeded(
                change == C::Registered ? tr("The nickname %1 is registered: from now on, log "
                                             "in with its password.")
                                              .arg(name)
                : change == C::PasswordChanged
                    ? tr("The password is changed: log in with the new one from now on.")
                    : tr("The nickname %1 is no longer registered: anyone may use it.").arg(name));
            accept();
        });
    connect(connection, &ChatConnection::accountFailed, this,
            [this](ErrorCode code, const QString &command, const QString &subject) {
                if (!m_waiting)
                    return;
                setWaiting(false);
                if (code == ErrorCode::BadPassword && subject.toInt() > 0)
                    s_minimumLength = subject.toInt();
                showProblem(StatusText::commandError(code, command, subject));
                (code == ErrorCode::AccountPasswordWrong ? m_old : m_new)->setFocus();
            });
    (mode == Mode::Register ? m_new : m_old)->setFocus();
}

QString AccountDialog::check() const
{
    if (m_mode != Mode::Register && m_old->text().isEmpty())
        return tr("Enter the current password.");
    if (m_mode == Mode::Unregister)
        return {};
    const QString password = m_new->text();
    if (password.contains(u' '))
        return tr("A password is one word: no spaces.");
    if (password.toUcs4().size() < s_minimumLength)
        return tr("The password is too short: use at least %n character(s).", nullptr,
                  s_minimumLength);
    if (password != m_repeat->text())
        return tr("The two passwords differ: type the same one twice.");
    return {};
}

void AccountDialog::submit()
{
    if (m_waiting)
        return;
    if (const QString problem = check(); !problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    if (m_connection->state() != ChatConnection::State::LoggedIn) {
        showProblem(tr("Not connected: try again once the connection is back."));
        return;
    }
    setWaiting(true);
    switch (m_mode) {
    case Mode::Register:
        m_connection->registerNick(m_new->text());
        break;
    case Mode::ChangePassword:
        m_connection->changePassword(m_old->text(), m_new->text());
        break;
    case Mode::Unregister:
        m_connection->unregisterNick(m_old->text());
        break;
    }
}

void AccountDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void AccountDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    m_ok->setEnabled(!waiting);
    if (waiting)
        showProblem({});
}
