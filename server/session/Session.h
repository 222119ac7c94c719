// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "LineFramer.h"
#include "Rendering.h"
#include "TelnetFilter.h"
#include "config/ServerConfig.h"
#include "core/Endpoint.h"
#include "irc/IrcDialect.h"
#include "metrics/ServerMetrics.h"
#include "net/ConnectionHandler.h"
#include "session/FloodControl.h"
#include "session/HeldOutput.h"
#include "session/LabelledResponses.h"
#include "session/SessionHandler.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class Connection;
class Room;
class User;

// One connection. It owns its transport, turns bytes into commands and events into bytes, and
// keeps what belongs to this connection rather than to the person: login state, rendering
// preferences, the room plain text goes to. The person (nickname, rooms) is the User it is
// attached to, which may have other connections and outlives this one. It also keeps its
// connection honest (flood pacing, output cap, login deadline, ping). It decides nothing about
// what a command means: CommandProcessor does.
class Session final : public QObject, public Endpoint, private ConnectionHandler
{
    Q_OBJECT

public:
    enum class State { LoggingIn, LoggedIn, Gone };
    // The language the connection speaks: the chat's own lines (text or tagged), or IRC.
    enum class Dialect { Chat, Irc };
    // What join does: "one" moves the person (the tutorials' way, the default on telnet),
    // "many" adds a room (the default for programs).
    enum class RoomsMode { One, Many };

    // How long a closing session waits for its peer to take what is queued.
    static constexpr int CloseGraceMs = 5000;

    // Takes ownership of connection. config is the server's live one: what a reload changes
    // applies from the next use, and reconfigure() takes what this session copied. metrics
    // counts its bytes, lines and end.
    Session(Connection *connection, quint64 number, const ServerConfig &config,
            ServerMetrics &metrics, Dialect dialect = Dialect::Chat, QObject *parent = nullptr);
    ~Session() override;

    // The one object told of this session's commands and of its end; null: nobody.
    void setHandler(SessionHandler *handler) { m_handler = handler; }

    quint64 number() const { return m_number; }
    QString peer() const { return m_peer; }
    QHostAddress peerAddress() const;
    State state() const { return m_state; }
    User *user() const { return m_user; }
    QString nick() const; // the person's, or empty before login
    const Rendering &rendering() const override { return *m_rendering; }
    // The rendering of a reply to this session alone: IRC's numerics name their reader.
    Rendering replyRendering() const;
    // A reply to this session alone, as it is shown to it: in IRC, what the dialect makes of
    // it (IrcDialect::react). Empty when it is shown nothing.
    QByteArray renderReply(const Event &event, bool actor = false);
    bool isIrc() const { return m_irc != nullptr; }
    // The user name and real name an IRC client gave at registration; empty for the others.
    QString userName() const { return m_irc ? m_irc->userName() : QString(); }
    QString realName() const { return m_irc ? m_irc->realName() : QString(); }
    // Whether entering a room shows its recent history: not to an IRC client that asks for it
    // itself (CHATHISTORY), which would then see it twice.
    bool wantsHistoryOnJoin() const;
    // Whether it reads a listing whole (programs, IRC) rather than a page at a time (people).
    bool readsWholeLists() const { return m_rendering->tagged || m_irc; }
    QString language() const { return m_language; }
    // What the person said as they logged out on this connection ("logout [words]"), which the
    // others are told if it was their last.
    QString farewell() const { return m_farewell; }
    void setFarewell(const QString &words) { m_farewell = words; }
    // Output queued and not yet taken by the kernel, held output included.
    qint64 queuedBytes() const;

    // Takes the configuration's new limits (after a reload): flood pacing, the output cap of
    // held output, the ping interval. The line length and login deadline stay as they were
    // when the connection was made.
    void reconfigure();

    // Carries user from now on (a login or a resume).
    void attach(User *user);
    void setRendering(const Rendering &rendering);
    void setLanguage(const QString &language) { m_language = language; }
    RoomsMode roomsMode() const;
    void setRoomsMode(RoomsMode mode);

    // The room plain text goes to: the one chosen last (join, switch) while the person is in
    // it, otherwise the one they entered last; null when they are in no room.
    Room *currentRoom() const;
    void setCurrentRoom(Room *room);

    // Sends an event rendered for this session; label is the command's label, if any, and
    // actor says whether this session caused the event (text reads "You ...").
    void send(Event event, const QString &label = {}, bool actor = false) override;
    // Sends bytes already rendered with rendering() (a broadcast shares them).
    void sendRendered(const QByteArray &bytes) override;
    void sendLine(const QByteArray &bytes, qint64 roomId, quint64 seq,
                  LineFor lineFor = LineFor::Readers) override;
    void sendLines(const QByteArray &bytes, qint64 roomId, quint64 firstSeq,
                   qsizetype lines) override;

    // Commands in order: while a command's effect waits (a room being stored), the lines after
    // it wait too, in the flood queue and within its limits, so that "create games" then
    // "say #games hi" works without waiting for the reply.
    void pauseInput();
    void resumeInput();

