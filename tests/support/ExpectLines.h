// SPDX-License-Identifier: MIT
#pragma once

#include "LineClient.h"

#include <QStringList>
#include <QTest>

// Everything client gets before the answer to a ping sent now is exactly the lines given; on a
// mismatch the message shows what came. A macro, so that QVERIFY2 fails the calling test.
#define EXPECT_LINES(client, ...)                                                                  \
    do {                                                                                           \
        const QStringList got = (client).sync();                                                   \
        const QStringList want = __VA_ARGS__;                                                      \
        QVERIFY2(got == want,                                                                      \
                 qPrintable(QStringLiteral("got: ") + got.join(QStringLiteral(" | "))));           \
    } while (false)
