// SPDX-License-Identifier: MIT
#pragma once

#include "ChatLine.h"

#include <QObject>
#include <QStringList>

class MessageModel;
class UserListModel;

// One entry of the side panel: a room we are in, or private messages with one person. It
// keeps its lines, its people, its topic, and what the person has not read: how many lines
// (and how many of them mention us) arrived while they were not looking at it, and where the
// first of them is, for the marker line.
class Conversation : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(int unread READ unread NOTIFY changed)
    Q_PROPERTY(int mentions READ mentions NOTIFY changed)
    Q_PROPERTY(bool muted READ isMuted WRITE setMuted NOTIFY changed)

public:
    enum class Kind { Room, Private };
    Q_ENUM(Kind)

    Conversation(Kind kind, const QString &name, QObject *parent = nullptr);

    // "#hall" or "@bob", in the form names are compared in.
    static QString keyFor(Kind kind, const QString &name);
    QString key() const { return keyFor(m_kind, m_name); }
    Kind kind() const { return m_kind; }
    bool isRoom() const { return m_kind == Kind::Room; }
    QString name() const { return m_name; }
    void rename(const QString &name); // a person changed their nickname

    QString topic() const { return m_topic; }
    void setTopic(const QString &topic);
    // In a crowded room the server names fewer people than there are.
    qsizetype peopleCount() const { return m_peopleCount; }
    void setPeople(const QStringList &people, qsizetype count);
    UserListModel *people() const { return m_people; }
    MessageModel *messages() const { return m_messages; }

    int unread() const { return m_unread; }
    int mentions() const { return m_mentions; }
    bool isMuted() const { return m_muted; }
    void setMuted(bool muted);

    // Lines before the oldest loaded one are on the server: ask before this seq (or id).
    quint64 olderFrom() const { return m_olderFrom; }
    void setOlderFrom(quint64 from) { m_olderFrom = from; }
    bool isLoadingOlder() const { return m_loadingOlder; }
    void setLoadingOlder(bool loading) { m_loadingOlder = loading; }

    // Whether the person is looking at it: it is the active one and the window is active.
    bool isRead() const { return m_read; }
    void setRead(bool read);

    // A line said now; mention: it says our name. Counts as unread unless being read.
    void addLine(const ChatLine &line, bool mention = false);
    // Lines said while we were away (a resume, or since our last read position): unread even
    // if being read, with the marker at the first of them.
    void addMissedLines(const QList<ChatLine> &lines, const QList<bool> &mentions);
    // Lines from before, already read (a room's recent lines on entering it).
    void addEarlierLines(const QList<ChatLine> &lines, const QList<bool> &mentions);
    void addOlderLines(const QList<ChatLine> &lines, const QList<bool> &mentions);
    // A line from the client itself (notice, error, divider): never unread.
    void addNotice(ChatLine::Kind kind, const QString &text);

    // Who spoke last first, for completing nicknames.
    QStringList recentSpeakers() const { return m_speakers; }
    // The newest line's position (seq in a room, id in private), for the read position.
    quint64 newestPosition() const { return m_newestPosition; }

signals:
    void changed();
    // Lines became read up to this position (the conversation is being read).
    void readUpTo(quint64 position);

private:
    void noteSpeaker(const ChatLine &line);
    void notePosition(const ChatLine &line);
    void countUnread(const ChatLine &line, bool mention);

    Kind m_kind;
    QString m_name;
    QString m_topic;
    qsizetype m_peopleCount = 0;
    UserListModel *m_people;
    MessageModel *m_messages;
    int m_unread = 0;
    int m_mentions = 0;
    bool m_muted = false;
    bool m_read = false;
    quint64 m_olderFrom = 0;
    bool m_loadingOlder = false;
    QStringList m_speakers;
    quint64 m_newestPosition = 0;
};
