// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QLatin1StringView>
#include <optional>

// Which of a room's three lists of masks (a nickname, account:<name>, an address or a subnet)
// is meant: its bans; the masks it lets in without an invitation while it is invite-only
// (IRC's +I); and those its bans do not keep out (IRC's +e; an invitation, the key and the
// limit still hold for them). Not named MaskList: that is the server's list itself, and the
// client's tests see both.
enum class MaskListKind { Bans, Allowed, Exempted };

// Each list's words in the chat, from one table: the command that shows the list, and those
// that add a mask to it and take one off (also the acts of the room's lines about a change).
namespace MaskLists {

inline constexpr MaskListKind All[] = {MaskListKind::Bans, MaskListKind::Allowed,
                                       MaskListKind::Exempted};

QLatin1StringView listCommand(MaskListKind list);
QLatin1StringView addCommand(MaskListKind list);
QLatin1StringView removeCommand(MaskListKind list);
// The list a command or act is about (any of its three words), if any.
std::optional<MaskListKind> ofWord(QStringView word);
// The list an answer of this kind is a piece of, if any.
std::optional<MaskListKind> ofAnswer(Event::Kind kind);

} // namespace MaskLists
