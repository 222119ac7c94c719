// SPDX-License-Identifier: MIT
#include "commands/NameGate.h"

#include "NameRules.h"
#include "cluster/NameClaims.h"
#include "config/ServerLog.h"
#include "core/Directory.h"
#include "core/User.h"
#include "session/Session.h"

NameGate::NameGate(const Directory &directory)
    : m_directory(directory)
{
}

void NameGate::setClaims(NameClaims *claims)
{
    m_claims = claims;
}

void NameGate::claim(Session *session, const QString &nick, Claimed claimed)
{
    if (!m_claims)
        return claimed(ErrorCode::None);
    session->pauseInput();
    const QString key = NameRules::key(nick);
    m_claims->claim(key, [this, alive = QPointer<Session>(session), nick, key,
                          claimed = std::move(claimed)](bool ok, const QString &error) {
        if (!alive || alive->state() == Session::State::Gone) {
            // Nobody here took it after all.
            if (ok && !m_directory.holderOf(nick))
                release(nick);
            return;
        }
        alive->resumeInput();
        if (!error.isEmpty()) {
            qCWarning(lcServer, "cluster: cannot claim the name %s: %s", qUtf8Printable(nick),
                      qUtf8Printable(error));
            return claimed(ErrorCode::Unavailable);
        }
        claimed(ok ? ErrorCode::None : ErrorCode::NickInUse);
    });
}

void NameGate::release(const QString &nick)
{
    if (m_claims)
        m_claims->release(NameRules::key(nick));
}

void NameGate::handOver(const QString &nick, const QByteArray &owner)
{
    if (m_claims)
        m_claims->handOver(NameRules::key(nick), owner);
}

void NameGate::reclaim(const QList<User *> &people, std::function<void(User *)> lost)
{
    if (!m_claims)
        return;
    for (User *user : people) {
        m_claims->claim(NameRules::key(user->nick()),
                        [person = QPointer<User>(user), lost](bool claimed, const QString &error) {
                            if (person && !claimed && error.isEmpty())
                                lost(person);
                        });
    }
}
