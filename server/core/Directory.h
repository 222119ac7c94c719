// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>

class Room;
class Session;

// Who and what exists: logged-in sessions by nickname and rooms by name. Names are looked up
// by NameRules::key(), so lookups ignore case and Unicode normalisation.
class Directory : public QObject
{
    Q_OBJECT

public:
    // presenceLimit: see Room.
    explicit Directory(qsizetype presenceLimit, QObject *parent = nullptr);

    Room *hall() const { return m_hall; }
    Room *room(const QString &name) const;
    Room *createRoom(const QString &name);
    QList<Room *> rooms() const; // the hall first, then by name

    Session *session(const QString &nick) const;
    QList<Session *> sessions() const; // by nickname
    bool isNickTaken(const QString &nick) const;
    void claimNick(const QString &nick, Session *session);
    void releaseNick(const QString &nick);

signals:
    void roomCreated(Room *room);

private:
    QHash<QString, Room *> m_rooms;
    QHash<QString, Session *> m_sessions;
    qsizetype m_presenceLimit;
    Room *m_hall;
};
