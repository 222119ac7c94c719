// SPDX-License-Identifier: MIT
#include "ChatDialect.h"

namespace {

// The n-th space-separated word of line (0-based), or an empty view.
std::string_view word(std::string_view line, int n)
{
    size_t start = 0;
    for (; n > 0; --n) {
        start = line.find(' ', start);
        if (start == std::string_view::npos)
            return {};
        ++start;
    }
    const size_t end = line.find(' ', start);
    return line.substr(start, end == std::string_view::npos ? line.size() - start : end - start);
}

std::string_view lastWord(std::string_view line)
{
    const size_t space = line.rfind(' ');
    return space == std::string_view::npos ? line : line.substr(space + 1);
}

} // namespace

std::string ChatDialect::login(std::string_view nick) const
{
    // One room at a time, as the workloads are written: joining a room leaves the hall.
    return "set tagged on\r\nset rooms one\r\n@l login " + std::string(nick) + "\r\n";
}

std::string ChatDialect::create(std::string_view room) const
{
    return "@j create " + std::string(room) + "\r\n";
}

std::string ChatDialect::join(std::string_view room) const
{
    return "@j join " + std::string(room) + "\r\n";
}

std::string ChatDialect::say(std::string_view, std::string_view text) const
{
    return "say " + std::string(text) + "\r\n";
}

std::string ChatDialect::pong(std::string_view token) const
{
    return "pong " + std::string(token) + "\r\n";
}

Dialect::Line ChatDialect::parse(std::string_view line) const
{
    // Most lines are messages, so that test comes first and reads only the kind and the text.
    if (line.starts_with("message "))
        return {LineKind::Message, lastWord(line)};
    if (line.starts_with("ok ") && word(line, 2) == "l" && word(line, 3) == "login")
        return {LineKind::LoggedIn, {}};
    if (line.starts_with("users ") && word(line, 2) == "j")
        return {LineKind::Joined, {}};
    if (line.starts_with("error "))
        return {LineKind::Error, line};
    if (line.starts_with("ping "))
        return {LineKind::Ping, lastWord(line)};
    return {};
}
