// SPDX-License-Identifier: MIT
#include "Dialect.h"

#include "ChatDialect.h"
#include "IrcDialect.h"

#include <charconv>

std::unique_ptr<Dialect> Dialect::create(bool irc)
{
    if (irc)
        return std::make_unique<IrcDialect>();
    return std::make_unique<ChatDialect>();
}

std::string Dialect::payloadText(const Payload &payload)
{
    return "b." + std::to_string(payload.sender) + '.' + std::to_string(payload.sequence) + '.' +
           std::to_string(payload.sentNs);
}

bool Dialect::parsePayload(std::string_view text, Payload &payload)
{
    if (!text.starts_with("b."))
        return false;
    const char *p = text.data() + 2;
    const char *end = text.data() + text.size();
    auto field = [&](auto &value, bool last) {
        const auto [next, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || (last ? next != end : (next == end || *next != '.')))
            return false;
        p = next + 1;
        return true;
    };
    return field(payload.sender, false) && field(payload.sequence, false) &&
           field(payload.sentNs, true);
}
