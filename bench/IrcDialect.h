// SPDX-License-Identifier: MIT
#pragma once

#include "Dialect.h"

// Just enough IRC (RFC 2812) to run the same workload: NICK/USER, JOIN, PRIVMSG, PING.
// Rooms are channels "#name"; a login is done at 001, a join at 366 (end of names).
class IrcDialect : public Dialect
{
public:
    std::string login(std::string_view nick) const override;
    std::string create(std::string_view room) const override { return join(room); }
    std::string join(std::string_view room) const override;
    std::string say(std::string_view room, std::string_view text) const override;
    std::string pong(std::string_view token) const override;
    Line parse(std::string_view line) const override;
    bool echoesToSender() const override { return false; }
    bool needsJoin(int) const override { return true; }
};
