// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// The web addresses in a line of chat (http, https, and www. ones), so that a view can draw
// them as links and open them; a trailing full stop or bracket is not part of the address.
namespace Links {

struct Link
{
    qsizetype start;
    qsizetype length;
    QString url; // what to open: "www.example.org" opens http://www.example.org
    bool operator==(const Link &) const = default;
};

QList<Link> find(const QString &text);

} // namespace Links
