// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredMessage.h"

#include <QByteArray>
#include <QString>

#include <optional>

// What one node tells the others through the engine: a room's line, committed (every node
// shows it to its own members of the room), or a mark, "the room's lines reach seq" (a node
// that was cut off from the engine while it committed lines sends one per room on its return,
// so the others fetch what they missed from the store).
//
// On the wire: a CBOR map with small integer keys, so that a line costs a few bytes more than
// its text. decode() trusts nothing: a payload that is not exactly this shape is refused (the
// engine carries what any client of it published).
struct ClusterLine
{
    bool mark = false;
    StoredMessage message; // a mark: roomId and seq only
    QString account;       // the sender's account key, for IRC's account tag; may be empty
    QByteArray origin;     // the lease owner that published it ("<node>:<epoch>")

    QByteArray encode() const;
    static std::optional<ClusterLine> decode(const QByteArray &payload);

    bool operator==(const ClusterLine &) const = default;
};
