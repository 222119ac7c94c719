// SPDX-License-Identifier: MIT
#pragma once

#include <string>

// One benchmark connection. Plain data: LoadGenerator drives it.
struct Client
{
    enum class State { Waiting, Connecting, LoggingIn, LoggedIn, Joining, Ready, Closed };

    int fd = -1;
    int room = 0;
    int connectAttempts = 0;
    State state = State::Waiting;
    bool writeWatched = false; // EPOLLOUT is on because out has bytes the socket did not take
    std::string partial;       // an unfinished line from the last read
    std::string out;           // bytes still to write
};
