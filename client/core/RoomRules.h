// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// A room's rules as the client knows them: the words of the server's `rules` event
// ("invite-only", "limit=20", "key=beer") and of its `moderation … rule` lines, and the `rule`
// command that turns one set of rules into another. Rule words the client does not know are
// ignored, so that a newer server's rules do not break an older client.
struct RoomRules
{
    bool inviteOnly = false;
    bool topicLock = false;
    bool registeredOnly = false;
    bool moderated = false;
    bool outsideMessages = false; // people outside the room may say things in it
    bool secret = false;          // left out of the room list for those not in it
    int limit = 0;                // 0: no limit of people
    QString key;                  // empty: no key

    // From a rules event's list.
    static RoomRules parse(const QStringList &rulesOn);
    // A `moderation … rule` line changed rule to value ("on", "off", or a limit's or key's).
    void change(const QString &rule, const QString &value);
    // The one rule command that makes these rules wanted, for room (its changes in a fixed
    // order, made all together or not at all), or empty when nothing changes.
    QString commandTo(const RoomRules &wanted, const QString &room) const;
    bool operator==(const RoomRules &) const = default;
};
