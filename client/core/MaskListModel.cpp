// SPDX-License-Identifier: MIT
#include "MaskListModel.h"

#include <QLocale>

MaskListModel::MaskListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int MaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MaskListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (role == UntilRole)
        return entry.until;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case MaskColumn:
        return entry.mask;
    case UntilColumn:
        // An end time stays true while the dialog is open; seconds left would not.
        return entry.until.isValid()
                   ? QLocale().toString(entry.until.toLocalTime(), QLocale::ShortFormat)
                   : tr("For good");
    case SetterColumn:
        return entry.setter;
    case ReasonColumn:
        return entry.reason;
    default:
        return {};
    }
}

QVariant MaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MaskColumn:
        return tr("Mask");
    case UntilColumn:
        return tr("Until");
    case SetterColumn:
        return tr("Set by");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

void MaskListModel::addPiece(qsizetype first, qsizetype total, const QStringList &entries,
                             const QDateTime &now)
{
    if (first == 0) {
        m_incoming.clear();
        m_incomingTotal = total;
    } else if (m_incomingTotal != total || first != m_incoming.size()) {
        m_incoming.clear(); // a piece of another answer, or one went missing
        m_incomingTotal = -1;
        return;
    }
    for (qsizetype i = 0; i + 3 < entries.size(); i += 4) {
        bool ok = false;
        const qint64 seconds = entries.at(i + 1).toLongLong(&ok);
        m_incoming.append({entries.at(i), ok ? now.addSecs(seconds) : QDateTime(),
                           entries.at(i + 2), entries.at(i + 3)});
    }
    if (m_incoming.size() < m_incomingTotal)
        return;
    beginResetModel();
    m_entries = std::exchange(m_incoming, {});
    m_incomingTotal = -1;
    m_complete = true;
    endResetModel();
    emit listed();
}
