// SPDX-License-Identifier: MIT
#pragma once

#include "web/HttpResponse.h"

// The browser client's files, compiled into the server (resources/web, at :/web/): the page at
// "/", the others by their names. Nothing outside that folder can be named: a path is one
// plain file name of letters, digits, '-' and '_' with a known extension.
namespace WebFiles {

// The file at path as a 200 response with its Content-Type, or a 404 response.
HttpResponse response(const QByteArray &path);

} // namespace WebFiles
