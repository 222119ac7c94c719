// SPDX-License-Identifier: MIT
#include "LoginWindow.h"

#include "CertificateQuestion.h"
#include "Protocol.h"
#include "StatusText.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString addressKey = u"login/address"_s;
const QString nickKey = u"login/nickname"_s;
const QString tlsKey = u"login/tls"_s;
constexpr quint16 DefaultTlsPort = Protocol::DefaultPort + 1;

QLabel *problemLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b42318;"_s);
    label->hide();
    return label;
}

} // namespace

LoginWindow::LoginWindow(ChatConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_address(new QLineEdit)
    , m_addressProblem(problemLabel(u"addressProblem"_s))
    , m_nick(new QLineEdit)
    , m_nickProblem(problemLabel(u"nickProblem"_s))
    , m_nickPassword(new QLineEdit)
    , m_nickPasswordLabel(new QLabel(tr("Pass&word:")))
    , m_password(new QLineEdit)
    , m_tls(new QCheckBox(tr("Secure connection (&TLS)")))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_error(problemLabel(u"error"_s))
    , m_forgetCertificate(new QPushButton(tr("&Forget the remembered certificate")))
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_login(new QPushButton(tr("Log in")))
{
    setWindowTitle(tr("Log in to chat"));
    m_address->setObjectName(u"address"_s);
    m_nick->setObjectName(u"nickname"_s);
    m_password->setObjectName(u"password"_s);
    m_nickPassword->setObjectName(u"nickPassword"_s);
    m_nickPasswordLabel->setBuddy(m_nickPassword);
    m_tls->setObjectName(u"tls"_s);
    m_forgetCertificate->setObjectName(u"forgetCertificate"_s);
    m_progress->setObjectName(u"progress"_s);
    m_status->setObjectName(u"status"_s);
    m_cancel->setObjectName(u"cancel"_s);
    m_login->setObjectName(u"login"_s);

    const QSettings settings;
    m_address->setText(settings.value(addressKey, QString(DefaultAddress)).toString());
    m_address->setPlaceholderText(QString(DefaultAddress));
    m_nick->setText(settings.value(nickKey).toString());
    m_nick->setPlaceholderText(tr("for example alice"));
    m_nick->setMaxLength(64);
    m_nickPassword->setEchoMode(QLineEdit::Password);
    m_nickPassword->setPlaceholderText(tr("only if you registered this nickname"));
    m_nickPassword->setToolTip(
        tr("The password of a registered nickname. It is sent once, when you log in, and never "
           "saved on this computer."));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("only if the server asks for one"));
    m_tls->setChecked(settings.value(tlsKey, false).toBool());
    m_forgetCertificate->hide();

    auto *heading = new QLabel(tr("Welcome! Choose a server and a nickname."));
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    auto *logo = new QLabel;
    logo->setPixmap(QIcon(u":/icons/chat-client.svg"_s).pixmap(48, 48));
    auto *top = new QHBoxLayout;
    top->addWidget(logo);
    top->addWidget(heading, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_address);
    form->addRow(QString(), m_addressProblem);
    form->addRow(tr("&Nickname:"), m_nick);
    form->addRow(QString(), m_nickProblem);
    form->addRow(m_nickPasswordLabel, m_nickPassword);
    form->addRow(tr("Server &password:"), m_password);
    form->addRow(QString(), m_tls);

    m_progress->setRange(0, 0); // busy: how long connecting takes is unknown
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_status->setWordWrap(true);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setStyleSheet(
        u"QLabel { color: #7a1a12; background: #fdecea; border: 1px solid #f5c2bd; "
        "border-radius: 4px; padding: 6px; }"_s);

    m_login->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_login);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addLayout(top);
    layout->addSpacing(10);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_forgetCertificate, 0, Qt::AlignLeft);
    layout->addStretch();
    layout->addLayout(buttons);
    setMinimumWidth(480);

    connect(m_login, &QPushButton::clicked, this, &LoginWindow::logIn);
    connect(m_address, &QLineEdit::returnPressed, this, &LoginWindow::logIn);
    connect(m_nick, &QLineEdit::returnPressed, this, &LoginWindow::logIn);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginWindow::logIn);
    connect(m_nickPassword, &QLineEdit::returnPressed, this, &LoginWindow::logIn);
    connect(m_tls, &QCheckBox::toggled, this, &LoginWindow::tlsToggled);
    connect(m_forgetCertificate, &QPushButton::clicked, this, &LoginWindow::forgetCertificate);
    connect(m_connection, &ChatConnection::certificateNeedsApproval, this,
            &LoginWindow::askAboutCertificate);
    connect(m_cancel, &QPushButton::clicked, m_connection, &ChatConnection::logOut);
    connect(m_connection, &ChatConnection::stateChanged, this, &LoginWindow::updateBusy);
    connect(m_connection, &ChatConnection::loginFailed, this, &LoginWindow::showFailure);
    connect(m_connection, &ChatConnection::loggedIn, this, [this] {
        // The password lives in the connection's memory for its reconnects, nowhere else.
        m_nickPassword->clear();
        QSettings settings;
        settings.setValue(addressKey, m_address->text().trimmed());
        settings.setValue(nickKey, m_nick->text().trimmed());
        settings.setValue(tlsKey, m_tls->isChecked());
    });
    updateBusy();
    focusFirstEmptyField();
}

