// SPDX-License-Identifier: MIT
#include "TimeAnchor.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_TimeAnchor : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void tst_TimeAnchor::parse_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ms"); // when valid

    const qint64 t =
        QDateTime(QDate(2026, 11, 28), QTime(23, 50, 1, 234), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("utc with milliseconds") << u"2026-11-28T23:50:01.234Z"_s << true << t;
    QTest::newRow("the epoch") << u"1970-01-01T00:00:00.000Z"_s << true << 0ll;
    QTest::newRow("leap day")
        << u"2024-02-29T12:00:00.000Z"_s << true
        << QDateTime(QDate(2024, 2, 29), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("no milliseconds") << u"2026-11-28T23:50:01Z"_s << false << 0ll;
    QTest::newRow("no zone") << u"2026-11-28T23:50:01.234"_s << false << 0ll;
    QTest::newRow("an offset") << u"2026-11-28T23:50:01.234+01:00"_s << false << 0ll;
    QTest::newRow("lower-case z") << u"2026-11-28T23:50:01.234z"_s << false << 0ll;
    QTest::newRow("space for T") << u"2026-11-28 23:50:01.234Z"_s << false << 0ll;
    QTest::newRow("no such day") << u"2026-02-30T00:00:00.000Z"_s << false << 0ll;
    QTest::newRow("hour 25") << u"2026-11-28T25:00:00.000Z"_s << false << 0ll;
    QTest::newRow("other digits") << u"２026-11-28T23:50:01.234Z"_s << false << 0ll;
    QTest::newRow("a number") << u"12345"_s << false << 0ll;
    QTest::newRow("empty") << QString() << false << 0ll;
}

void tst_TimeAnchor::parse()
{
    QFETCH(QString, word);
    QFETCH(bool, valid);
    QFETCH(qint64, ms);
    const std::optional<qint64> time = TimeAnchor::parse(word);
    QCOMPARE(time.has_value(), valid);
    if (valid)
        QCOMPARE(*time, ms);
}

QTEST_GUILESS_MAIN(tst_TimeAnchor)
#include "tst_timeanchor.moc"
