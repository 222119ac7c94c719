// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <functional>

class Session;

// The parent of every session the server made. When one is deleted (its connection over), it
// tells which address and which kind of listener the session came in by, so that its admission
// is given back (ChatServer's per-address count and open-connection metrics). Watching each
// session's destroyed() did the same with a signal connection per session, about 300 bytes of
// every idle connection with what it captured; a deleted child is told to its parent anyway.
// When the roster itself goes, its sessions go with it and nobody is told (Qt sends no such
// event while a parent deletes its children).
class SessionRoster : public QObject
{
    Q_OBJECT

public:
    using Departed = std::function<void(const QHostAddress &peer, bool tls)>;
    explicit SessionRoster(Departed departed, QObject *parent = nullptr);

    // Takes session as a child, admitted from peer on a TLS listener or not.
    void adopt(Session *session, const QHostAddress &peer, bool tls);

protected:
    void childEvent(QChildEvent *event) override;

private:
    struct Admission
    {
        QHostAddress peer;
        bool tls = false;
    };
    Departed m_departed;
    QHash<const QObject *, Admission> m_admissions;
};
