// SPDX-License-Identifier: MIT
#pragma once

#include "net/OutputBlockPool.h"

#include <QByteArrayView>
#include <QVarLengthArray>

#include <cstring>

struct iovec;

// One connection's bytes on their way to the kernel: the lines of a pass copied one after
// the other into blocks from OutputBlockPool, so that a pass leaves in one send of a few
// buffers. Copying a short line costs less than keeping a reference to it: the kernel's cost
// is per buffer handed to it, not per byte. Blocks, not one growing array: a slow reader's
// backlog is never moved nor reallocated, only its sent blocks are given back.
class OutputBuffer
{
public:
    static constexpr qsizetype BlockBytes = OutputBlockPool::BlockBytes;

    OutputBuffer() = default;
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;
    ~OutputBuffer() { clear(); }

    // Copies bytes after what is buffered. Inline: it runs once per member and line of every
    // broadcast, and a line nearly always fits in the last block.
    void append(QByteArrayView bytes)
    {
        const qsizetype size = bytes.size();
        if (!m_blocks.isEmpty() && size <= BlockBytes - m_tail) {
            std::memcpy(m_blocks.last() + m_tail, bytes.data(), size_t(size));
            m_tail += size;
            m_size += size;
            return;
        }
        appendToNewBlocks(bytes);
    }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    qsizetype blockCount() const { return m_blocks.size(); }

    // Points up to max vectors at the buffered bytes, oldest first; returns how many.
    int gather(iovec *vectors, int max) const;
    // Forgets the first bytes (the kernel took them) and gives back the blocks they emptied.
    void consume(qsizetype bytes);
    void clear();

private:
    void appendToNewBlocks(QByteArrayView bytes);

    QVarLengthArray<char *, 4> m_blocks;
    qsizetype m_head = 0; // where the unsent bytes start in the first block
    qsizetype m_tail = 0; // bytes used in the last block
    qsizetype m_size = 0;
};
