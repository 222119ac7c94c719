// SPDX-License-Identifier: MIT
#pragma once

#include "Dialect.h"

// chat-server's line protocol with `set tagged on`: "kind time label fields...". Login and
// room commands carry labels ("l", "j") so that their replies are told apart from the join
// and users lines other people's arrivals cause.
class ChatDialect : public Dialect
{
public:
    std::string login(std::string_view nick) const override;
    std::string create(std::string_view room) const override;
    std::string join(std::string_view room) const override;
    std::string say(std::string_view room, std::string_view text) const override;
    std::string pong(std::string_view token) const override;
    Line parse(std::string_view line) const override;
    bool echoesToSender() const override { return true; }
    bool needsJoin(int rooms) const override { return rooms > 0; }
};
