// SPDX-License-Identifier: MIT
#pragma once

#include "Rendering.h"

// One shared copy of each distinct Rendering, so that its address tells renderings apart: a
// room's fan-out groups its readers by comparing one pointer per member instead of whole
// structs. Readers share a handful of renderings (text or tagged, timestamps, a language), so
// the catalog stays small and keeps every entry for good: the references it hands out never
// dangle. Per thread, like the sessions that use it.
class RenderingCatalog
{
public:
    static const Rendering &intern(const Rendering &rendering);
};
