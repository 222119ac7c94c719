// SPDX-License-Identifier: MIT
#pragma once

#include "MemberFlags.h"

#include <QAbstractListModel>
#include <QStringList>

// The people in a room, sorted for reading. setUsers() changes only the rows that differ, so
// a view keeps its selection and scroll position while people come and go. Each row shows how
// the person stands, as IRC does: "~" before the owner, "@" before an operator, "(away)" after
// someone away; the tool tip says it in words, and the roles below let a view dim the muted.
class UserListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        NickRole = Qt::UserRole + 1, // the nickname alone, without marks
        FlagsRole,                   // the flag words, comma-separated
        MutedRole,
        AwayRole,
        ReconnectingRole,
    };

    explicit UserListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList users() const { return m_users; }
    void setUsers(const QStringList &users);
    // The flags of the people (by NameRules::key); those not in it have none.
    void setFlags(const MemberFlagsMap &flags);
    MemberFlags flags(const QString &nick) const;

    // The mark shown before a nickname ("~" owner, "@" operator) and the words for a tool tip.
    static QString mark(const MemberFlags &flags);
    static QString describe(const QString &nick, const MemberFlags &flags);

signals:
    void countChanged();

private:
    QStringList m_users;
    MemberFlagsMap m_flags;
};
