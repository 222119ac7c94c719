// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "core/Directory.h"
#include "ErrorCode.h"
#include "security/PasswordGate.h"
#include "config/ServerConfig.h"

#include <QObject>

class Room;
class Session;

// The one place that decides what a command means and who may do it. Sessions hand it their
// commands; it changes the Directory and the rooms and sends the replies.
class CommandProcessor : public QObject
{
    Q_OBJECT

public:
    explicit CommandProcessor(const ServerConfig &config, QObject *parent = nullptr);

    // False, with errorString(), when the configured password file cannot be used.
    bool isReady() const { return m_passwords.isReady(); }
    QString errorString() const { return m_passwords.errorString(); }

    // Takes a new connection: greets it and starts listening to its commands.
    void addSession(Session *session);

    // Says goodbye to every session and closes it, without announcing each departure.
    void shutdown();

    const Directory &directory() const { return m_directory; }

private:
    using Handler = void (CommandProcessor::*)(Session *, const Command &);
    static Handler handlerFor(CommandType type);

    void handle(Session *session, const Command &command);
    void sessionClosed(Session *session, const QString &reason);
    void fail(Session *session, const Command &command, ErrorCode code,
              const QString &subject = {});
    void moveTo(Session *session, Room *room, const QString &label);
    void sendRoomState(Session *session, const Room *room, const QString &label);

    void login(Session *session, const Command &command);
    void pass(Session *session, const Command &command);
    void logout(Session *session, const Command &command);
    void say(Session *session, const Command &command);
    void me(Session *session, const Command &command);
    void look(Session *session, const Command &command);
    void who(Session *session, const Command &command);
    void list(Session *session, const Command &command);
    void create(Session *session, const Command &command);
    void join(Session *session, const Command &command);
    void msg(Session *session, const Command &command);
    void nick(Session *session, const Command &command);
    void topic(Session *session, const Command &command);
    void help(Session *session, const Command &command);
    void set(Session *session, const Command &command);
    void ping(Session *session, const Command &command);
    void pong(Session *session, const Command &command);

    QString m_serverName;
    PasswordGate m_passwords;
    Directory m_directory;
    QList<Session *> m_sessions; // every open session, logged in or not
    quint64 m_lastMessageId = 0;
    bool m_shuttingDown = false;
};
