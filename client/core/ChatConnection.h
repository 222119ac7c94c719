// SPDX-License-Identifier: MIT
#pragma once

#include "Backoff.h"
#include "CertificateGuard.h"
#include "ChatLine.h"
#include "ErrorCode.h"
#include "Event.h"
#include "HistoryBatch.h"
#include "JoinedRooms.h"
#include "LineFramer.h"
#include "MaskListKind.h"
#include "MemberFlags.h"
#include "PersonInfo.h"
#include "RoomInfo.h"
#include "RoomRules.h"
#include "ServerAddress.h"

#include <QAbstractSocket>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

class QSslSocket;

// One person's connection to a chat server, without any window: it owns the socket, speaks the
// tagged protocol, keeps the state a client shows (nickname, the rooms it is in with their
// topics and people) and reports everything else as typed signals. It is in several rooms at
// once (the server's `rooms many`, its default for programs); room(), topic() and users() are
// those of the current room, where plain text goes. After a lost connection it reconnects with
// backoff and resumes with the server's resume token, telling it the last line it saw in every
// room it is in and the last private message, so that what was said meanwhile arrives exactly
// once; when the server no longer knows the token (it restarted, or the grace period passed)
// it logs back in with the same nickname (and TLS and password), returns to the same rooms and
// asks each for what it missed.
class ChatConnection : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString nick READ nick NOTIFY nickChanged)
    Q_PROPERTY(QString room READ room NOTIFY roomChanged)
    Q_PROPERTY(QString topic READ topic NOTIFY topicChanged)
    Q_PROPERTY(QStringList users READ users NOTIFY usersChanged)
    Q_PROPERTY(qsizetype userCount READ userCount NOTIFY userCountChanged)
    Q_PROPERTY(QString serverName READ serverName NOTIFY serverNameChanged)

