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
// the password. Asks before trusting a certificate no authority vouches for.
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
    void showError(const QString &text);
    void focusFirstEmptyField();
    void focusField(QLineEdit *field);

    ChatConnection *m_connection;
    QLineEdit *m_address;
    QLabel *m_addressProblem;
    QLineEdit *m_nick;
    QLabel *m_nickProblem;
    QLineEdit *m_password;
    QCheckBox *m_tls;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_forgetCertificate;
    QPushButton *m_cancel;
    QPushButton *m_login;
};
