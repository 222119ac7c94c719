// SPDX-License-Identifier: MIT
#pragma once

#include "ChatConnection.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// Registers the nickname in use, changes its password or gives it up. The new password is
// typed twice and checked here first (one word, at least the length the server asked for in
// its last error 492); then the command goes to the server and the dialog waits for the
// answer: it closes on success (done() says what happened, in plain words) and shows a
// refusal in plain words, so that the person can correct and try again.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Register, ChangePassword, Unregister };
    Q_ENUM(Mode)

    AccountDialog(ChatConnection *connection, Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // The shortest password the server takes: learnt from its error 492, 8 until then.
    static int minimumLength() { return s_minimumLength; }

signals:
    // The server did it: text says so in plain words.
    void succeeded(const QString &text);

private:
    void submit();
    void showProblem(const QString &text);
    void setWaiting(bool waiting);
    QString check() const;

    static int s_minimumLength;
    ChatConnection *m_connection;
    Mode m_mode;
    QLineEdit *m_old;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QPushButton *m_ok;
    bool m_waiting = false;
};