public:
    enum class State {
        Disconnected,
        Connecting, // first login: TCP, tagged mode, login reply
        LoggedIn,
        WaitingToReconnect, // connection lost, next attempt scheduled
        Reconnecting,       // an attempt after a loss is under way
    };
    Q_ENUM(State)

    enum class Failure {
        None,
        ConnectionRefused,
        HostNotFound,
        Timeout,
        NickInUse,
        BadNick,
        LoginRefused, // any other error reply to login
        ServerClosed,
        ServerShutdown,
        ConnectionLost, // a logged-in connection ended without the server saying why
        NetworkError,
        CertificateUnknown, // see certificateNeedsApproval()
        CertificateChanged, // see certificateChanged()
        TlsError,           // tlsErrors() says more
        WrongPassword,
        PasswordRequired,
        NickRegistered,       // the nickname is registered: its password is needed (902)
        AccountPasswordWrong, // the password of the registered nickname is wrong (904)
        NickNotRegistered,    // a password was given for a nickname nobody registered
        TooManyPasswords,     // the server closed after three wrong passwords (bye password)
    };
    Q_ENUM(Failure)

    // What an account command did (accountChanged).
    enum class AccountChange { Registered, PasswordChanged, Unregistered };
    Q_ENUM(AccountChange)

    static constexpr int DefaultTimeoutMs = 10000;
    // The server slows wrong passwords down (up to 30 s, docs/SECURITY.md): a login with a
    // password may wait that much longer for its answer.
    static constexpr int PasswordThrottleMs = 30000;

    explicit ChatConnection(QObject *parent = nullptr);

    State state() const { return m_state; }
    QString nick() const { return m_nick; }
    // The current room: where plain text and commands without a #room go.
    QString room() const { return m_rooms.current(); }
    QString topic() const;
    QStringList users() const;
    // How many are in the room; more than users() lists when the room is crowded.
    qsizetype userCount() const;
    // Every room we are in, in the order we entered them, with their topics and people.
    const JoinedRooms &joinedRooms() const { return m_rooms; }
    QString serverName() const { return m_serverName; }
    ServerAddress address() const { return m_address; }
    bool isSelf(const QString &nick) const;
    // Whether the server counts us among its administrators (logged in to, or oper'd as, an
    // account its configuration names): they run every room, so we offer what its operators
    // get. Asked after each login and oper; false until the answer comes.
    bool isAdministrator() const { return m_administrator; }
    // Whether the last reconnect resumed the session (rather than logging in anew).
    bool resumed() const { return m_resumed; }
    // The sequence number of the last line seen in room (0: none).
    quint64 lastSeq(const QString &room) const;
    // The server's reply when it refused the last login (Failure::LoginRefused).
    ErrorCode loginError() const { return m_loginError; }
    QString loginErrorSubject() const { return m_loginErrorSubject; }

    // Whether the next logIn() uses TLS, and the server password it gives (empty: none). Both
    // stay for the reconnects of that session.
    void setTls(bool on) { m_tls = on; }
    bool usesTls() const { return m_tls; }
    void setPassword(const QString &password) { m_password = password; }
    // The password of a registered nickname, sent with login (in one line: `login <nick>
    // <password>`) by the next logIn() and its reconnects; empty: none. Kept in memory only.
    void setAccountPassword(const QString &password) { m_accountPassword = password; }
    bool hasAccountPassword() const { return !m_accountPassword.isEmpty(); }
    // The connection in use is encrypted.
    bool isEncrypted() const;
    // Why the last TLS handshake failed (Failure::TlsError); may be empty.
    QList<QSslError> tlsErrors() const { return m_guard->errors(); }

    // Trusts a certificate no authority vouches for from now on, and logs in again when the
    // question came from the last attempt. Call it outside certificateNeedsApproval's handler.
    void approveCertificate(const QString &hostPort, const QByteArray &fingerprint);
    void forgetCertificate(const QString &hostPort);

    // How long connecting and logging in may take before giving up (10 s unless tests say).
    void setTimeout(int ms) { m_timeoutMs = ms; }
    // The first delay before reconnecting; later ones double.
    void setReconnectDelay(int ms) { m_backoff.setFirstDelay(ms); }

    void logIn(const ServerAddress &address, const QString &nick);
    // Says goodbye when logged in; otherwise stops whatever is under way (Cancel).
    void logOut();

    // A line as typed: "/command ..." goes to the server as is, anything else is said (in room,
    // or in the current room when room is empty).
    void sendLine(const QString &line, const QString &room = {});
    void say(const QString &room, const QString &text);
    void act(const QString &room, const QString &text);
    void sendPrivate(const QString &nick, const QString &text);
    void listRooms();
    void createRoom(const QString &name);
    void joinRoom(const QString &name);
    void leaveRoom(const QString &name);
    // Makes room the current one, here and on the server.
    void switchRoom(const QString &name);
    void lookUsers();
    // The flags of a person in a room we are in (none when unknown).
    MemberFlags flags(const QString &room, const QString &nick) const;
    // Moderation in a room: see Moderation::command for duration and reason.
    void moderate(Moderation::Act act, const QString &room, const QString &nick,
                  const QString &duration = {}, const QString &reason = {});
    // A room's rules, as far as the client knows them; lookRules() asks the server for them
    // (roomRulesChanged follows when they differ), setRules() sends the one rule command that
    // makes them wanted (all its changes or, when the server refuses one, none).
    RoomRules rules(const QString &room) const;
    void lookRules(const QString &room);
    void setRules(const QString &room, const RoomRules &wanted);
    // One of a room's lists of masks, asked for the client's own use: the answer comes as
    // masksListed (what the person types, /bans, comes as masksReceived). Adding and removing:
    // a ban (duration and reason as for Moderation::Act::Ban), an allow or an exemption (neither
    // has a duration or reason), and their unban, disallow, unexempt; the moderated signal tells
    // the change. addMask() returns its command's label (empty when it sent nothing):
    // maskAnswered tells how that one ended, whatever else was sent meanwhile.
    void askMasks(const QString &room, MaskListKind list);
    QString addMask(const QString &room, MaskListKind list, const QString &mask,
                    const QString &duration = {}, const QString &reason = {});
    void removeMask(const QString &room, MaskListKind list, const QString &mask);
    // Account commands for the nickname in use; each ends in accountChanged or accountFailed.
    void registerNick(const QString &password);
    void changePassword(const QString &oldPassword, const QString &newPassword);
    void unregisterNick(const QString &password);
    // Asks for up to count lines of room (or, with peer set, of the private messages with
    // peer) before the sequence number (message id) before; they come as an Older page.
    void requestOlder(const QString &room, const QString &peer, quint64 before,
                      int count = DefaultPageSize);
    static constexpr int DefaultPageSize = 200;

