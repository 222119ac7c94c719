// SPDX-License-Identifier: MIT
#include "net/OutputBuffer.h"

#include <algorithm>

#include <sys/uio.h>

void OutputBuffer::appendToNewBlocks(QByteArrayView bytes)
{
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        if (m_runs.isEmpty() || !m_runs.last().block ||
            m_runs.last().end() == m_runs.last().block + BlockBytes) {
            char *block = OutputBlockPool::take();
            m_runs.append({block, block, 0});
        }
        Run &last = m_runs.last();
        const qsizetype part = std::min<qsizetype>(left, last.block + BlockBytes - last.end());
        std::memcpy(last.end(), data, size_t(part));
        last.size += part;
        m_size += part;
        data += part;
        left -= part;
    }
}

qsizetype OutputBuffer::blockCount() const
{
    return std::count_if(m_runs.cbegin(), m_runs.cend(), [](const Run &run) { return run.block; });
}

bool OutputBuffer::refers() const
{
    return std::any_of(m_runs.cbegin(), m_runs.cend(), [](const Run &run) { return !run.block; });
}

int OutputBuffer::gather(iovec *vectors, int max) const
{
    const int count = int(std::min<qsizetype>(m_runs.size(), max));
    for (int i = 0; i < count; ++i) {
        vectors[i].iov_base = m_runs[i].data;
        vectors[i].iov_len = size_t(m_runs[i].size);
    }
    return count;
}

void OutputBuffer::consume(qsizetype bytes)
{
    Q_ASSERT(bytes <= m_size);
    if (bytes >= m_size) {
        clear();
        return;
    }
    m_size -= bytes;
    qsizetype emptied = 0;
    while (bytes >= m_runs[emptied].size) {
        const Run &run = m_runs[emptied++];
        bytes -= run.size;
        if (run.block)
            OutputBlockPool::give(run.block);
    }
    m_runs[emptied].data += bytes;
    m_runs[emptied].size -= bytes;
    if (emptied > 0)
        m_runs.remove(0, emptied);
}

void OutputBuffer::copyReferred()
{
    if (!refers())
        return;
    // The runs again, the referred ones as copies. A block kept from before may take the
    // copy of the run after it: nothing of its own follows its last byte.
    const QVarLengthArray<Run, 2> referred = m_runs;
    m_runs.clear();
    m_size = 0;
    for (const Run &run : referred) {
        if (run.block) {
            m_runs.append(run);
            m_size += run.size;
        } else {
            append(QByteArrayView(run.data, run.size));
        }
    }
}

void OutputBuffer::clear()
{
    for (const Run &run : std::as_const(m_runs)) {
        if (run.block)
            OutputBlockPool::give(run.block);
    }
    m_runs.clear();
    m_size = 0;
}
