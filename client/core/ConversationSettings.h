// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What the client remembers of each conversation between runs, per server and nickname: the
// last line read (so that after a restart of the client the marker line still sits at the
// first unread line) and whether its notifications are muted. Kept in QSettings.
class ConversationSettings
{
public:
    // Settings of the person `nick` on `server`; an empty server remembers nothing.
    void setScope(const QString &server, const QString &nick);

    // The room's sequence number (private: message id) of the last line read; 0: unknown.
    quint64 readPosition(const QString &key) const;
    void setReadPosition(const QString &key, quint64 position);
    bool isMuted(const QString &key) const;
    void setMuted(const QString &key, bool muted);

private:
    QString path(const QString &key, const QString &what) const;

    QString m_scope;
};
