// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// The bytes that many connections send in one event-loop pass, copied once: a broadcast's line
// is kept here once and every member's OutputBuffer refers to it, so a room's lines of a pass
// are one run of bytes that each member sends from, instead of a copy per member. What is kept
// stays valid until the pass's output has been flushed (OutputFlusher::flushAll); a connection
// that could not send all of it then copies the rest. Per thread, like the flusher.
class PassArena
{
public:
    // Where bytes are kept in this pass: copied at the first call with these bytes (the same
    // QByteArray data, held meanwhile so that its address cannot come back with other bytes),
    // the place found again at the next calls. Bytes kept under one stream (a rendering) are
    // side by side in the order they came, so a reader of that stream refers to one run. Empty
    // when they are not kept (longer than a chunk, too many streams): the caller copies them.
    // Inline: it runs once per member and line of every broadcast, nearly always for the bytes
    // kept last.
    static QByteArrayView keep(const QByteArray &bytes, const void *stream)
    {
        const Last &last = t_last;
        if (last.data == bytes.constData() && last.stream == stream &&
            last.kept.size() == bytes.size())
            return last.kept;
        return keepNew(bytes, stream);
    }
    // OutputFlusher's call once a pass's output is flushed: every connection has sent what it
    // referred to, or copied it, and what is kept may be reused.
    static void passFlushed();

    // The size of the arena's chunks, and how many it keeps for the next passes.
    static constexpr qsizetype ChunkBytes = 64 * 1024;
    static constexpr qsizetype KeptChunks = 16;
    static constexpr int MaxStreams = 8;

private:
    struct Last
    {
        const char *data = nullptr; // the bytes kept last, still held by the arena
        const void *stream = nullptr;
        QByteArrayView kept;
    };
    static QByteArrayView keepNew(const QByteArray &bytes, const void *stream);
    static thread_local Last t_last;
};

inline thread_local PassArena::Last PassArena::t_last;
