// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

// A room's bans, or another of its lists of masks (MaskListKind), as a table: mask, until when,
// who set it, why. The server sends a long list in pieces (ChatConnection::masksListed); the
// table keeps showing the list it has until the next one is whole, then shows that one.
class MaskListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MaskColumn, UntilColumn, SetterColumn, ReasonColumn, ColumnCount };
    enum Role { UntilRole = Qt::UserRole + 1 }; // a QDateTime in UTC; invalid: for good

    struct Entry
    {
        QString mask;
        QDateTime until; // invalid: for good
        QString setter;
        QString reason;
    };

    explicit MaskListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A piece of the list: the entries from index first of total, as quadruples of mask,
    // seconds left (empty: for good), setter and reason, received at now. A piece with first 0
    // starts a list; one that does not follow the piece before is dropped with what came so far.
    void addPiece(qsizetype first, qsizetype total, const QStringList &entries,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Whether the list shown is the server's whole answer (false before the first one).
    bool isComplete() const { return m_complete; }
    Entry entry(int row) const { return m_entries.value(row); }

signals:
    // A whole list is shown (the table was reset to it).
    void listed();

private:
    QList<Entry> m_entries;
    QList<Entry> m_incoming;
    qsizetype m_incomingTotal = -1; // -1: no list on its way
    bool m_complete = false;
};
