// SPDX-License-Identifier: MIT
#include "IrcDialect.h"

std::string IrcDialect::login(std::string_view nick) const
{
    const std::string n(nick);
    return "NICK " + n + "\r\nUSER " + n + " 0 * :bench\r\n";
}

std::string IrcDialect::join(std::string_view room) const
{
    return "JOIN #" + std::string(room) + "\r\n";
}

std::string IrcDialect::say(std::string_view room, std::string_view text) const
{
    return "PRIVMSG #" + std::string(room) + " :" + std::string(text) + "\r\n";
}

std::string IrcDialect::pong(std::string_view token) const
{
    return "PONG :" + std::string(token) + "\r\n";
}

Dialect::Line IrcDialect::parse(std::string_view line) const
{
    std::string_view rest = line;
    if (rest.starts_with(':')) {
        const size_t space = rest.find(' ');
        if (space == std::string_view::npos)
            return {};
        rest.remove_prefix(space + 1);
    }
    const size_t space = rest.find(' ');
    const std::string_view command = rest.substr(0, space);
    const std::string_view params =
        space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    auto trailing = [&] {
        const size_t colon = params.find(':');
        return colon == std::string_view::npos ? params : params.substr(colon + 1);
    };
    if (command == "PRIVMSG") {
        const size_t lastSpace = params.rfind(' ');
        std::string_view text =
            params.substr(lastSpace == std::string_view::npos ? 0 : lastSpace + 1);
        if (text.starts_with(':'))
            text.remove_prefix(1);
        return {LineKind::Message, text};
    }
    if (command == "001")
        return {LineKind::LoggedIn, {}};
    if (command == "366")
        return {LineKind::Joined, {}};
    if (command == "PING")
        return {LineKind::Ping, trailing()};
    if (command == "ERROR" || (command.size() == 3 && (command[0] == '4' || command[0] == '5')))
        return {LineKind::Error, line};
    return {};
}
