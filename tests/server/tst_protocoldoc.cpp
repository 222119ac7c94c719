// SPDX-License-Identifier: MIT
#include <QTest>
class TestProtocolDoc : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestProtocolDoc)
#include "tst_protocoldoc.moc"
