// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "ErrorCode.h"
#include "commands/ModerationLog.h"
#include "commands/NameGate.h"
#include "commands/ReplyStream.h"
#include "commands/ResumeHandover.h"
#include "commands/RoomExpiry.h"
#include "commands/RoomQuota.h"
#include "commands/RoomRuleKeeper.h"
#include "commands/SanctionExpiry.h"
#include "config/ServerConfig.h"
#include "core/AccountBook.h"
#include "core/Departures.h"
#include "core/Directory.h"
#include "core/MessageLog.h"
#include "metrics/ServerMetrics.h"
#include "security/AccountGate.h"
#include "security/AccountHasher.h"
#include "security/PasswordGate.h"
#include "security/ResumeTokens.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

class Bus;
class Clock;
struct ClusterEvent;
class Room;
class Session;
class Store;
class User;

// What the command groups share: the people and rooms, the message log, the secrets, and the
// moves several groups make (entering and leaving rooms, ending a person).
class ChatContext : public QObject
{
    Q_OBJECT

public:
    // metrics counts logins and lines; clock: what the room limits count time on (see
    // RoomQuota, RoomExpiry).
    ChatContext(const ServerConfig &config, Store &store, ServerMetrics &metrics,
                const Clock &clock, QObject *parent = nullptr);

    const ServerConfig &config() const { return m_config; }
    // What timed rules (room limits, mutes) read the time on.
    const Clock &clock() const { return m_clock; }
    ServerMetrics &metrics() { return m_metrics; }
    RoomQuota &roomQuota() { return m_roomQuota; }
    RoomExpiry &roomExpiry() { return m_roomExpiry; }
    Directory &directory() { return m_directory; }
    Departures &departures() { return m_departures; }
    MessageLog &log() { return m_log; }
    AccountBook &accounts() { return m_accounts; }
    // Where logins and renames take their names (across the cluster, on a node of one).
    NameGate &names() { return m_names; }
    // Resumes through another node of a cluster (asks for and gives away people).
    ResumeHandover &handover() { return m_handover; }
    // Writes the roles and mutes that must outlive a restart.
    RoomRuleKeeper &roomRules() { return m_roomRules; }
    // Ends timed bans and mutes: schedule() after setting one.
    SanctionExpiry &sanctionExpiry() { return m_sanctionExpiry; }
    // Every moderation act, written through the store.
    ModerationLog &moderationLog() { return m_moderationLog; }
    AccountHasher &hasher() { return m_hasher; }
    AccountGate &accountGate() { return m_accountGate; }
    ResumeTokens &tokens() { return m_tokens; }
    PasswordGate &passwords() { return m_passwords; }
    QList<Session *> &sessions() { return m_sessions; }
    // Whether the person proved to own one of the configured administrators' names: logged in
    // with it, or gave its password to oper.
    bool isAdministrator(const User *user) const;
    // Their account keys.
    const QSet<QString> &administrators() const { return m_administrators; }
    // The configuration changed (a reload): takes what is copied from it.
    void reconfigure();
    bool isShuttingDown() const { return m_shuttingDown; }
    void setShuttingDown() { m_shuttingDown = true; }

    // room: where the subject (someone) is or is not, for errors IRC names both in (441, 443).
    void fail(Session *session, const Command &command, ErrorCode code, const QString &subject = {},
              const Room *room = nullptr);
    // The store refused a command's write (error): tells the session, if it is still there.
    void failToStore(Session *session, const Command &command, const QString &error);

