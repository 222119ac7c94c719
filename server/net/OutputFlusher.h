// SPDX-License-Identifier: MIT
#pragma once

class PlainConnection;

// Sends the plain connections' queued output once per event-loop pass. Everything queued while
// a pass handles its events (a room's broadcast reaches every member's queue) leaves in one
// system call per connection at the start of the next pass, from one posted call for all of
// them, instead of one write notifier round trip per socket. The list is per thread: a
// connection lives and flushes in the thread that made it.
class OutputFlusher
{
public:
    // Flushes connection at the next pass; once per pass, which the connection keeps track of.
    static void schedule(PlainConnection *connection);
    // Forgets a scheduled connection that is going away.
    static void cancel(PlainConnection *connection);

private:
    static void flushAll();
};
