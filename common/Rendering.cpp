// SPDX-License-Identifier: MIT
#include "Rendering.h"

#include "TaggedCodec.h"

Rendering Rendering::forActor(bool actor) const
{
    Rendering r = *this;
    r.text.self = actor && !tagged && !irc.enabled;
    r.irc.self = actor && irc.enabled;
    return r;
}

QByteArray Rendering::render(const Event &event) const
{
    if (irc.enabled)
        return IrcRendering::render(event, irc);
    if (!tagged)
        return TextRenderer::render(event, text);
    QByteArray line = TaggedCodec::format(event);
    line += "\r\n";
    return line;
}
