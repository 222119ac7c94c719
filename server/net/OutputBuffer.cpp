// SPDX-License-Identifier: MIT
#include "net/OutputBuffer.h"

#include <sys/uio.h>

void OutputBuffer::appendToNewBlocks(QByteArrayView bytes)
{
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        if (m_blocks.isEmpty() || m_tail == BlockBytes) {
            m_blocks.append(OutputBlockPool::take());
            m_tail = 0;
        }
        const qsizetype part = std::min(left, BlockBytes - m_tail);
        std::memcpy(m_blocks.last() + m_tail, data, size_t(part));
        m_tail += part;
        m_size += part;
        data += part;
        left -= part;
    }
}

int OutputBuffer::gather(iovec *vectors, int max) const
{
    const int count = int(std::min<qsizetype>(m_blocks.size(), max));
    for (int i = 0; i < count; ++i) {
        const qsizetype start = i == 0 ? m_head : 0;
        const qsizetype end = i == m_blocks.size() - 1 ? m_tail : BlockBytes;
        vectors[i].iov_base = m_blocks[i] + start;
        vectors[i].iov_len = size_t(end - start);
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
    m_head += bytes;
    qsizetype emptied = 0;
    while (m_head >= BlockBytes) {
        OutputBlockPool::give(m_blocks[emptied++]);
        m_head -= BlockBytes;
    }
    if (emptied > 0)
        m_blocks.remove(0, emptied);
}

void OutputBuffer::clear()
{
    for (char *block : m_blocks)
        OutputBlockPool::give(block);
    m_blocks.clear();
    m_head = 0;
    m_tail = 0;
    m_size = 0;
}
