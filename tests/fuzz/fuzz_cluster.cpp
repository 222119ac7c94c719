// SPDX-License-Identifier: MIT
// libFuzzer target over what a node reads from the bus (server/cluster/ClusterEvent): the engine
// carries whatever any of its clients published, so decode() must neither crash nor accept
// what it cannot give back. Besides the sanitizers it checks that an event it accepts encodes
// to a payload that decodes to the same event, and aborts when that breaks.
#include "cluster/ClusterEvent.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray payload(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const std::optional<ClusterEvent> event = ClusterEvent::decode(payload);
    if (!event)
        return 0;
    const std::optional<ClusterEvent> again = ClusterEvent::decode(event->encode());
    if (!again || !(*again == *event)) {
        fprintf(stderr, "fuzz_cluster: an accepted event does not read back as itself\n");
        abort();
    }
    return 0;
}
