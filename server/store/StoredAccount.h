// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

// A registered nickname as the store keeps it: who may use the name is whoever knows the
// password behind passwordHash.
struct StoredAccount
{
    QString name; // as shown
    QString key;  // NameRules::key(name): unique; the store computes it
    // An encoded Argon2id hash (security/AccountHasher), never the password.
    QString passwordHash;
    QDateTime created;

    bool operator==(const StoredAccount &) const = default;
};
