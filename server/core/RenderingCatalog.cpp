// SPDX-License-Identifier: MIT
#include "core/RenderingCatalog.h"

#include <deque>

namespace {

// A deque: its elements never move when it grows.
thread_local std::deque<Rendering> t_renderings;

} // namespace

const Rendering &RenderingCatalog::intern(const Rendering &rendering)
{
    for (const Rendering &known : t_renderings) {
        if (known == rendering)
            return known;
    }
    return t_renderings.emplace_back(rendering);
}
