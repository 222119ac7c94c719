// SPDX-License-Identifier: MIT
#pragma once

#include "RoomRules.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// A room's rules as a form (`rule` on the server): who may join (invite-only, registered
// nicknames only, a limit of people, a key), who may speak (moderated) and who may change the
// topic. Everyone may look; only the room's operators and owner may change them, so for the
// others every field is read-only and the dialog says why.
class RoomSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    RoomSettingsDialog(const QString &room, const RoomRules &rules, bool mayChange,
                       QWidget *parent = nullptr);

    // Shows rules (the server's answer came, or someone changed one): what was typed in a
    // field that changed meanwhile is replaced.
    void setRules(const RoomRules &rules);
    // The rules as the form wants them.
    RoomRules rules() const;

private:
    void check();

    bool m_mayChange;
    QCheckBox *m_inviteOnly;
    QCheckBox *m_registeredOnly;
    QCheckBox *m_limitOn;
    QSpinBox *m_limit;
    QCheckBox *m_keyOn;
    QLineEdit *m_key;
    QCheckBox *m_moderated;
    QCheckBox *m_topicLock;
    QCheckBox *m_outsideMessages;
    QCheckBox *m_secret;
    QLabel *m_problem;
    QPushButton *m_ok;
};
