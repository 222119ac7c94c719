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
    static constexpr qsizetype BlockBytes = 16 * 1024;
    // Free blocks kept beyond this go back to malloc: a burst to ten thousand members
    // (W4) should not keep 160 MiB for ever.
    static constexpr qsizetype KeptBlocks = 4096;

    static char *take();
    static void give(char *block);
    // Free blocks waiting in this thread's pool.
    static qsizetype keptCount();
};
