// SPDX-License-Identifier: MIT
// Ban masks as data: what each written form means (nick, account, IPv4, IPv6, subnet), its
// canonical text, whom it catches, and the forms that are refused.
#include "core/BanMask.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestBanMask : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void matches_data();
    void matches();
};

void TestBanMask::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<BanMask::Kind>("kind");
    QTest::addColumn<QString>("canonical");

    using K = BanMask::Kind;
    QTest::newRow("nick") << u"Bob"_s << K::Nick << u"bob"_s;
    QTest::newRow("account") << u"account:Bob"_s << K::Account << u"account:bob"_s;
    QTest::newRow("account prefix in capitals")
        << u"ACCOUNT:bob"_s << K::Account << u"account:bob"_s;
    QTest::newRow("ipv4") << u"192.0.2.7"_s << K::Address << u"192.0.2.7"_s;
    QTest::newRow("ipv4 /32 is the address") << u"192.0.2.7/32"_s << K::Address << u"192.0.2.7"_s;
    QTest::newRow("ipv4 subnet") << u"10.0.0.0/8"_s << K::Address << u"10.0.0.0/8"_s;
    QTest::newRow("ipv4 subnet, host bits cleared")
        << u"10.1.2.3/8"_s << K::Address << u"10.0.0.0/8"_s;
    QTest::newRow("ipv6") << u"2001:DB8::1"_s << K::Address << u"2001:db8::1"_s;
    QTest::newRow("ipv6 subnet") << u"2001:db8::/32"_s << K::Address << u"2001:db8::/32"_s;
    QTest::newRow("ipv4-mapped ipv6") << u"::ffff:192.0.2.7"_s << K::Address << u"192.0.2.7"_s;
    QTest::newRow("empty") << QString() << K::Invalid << QString();
    QTest::newRow("bad nick") << u"b@d"_s << K::Invalid << QString();
    QTest::newRow("empty account") << u"account:"_s << K::Invalid << QString();
    QTest::newRow("bad address") << u"300.1.1.1"_s << K::Invalid << QString();
    QTest::newRow("ipv4 prefix too long") << u"10.0.0.0/33"_s << K::Invalid << QString();
    QTest::newRow("ipv6 prefix too long") << u"::1/129"_s << K::Invalid << QString();
    QTest::newRow("prefix not a number") << u"10.0.0.0/x"_s << K::Invalid << QString();
    QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s << K::Invalid << QString();
    QTest::newRow("pattern") << u"Guest*"_s << K::NickPattern << u"guest*"_s;
    QTest::newRow("pattern, one character") << u"B?b"_s << K::NickPattern << u"b?b"_s;
    QTest::newRow("pattern, a wildcard first") << u"*bot"_s << K::NickPattern << u"*bot"_s;
    QTest::newRow("wildcards alone") << u"*?*"_s << K::Invalid << QString();
    QTest::newRow("pattern of a bad nick") << u"b@d*"_s << K::Invalid << QString();
    QTest::newRow("pattern too long") << QString(24, u'a') + u'*' << K::Invalid << QString();
}

void TestBanMask::parse()
{
    QFETCH(QString, text);
    QFETCH(BanMask::Kind, kind);
    QFETCH(QString, canonical);

    const BanMask mask = BanMask::parse(text);
    QCOMPARE(mask.kind(), kind);
    QCOMPARE(mask.isValid(), kind != BanMask::Kind::Invalid);
    QCOMPARE(mask.text(), canonical);
    // The canonical text is what the store keeps: it reads back as the same mask.
    if (mask.isValid())
        QCOMPARE(BanMask::parse(mask.text()), mask);
}

void TestBanMask::matches_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("nickKey");
    QTest::addColumn<QString>("accountKey");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("caught");

    const QString v4 = u"192.0.2.7"_s;
    QTest::newRow("nick") << u"bob"_s << u"bob"_s << QString() << v4 << true;
    QTest::newRow("pattern, a run") << u"guest*"_s << u"guest42"_s << QString() << v4 << true;
    QTest::newRow("pattern, an empty run") << u"guest*"_s << u"guest"_s << QString() << v4 << true;
    QTest::newRow("pattern, not the start")
        << u"guest*"_s << u"aguest"_s << QString() << v4 << false;
    QTest::newRow("pattern, one character") << u"b?b"_s << u"bob"_s << QString() << v4 << true;
    QTest::newRow("pattern, one is not none") << u"b?b"_s << u"bb"_s << QString() << v4 << false;
    QTest::newRow("pattern, one beyond the BMP")
        << u"b?b"_s << u"b\U00020000b"_s << QString() << v4 << true;
    QTest::newRow("pattern, backtracking") << u"*a*b"_s << u"xaxxab"_s << QString() << v4 << true;
    QTest::newRow("pattern, backtracking fails")
        << u"*a*b"_s << u"xaxxa"_s << QString() << v4 << false;
    QTest::newRow("pattern is not the account")
        << u"bo*"_s << u"robert"_s << u"bob"_s << v4 << false;
    QTest::newRow("another nick") << u"bob"_s << u"bobby"_s << QString() << v4 << false;
    QTest::newRow("nick is not the account") << u"bob"_s << u"robert"_s << u"bob"_s << v4 << false;
    QTest::newRow("account") << u"account:bob"_s << u"robert"_s << u"bob"_s << v4 << true;
    QTest::newRow("account, not identified")
        << u"account:bob"_s << u"bob"_s << QString() << v4 << false;
    QTest::newRow("ipv4") << v4 << u"x"_s << QString() << v4 << true;
    QTest::newRow("another ipv4") << v4 << u"x"_s << QString() << u"192.0.2.8"_s << false;
    QTest::newRow("ipv4 through a dual-stack socket")
        << v4 << u"x"_s << QString() << u"::ffff:192.0.2.7"_s << true;
    QTest::newRow("cidr") << u"10.0.0.0/8"_s << u"x"_s << QString() << u"10.200.3.4"_s << true;
    QTest::newRow("outside the cidr")
        << u"10.0.0.0/8"_s << u"x"_s << QString() << u"11.0.0.1"_s << false;
    QTest::newRow("ipv6") << u"2001:db8::1"_s << u"x"_s << QString() << u"2001:db8::1"_s << true;
    QTest::newRow("ipv6 subnet") << u"2001:db8::/32"_s << u"x"_s << QString()
                                 << u"2001:db8:ffff::9"_s << true;
    QTest::newRow("outside the ipv6 subnet")
        << u"2001:db8::/32"_s << u"x"_s << QString() << u"2001:db9::1"_s << false;
    QTest::newRow("ipv4 subnet, ipv6 peer")
        << u"0.0.0.0/0"_s << u"x"_s << QString() << u"2001:db8::1"_s << false;
}

void TestBanMask::matches()
{
    QFETCH(QString, mask);
    QFETCH(QString, nickKey);
    QFETCH(QString, accountKey);
    QFETCH(QString, address);
    QFETCH(bool, caught);

    QCOMPARE(BanMask::parse(mask).matches(nickKey, accountKey, {QHostAddress(address)}), caught);
}

QTEST_GUILESS_MAIN(TestBanMask)
#include "tst_banmask.moc"
