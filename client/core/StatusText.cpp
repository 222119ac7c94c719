// SPDX-License-Identifier: MIT
#include "StatusText.h"

#include "CertificateGuard.h"

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
    case F::ConnectionLost:
        return tr("The connection to %1 was lost.").arg(address);
    case F::NetworkError:
        return tr("The network connection to %1 failed.").arg(address);
    case F::CertificateUnknown:
        return tr("No certificate authority vouches for the certificate of %1. Not connected.")
            .arg(address);
    case F::CertificateChanged:
        return tr("The server's certificate has changed since you trusted it for %1. This could "
                  "be an attack: someone may be pretending to be the server. If the server's "
                  "owner changed it, remove the remembered certificate and log in again.")
            .arg(address);
    case F::TlsError:
        return tr("The secure connection to %1 failed. Does the server use TLS on this port?")
            .arg(address);
    case F::WrongPassword:
        return tr("Wrong server password.");
    case F::PasswordRequired:
        return tr("This server needs a password.");
    case F::NickRegistered:
        return tr("The nickname \"%1\" is registered. If it is yours, enter its password and log "
                  "in again; otherwise, please choose another nickname.")
            .arg(nick);
    case F::AccountPasswordWrong:
        return tr("Wrong password for \"%1\". Check it and try again. After wrong passwords "
                  "the server waits longer before answering (up to half a minute), to stop "
                  "guessing.")
            .arg(nick);
    case F::TooManyPasswords:
        return tr("Too many wrong passwords: the server closed the connection. Wait a moment "
                  "before trying again; each wrong password makes the server answer more slowly.");
    case F::NickNotRegistered:
        return tr("Nobody has registered the nickname \"%1\": leave the password empty to log "
                  "in with it. Once in, Account → Register this name… keeps it yours.")
            .arg(nick);
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
        if (connection.isEncrypted())
            return tr("🔒 TLS: connected securely to %1 as %2").arg(address, connection.nick());
        return tr("Connected to %1 as %2").arg(address, connection.nick());
    case S::WaitingToReconnect:
        return tr("Connection lost; waiting to reconnect to %1").arg(address);
    case S::Reconnecting:
        return tr("Reconnecting to %1…").arg(address);
    }
    return {};
}

QString StatusText::tlsErrors(const QList<QSslError> &errors)
{
    QStringList sentences;
    for (const QSslError &error : errors) {
        if (CertificateGuard::isUnvouched(error)) {
            sentences << tr("No certificate authority vouches for the server's certificate.");
            continue;
        }
        switch (error.error()) {
        case QSslError::CertificateExpired:
            sentences << tr("The server's certificate has expired.");
            break;
        case QSslError::CertificateNotYetValid:
            sentences << tr("The server's certificate is not valid yet (check this computer's "
                            "clock).");
            break;
        case QSslError::HostNameMismatch:
            sentences << tr("The server's certificate is for another host name.");
            break;
        case QSslError::CertificateRevoked:
            sentences << tr("The server's certificate has been revoked.");
            break;
        default:
            // Qt's own description, in English: rare errors are not worth a translation each.
            sentences << error.errorString();
            break;
        }
    }
    sentences.removeDuplicates();
    return sentences.join(u' ');
}

QString StatusText::commandError(ErrorCode code, const QString &command, const QString &subject)
{
    switch (int(code)) {
    case int(ErrorCode::CannotSendToRoom):
        return tr("You may not speak in %1: you are muted there (until an operator unmutes you "
                  "or the time is up), or the room is moderated and nobody gave you a voice. You "
                  "may still read.")
            .arg(subject);
    case int(Banned):
        return tr("You are banned from %1: its operators keep you out of it.").arg(subject);
    case int(InviteOnly):
        return tr("%1 is open only to people its operators invite.").arg(subject);
    case int(RegisteredOnly):
        return tr("%1 is only for registered nicknames: register yours (Account → Register this "
                  "name…) to enter it.")
            .arg(subject);
    case int(ErrorCode::NotRoomOperator):
        return tr("You may not do that in %1: it takes the room's operators (or its owner), and "
                  "nobody acts on someone who stands as high as they do.")
            .arg(subject);
    case int(ErrorCode::NotInThatRoom):
        return tr("%1 is not in the room.").arg(subject);
    case int(ErrorCode::NotRegistered):
        return tr("Your nickname is not registered.");
    case int(ErrorCode::BadPassword):
        return tr("A password must be one word (no spaces) of at least %1 characters.")
            .arg(subject.toInt() > 0 ? subject.toInt() : 8);
    case int(ErrorCode::AccountPasswordWrong):
        return tr("Wrong password. After wrong passwords the server waits longer before "
                  "answering; too many close the connection.");
    case int(ErrorCode::AlreadyRegistered):
        return tr("The nickname %1 is already registered.").arg(subject);
    default:
        break;
    }
    const char *source = Event::errorTemplate(code, command, subject);
    if (!source)
        return tr("The server reported error %1.").arg(int(code));
    return Event::fillErrorTemplate(QCoreApplication::translate("Event", source), code, subject);
}
