// SPDX-License-Identifier: MIT
#include "app/SessionRoster.h"

#include "session/Session.h"

#include <QChildEvent>

#include <utility>

SessionRoster::SessionRoster(Departed departed, QObject *parent)
    : QObject(parent)
    , m_departed(std::move(departed))
{
}

void SessionRoster::adopt(Session *session, const QHostAddress &peer, bool tls)
{
    m_admissions.insert(session, {peer, tls});
    session->setParent(this);
}

void SessionRoster::childEvent(QChildEvent *event)
{
    // Sent from the child's QObject destructor: only its address is left to go by.
    if (event->removed()) {
        const auto it = m_admissions.constFind(event->child());
        if (it != m_admissions.cend()) {
            const Admission admission = *it;
            m_admissions.erase(it);
            m_departed(admission.peer, admission.tls);
        }
    }
    QObject::childEvent(event);
}
