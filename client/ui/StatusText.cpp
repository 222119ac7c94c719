// SPDX-License-Identifier: MIT
#include "StatusText.h"

using namespace Qt::StringLiterals;

QString StatusText::failure(ChatConnection::Failure reason, const QString &nick,
                            const QString &address)
{
    using F = ChatConnection::Failure;
    switch (reason) {
    case F::None:
        return {};
    case F::ConnectionRefused:
        return tr("The server at %1 refused the connection. Is the chat server running, and "
                  "is the port right?")
            .arg(address);
    case F::HostNotFound:
        return tr("Cannot find the server %1. Check the spelling of the address.").arg(address);
    case F::Timeout:
        return tr("The server at %1 did not answer within %2 seconds.")
            .arg(address)
            .arg(ChatConnection::DefaultTimeoutMs / 1000);
    case F::NickInUse:
        return tr("Someone is already using the nickname \"%1\". Please choose another one.")
            .arg(nick);
    case F::BadNick:
        return tr("The nickname \"%1\" is not allowed. Use up to 24 letters, digits, \"_\" or "
                  "\"-\", starting with a letter, a digit or \"_\".")
            .arg(nick);
    case F::LoginRefused:
        return tr("The server did not let you log in.");
    case F::ServerClosed:
        return tr("The server closed the connection.");
    case F::ServerShutdown:
        return tr("The server is shutting down.");
    case F::NetworkError:
        return tr("The network connection to %1 failed.").arg(address);
    }
    return {};
}

QString StatusText::state(const ChatConnection &connection)
{
    const QString address = connection.address().toString();
    using S = ChatConnection::State;
    switch (connection.state()) {
    case S::Disconnected:
        return tr("Not connected");
    case S::Connecting:
        return tr("Connecting to %1…").arg(address);
    case S::LoggedIn:
        return tr("Connected to %1 as %2").arg(address, connection.nick());
    case S::WaitingToReconnect:
        return tr("Connection lost; waiting to reconnect to %1").arg(address);
    case S::Reconnecting:
        return tr("Reconnecting to %1…").arg(address);
    }
    return {};
}

QString StatusText::commandError(ErrorCode code, const QString &subject)
{
    const char *source = Event::errorTemplate(code, subject);
    if (!source)
        return tr("The server reported error %1.").arg(int(code));
    return Event::fillErrorTemplate(QCoreApplication::translate("Event", source), code, subject);
}
