// SPDX-License-Identifier: MIT
// libFuzzer target over the reader of Redis's replies (server/cluster/RespReader): whatever a
// broken connection or a wrong port delivers, in whatever pieces, the reader must neither
// crash nor buffer without bound, and must give the same replies however the bytes are cut.
// Besides the sanitizers it checks those properties and aborts when one breaks.
#include "cluster/RespCommand.h"
#include "cluster/RespReader.h"

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_resp: %s\n", what);
    abort();
}

// Small limits, so that the fuzzer reaches them.
constexpr RespReader::Limits Limits{.maxBulkBytes = 4096, .maxElements = 256, .maxDepth = 8};

struct Outcome
{
    QList<RespValue> values;
    bool error = false;
};

Outcome readInPieces(QByteArrayView data, qsizetype piece)
{
    Outcome outcome;
    RespReader reader(Limits);
    for (qsizetype at = 0; at < data.size(); at += piece) {
        reader.append(data.sliced(at, qMin(piece, data.size() - at)));
        while (std::optional<RespValue> value = reader.next())
            outcome.values.append(std::move(*value));
        // Bytes wait only for a reply not yet complete, which the limits bound.
        if (reader.buffered() > data.size())
            fail("more buffered than was given");
    }
    outcome.error = reader.hasError();
    if (outcome.error && (reader.next() || reader.buffered() != 0))
        fail("a reply or bytes after an error");
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArrayView data(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const Outcome whole = readInPieces(data, qMax<qsizetype>(data.size(), 1));
    const qsizetype piece = data.isEmpty() ? 1 : 1 + static_cast<unsigned char>(data.front()) % 7;
    const Outcome cut = readInPieces(data, piece);
    if (whole.values != cut.values || whole.error != cut.error)
        fail("different replies when the bytes are cut differently");

    // The input's lines as a command's arguments read back as they were sent.
    const QList<QByteArray> arguments = data.toByteArray().split('\n');
    RespReader reader;
    reader.append(RespCommand::encode(arguments));
    const std::optional<RespValue> command = reader.next();
    if (!command || command->elements.size() != arguments.size())
        fail("an encoded command does not read back");
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (command->elements[i].bytes != arguments[i])
            fail("an argument changed on the way");
    }
    return 0;
}
