// SPDX-License-Identifier: MIT
#include "SocketWaits.h"

#include <QDeadlineTimer>
#include <QTest>

#include <sys/socket.h>

bool SocketWaits::peerSeesEof(int descriptor, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    char byte;
    while (!deadline.hasExpired()) {
        const ssize_t got = ::recv(descriptor, &byte, 1, MSG_DONTWAIT);
        if (got == 0)
            return true;
        if (got > 0)
            return false;
        QTest::qWait(1);
    }
    return false;
}
