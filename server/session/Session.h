// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "session/FloodControl.h"
#include "LineFramer.h"
#include "Rendering.h"
#include "config/ServerConfig.h"
#include "TelnetFilter.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>

class Connection;
class Room;

// One connection. It owns its transport, turns bytes into commands and events into bytes, and
// keeps the per-person state: login state, nickname, room and rendering preferences. It also
// keeps its connection honest (flood pacing, output cap, login deadline, ping). It decides
// nothing about what a command means: CommandProcessor does.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State { LoggingIn, InRoom, Gone };

    // How long a closing session waits for its peer to take what is queued.
    static constexpr int CloseGraceMs = 5000;

    // Takes ownership of connection.
    Session(Connection *connection, quint64 number, const ServerConfig &config,
            QObject *parent = nullptr);
    ~Session() override;

    quint64 number() const { return m_number; }
    QString peer() const { return m_peer; }
    QHostAddress peerAddress() const;
    State state() const { return m_state; }
    QString nick() const { return m_nick; }
    Room *room() const { return m_room; }
    const Rendering &rendering() const { return m_rendering; }
    QString language() const { return m_language; }

    void logIn(const QString &nick);
    void setNick(const QString &nick) { m_nick = nick; }
    void setRoom(Room *room) { m_room = room; }
    void setRendering(const Rendering &rendering);
    void setLanguage(const QString &language) { m_language = language; }

    // Sends an event rendered for this session; label is the command's label, if any, and
    // actor says whether this session caused the event (text reads "You ...").
    void send(Event event, const QString &label = {}, bool actor = false);
    // Sends bytes already rendered with rendering() (a broadcast shares them).
    void sendRendered(const QByteArray &bytes);

    // Sends what is queued, then disconnects. reason is logged and reported by closed().
    void close(const QString &reason);
    // Says goodbye with reason (the bye event), then closes.
    void closeWithBye(const QString &reason);

signals:
    void commandReceived(const Command &command);
    // Emitted once when the session ends, whatever the cause; the object is deleted later.
    void closed(const QString &reason);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void receive(QByteArrayView data);
    void takeLines();
    void handleLine(const QByteArray &line);
    bool isOtherProtocol(QByteArrayView firstBytes, bool firstLine) const;
    // The login deadline; for tagged clients the ping after a silence and its answer's deadline.
    void watch();
    // Makes the watchdog fire at dueMs (on m_clock) unless it already fires earlier.
    void armWatchdog(qint64 dueMs);
    void finish(const QString &reason);

    Connection *m_connection;
    quint64 m_number;
    const ServerConfig &m_config;
    QString m_peer;
    TelnetFilter m_telnet;
    LineFramer m_framer;
    FloodControl m_flood;
    QElapsedTimer m_clock;
    // Basic timers: a QTimer is an object of its own with a connection, per session.
    QBasicTimer m_floodTimer;
    QBasicTimer m_watchdog;
    State m_state = State::LoggingIn;
    QString m_nick;
    Room *m_room = nullptr; // rooms live until the server stops
    Rendering m_rendering;
    QString m_language = QStringLiteral("en");
    qint64 m_linesHandled = 0;
    qint64 m_lastLineMs = 0;  // on m_clock
    qint64 m_pingSentMs = -1; // on m_clock; -1: no ping waits for an answer
    qint64 m_loginDueMs = 0;  // on m_clock
    qint64 m_watchdogDueMs = 0;
    bool m_sawBytes = false;
    bool m_outputOverflow = false;
};