void LoginWindow::focusFirstEmptyField()
{
    // Typing should land in a field: on the Log in button it would go nowhere, and Space
    // would log in. When everything is filled in, the nickname is the likeliest to change.
    QLineEdit *field = m_address->text().trimmed().isEmpty() ? m_address : m_nick;
    focusField(field);
}

void LoginWindow::focusField(QLineEdit *field)
{
    field->selectAll();
    field->setFocus();
}

void LoginWindow::showFailure(ChatConnection::Failure reason)
{
    using F = ChatConnection::Failure;
    m_forgetCertificate->setVisible(reason == F::CertificateChanged);
    if (reason == F::LoginRefused) {
        showError(StatusText::commandError(m_connection->loginError(), u"login"_s,
                                           m_connection->loginErrorSubject()));
        focusField(m_nick);
        return;
    }
    QString text =
        StatusText::failure(reason, m_connection->nick(), m_connection->address().toString());
    if (reason == F::TlsError && !m_connection->tlsErrors().isEmpty())
        text = StatusText::tlsErrors(m_connection->tlsErrors()) + u' ' + tr("Not connected.");
    showError(text);
    // The field to correct gets the focus, its text selected so that typing replaces it.
    switch (reason) {
    case F::WrongPassword:
    case F::PasswordRequired:
        focusField(m_password);
        break;
    case F::NickRegistered:
    case F::AccountPasswordWrong:
        askForNickPassword();
        break;
    case F::NickNotRegistered:
        m_nickPassword->clear();
        focusField(m_nick);
        break;
    case F::NickInUse:
    case F::BadNick:
        focusField(m_nick);
        break;
    case F::None:
        break;
    default:
        focusField(m_address);
        break;
    }
}

void LoginWindow::askForNickPassword()
{
    m_nickPasswordLabel->setText(tr("Pass&word of %1:").arg(m_connection->nick()));
    focusField(m_nickPassword);
}

void LoginWindow::tlsToggled(bool on)
{
    // People rarely know the TLS port; follow the default one as long as they did not pick.
    const ServerAddress address = ServerAddress::parse(m_address->text());
    const quint16 from = on ? Protocol::DefaultPort : DefaultTlsPort;
    if (address.isValid() && address.port() == from)
        m_address->setText(
            ServerAddress(address.host(), on ? DefaultTlsPort : Protocol::DefaultPort).toString());
}

void LoginWindow::askAboutCertificate(const QString &hostPort, const QByteArray &fingerprint,
                                      const QString &subject)
{
    auto *question = new CertificateQuestion(hostPort, fingerprint, subject, this);
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowModality(Qt::ApplicationModal);
    connect(question, &QMessageBox::finished, this, [this, question, hostPort, fingerprint] {
        if (question->isTrusted()) {
            m_error->hide();
            m_connection->approveCertificate(hostPort, fingerprint);
        }
    });
    // Not exec(): the connection emitted the question and must not be re-entered from it.
    question->show();
}

void LoginWindow::forgetCertificate()
{
    const QString hostPort = m_connection->address().toString();
    m_connection->forgetCertificate(hostPort);
    m_forgetCertificate->hide();
    showError(tr("The certificate remembered for %1 is forgotten. When you log in, you will be "
                 "asked about the new one.")
                  .arg(hostPort));
    focusFirstEmptyField(); // the button that had the focus is gone
}

void LoginWindow::logIn()
{
    if (m_connection->state() != ChatConnection::State::Disconnected)
        return;
    m_error->hide();
    m_forgetCertificate->hide();
    const ServerAddress address = ServerAddress::parse(m_address->text());
    switch (address.problem()) {
    case ServerAddress::Problem::None:
        m_addressProblem->hide();
        break;
    case ServerAddress::Problem::EmptyHost:
        m_addressProblem->setText(tr("Enter the server's host name or address, for example "
                                     "localhost:5005 or [::1]:5005."));
        break;
    case ServerAddress::Problem::BadPort:
        m_addressProblem->setText(tr("The port after the colon must be a number from 1 to 65535."));
        break;
    }
    m_addressProblem->setVisible(!address.isValid());
    const QString nick = m_nick->text().trimmed();
    m_nickProblem->setText(tr("Enter the nickname others will see you as."));
    m_nickProblem->setVisible(nick.isEmpty());
    if (!address.isValid()) {
        focusField(m_address);
        return;
    }
    if (nick.isEmpty()) {
        focusField(m_nick);
        return;
    }
    m_connection->setTls(m_tls->isChecked());
    m_connection->setPassword(m_password->text());
    m_connection->setAccountPassword(m_nickPassword->text());
    m_connection->logIn(address, nick);
}

void LoginWindow::updateBusy()
{
    const bool busy = m_connection->state() != ChatConnection::State::Disconnected;
    m_address->setEnabled(!busy);
    m_nick->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_nickPassword->setEnabled(!busy);
    m_tls->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
    m_status->setVisible(busy);
    QString status = StatusText::state(*m_connection);
    if (busy && m_connection->hasAccountPassword())
        status += u' ' + tr("Checking the password: after wrong passwords the server answers "
                            "more slowly, up to half a minute.");
    m_status->setText(status);
    if (busy)
        m_cancel->setFocus();
    else if (m_cancel->hasFocus() || !focusWidget() || !focusWidget()->isEnabled())
        focusFirstEmptyField(); // Cancel is gone: back to the form
}

void LoginWindow::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}
