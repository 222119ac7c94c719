// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

// The few commands and replies of one protocol that a benchmark needs. parse() runs once per
// received line, so it looks at as little of the line as it can.
class Dialect
{
public:
    enum class LineKind { Other, LoggedIn, Joined, Message, Ping, Error };

    struct Line
    {
        LineKind kind = LineKind::Other;
        std::string_view payload; // Message: the text; Ping: the token; Error: the line
    };

    // What a benchmark message carries, so the receiver can check and time it.
    struct Payload
    {
        uint32_t sender = 0;
        uint32_t sequence = 0;
        int64_t sentNs = 0;
    };

    virtual ~Dialect() = default;

    virtual std::string login(std::string_view nick) const = 0;
    virtual std::string create(std::string_view room) const = 0;
    virtual std::string join(std::string_view room) const = 0;
    virtual std::string say(std::string_view room, std::string_view text) const = 0;
    virtual std::string pong(std::string_view token) const = 0;
    virtual Line parse(std::string_view line) const = 0;
    // Whether the sender of a room message receives it too.
    virtual bool echoesToSender() const = 0;
    // Whether clients must join a room to reach the given room count (0: the login room).
    virtual bool needsJoin(int rooms) const = 0;

    static std::unique_ptr<Dialect> create(bool irc);

    // Text without spaces or escapes, so it arrives unchanged in either protocol.
    static std::string payloadText(const Payload &payload);
    static bool parsePayload(std::string_view text, Payload &payload);
};
