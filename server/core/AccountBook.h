// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredAccount.h"

#include <QHash>
#include <QList>

// The registered nicknames, in memory: the store hands them over at start and every change is
// written through it (AccountCommands), so that a lookup never waits for a disk. Names are
// found by NameRules::key() and by their confusable skeleton (Lookalikes), as Directory finds
// the names in use: a registered name protects its look-alikes too.
class AccountBook
{
public:
    explicit AccountBook(const QList<StoredAccount> &accounts = {});

    // The account of this very name (same key), or null.
    const StoredAccount *find(const QString &name) const;
    // The account whose name is name or looks like it (same skeleton), or null.
    const StoredAccount *like(const QString &name) const;
    qsizetype size() const { return m_accounts.size(); }

    // Adds or replaces (same key) an account; key is computed from the name.
    void put(StoredAccount account);
    void remove(const QString &key);

private:
    QHash<QString, StoredAccount> m_accounts; // by key
    QHash<QString, QString> m_skeletons;      // skeleton -> key
};
