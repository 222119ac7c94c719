// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class ChatConnection;
class QLineEdit;
class QPushButton;
class QTreeView;
class RoomListModel;

// The server's rooms: pick one to join, or name a new one to create. It asks the server for a
// fresh list whenever it is shown and after every move.
class RoomsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RoomsDialog(ChatConnection *connection, QWidget *parent = nullptr);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void joinSelected();
    void create();
    void updateButtons();

    ChatConnection *m_connection;
    RoomListModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_newRoom;
    QPushButton *m_join;
    QPushButton *m_create;
};
