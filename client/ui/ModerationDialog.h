// SPDX-License-Identifier: MIT
#pragma once

#include "MemberFlags.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

// Asks what a kick, ban or mute needs before it is sent: a reason (kick, ban) and how long
// (ban: a while or for good; mute: a while or until unmuted).
class ModerationDialog : public QDialog
{
    Q_OBJECT

public:
    ModerationDialog(Moderation::Act act, const QString &room, const QString &nick,
                     QWidget *parent = nullptr);

    Moderation::Act act() const { return m_act; }
    // In the command's words: a ban's "10m", "1h", "7d" or empty (for good); a mute's seconds
    // or empty (until unmuted).
    QString duration() const;
    QString reason() const;

    // The fields of a ban, for the dialogs that ban: how long (the command's word as each
    // item's data) and why.
    static QComboBox *banDurationBox();
    static QLineEdit *reasonEdit();

private:
    Moderation::Act m_act;
    QComboBox *m_duration = nullptr;
    QLineEdit *m_reason = nullptr;
};
