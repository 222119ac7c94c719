// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

// Asks for the server address and a nickname, logs in through the connection and explains in
// plain words whatever goes wrong. Remembers the last address, nickname and TLS choice, never
// a password. Asks before trusting a certificate no authority vouches for. A registered
// nickname's password is optional: when the server says the nickname is registered, the window
// asks for it, and the next try sends it with the login in one line.
class LoginWindow : public QWidget
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView DefaultAddress{"localhost:5005"};

    explicit LoginWindow(ChatConnection *connection, QWidget *parent = nullptr);

    // Shows why a session ended, for when the chat window hands back to this one.
    void showFailure(ChatConnection::Failure reason);

private:
    void logIn();
    void tlsToggled(bool on);
    void askAboutCertificate(const QString &hostPort, const QByteArray &fingerprint,
                             const QString &subject);
    void forgetCertificate();
    void updateBusy();
    void askForNickPassword();
    void showError(const QString &text);
    void focusFirstEmptyField();
    void focusField(QLineEdit *field);

    ChatConnection *m_connection;
    QLineEdit *m_address;
    QLabel *m_addressProblem;
    QLineEdit *m_nick;
    QLabel *m_nickProblem;
    QLineEdit *m_nickPassword;
    QLabel *m_nickPasswordLabel;
    QLineEdit *m_password;
    QCheckBox *m_tls;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_forgetCertificate;
    QPushButton *m_cancel;
    QPushButton *m_login;
};
