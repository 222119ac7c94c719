// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

// Asks for the server address and a nickname, logs in through the connection and explains in
// plain words whatever goes wrong. Remembers the last address and nickname.
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
    void updateBusy();
    void showError(const QString &text);

    ChatConnection *m_connection;
    QLineEdit *m_address;
    QLabel *m_addressProblem;
    QLineEdit *m_nick;
    QLabel *m_nickProblem;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_login;
};