    // Output in order: while paused, what the session is sent waits (HeldOutput, within the
    // output cap) so that a paced writer (history) can go first; takePaused() hands the writer
    // what waited so far (releaseHeld() once each piece is written), takeCatchUp() what it must
    // read back from the store, and resumeOutput() sends what is left and ends the pause.
    void pauseOutput();
    bool isOutputPaused() const { return m_paused; }
    QList<QByteArray> takePaused() { return m_held.take(); }
    void releaseHeld(qint64 bytes) { m_held.released(bytes); }
    // Counts bytes that wait elsewhere (a reply waiting its turn) against the output cap, until
    // releaseHeld(); false, and the session is closed, when that passes the cap.
    bool chargeHeld(qint64 bytes);
    HeldOutput::CatchUp takeCatchUp() { return m_held.takeCatchUp(); }
    void resumeOutput();
    // The paced writer's way out, past the pause. False when the connection holds enough for
    // now: write more once whenDrained() says so. reply: the bytes answer this session's own
    // command (a page, a listing), not output that waited or was read back.
    bool writePaced(const QByteArray &bytes, bool reply = false);
    // After writePaced() said false: resume is called (once, from the event loop) when the
    // connection took enough. One paced writer per session (its ReplyStream), so a call rather
    // than a signal, whose connection data every session would keep for good.
    // A reader that takes nothing for --stall-timeout meanwhile is closed.
    void whenDrained(std::function<void()> resume);
    // Whether what is written now can still reach the reader.
    bool isWritable() const { return m_state != State::Gone && !m_outputOverflow; }

    // Sends what is queued, then disconnects. reason is logged and told to the handler.
    void close(const QString &reason);
    // Says goodbye with reason (the bye event), then closes.
    void closeWithBye(const QString &reason);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // What the connection tells (ConnectionHandler).
    void connectionReceived(QByteArrayView data) override;
    void connectionDrained() override;
    void connectionFailed(const QString &message) override;
    void connectionEnded() override;

    // sendRendered(), for bytes that its fellow readers get too (shared) or not.
    void write(const QByteArray &bytes, bool shared);
    void holdForIrc(const QByteArray &bytes);
    void takeLines();
    void handleLine(const QByteArray &line);
    void handleIrcLine(const QByteArray &line);
    void answerIrcLine(const QByteArray &line);
    // IRCv3 labeled-response (LabelledResponses): sends the barrier, hears its pong, and takes
    // the next step once it came.
    void awaitResponses();
    void responsesDone();
    void stepLabelled();
    // Writes past any pause (a labelled response's start).
    void writeNow(const QByteArray &bytes);
    // Runs a line of the chat's commands (IRC's, translated) as if the client had sent it.
    void run(const QString &line, const QString &clientTags = {});
    // Runs the translated commands that wait; false when input is paused or the session gone.
    bool runPending();
    bool isOtherProtocol(QByteArrayView firstBytes, bool firstLine) const;
    // The login deadline; for tagged clients the ping after a silence and its answer's deadline.
    void watch();
    // Makes the watchdog fire at dueMs (on m_clock) unless it already fires earlier.
    void armWatchdog(qint64 dueMs);
    void finish(const QString &reason);
    void overflow();
    // Output that answers a command, as a labelled IRC response needs it (see LabelledResponses).
    QByteArray answering(const QByteArray &bytes, bool mayKeep);
    void hold(const QByteArray &bytes, const HeldOutput::Origin &origin);
    void updateRendering();

    // What each line of a broadcast reads (sendLine, sendRendered), side by side: read for
    // every member of a room, these fields cost a cache miss each when spread over the object.
    Connection *m_connection;
    const Rendering *m_rendering; // RenderingCatalog's: its address identifies it
    const ServerConfig &m_config;
    ServerMetrics &m_metrics;
    // IRC's labelled lines and their responses: made at an IRC session's first labelled line,
    // so null for the many that never label one (and for the chat's own dialect).
    std::unique_ptr<LabelledResponses> m_labels;
    State m_state = State::LoggingIn;
    bool m_paused = false;
    bool m_outputOverflow = false;
    // A SASL login came before IRC registration ended: output waits for its end (within the
    // output cap), as an IRC client may not see anything but the registration's replies.
    bool m_ircHolding = false;

    SessionHandler *m_handler = nullptr;
    std::function<void()> m_whenDrained;
    quint64 m_number;
    QString m_peer;
    TelnetFilter m_telnet;
    LineFramer m_framer;
    FloodControl m_flood;
    QElapsedTimer m_clock;
    // Basic timers: a QTimer is an object of its own with a connection, per session.
    QBasicTimer m_floodTimer;
    QBasicTimer m_watchdog;
    User *m_user = nullptr; // outlives the session: the processor ends the person
    QPointer<Room> m_currentRoom;
    std::optional<RoomsMode> m_roomsMode; // unset: one for text, many for tagged
    HeldOutput m_held;
    std::unique_ptr<IrcDialect> m_irc; // null for the chat's own dialect
    // IRC's lines translated, waiting their turn, each with the client-only tags of the line
    // it came from (IrcDialect::Input::clientTags).
    struct PendingCommand
    {
        QString line;
        QString clientTags;
    };
    QList<PendingCommand> m_pendingCommands;
    bool m_ircHoldNext = false; // the reply being rendered starts the hold, after it
    QByteArray m_ircHeld;
    bool m_inputPaused = false;
    QString m_language = QStringLiteral("en");
    QString m_farewell;
    qint64 m_linesHandled = 0;
    qint64 m_lastLineMs = 0;  // on m_clock
    qint64 m_pingSentMs = -1; // on m_clock; -1: no ping waits for an answer
    qint64 m_loginDueMs = 0;  // on m_clock
    qint64 m_watchdogDueMs = 0;
    qint64 m_stallDueMs = -1; // a paced reply waits for the reader until then; -1: none waits
    bool m_sawBytes = false;
};
