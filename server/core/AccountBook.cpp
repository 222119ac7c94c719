// SPDX-License-Identifier: MIT
#include "core/AccountBook.h"

#include "NameRules.h"
#include "security/Lookalikes.h"

AccountBook::AccountBook(const QList<StoredAccount> &accounts)
{
    for (const StoredAccount &account : accounts)
        put(account);
}

const StoredAccount *AccountBook::find(const QString &name) const
{
    const auto it = m_accounts.constFind(NameRules::key(name));
    return it == m_accounts.cend() ? nullptr : &*it;
}

const StoredAccount *AccountBook::like(const QString &name) const
{
    if (const StoredAccount *same = find(name))
        return same;
    const auto key = m_skeletons.constFind(Lookalikes::skeleton(name));
    if (key == m_skeletons.cend())
        return nullptr;
    const auto it = m_accounts.constFind(*key);
    return it == m_accounts.cend() ? nullptr : &*it;
}

void AccountBook::put(StoredAccount account)
{
    account.key = NameRules::key(account.name);
    // Accounts stored before a name's look-alike was checked may share a skeleton: the first
    // keeps it.
    const QString skeleton = Lookalikes::skeleton(account.name);
    if (!m_skeletons.contains(skeleton))
        m_skeletons.insert(skeleton, account.key);
    m_accounts.insert(account.key, account);
}

void AccountBook::remove(const QString &key)
{
    const auto it = m_accounts.constFind(key);
    if (it == m_accounts.cend())
        return;
    const QString skeleton = Lookalikes::skeleton(it->name);
    if (m_skeletons.value(skeleton) == key)
        m_skeletons.remove(skeleton);
    m_accounts.erase(it);
}
