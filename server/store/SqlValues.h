// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

// How the store's columns hold what SQL gives no common type for, the same in every table and
// on every database: a time as milliseconds since the epoch (UTC), NULL for none; text as ''
// for nothing.
namespace SqlValues {

inline QVariant msOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

inline QDateTime timeFromMs(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL.
inline QString text(const QString &s)
{
    return s.isNull() ? QString::fromLatin1("") : s;
}

} // namespace SqlValues
