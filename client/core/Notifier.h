// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

// Where desktop notifications go: the freedesktop notification service, a tray icon, or a
// fake that tests read. There is at most one notification per conversation (key, such as
// "#hall" or "@bob"): showing another for the same key replaces it, so that a busy
// conversation does not pile up a stack of them.
class Notifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Shows the conversation's notification, replacing the one it had.
    virtual void show(const QString &key, const QString &title, const QString &body) = 0;
    // Takes the conversation's notification away (it has been read); nothing if it has none.
    virtual void withdraw(const QString &key) = 0;

signals:
    // The person clicked the notification of that conversation.
    void activated(const QString &key);
};
