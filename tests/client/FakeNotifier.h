// SPDX-License-Identifier: MIT
#pragma once

#include "Notifier.h"

#include <QHash>
#include <QStringList>

// A notifier that shows nothing: it keeps what would be on the desktop, one entry per
// conversation, and every request in order, for tests to read.
class FakeNotifier : public Notifier
{
    Q_OBJECT

public:
    struct Shown
    {
        QString title;
        QString body;
    };

    using Notifier::Notifier;

    void show(const QString &key, const QString &title, const QString &body) override
    {
        m_shown.insert(key, {title, body});
        m_requests << QStringLiteral("show ") + key;
        emit changed();
    }
    void withdraw(const QString &key) override
    {
        m_shown.remove(key);
        m_requests << QStringLiteral("withdraw ") + key;
        emit changed();
    }
    // What the person clicks.
    void click(const QString &key) { emit activated(key); }

    // On the desktop now, by conversation key.
    const QHash<QString, Shown> &shown() const { return m_shown; }
    // Every show and withdraw so far ("show @bob", "withdraw #hall").
    const QStringList &requests() const { return m_requests; }

signals:
    void changed();

private:
    QHash<QString, Shown> m_shown;
    QStringList m_requests;
};
