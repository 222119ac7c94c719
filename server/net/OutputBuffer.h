// SPDX-License-Identifier: MIT
#pragma once

#include "net/OutputBlockPool.h"

#include <QByteArrayView>
#include <QVarLengthArray>

#include <cstring>

struct iovec;

// One connection's bytes on their way to the kernel, in order, as a few runs of bytes: its own
// copies, in blocks from OutputBlockPool, and runs it refers to in the pass's PassArena. A
// broadcast's lines are referred to: every member of a room sends the pass's lines from the one
// run the arena holds, where each used to copy them into blocks of its own. Other bytes are
// copied: a short line costs less to copy than to hand the kernel as a buffer of its own (its
// cost is per buffer, not per byte). Blocks, not one growing array: a slow reader's backlog is
// never moved nor reallocated, only its sent blocks are given back.
class OutputBuffer
{
public:
    static constexpr qsizetype BlockBytes = OutputBlockPool::BlockBytes;
    // A referred run that does not continue the last one is started only while the buffer holds
    // fewer runs than this: a member whose lines of a pass are not side by side in the arena
    // (lines of other rooms between) copies them instead of sending many small buffers.
    static constexpr qsizetype MaxRuns = 4;

    OutputBuffer() = default;
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;
    ~OutputBuffer() { clear(); }

    // Copies bytes after what is buffered. Inline: a line nearly always fits in the last block.
    void append(QByteArrayView bytes)
    {
        const qsizetype size = bytes.size();
        if (!m_runs.isEmpty()) {
            Run &last = m_runs.last();
            if (last.block && size <= qsizetype(last.block + BlockBytes - last.end())) {
                std::memcpy(last.end(), bytes.data(), size_t(size));
                last.size += size;
                m_size += size;
                return;
            }
        }
        appendToNewBlocks(bytes);
    }

    // Refers to bytes that stay valid until this pass's output is flushed (the PassArena's)
    // instead of copying them, when they continue the bytes last referred to or start a new run
    // within MaxRuns. False: nothing was done, the caller copies them. Inline: it runs once per
    // member and line of every broadcast.
    bool refer(QByteArrayView bytes)
    {
        const qsizetype size = bytes.size();
        if (!m_runs.isEmpty()) {
            Run &last = m_runs.last();
            if (!last.block && last.end() == bytes.data()) {
                last.size += size;
                m_size += size;
                return true;
            }
            if (m_runs.size() >= MaxRuns)
                return false;
        }
        m_runs.append({nullptr, const_cast<char *>(bytes.data()), size});
        m_size += size;
        return true;
    }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Blocks of its own it holds (referred runs take none).
    qsizetype blockCount() const;
    // Whether some of the bytes are referred to, not copied.
    bool refers() const;

    // Points up to max vectors at the buffered bytes, oldest first; returns how many.
    int gather(iovec *vectors, int max) const;
    // Forgets the first bytes (the kernel took them) and gives back the blocks they emptied.
    void consume(qsizetype bytes);
    // Copies the referred bytes still unsent into blocks of its own, in place: the arena they
    // are in is reused once the pass's output is flushed.
    void copyReferred();
    void clear();

private:
    struct Run
    {
        char *block; // the pool block the bytes are in; null: referred bytes
        char *data;  // the first unsent byte
        qsizetype size;

        char *end() const { return data + size; }
    };

    void appendToNewBlocks(QByteArrayView bytes);

    QVarLengthArray<Run, 2> m_runs;
    qsizetype m_size = 0;
};
