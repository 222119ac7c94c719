// SPDX-License-Identifier: MIT
#include "Rendering.h"

#include "TaggedCodec.h"

Rendering Rendering::forActor(bool actor) const
{
    Rendering r = *this;
    r.text.self = actor && !tagged;
    return r;
}

QByteArray Rendering::render(const Event &event) const
{
    if (!tagged)
        return TextRenderer::render(event, text);
    QByteArray line = TaggedCodec::format(event);
    line += "\r\n";
    return line;
}
