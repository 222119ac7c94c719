// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QStringList>

#include <functional>

class LineClient;

// Reading a tagged client's events until the one a test waits for, for tests where servers
// answer a moment later than asked (nodes of a cluster learn from each other through Redis).
// Every wait ends by itself: after ms at the latest.
namespace EventWaits {

constexpr int TimeoutMs = 30000;

// The room lines the client read, in the order it read them: "seq text".
QStringList roomLines(LineClient &client, int count);
// The answer to a command the client sent (its ok or its error), skipping other events; a
// rename's answer is the news of it, a join's or a new room's the join (into room, when one is
// named: someone else's arrival elsewhere is no answer).
Event answer(LineClient &client, const QString &command, const QString &room = {});
// Sends line until the answer to command is of kind wanted; false if it never is within ms.
// A join or a new room is answered by a join into the room line names.
bool sendUntil(LineClient &client, const QString &line, const QString &command, Event::Kind wanted,
               int ms = TimeoutMs);
// The next event the client reads that matches, skipping others; invalid if none comes.
Event waitFor(LineClient &client, const std::function<bool(const Event &)> &matches,
              int ms = TimeoutMs);
Event waitFor(LineClient &client, Event::Kind kind, const QString &nick, int ms = TimeoutMs);
// The member list (a users event) `look` answers for room (the hall when empty), labelled so
// that a list sent before (a join's) is not taken for it.
Event look(LineClient &client, const QString &room = {});
// The nicknames `look` lists in room, sorted, as the client's server knows them.
QStringList membersOf(LineClient &client, const QString &room);
// Asks until the client's server lists exactly nicks in room; false if it does not within ms.
bool listsSoon(LineClient &client, const QString &room, QStringList nicks, int ms = TimeoutMs);

} // namespace EventWaits