    // A new person with nick (already checked to be free), carried by session.
    User *newPerson(Session *session, const QString &nick);
    // A person who moved here from another node of a cluster, under their person id, carried by
    // no connection yet (ResumeHandover).
    User *adoptPerson(const QString &nick, quint64 personId);
    // Logs session in as a new person with nick (checked to be free, and proved to be theirs
    // if it is registered: account is its key, else empty), answers the command that did it
    // (label) and takes the person into the hall.
    User *logIn(Session *session, const QString &nick, const QString &account,
                const QString &label);
    // What decides whether a person may enter a room (bans, invite-only, registered-only):
    // the command processor's rules, asked also when login takes someone into the hall.
    using EntryCheck = std::function<ErrorCode(Session *, const Room *)>;
    void setEntryCheck(EntryCheck check) { m_entryCheck = std::move(check); }
    // The details of an ok login or resume: the nick, and the resume token with the grace
    // period when resuming is on.
    QStringList loginDetails(const User *user, const QString &token) const;
    // On a node of a cluster: what this node stores that the others must know (rules,
    // moderation, accounts) is published on bus from now on.
    void setBus(Bus *bus);
    // Tells the other nodes of a change this node stored (nothing on a server of one).
    void tellCluster(const ClusterEvent &event);
    // The account is gone (unregistered here or on another node): its rooms' roles go, and
    // whoever was identified to it is no longer.
    void forgetAccount(const QString &key);

    // The person is gone for good: out of every room (the others told reason), name free.
    // words: theirs, when they logged out with some.
    void endPerson(User *user, const QString &reason, const QString &words = {});
    // No connection carries the person: their place is kept for graceMs, for a resume; then
    // they are gone ("lost").
    void holdPlace(User *user, int graceMs);
    // The person goes on on another node of the cluster (ResumeHandover, which handed their
    // name's claim over): out of every room here without telling anyone, and forgotten.
    void handOverPerson(User *user);
    // Closes every connection of the person with bye (the person ends as they close, see
    // CommandProcessor::sessionClosed); one already reconnecting ends at once, the others told
    // leaveReason.
    void disconnectPerson(User *user, const QString &bye, const QString &leaveReason);
    // The sessions that carry user.
    QList<Session *> sessionsOf(const User *user) const;

    // Takes session's person into room. In rooms one, the person first leaves the rooms they
    // are in. Sends the room's topic, members and recent history.
    void enter(Session *session, Room *room, const QString &label);
    // Takes session's person out of room, telling them too.
    void leave(Session *session, Room *room, const QString &label, const QString &words = {});
    // The room's topic (if any) and member list, to session.
    void sendRoomState(Session *session, const Room *room, const QString &label);
    // Sends history to session at its pace, after what it was sent so far.
    void stream(Session *session, const ReplyStream::HistoryPart &part);
    // The session's queue of long replies (made on first use).
    ReplyStream &replies(Session *session);

    // The room a command is about: the one it names with #room (which the person must be in)
    // or the session's current room. Replies with the error and returns null when there is
    // none.
    Room *targetRoom(Session *session, const Command &command);
    // The room a say or me is for: as targetRoom(), and also a room the person is not in when
    // it takes outside messages (RoomModes), as a notification bot posts to it.
    Room *sayingRoom(Session *session, const Command &command);
    // The room called name that the session's person is in. Replies with the error (no such
    // room, or not in it) and returns null otherwise.
    Room *memberRoom(Session *session, const Command &command, const QString &name);

private:
    // endPerson()'s and handOverPerson()'s end: the token, the room quota, the object.
    void forget(User *user);

    const ServerConfig &m_config;
    const Clock &m_clock;
    ServerMetrics &m_metrics;
    Directory m_directory;
    Departures m_departures;
    MessageLog m_log;
    NameGate m_names;
    ResumeHandover m_handover{*this};
    AccountBook m_accounts;
    AccountHasher m_hasher;
    AccountGate m_accountGate;
    ResumeTokens m_tokens;
    PasswordGate m_passwords;
    RoomQuota m_roomQuota;
    RoomExpiry m_roomExpiry;
    RoomRuleKeeper m_roomRules;
    SanctionExpiry m_sanctionExpiry;
    ModerationLog m_moderationLog;
    QList<Session *> m_sessions; // every open session, logged in or not
    EntryCheck m_entryCheck;
    quint64 m_bootNumber;
    quint32 m_lastPerson = 0;
    bool m_shuttingDown = false;
    Bus *m_bus = nullptr;
    QSet<QString> m_administrators; // account keys, from the configuration
};
