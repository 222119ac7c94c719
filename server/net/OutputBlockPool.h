// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// The blocks output buffers are made of, kept for reuse. A busy pass gives every member of a
// room a block and the flush at the next pass gives them back; taking them from here instead
// of malloc means the next pass finds them again, with no free, trim and regrow per pass (that
// cycle was a fifth of the server's CPU in W1). An idle connection holds no block. The pool is
// per thread: a connection lives in the thread that made it.
class OutputBlockPool
{
public:
    // Small blocks: when a whole room logs in at once, every member holds the start of a block
    // until the next pass, and what stays resident is about a block per member. With 16 KiB
    // or 4 KiB blocks W2 used 9.0 or 6.7 KiB per connection, with 2 KiB as much as sharing the
    // lines did (5.8, all on one loaded machine); a pass of W1 (about 5 KB per member) is then
    // three buffers for the kernel instead of eighty lines.
    static constexpr qsizetype BlockBytes = 2 * 1024;
    // Free blocks kept beyond this (32 MiB) go back to malloc: a line to ten thousand members
    // (W4) should not keep its blocks for ever, while W2's passes (2,000 members, a few blocks
    // each) find theirs again.
    static constexpr qsizetype KeptBlocks = 16384;

    static char *take();
    static void give(char *block);
    // Free blocks waiting in this thread's pool.
    static qsizetype keptCount();
};
