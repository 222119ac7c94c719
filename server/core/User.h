// SPDX-License-Identifier: MIT
#pragma once

#include <QBasicTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class Endpoint;
class Event;
class Room;

// A person: a nickname, the rooms they are in and the connections (endpoints) that carry
// them. The person outlives a dropped connection: with no endpoint left they are
// reconnecting, their name and rooms held for a grace period in which a new connection can
// resume them (see docs/PROTOCOL.md, "Resume").
class User : public QObject
{
    Q_OBJECT

public:
    // personId: unique for the store's lifetime (see Store::bootNumber()); private history is
    // looked up by it.
    User(const QString &nick, quint64 personId, QObject *parent = nullptr);
    ~User() override;

    QString nick() const { return m_nick; }
    void setNick(const QString &nick);
    quint64 personId() const { return m_personId; }
    // The key of the account the person proved to own (registered or identified), or empty.
    // It stays when they change their nickname: the account is the person's, not the name's.
    QString account() const { return m_account; }
    // The key of an administrator's account whose password the person gave (oper), whatever
    // their nickname; empty when none. Ends with the person.
    QString operAccount() const { return m_operAccount; }
    void setOperAccount(const QString &key) { m_operAccount = key; }
    // Which of the administrators' accounts (keys) makes the person one: the one they gave to
    // oper before their own; empty when neither is.
    QString adminAccount(const QSet<QString> &administrators) const;
    void setAccount(const QString &key);
    // What an IRC client said of the person when it registered (USER): empty for the others,
    // whom IRC shows by their nickname.
    QString userName() const { return m_userName; }
    QString realName() const { return m_realName; }
    void setNames(const QString &userName, const QString &realName);
    // The details an IRC listing shows of the person (see Event::details); runs: the rooms
    // they run, for a who listing.
    QStringList details(const QString &runs = {}) const
    {
        return {m_userName, m_realName, m_away ? m_awayText : QString(), runs};
    }

    // The rooms, in the order they were entered.
    const QList<Room *> &rooms() const { return m_rooms; }
    bool isIn(const Room *room) const { return m_rooms.contains(room); }
    // Room calls these as the person enters and leaves (why: the leave's reason).
    void addRoom(Room *room);
    void removeRoom(Room *room, const QString &why);

    const QList<Endpoint *> &endpoints() const { return m_endpoints; }
    void attach(Endpoint *endpoint);
    void detach(Endpoint *endpoint);
    // With no endpoint left, holds the person's place for graceMs, then calls expired unless
    // an endpoint was attached meanwhile. A call, not a signal: a signal connection for every
    // person (made at login, used by few) cost about 300 bytes each.
    void holdFor(int graceMs, std::function<void()> expired);
    // No connection carries the person: their place is held until the grace period ends.
    bool isReconnecting() const { return m_endpoints.isEmpty(); }
    // Flags shown beside the name in lists (Event::AwayFlag, Event::ReconnectingFlag),
    // comma-separated.
    QString flags() const;

    // Away (`away [text]`) until back; the text may be empty.
    bool isAway() const { return m_away; }
    QString awayText() const { return m_awayText; }
    void setAway(const QString &text);
    void setBack();
    // Whether the person with senderId should hear the away text now: once per away text.
    bool tellAway(quint64 senderId);
    // Invisible (`set invisible on`, IRC's user mode +i): left out of who's listing by a filter
    // for those who share no room with the person (Listing).
    bool isInvisible() const { return m_invisible; }
    void setInvisible(bool invisible);

    // Where each room stood when the last connection dropped: what to replay to a resumed
    // connection that does not say what it saw.
    quint64 seqAtDrop(const Room *room) const { return m_seqAtDrop.value(room, 0); }
    quint64 privateIdAtDrop() const { return m_privateIdAtDrop; }
    void rememberDropPoint(const QHash<const Room *, quint64> &seqs, quint64 privateId);

    // Sends event to every connection of the person; the one that issued the command (if
    // any) gets label.
    void send(const Event &event, const Endpoint *labelled = nullptr, const QString &label = {},
              bool actor = false);

    // The person goes on on another node of the cluster (their resume reached it): what
    // happens to this object from now on (it is taken out of its rooms and deleted) is no
    // change that the others should hear of.
    void handOver(const QByteArray &node) { emit handedOver(node); }

signals:
    // What others see of the person changed: their nickname, account, rooms, away state,
    // whether they are invisible or whether a connection carries them;
    // why: the reason of a leave, else empty. (A node of a cluster tells the others.)
    void changed(const QString &why);
    void handedOver(const QByteArray &node);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    QString m_nick;
    quint64 m_personId;
    QString m_account;
    QString m_operAccount;
    QString m_userName;
    QString m_realName;
    bool m_away = false;
    bool m_invisible = false;
    QString m_awayText;
    QSet<quint64> m_awayTold; // person ids that heard the current away text
    QList<Room *> m_rooms;
    QList<Endpoint *> m_endpoints;
    QBasicTimer m_graceTimer;
    std::function<void()> m_graceExpired;
    QHash<const Room *, quint64> m_seqAtDrop;
    quint64 m_privateIdAtDrop = 0;
};
