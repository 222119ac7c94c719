// SPDX-License-Identifier: MIT
#include "UserListModel.h"

#include "NameRules.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool lessByName(const QString &a, const QString &b)
{
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
}

} // namespace

UserListModel::UserListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QString UserListModel::mark(const MemberFlags &flags)
{
    return flags.owner ? u"~"_s : flags.op ? u"@"_s : flags.voiced ? u"+"_s : QString();
}

QString UserListModel::describe(const QString &nick, const MemberFlags &flags)
{
    QStringList words;
    if (flags.owner)
        words << tr("owner of this room");
    else if (flags.op)
        words << tr("operator of this room");
    if (flags.voiced)
        words << tr("has a voice: may speak when the room is moderated");
    if (flags.muted)
        words << tr("muted: may read, not speak");
    if (flags.away)
        words << tr("away");
    if (flags.reconnecting)
        words << tr("connection dropped, place kept for a while");
    if (flags.admin)
        words << tr("server administrator");
    return words.isEmpty() ? nick : tr("%1: %2").arg(nick, words.join(tr(", ")));
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QString &nick = m_users.at(index.row());
    const MemberFlags flags = this->flags(nick);
    switch (role) {
    case Qt::DisplayRole:
        return flags.away ? tr("%1 (away)").arg(mark(flags) + nick) : mark(flags) + nick;
    case NickRole:
        return nick;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return describe(nick, flags);
    case FlagsRole:
        return flags.words();
    case MutedRole:
        return flags.muted;
    case AwayRole:
        return flags.away;
    case ReconnectingRole:
        return flags.reconnecting;
    default:
        return {};
    }
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NickRole, "nick");
    names.insert(FlagsRole, "flags");
    names.insert(MutedRole, "muted");
    names.insert(AwayRole, "away");
    names.insert(ReconnectingRole, "reconnecting");
    return names;
}

MemberFlags UserListModel::flags(const QString &nick) const
{
    return m_flags.value(NameRules::key(nick));
}

void UserListModel::setFlags(const MemberFlagsMap &flags)
{
    if (m_flags == flags)
        return;
    const MemberFlagsMap before = std::exchange(m_flags, flags);
    for (int row = 0; row < rowCount(); ++row) {
        const QString key = NameRules::key(m_users.at(row));
        if (before.value(key) != m_flags.value(key))
            emit dataChanged(index(row), index(row));
    }
}

void UserListModel::setUsers(const QStringList &users)
{
    QStringList wanted = users;
    std::sort(wanted.begin(), wanted.end(), lessByName);
    const int before = rowCount();
    for (int row = int(m_users.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_users.at(row))) {
            beginRemoveRows({}, row, row);
            m_users.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < wanted.size(); ++row) {
        if (row < m_users.size() && m_users.at(row) == wanted.at(row))
            continue;
        beginInsertRows({}, row, row);
        m_users.insert(row, wanted.at(row));
        endInsertRows();
    }
    if (rowCount() != before)
        emit countChanged();
}
