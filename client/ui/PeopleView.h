// SPDX-License-Identifier: MIT
#pragma once

#include "MemberFlags.h"

#include <QListView>

class ChatConnection;
class QMenu;

// The people in the active conversation, with their marks (UserListModel), the muted and those
// whose connection dropped dimmed, the away in italics. Its context menu (right click, the
// menu key or Shift+F10 on the current person) offers a private message and the moderation
// acts that the person's own standing in the room allows on the one chosen; on their own entry,
// to step down from running the room, after a question.
class PeopleView : public QListView
{
    Q_OBJECT

public:
    explicit PeopleView(ChatConnection *connection, QWidget *parent = nullptr);

    // The room whose people are shown; empty for a private conversation (no moderation).
    void setRoom(const QString &room) { m_room = room; }
    QString room() const { return m_room; }
    // The menu for a person, with its actions named after the acts ("kick", "ban", "mute",
    // "unmute", "op", "deop": on oneself, stepping down) and "private"; nullptr for no person.
    // The caller owns it.
    QMenu *createMenu(const QModelIndex &index);

signals:
    void privateWanted(const QString &nick);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void popUpMenu(const QModelIndex &index, const QPoint &globalPos);
    void take(Moderation::Act act, const QString &nick);
    // Asks before an operator or the owner gives up their role: nobody gives it back to themselves.
    void askToStepDown();

    ChatConnection *m_connection;
    QString m_room;
};
