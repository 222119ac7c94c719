// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class ChatSession;
class QLineEdit;
class QPushButton;
class QTreeView;
class RoomListModel;

// The server's rooms: pick one to join (or, when already in it, to go to it), or name a new one
// to create. It asks the server for a fresh list whenever it is shown and after every join or
// leave, and marks the rooms we are in and the one we are looking at.
class RoomsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RoomsDialog(ChatSession *session, QWidget *parent = nullptr);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void joinSelected();
    void create();
    void updateButtons();
    void updateMarks();

    ChatSession *m_session;
    RoomListModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_newRoom;
    QPushButton *m_join;
    QPushButton *m_create;
};
