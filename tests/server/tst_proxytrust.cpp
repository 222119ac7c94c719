// SPDX-License-Identifier: MIT
// Which peers --proxy-from trusts for PROXY headers: addresses and subnets of both families,
// and the items the option refuses.
#include "net/ProxyTrust.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestProxyTrust : public QObject
{
    Q_OBJECT

private slots:
    void trusts_data();
    void trusts();
    void invalidItem_data();
    void invalidItem();
};

void TestProxyTrust::trusts_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("trusted");

    QTest::newRow("empty trusts nobody") << QString() << u"127.0.0.1"_s << false;
    QTest::newRow("an address") << u"10.0.0.5"_s << u"10.0.0.5"_s << true;
    QTest::newRow("another address") << u"10.0.0.5"_s << u"10.0.0.6"_s << false;
    QTest::newRow("a subnet") << u"10.0.0.0/24"_s << u"10.0.0.200"_s << true;
    QTest::newRow("outside the subnet") << u"10.0.0.0/24"_s << u"10.0.1.1"_s << false;
    QTest::newRow("the second of a list") << u"192.0.2.1, 10.0.0.0/8"_s << u"10.9.9.9"_s << true;
    QTest::newRow("spaces and empty items") << u" ,10.0.0.5 ,, "_s << u"10.0.0.5"_s << true;
    QTest::newRow("IPv6") << u"fd00::5"_s << u"fd00::5"_s << true;
    QTest::newRow("IPv6 subnet") << u"2001:db8::/32"_s << u"2001:db8:1::7"_s << true;
    QTest::newRow("IPv4 list, IPv6 peer") << u"10.0.0.5"_s << u"::1"_s << false;
}

void TestProxyTrust::trusts()
{
    QFETCH(QString, list);
    QFETCH(QString, peer);
    QFETCH(bool, trusted);

    const ProxyTrust trust(list, 3000);
    QCOMPARE(trust.trusts(QHostAddress(peer)), trusted);
    QCOMPARE(trust.headerTimeoutMs(), 3000);
}

void TestProxyTrust::invalidItem_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("invalid");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("addresses and subnets") << u"10.0.0.5, 10.1.0.0/16, ::1"_s << QString();
    QTest::newRow("a host name") << u"10.0.0.5, haproxy.lan"_s << u"haproxy.lan"_s;
    QTest::newRow("a prefix too long") << u"10.0.0.0/33"_s << u"10.0.0.0/33"_s;
    QTest::newRow("a bad address") << u"300.0.0.1"_s << u"300.0.0.1"_s;
}

void TestProxyTrust::invalidItem()
{
    QFETCH(QString, list);
    QFETCH(QString, invalid);

    QCOMPARE(ProxyTrust::invalidItem(list), invalid);
}

QTEST_GUILESS_MAIN(TestProxyTrust)
#include "tst_proxytrust.moc"
