// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "IrcMessage.h"
#include "IrcRendering.h"
#include "irc/IrcLookups.h"
#include "irc/IrcRegistration.h"
#include "irc/IrcSasl.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// What an IRC client says, in the chat's own commands, and what only IRC needs in return (the
// welcome burst, nickname retries during registration). A Session that speaks IRC owns one;
// everything the commands mean is CommandProcessor's, as for any other client. Commands are
// chat lines labelled with the IRC verb that asked for them ("@JOIN join games"), so that
// IrcRendering answers a reply the way that verb expects (353 for NAMES, 352 for WHO) and
// nothing IRC-specific leaks into the chat model.
class IrcDialect
{
public:
    // serverName: IRC's server name (a host name); serverPassword: the server asks for one
    // (PASS is then that password, otherwise the account's).
    // serverInfo: the line shown beside the server's name (LINKS, WHOIS's 312).
    IrcDialect(QString serverName, QString serverInfo, bool serverPassword);

    struct Input
    {
        QByteArray replies;          // answered here (registration, PING, malformed lines)
        QStringList commands;        // chat lines to run, in order
        QString clientTags;          // the line's client-only tags, for each of commands
        bool optionsChanged = false; // CAP changed what the rendering shows
        bool quit = false;
        bool release = false; // registration ended after a SASL login: send what was held
    };
    // One line from the client (without CR LF); me is the nickname once logged in, rooms the
    // rooms the person is in (JOIN 0 leaves them all).
    Input handle(QByteArrayView line, const QString &me, const QStringList &rooms = {});

    struct Reaction
    {
        bool replace = false; // send bytes instead of the event's usual rendering
        QByteArray bytes;
        QString command; // a chat line to run next, or empty
        // Hold what follows until registration ends (Input::release): a SASL login came
        // before it, and the client may not see the welcome, its channels or anything else
        // before CAP END.
        bool holdAfter = false;
    };
    // What an event sent to this connection (its person: me) means to IRC beyond its rendering.
    Reaction react(const Event &event, const QString &me);

    // The label of line (IRCv3 labeled-response), or empty when its response carries none: the
    // tag is missing, empty or longer than MaxLabelBytes, the client did not turn on both
    // labeled-response and the batch it depends on, or it is still registering (what
    // registration answers is the registration's).
    QString label(QByteArrayView line) const;
    static constexpr qsizetype MaxLabelBytes = 64;

    // How this connection's events are rendered (its capabilities).
    IrcRendering::Options options() const;
    // The client asks for history with CHATHISTORY (IRCv3 draft/chathistory): entering a
    // channel shows none by itself.
    bool fetchesHistory() const;

    // What the client said of itself at registration (IrcRegistration::userName()).
    const QString &userName() const { return m_registration.userName(); }
    const QString &realName() const { return m_registration.realName(); }

    // The capabilities offered to IRC clients.
    static QList<IrcCapabilities::Offer> offers();

private:
    Input handleRegistered(const IrcMessage &message, const QString &me, const QStringList &rooms);
    void authenticate(Input &input, const IrcMessage &message);
    Reaction saslResult(const Event &event);
    QString loginCommand() const;
    QString askedNickCommand() const;
    void say(Input &input, const IrcMessage &message, const QString &me);
    static QString clientTags(const IrcMessage &message);
    void tagMessage(Input &input, const IrcMessage &message, const QString &me);
    void lookUp(Input &input, const QString &verb, const QString &me, const QStringList &nicks);
    QByteArray welcome(const QString &nick) const;
    QByteArray motd(const QString &nick) const;
    QByteArray reply(int numeric, const QString &me, QStringList params) const;

    QString m_serverName;
    QString m_serverInfo;
    bool m_serverPassword;
    IrcRegistration m_registration;
    IrcSasl m_sasl;
    bool m_loginSent = false;
    bool m_loggedIn = false;
    bool m_saslPending = false; // its login was asked for, not answered yet
    bool m_saslLoggedIn = false;
    bool m_holding = false; // logged in by SASL, registration not over yet
    QString m_nick;         // as the chat logged the client in
    IrcLookups m_lookups;
};
