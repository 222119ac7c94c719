// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

// Which pages may open the web front end's WebSocket. A browser lets any page it shows open a
// WebSocket to any server, with the person's network position (cross-site WebSocket hijacking):
// the Origin header it sends is what tells the server whose page asks. A pure function.
namespace WebOrigins {

// Whether a WebSocket request from origin (the Origin header) may proceed. allowed is the
// --web-origins setting: comma-separated origins (scheme://host[:port], compared without case
// and without a trailing '/'); empty means the same origin only: the origin's scheme, host and
// port are those of the request's Host header on this listener (https when tls). A request
// without an Origin header comes from a program, not a page, and may proceed: no browser
// sends a WebSocket request without one.
bool allows(const QString &allowed, QByteArrayView origin, QByteArrayView host, bool tls);

} // namespace WebOrigins
