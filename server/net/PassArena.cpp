// SPDX-License-Identifier: MIT
#include "net/PassArena.h"

#include <QVarLengthArray>

#include <cstring>
#include <vector>

namespace {

struct Stream
{
    const void *key = nullptr;
    QByteArray source; // the bytes last kept, held so that their address stays theirs
    QByteArrayView kept;
    char *chunk = nullptr;
    qsizetype used = 0;
};

struct Arena
{
    bool flushed = false; // what is kept has been sent or copied: reuse it at the next keep
    QVarLengthArray<Stream, PassArena::MaxStreams> streams;
    std::vector<char *> chunks; // in use in this pass
    std::vector<char *> free;

    ~Arena()
    {
        for (char *chunk : chunks)
            delete[] chunk;
        for (char *chunk : free)
            delete[] chunk;
    }

    // Everything kept before the last flush has been sent or copied by the connections that
    // referred to it.
    void startPass()
    {
        flushed = false;
        streams.clear();
        for (char *chunk : chunks) {
            if (qsizetype(free.size()) < PassArena::KeptChunks)
                free.push_back(chunk);
            else
                delete[] chunk;
        }
        chunks.clear();
    }

    char *takeChunk()
    {
        char *chunk;
        if (free.empty()) {
            chunk = new char[PassArena::ChunkBytes];
        } else {
            chunk = free.back();
            free.pop_back();
        }
        chunks.push_back(chunk);
        return chunk;
    }
};

thread_local Arena t_arena;

} // namespace

void PassArena::passFlushed()
{
    t_arena.flushed = true;
    t_last = {};
}

QByteArrayView PassArena::keepNew(const QByteArray &bytes, const void *stream)
{
    Arena &arena = t_arena;
    if (arena.flushed)
        arena.startPass();
    Stream *found = nullptr;
    for (Stream &s : arena.streams) {
        if (s.key == stream) {
            found = &s;
            break;
        }
    }
    if (found && found->source.constData() == bytes.constData() &&
        found->source.size() == bytes.size()) {
        t_last = {bytes.constData(), stream, found->kept};
        return found->kept;
    }
    const qsizetype size = bytes.size();
    if (size == 0 || size > ChunkBytes)
        return {};
    if (!found) {
        if (arena.streams.size() == MaxStreams)
            return {};
        found = &arena.streams.emplace_back();
        found->key = stream;
    }
    if (!found->chunk || ChunkBytes - found->used < size) {
        found->chunk = arena.takeChunk();
        found->used = 0;
    }
    char *place = found->chunk + found->used;
    std::memcpy(place, bytes.constData(), size_t(size));
    found->used += size;
    found->source = bytes;
    found->kept = QByteArrayView(place, size);
    t_last = {bytes.constData(), stream, found->kept};
    return found->kept;
}
