// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QList>

#include <utility>

class ChatConnection;
class MaskListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

// A room's bans and the masks it lets in without an invitation (`bans`, `allowed` on the
// server), as two lists an operator adds to and removes from. The lists follow every change,
// whoever makes it (the room's moderation lines ask for them again). Only operators may see
// them: for anyone else the dialog says so and asks nothing.
class RoomMasksDialog : public QDialog
{
    Q_OBJECT

public:
    RoomMasksDialog(ChatConnection *connection, const QString &room, bool mayChange,
                    QWidget *parent = nullptr);

private:
    // One of the two lists and what changes it.
    struct Page
    {
        bool allowed = false;
        MaskListModel *model = nullptr;
        QTableView *view = nullptr;
        QLineEdit *mask = nullptr;
        QPushButton *add = nullptr;
        QPushButton *remove = nullptr;
        // What add() sent and the server has not yet answered, oldest first (mask and reason):
        // a refusal puts it back in the fields to be put right.
        QList<std::pair<QString, QString>> unanswered;
    };
    QWidget *makePage(Page &page, bool allowed);
    void add(Page &page);
    void removeSelected(Page &page);
    void updateButtons(Page &page);
    void answered(Page &page, bool refused);

    ChatConnection *m_connection;
    QString m_room;
    Page m_bans;
    Page m_allowed;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_duration = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_problem = nullptr;
};