signals:
    void stateChanged(ChatConnection::State state);
    void nickChanged(const QString &nick);
    void roomChanged(const QString &room);
    void topicChanged(const QString &topic);
    void usersChanged(const QStringList &users);
    void userCountChanged(qsizetype count);
    void serverNameChanged(const QString &name);

    void connected();
    void loggedIn(const QString &nick);
    void administratorChanged(bool administrator);
    void loginFailed(ChatConnection::Failure reason);
    // The connection is over for good: reason is None after logOut().
    void disconnected(ChatConnection::Failure reason);
    // A logged-in connection broke; the next attempt starts in delayMs.
    void connectionLost(ChatConnection::Failure reason, int delayMs);
    // The attempt stopped at a certificate nobody vouches for; approveCertificate() goes on.
    void certificateNeedsApproval(const QString &hostPort, const QByteArray &fingerprint,
                                  const QString &subject);
    // The attempt stopped because the certificate is not the one trusted for hostPort.
    void certificateChanged(const QString &hostPort, const QByteArray &fingerprint,
                            const QString &subject);

    // Our rooms: entered one (not when a resume brings us back into it), left one, and what
    // changed in one of them.
    void roomEntered(const QString &room);
    void roomLeft(const QString &room);
    void roomTopicChanged(const QString &room, const QString &topic);
    void roomUsersChanged(const QString &room, const QStringList &users, qsizetype count);
    // Someone's flags changed in room: flags() says how they stand now.
    void roomFlagsChanged(const QString &room);
    void roomRulesChanged(const QString &room);
    // In room, actor did act ("op", "deop", "kick", "ban", "unban", "allow", "exempt", ...) to
    // target; detail is a kick's or ban's reason, a mute's seconds or a ban's duration.
    void moderated(const QString &room, const QString &actor, const QString &act,
                   const QString &target, const QString &detail);
    // The server took (refused: refused, with commandFailed) the mask addMask() sent with label.
    void maskAnswered(const QString &label, bool refused);
    // A server administrator's notice to everyone.
    void serverNotice(const QString &from, const QString &text);
    // A private message went to someone who is away: their away text (once per text).
    void awayReplied(const QString &nick, const QString &text);
    // An account command succeeded (name: the registered nickname, when the server says it),
    // or failed with the server's code (not also reported by commandFailed).
    void accountChanged(ChatConnection::AccountChange change, const QString &name);
    void accountFailed(ErrorCode code, const QString &command, const QString &subject);

    // A line said now, in one of our rooms or privately, with all its fields.
    void lineReceived(const ChatLine &line);
    // Lines said before now: a room's recent ones on entering it, what was missed while the
    // connection was down, or an older page asked for.
    void historyReceived(const HistoryBatch &batch);

    // The simple view of lines, in the order they happened: every line new to this connection,
    // live or from history that fills a gap (not the older pages of requestOlder()).
    void message(const QDateTime &time, const QString &nick, const QString &text, bool own);
    void action(const QDateTime &time, const QString &nick, const QString &text, bool own);
    void privateMessage(const QDateTime &time, const QString &from, const QString &to,
                        const QString &text, bool own);
    void joined(const QString &room, const QString &nick);
    // Someone's connection dropped (reconnecting true; their place is held) or came back.
    void presenceChanged(const QString &room, const QString &nick, bool reconnecting);
    void left(const QString &room, const QString &nick, const QString &reason);
    // Entering `to` (join or create, with `set rooms one`) took us out of `from`; emitted just
    // before our own left(from, …, "part").
    void moved(const QString &from, const QString &to);
    void renamed(const QString &oldNick, const QString &newNick);
    // Someone changed the topic (the topicChanged property also follows room changes).
    void topicSet(const QString &nick, const QString &topic);
    // Lines said before now follow, count of them, in room (empty for private messages):
    // reason "join" (the room's recent lines on entering it), "resume" or "gap" (what was
    // said while the connection was down), "request" (an older page asked for).
    void historyFollows(const QString &room, const QString &reason, int count);
    void roomsChanged(const RoomInfoList &rooms);
    void whoReceived(const PersonInfoList &people);
    // The answer to whowas: departures as Event::Kind::Whowas's list.
    void whowasReceived(const QString &nick, const QStringList &departures);
    void helpReceived(const QStringList &usageSummaryPairs);
    void settingsReceived(const QStringList &keyValuePairs);
    // One piece of a room's list, as /bans, /allowed, /exempted and /modlog ask for it (a long
    // one comes in several): the entries from index first of total, laid out as
    // Event::Kind::Bans (Allowed, Exempted) and Modlog lay them out.
    void masksReceived(const QString &room, MaskListKind list, qsizetype first, qsizetype total,
                       const QStringList &entries);
    void modlogReceived(const QString &room, qsizetype first, qsizetype total,
                        const QStringList &entries);
    // A piece of the list askMasks() asked for, laid out as masksReceived's.
    void masksListed(const QString &room, MaskListKind list, qsizetype first, qsizetype total,
                     const QStringList &entries);
    void pong(const QString &token);
    void commandFailed(ErrorCode code, const QString &command, const QString &subject);
    // A line the client will not send because it would break the connection's protocol.
    void lineRefused(const QString &line);

