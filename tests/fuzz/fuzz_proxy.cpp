// SPDX-License-Identifier: MIT
// libFuzzer target over the PROXY protocol header (server/net/ProxyHeader): whatever a load
// balancer, or whoever reaches the port from its address, sends first, the parser must neither
// crash nor read past what it was given, must stay within its bounds, and must give the same
// verdict however the bytes are cut (a reader takes what is Incomplete and waits for more).
// Besides the sanitizers it checks those properties and aborts when one breaks.
#include "net/ProxyHeader.h"

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_proxy: %s\n", what);
    abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArrayView data(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const ProxyHeader whole = ProxyHeader::parse(data);
    using Status = ProxyHeader::Status;
    switch (whole.status) {
    case Status::Incomplete:
        if (data.size() >= ProxyHeader::MaxBytes)
            fail("incomplete beyond the longest header");
        break;
    case Status::Complete:
        if (whole.length <= 0 || whole.length > data.size() || whole.length > ProxyHeader::MaxBytes)
            fail("a header length outside what was given");
        if (whole.version == 1 && whole.length > ProxyHeader::MaxV1Bytes)
            fail("a version 1 header longer than 107 bytes");
        break;
    case Status::Invalid:
        if (QByteArrayView(whole.error).isEmpty())
            fail("refused without a reason");
        break;
    }

    // A cut that the first byte chooses: before it the verdict is Incomplete or already the
    // whole's; a Complete header's own bytes alone give the same header.
    const qsizetype cut =
        data.isEmpty() ? 0 : static_cast<unsigned char>(data.front()) % (size + 1);
    const ProxyHeader part = ProxyHeader::parse(data.first(cut));
    if (part.status != Status::Incomplete && !(part == whole))
        fail("a different verdict on fewer bytes");
    if (part.status == Status::Incomplete && whole.status == Status::Complete &&
        cut >= whole.length)
        fail("undecided on a whole header");
    if (whole.status == Status::Complete &&
        !(ProxyHeader::parse(data.first(whole.length)) == whole))
        fail("the header alone reads differently");
    return 0;
}
