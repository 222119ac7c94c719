// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "commands/AccessCommands.h"
#include "commands/AccountCommands.h"
#include "commands/AdminCommands.h"
#include "commands/BanCommands.h"
#include "commands/ChatContext.h"
#include "commands/MessageCommands.h"
#include "commands/ModerationCommands.h"
#include "commands/RoomCommands.h"
#include "commands/RoomRuleCommands.h"
#include "commands/SessionCommands.h"
#include "config/ServerConfig.h"
#include "core/Clock.h"
#include "session/SessionHandler.h"

#include <QObject>

class Bus;
class Session;
class Store;
struct ClusterEvent;

// The one place that decides who may run a command (the command table's availability, then
// the person's standing in the room for the commands Permissions governs, checked before any
// handler runs) and hands it to its group. It also follows each session to
// its end: a person whose connection dropped is held for the grace period, one who logged out
// is gone at once.
class CommandProcessor : public QObject, private SessionHandler
{
    Q_OBJECT

public:
    // store: where lines go before anyone sees them; it must outlive the processor's use.
    // config is the server's live one (see reconfigure()); metrics counts logins and lines;
    // clock: what the room limits count time on (the system's, or a test's).
    CommandProcessor(const ServerConfig &config, Store &store, ServerMetrics &metrics,
                     const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~CommandProcessor() override;

    // False, with errorString(), when the configured password file cannot be used.
    bool isReady() { return m_chat.passwords().isReady(); }
    QString errorString() { return m_chat.passwords().errorString(); }

    // Takes a new connection: greets it and starts listening to its commands.
    void addSession(Session *session);

    // Says goodbye to every session and closes it, without announcing each departure.
    void shutdown();

    Directory &directory() { return m_chat.directory(); }
    MessageLog &log() { return m_chat.log(); }
    NameGate &names() { return m_chat.names(); }
    // On a node of a cluster that holds its lease again after it was cut off: its people's
    // names are claimed again, and whoever's name was taken elsewhere meanwhile is let go
    // (bye "collision"), so that no name is held twice.
    void reclaimNames();
    // On a node of a cluster: the rooms' rules, moderation acts and accounts stored here are
    // published on bus, and those another node published (a Sanction, Role, Moderation or
    // Account event) are applied here: a ban puts out whoever it catches, an act is told to
    // the room's members, an account is known (or forgotten) as if it had been made here.
    void publishOn(Bus *bus);
    void applyStored(const ClusterEvent &event);
    // A resume's ask or answer from another node (ResumeHandover).
    void resumeElsewhere(const ClusterEvent &event);
    // An administrator's notice or disconnect from another node (AdminCommands).
    void administeredElsewhere(const ClusterEvent &event);
    // Empty rooms go once a minute; tests that move their clock call sweep() themselves.
    RoomExpiry &roomExpiry() { return m_chat.roomExpiry(); }
    PasswordGate &passwords() { return m_chat.passwords(); }
    // Timed bans and mutes end on a timer; tests that move their clock call expire() themselves.
    SanctionExpiry &sanctionExpiry() { return m_chat.sanctionExpiry(); }
    // Every open session, logged in or not.
    const QList<Session *> &sessions() { return m_chat.sessions(); }

    // The configuration changed in place (a reload): passes what was copied from it on to the
    // rooms and the sessions.
    void reconfigure();

private:
    // What a session tells (SessionHandler).
    void commandReceived(Session *session, const Command &command) override;
    void sessionClosed(Session *session, const QString &reason) override;

    // The error that keeps session's person out of the room a join names, or None.
    ErrorCode entryRefusal(Session *session, const Command &command, QString *room);
    // key: what they gave to open a room that has one.
    ErrorCode entryRefusal(Session *session, const Room *room, const QString &key = {});
    void dispatch(Session *session, const Command &command);

    ChatContext m_chat;
    AccountCommands m_accountCommands;
    AccessCommands m_access;
    RoomCommands m_rooms;
    MessageCommands m_messages;
    ModerationCommands m_moderation;
    BanCommands m_bans;
    RoomRuleCommands m_roomRules;
    AdminCommands m_admin;
    SessionCommands m_settings;
};
