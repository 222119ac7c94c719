// SPDX-License-Identifier: MIT
#include "commands/AccountCommands.h"

#include "cluster/ClusterEvent.h"

#include "NameRules.h"
#include "Protocol.h"
#include "commands/ChatContext.h"
#include "config/ServerLog.h"
#include "core/Room.h"
#include "core/User.h"
#include "session/Session.h"
#include "store/Store.h"

#include <QPointer>

using namespace Qt::StringLiterals;

AccountCommands::AccountCommands(ChatContext &chat)
    : m_chat(chat)
{
}

void AccountCommands::logIn(Session *session, const Command &command, const QString &nick)
{
    // identify may follow, also after a wrong password given here.
    m_asked.insert(session, nick);
    if (command.arguments().size() < 2)
        return m_chat.fail(session, command, ErrorCode::NickRegistered, nick);
    logInWith(session, command, nick, command.argument(1));
}

void AccountCommands::identify(Session *session, const Command &command)
{
    const QString nick = m_asked.value(session);
    if (nick.isEmpty())
        return m_chat.fail(session, command, ErrorCode::NotRegistered);
    if (!m_chat.accounts().find(nick))
        return m_chat.fail(session, command, ErrorCode::NotRegistered, nick);
    logInWith(session, command, nick, command.argument(0));
}

void AccountCommands::logInWith(Session *session, const Command &command, const QString &nick,
                                const QString &password)
{
    const QString key = NameRules::key(nick);
    check(session, command, key, password, [this, session, command, nick, key] {
        if (session->state() != Session::State::LoggingIn)
            return;
        // The owner may have come in on another connection meanwhile: resume is the way to
        // take over a person, not a second login.
        if (const User *holder = m_chat.directory().holderOf(nick))
            return m_chat.fail(session, command, ErrorCode::NickInUse, holder->nick());
        m_chat.names().claim(session, nick, [this, session, command, nick, key](ErrorCode refusal) {
            if (session->state() != Session::State::LoggingIn)
                return;
            // On another node: resume is the way to take over a person there too.
            if (refusal != ErrorCode::None)
                return m_chat.fail(session, command, refusal,
                                   refusal == ErrorCode::NickInUse ? nick : QString());
            if (const User *holder = m_chat.directory().holderOf(nick))
                return m_chat.fail(session, command, ErrorCode::NickInUse, holder->nick());
            m_asked.remove(session);
            m_chat.logIn(session, nick, key, command.label());
        });
    });
}

void AccountCommands::registerNick(Session *session, const Command &command)
{
    User *user = session->user();
    const QString password = command.argument(0);
    if (!acceptable(session, command, password))
        return;
    if (!user->account().isEmpty()) {
        const StoredAccount *own = m_chat.accounts().find(user->account());
        return m_chat.fail(session, command, ErrorCode::AlreadyRegistered,
                           own ? own->name : user->nick());
    }
    const QString nick = user->nick();
    const QString key = NameRules::key(nick);
    if (const StoredAccount *taken = m_chat.accounts().like(nick))
        return m_chat.fail(session, command, ErrorCode::AlreadyRegistered, taken->name);
    if (m_registering.contains(key))
        return m_chat.fail(session, command, ErrorCode::AlreadyRegistered, nick);

    m_registering.insert(key);
    session->pauseInput();
    const QPointer<Session> alive(session);
    const QPointer<User> person(user);
    m_chat.hasher().hash(
        password, &m_chat, [this, alive, person, command, nick, key](QString encoded) {
            if (encoded.isEmpty()) {
                m_registering.remove(key);
                if (alive)
                    alive->resumeInput();
                return m_chat.failToStore(alive, command, u"hashing a password failed"_s);
            }
            StoredAccount account;
            account.name = nick;
            account.key = key;
            account.passwordHash = encoded;
            account.created = QDateTime::currentDateTimeUtc();
            m_chat.log().store().saveAccount(
                account, [this, alive, person, command, account](const QString &error) {
                    m_registering.remove(account.key);
                    if (alive)
                        alive->resumeInput();
                    if (!error.isEmpty())
                        return m_chat.failToStore(alive, command, error);
                    m_chat.accounts().put(account);
                    m_chat.tellCluster(ClusterEvent::accountSaved(account, false));
                    if (person)
                        person->setAccount(account.key);
                    qCInfo(lcServer, "%s registered", qUtf8Printable(account.name));
                    if (alive && alive->state() == Session::State::LoggedIn)
                        alive->send(Event::ok(u"register"_s, {account.name}), command.label());
                });
        });
}

