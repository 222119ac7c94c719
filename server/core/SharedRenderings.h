// SPDX-License-Identifier: MIT
#pragma once

#include "Rendering.h"

#include <QByteArray>
#include <QVarLengthArray>

// The bytes of one announcement for many readers. Readers share a handful of renderings (text
// or tagged, with or without timestamps, a language), so each distinct rendering is rendered
// once however many members a room has. Renderings come from RenderingCatalog and are told
// apart by address: finding a member's bytes costs a pointer comparison or two, not a
// comparison of whole structs. A variant number tells apart announcements that differ from
// reader to reader in content, not only in rendering.
class SharedRenderings
{
public:
    // The bytes for rendering (RenderingCatalog's) and variant; make() renders them the first
    // time they are asked for.
    template <typename Make>
    const QByteArray &bytesFor(const Rendering &rendering, qsizetype variant, Make make)
    {
        for (const Entry &entry : m_entries) {
            if (entry.rendering == &rendering && entry.variant == variant)
                return entry.bytes;
        }
        m_entries.append({&rendering, variant, make()});
        return m_entries.last().bytes;
    }

private:
    struct Entry
    {
        const Rendering *rendering;
        qsizetype variant;
        QByteArray bytes;
    };
    QVarLengthArray<Entry, 4> m_entries;
};