private:
    void startAttempt();
    void send(const QString &command);
    QString sendLabelled(const QString &command);
    // Sends a command that enters room, noting its label: a leave with that label is a move.
    void sendEnter(const QString &command, const QString &room);
    void readSocket();
    void handleEvent(const Event &event);
    void handleLoginReply(const Event &event);
    void handleRoomEvent(const Event &event);
    void handleHistory(const Event &event);
    // list and who replies: their pieces, gathered between the listing's start and end.
    void handleListing(const Event &event);
    void askWhetherAdministrator();
    void setAdministrator(bool administrator);
    void handleSelfJoin(const QString &room);
    // The signal for a line said (message, action, private message, topic change).
    void emitLine(const Event &event, bool self);
    ChatLine lineOf(const Event &event) const;
    void sendLogin();
    // After logging in anew: back into the rooms we were in.
    void rejoin();
    // Emits the current room's changes through the single-room properties.
    void followCurrent();
    // False for a line of history already seen: it is not shown twice.
    bool isNew(const Event &event);
    void socketError(QAbstractSocket::SocketError error);
    void handshakeFailed();
    void connectionEnded(Failure reason);
    void scheduleReconnect(Failure reason);
    void finish(Failure reason);
    void setState(State state);

    QSslSocket *m_socket;
    CertificateGuard *m_guard;
    LineFramer m_framer;
    QTimer m_timeout;
    QTimer m_reconnectTimer;
    Backoff m_backoff;
    int m_timeoutMs = DefaultTimeoutMs;
    State m_state = State::Disconnected;
    ServerAddress m_address;
    QString m_nick;
    QString m_password;
    QString m_accountPassword;
    // Labels of account commands under way: the password the account has once it succeeds.
    QHash<QString, QString> m_accountLabels;
    bool m_tls = false;
    JoinedRooms m_rooms;
    QString m_shownTopic; // what the single-room properties last said
    QStringList m_shownUsers;
    qsizetype m_shownUserCount = 0;
    QString m_serverName;
    QString m_loginLabel;
    QString m_adminLabel; // our own who listing, which says whether we are an administrator
    bool m_administrator = false;
    // After a loss: the rooms we were in (a resume gives each a position; logging in anew goes
    // back into each), and the one that was current.
    QStringList m_rejoinRooms;
    QString m_rejoinCurrent;
    QSet<QString> m_rejoinPending; // keys of rooms whose join is under way after a new login
    QSet<QString> m_rejoinLabels;
    QString m_resumeToken; // from the server's login reply; empty: it offers none
    bool m_resumed = false;
    QHash<QString, quint64> m_lastSeq; // by room key: the last line seen
    quint64 m_lastPrivateId = 0;
    QSet<QString> m_gapRooms;    // keys: after logging in anew, rooms whose missed lines were asked
    QSet<QString> m_olderLabels; // labels of requestOlder()
    QSet<QString> m_maskLabels;  // labels of askMasks(), until the list is whole
    QSet<QString> m_addMaskLabels; // labels of addMask(), until answered
    // A history batch is gathered until its end, so that its new lines come after the signal
    // that announces them.
    std::optional<Event> m_historyStart;
    QList<Event> m_historyLines;
    // A listing is gathered until its end, so that a long list arrives as one.
    std::optional<Event> m_listing; // its start
    RoomInfoList m_listedRooms;
    PersonInfoList m_listedPeople;
    ErrorCode m_loginError = ErrorCode::None;
    QString m_loginErrorSubject;
    quint64 m_lastLabel = 0;
    QHash<QString, QString> m_enterLabels; // label of a join or create: the room it enters
    bool m_loggingOut = false;
    Failure m_byeReason = Failure::None;
};
