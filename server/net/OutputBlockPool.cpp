// SPDX-License-Identifier: MIT
#include "net/OutputBlockPool.h"

#include <vector>

namespace {

struct FreeBlocks
{
    std::vector<char *> blocks;

    ~FreeBlocks()
    {
        for (char *block : blocks)
            delete[] block;
    }
};

thread_local FreeBlocks t_free;

} // namespace

char *OutputBlockPool::take()
{
    if (t_free.blocks.empty())
        return new char[BlockBytes];
    char *block = t_free.blocks.back();
    t_free.blocks.pop_back();
    return block;
}

void OutputBlockPool::give(char *block)
{
    if (qsizetype(t_free.blocks.size()) >= KeptBlocks) {
        delete[] block;
        return;
    }
    t_free.blocks.push_back(block);
}

qsizetype OutputBlockPool::keptCount()
{
    return qsizetype(t_free.blocks.size());
}
