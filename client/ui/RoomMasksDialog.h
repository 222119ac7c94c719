// SPDX-License-Identifier: MIT
#pragma once

#include "MaskListKind.h"

#include <QDialog>
#include <QHash>

#include <array>

class ChatConnection;
class MaskListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

// A room's bans, the masks it lets in without an invitation and those its bans do not keep out
// (`bans`, `allowed`, `exempted` on the server), as three lists an operator adds to and removes
// from. The lists follow every change, whoever makes it (the room's moderation lines ask for
// them again). Only operators may see them: for anyone else the dialog says so and asks nothing.
class RoomMasksDialog : public QDialog
{
    Q_OBJECT

public:
    RoomMasksDialog(ChatConnection *connection, const QString &room, bool mayChange,
                    QWidget *parent = nullptr);

private:
    // One of the lists and what changes it.
    struct Page
    {
        MaskListKind list = MaskListKind::Bans;
        MaskListModel *model = nullptr;
        QTableView *view = nullptr;
        QLineEdit *mask = nullptr;
        QPushButton *add = nullptr;
        QPushButton *remove = nullptr;
    };
    // What add() sent and the server has not yet answered, by the command's label: a refusal
    // puts it back in the fields of its page to be put right.
    struct Unanswered
    {
        Page *page = nullptr;
        QString mask;
        QString reason;
    };
    QWidget *makePage(MaskListKind list);
    Page &pageOf(MaskListKind list) { return m_pages[std::size_t(list)]; }
    void add(Page &page);
    void removeSelected(Page &page);
    void updateButtons(Page &page);
    void answered(const QString &label, bool refused);

    ChatConnection *m_connection;
    QString m_room;
    std::array<Page, std::size(MaskLists::All)> m_pages; // in MaskListKind's order
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_duration = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_problem = nullptr;
    QHash<QString, Unanswered> m_unanswered;
};