void AccountCommands::password(Session *session, const Command &command)
{
    const QStringList arguments = command.arguments();
    if (arguments.size() != 2)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    const QString key = session->user()->account();
    if (key.isEmpty())
        return m_chat.fail(session, command, ErrorCode::NotRegistered, session->user()->nick());
    const QString newPassword = arguments[1];
    if (!acceptable(session, command, newPassword))
        return;
    check(session, command, key, arguments[0], [this, session, command, key, newPassword] {
        session->pauseInput();
        const QPointer<Session> alive(session);
        m_chat.hasher().hash(newPassword, &m_chat, [this, alive, command, key](QString encoded) {
            const StoredAccount *current = m_chat.accounts().find(key);
            if (encoded.isEmpty() || !current) {
                if (alive)
                    alive->resumeInput();
                return m_chat.failToStore(alive, command,
                                          u"the account changed or hashing failed"_s);
            }
            StoredAccount changed = *current;
            changed.passwordHash = encoded;
            m_chat.log().store().saveAccount(
                changed, [this, alive, command, changed](const QString &error) {
                    if (alive)
                        alive->resumeInput();
                    if (!error.isEmpty())
                        return m_chat.failToStore(alive, command, error);
                    m_chat.accounts().put(changed);
                    m_chat.tellCluster(ClusterEvent::accountSaved(changed, false));
                    qCInfo(lcServer, "%s changed their password", qUtf8Printable(changed.name));
                    if (alive && alive->state() == Session::State::LoggedIn)
                        alive->send(Event::ok(u"password"_s, {}), command.label());
                });
        });
    });
}

void AccountCommands::unregister(Session *session, const Command &command)
{
    const QString key = session->user()->account();
    if (key.isEmpty())
        return m_chat.fail(session, command, ErrorCode::NotRegistered, session->user()->nick());
    check(session, command, key, command.argument(0), [this, session, command, key] {
        session->pauseInput();
        const QPointer<Session> alive(session);
        m_chat.log().store().deleteAccount(key, [this, alive, command, key](const QString &error) {
            if (alive)
                alive->resumeInput();
            if (!error.isEmpty())
                return m_chat.failToStore(alive, command, error);
            const StoredAccount *gone = m_chat.accounts().find(key);
            const QString name = gone ? gone->name : key;
            m_chat.forgetAccount(key);
            StoredAccount removed;
            removed.key = key;
            m_chat.tellCluster(ClusterEvent::accountSaved(removed, true));
            qCInfo(lcServer, "%s is no longer registered", qUtf8Printable(name));
            if (alive && alive->state() == Session::State::LoggedIn)
                alive->send(Event::ok(u"unregister"_s, {name}), command.label());
        });
    });
}

void AccountCommands::check(Session *session, const Command &command, const QString &key,
                            const QString &password, std::function<void()> accepted)
{
    session->pauseInput();
    m_chat.accountGate().check(
        session, key,
        [this, key] {
            const StoredAccount *account = m_chat.accounts().find(key);
            return account ? account->passwordHash : QString();
        },
        password,
        [this, session, command, key,
         accepted = std::move(accepted)](AccountGate::Verdict verdict) {
            if (session->state() == Session::State::Gone)
                return;
            // Before accepted(), which may pause the input again for its own wait.
            session->resumeInput();
            if (verdict == AccountGate::Verdict::Accepted)
                return accepted();
            // The address, never the password.
            qCInfo(lcServer, "#%llu (%s) gave a wrong password for an account", session->number(),
                   qUtf8Printable(session->peer()));
            const StoredAccount *account = m_chat.accounts().find(key);
            m_chat.fail(session, command, ErrorCode::AccountPasswordWrong,
                        account ? account->name : key);
            if (verdict == AccountGate::Verdict::TooManyWrong)
                session->closeWithBye(u"password"_s);
        });
}

void AccountCommands::oper(Session *session, const Command &command)
{
    if (command.arguments().size() < 2)
        return m_chat.fail(session, command, ErrorCode::NeedMoreParams,
                           QString::fromLatin1(command.spec().usage));
    const QString key = NameRules::key(command.argument(0));
    // The password first: whether a name is an administrator's is told only to its owner.
    check(session, command, key, command.argument(1), [this, session, command, key] {
        if (session->state() != Session::State::LoggedIn)
            return;
        if (!m_chat.administrators().contains(key))
            return m_chat.fail(session, command, ErrorCode::NoPrivileges, command.word());
        User *user = session->user();
        user->setOperAccount(key);
        const StoredAccount *account = m_chat.accounts().find(key);
        qCInfo(lcServer, "%s acts as the administrator %s", qUtf8Printable(user->nick()),
               qUtf8Printable(account ? account->name : key));
        session->send(Event::ok(command.word(), {account ? account->name : key}), command.label());
    });
}

bool AccountCommands::acceptable(Session *session, const Command &command, const QString &password)
{
    const qsizetype length = password.toUcs4().size();
    const int shortest = m_chat.config().passwordMinLength;
    if (length >= shortest && length <= Protocol::PasswordMaxLength && !password.contains(u' '))
        return true;
    m_chat.fail(session, command, ErrorCode::BadPassword, QString::number(shortest));
    return false;
}
