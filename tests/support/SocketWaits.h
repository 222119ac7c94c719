// SPDX-License-Identifier: MIT
#pragma once

// Waits on a plain socket of the test's own (the peer end of a connection the code under test
// holds), while the event loop runs.
namespace SocketWaits {

// Whether the peer reads end of file (the other side closed) within timeoutMs, rather than a
// byte or nothing at all.
bool peerSeesEof(int descriptor, int timeoutMs = 5000);

} // namespace SocketWaits
