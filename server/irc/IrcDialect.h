// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "IrcMessage.h"
#include "IrcRendering.h"
#include "irc/IrcRegistration.h"

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
    IrcDialect(QString serverName, bool serverPassword);

    struct Input
    {
        QByteArray replies;          // answered here (registration, PING, malformed lines)
        QStringList commands;        // chat lines to run, in order
        bool optionsChanged = false; // CAP changed what the rendering shows
        bool quit = false;
    };
    // One line from the client (without CR LF); me is the nickname once logged in, rooms the
    // rooms the person is in (JOIN 0 leaves them all).
    Input handle(QByteArrayView line, const QString &me, const QStringList &rooms = {});

    struct Reaction
    {
        bool replace = false; // send bytes instead of the event's usual rendering
        QByteArray bytes;
        QString command; // a chat line to run next, or empty
    };
    // What an event sent to this connection (its person: me) means to IRC beyond its rendering.
    Reaction react(const Event &event, const QString &me);

    // How this connection's events are rendered (its capabilities).
    IrcRendering::Options options() const;

    // The capabilities offered to IRC clients.
    static QList<IrcCapabilities::Offer> offers();

private:
    Input handleRegistered(const IrcMessage &message, const QString &me, const QStringList &rooms);
    void say(Input &input, const IrcMessage &message, const QString &me);
    QByteArray welcome(const QString &nick) const;
    QByteArray reply(int numeric, const QString &me, QStringList params) const;

    QString m_serverName;
    bool m_serverPassword;
    IrcRegistration m_registration;
    bool m_loginSent = false;
    bool m_loggedIn = false;
};
