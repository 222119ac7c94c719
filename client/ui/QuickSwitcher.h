// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QSet>

class ChatSession;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

// Ctrl+K: type part of a name, Enter goes there. Lists the conversations whose name contains
// what was typed (in the side panel's order), Up and Down choose; when no conversation is
// called that, it offers to join or create the room.
class QuickSwitcher : public QDialog
{
    Q_OBJECT

public:
    explicit QuickSwitcher(ChatSession *session, QWidget *parent = nullptr);

    // Empties the filter and shows the switcher over its parent.
    void open() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void go();

    ChatSession *m_session;
    QLineEdit *m_filter;
    QListView *m_list;
    QPushButton *m_join;
    QSortFilterProxyModel *m_proxy;
    QSet<QString> m_rooms; // the server's rooms, by NameRules::key, as last listed
};
