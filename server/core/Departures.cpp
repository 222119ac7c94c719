// SPDX-License-Identifier: MIT
#include "core/Departures.h"

#include "NameRules.h"
#include "core/User.h"

#include <algorithm>

void Departures::setLimits(qsizetype size, qsizetype perNick)
{
    m_size = size;
    m_perNick = perNick;
    trim();
}

void Departures::record(const User &user, const QString &why, const QDateTime &left,
                        const QString &newNick)
{
    if (m_size < 1 || m_perNick < 1)
        return;
    const QString key = NameRules::key(user.nick());
    // The oldest of the name goes first when it has its share, so that one name that comes
    // and goes all day does not push everyone else out.
    qsizetype ofName = 0;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->key == key && ++ofName == m_perNick) {
            m_entries.erase(std::next(it).base());
            break;
        }
    }
    m_entries.push_back(
        {key, {user.nick(), user.account(), user.userName(), user.realName(), left, why, newNick}});
    trim();
}

QList<Departures::Entry> Departures::of(const QString &nick, qsizetype count) const
{
    const QString key = NameRules::key(nick);
    // More than perNick of a name may be kept from before a reload lowered it.
    const qsizetype most = count < 1 ? m_perNick : std::min(count, m_perNick);
    QList<Entry> found;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->key != key)
            continue;
        found << it->entry;
        if (found.size() == most)
            break;
    }
    return found;
}

void Departures::trim()
{
    if (m_perNick < 1)
        m_entries.clear();
    while (qsizetype(m_entries.size()) > m_size)
        m_entries.pop_front();
}
