// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QString>

// The TLS listener's configuration from a PEM certificate (chain) file and a PEM key file
// (RSA or EC), read at start and again on every reload, so that a renewed certificate written
// over the old files is taken by the connections that follow.
namespace TlsCredentials {

// False with *error when TLS is unavailable or a file cannot be read as PEM.
bool load(const QString &certificateFile, const QString &keyFile, QSslConfiguration *out,
          QString *error);

} // namespace TlsCredentials
