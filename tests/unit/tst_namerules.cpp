// SPDX-License-Identifier: MIT
#include "NameRules.h"
#include "Protocol.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_NameRules : public QObject
{
    Q_OBJECT

private slots:
    void validity_data();
    void validity();
    void normalized_data();
    void normalized();
    void key_data();
    void key();
};

void tst_NameRules::validity_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("nick");
    QTest::addColumn<bool>("room");

    const auto repeat = [](const QString &unit, int times) { return unit.repeated(times); };
    const int nickMax = Protocol::NickMaxLength;
    const int roomMax = Protocol::RoomMaxLength;

    // clang-format off
    QTest::newRow("ascii") << u"alice"_s << true << true;
    QTest::newRow("capitals") << u"Alice"_s << true << true;
    QTest::newRow("chinese nick") << u"张伟"_s << true << true;
    QTest::newRow("accents") << u"José"_s << true << true;
    QTest::newRow("decomposed accent") << u"Jose\u0301"_s << true << true;
    QTest::newRow("greek") << u"Σωκράτης"_s << true << true;
    QTest::newRow("cyrillic") << u"Иван"_s << true << true;
    QTest::newRow("arabic") << u"محمد"_s << true << true;
    QTest::newRow("hangul") << u"지민"_s << true << true;
    QTest::newRow("japanese kana") << u"さくら"_s << true << true;
    QTest::newRow("supplementary plane letter") << u"\U00020000\U00020001"_s << true << true;
    QTest::newRow("digits") << u"user42"_s << true << true;
    QTest::newRow("leading digit") << u"42user"_s << true << true;
    QTest::newRow("only digits") << u"123"_s << true << true;
    QTest::newRow("other script digits") << u"a٣٤"_s << true << true;
    QTest::newRow("underscore") << u"_alice_"_s << true << true;
    QTest::newRow("only underscore") << u"_"_s << true << true;
    QTest::newRow("hyphen inside") << u"a-b"_s << true << true;
    QTest::newRow("trailing hyphen") << u"ab-"_s << true << true;
    QTest::newRow("single letter") << u"x"_s << true << true;
    // Checked in NFKC: compatibility forms count as the letters they stand for.
    QTest::newRow("fullwidth letters") << u"Ａlice"_s << true << true;
    QTest::newRow("ligature") << u"ﬁsh"_s << true << true;
    QTest::newRow("roman numeral is letters") << u"Ⅳ"_s << true << true;
    QTest::newRow("halfwidth katakana") << u"ｶﾀｶﾅ"_s << true << true;
    QTest::newRow("fullwidth space") << u"a＿b"_s << true << true;
    QTest::newRow("fullwidth exclamation") << u"a！"_s << false << false;
    QTest::newRow("circled letter") << u"Ⓐlice"_s << true << true;
    QTest::newRow("squared words too long") << u"㌀㌀㌀㌀㌀㌀㌀"_s << false << true;

    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("leading hyphen") << u"-alice"_s << false << false;
    QTest::newRow("only hyphen") << u"-"_s << false << false;
    QTest::newRow("leading combining mark") << u"\u0301a"_s << false << false;
    QTest::newRow("space inside") << u"al ice"_s << false << false;
    QTest::newRow("leading space") << u" alice"_s << false << false;
    QTest::newRow("trailing space") << u"alice "_s << false << false;
    QTest::newRow("no-break space") << u"a\u00a0b"_s << false << false;
    QTest::newRow("ideographic space") << u"张\u3000伟"_s << false << false;
    QTest::newRow("tab") << u"a\tb"_s << false << false;
    QTest::newRow("newline") << u"alice\n"_s << false << false;
    QTest::newRow("nul") << u"a"_s + QChar(0) + u"b"_s << false << false;
    QTest::newRow("escape") << u"a\x1b[31m"_s << false << false;
    QTest::newRow("delete") << u"a\x7f"_s << false << false;
    QTest::newRow("c1 control") << u"a\u0085"_s << false << false;
    QTest::newRow("zero width joiner") << u"a\u200db"_s << false << false;
    QTest::newRow("right-to-left override") << u"a\u202eb"_s << false << false;
    QTest::newRow("emoji") << u"bob😀"_s << false << false;
    QTest::newRow("only emoji") << u"😀"_s << false << false;
    QTest::newRow("dot") << u"a.b"_s << false << false;
    QTest::newRow("at sign") << u"a@b"_s << false << false;
    QTest::newRow("slash") << u"a/b"_s << false << false;
    QTest::newRow("chinese punctuation") << u"张伟。"_s << false << false;
    QTest::newRow("lone surrogate") << u"a"_s + QChar(0xd800) << false << false;

    QTest::newRow("longest nick") << repeat(u"a"_s, nickMax) << true << true;
    QTest::newRow("nick too long") << repeat(u"a"_s, nickMax + 1) << false << true;
    QTest::newRow("longest room") << repeat(u"a"_s, roomMax) << false << true;
    QTest::newRow("room too long") << repeat(u"a"_s, roomMax + 1) << false << false;
    QTest::newRow("longest chinese nick") << repeat(u"张"_s, nickMax) << true << true;
    QTest::newRow("chinese nick too long") << repeat(u"张"_s, nickMax + 1) << false << true;
    QTest::newRow("longest supplementary nick") << repeat(u"\U00020000"_s, nickMax) << true << true;
    QTest::newRow("supplementary nick too long") << repeat(u"\U00020000"_s, nickMax + 1) << false << true;
    QTest::newRow("decomposed accents counted composed") << repeat(u"e\u0301"_s, nickMax) << true << true;
    QTest::newRow("decomposed accents too long") << repeat(u"e\u0301"_s, nickMax + 1) << false << true;
    // clang-format on
}

void tst_NameRules::validity()
{
    QFETCH(QString, name);
    QFETCH(bool, nick);
    QFETCH(bool, room);

    QCOMPARE(NameRules::isValidNick(name), nick);
    QCOMPARE(NameRules::isValidRoom(name), room);
}

void tst_NameRules::normalized_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ascii unchanged") << u"Alice"_s << u"Alice"_s;
    QTest::newRow("case kept") << u"ALICE"_s << u"ALICE"_s;
    QTest::newRow("decomposed accent composed") << u"Jose\u0301"_s << u"José"_s;
    QTest::newRow("composed accent unchanged") << u"José"_s << u"José"_s;
    QTest::newRow("angstrom sign") << u"\u212b"_s << u"Å"_s;
    QTest::newRow("hangul jamo composed") << u"\u1100\u1161"_s << u"가"_s;
    QTest::newRow("chinese unchanged") << u"张伟"_s << u"张伟"_s;
    QTest::newRow("fullwidth becomes plain") << u"Ａlice"_s << u"Alice"_s;
    QTest::newRow("ligature becomes letters") << u"ﬁsh"_s << u"fish"_s;
    QTest::newRow("superscript becomes digit") << u"x²"_s << u"x2"_s;
    QTest::newRow("halfwidth katakana becomes katakana") << u"ｶﾀｶﾅ"_s << u"カタカナ"_s;
    QTest::newRow("cyrillic stays cyrillic") << u"аlice"_s << u"аlice"_s;
    QTest::newRow("empty") << QString() << QString();
}

void tst_NameRules::normalized()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QCOMPARE(NameRules::normalized(name), expected);
}

void tst_NameRules::key_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    // clang-format off
    QTest::newRow("identical") << u"alice"_s << u"alice"_s << true;
    QTest::newRow("Alice vs alice") << u"Alice"_s << u"alice"_s << true;
    QTest::newRow("ALICE vs alice") << u"ALICE"_s << u"alice"_s << true;
    QTest::newRow("é composed vs decomposed") << u"Jos\u00e9"_s << u"Jose\u0301"_s << true;
    QTest::newRow("É composed vs é decomposed") << u"\u00c9lise"_s << u"e\u0301lise"_s << true;
    QTest::newRow("chinese") << u"张伟"_s << u"张伟"_s << true;
    QTest::newRow("greek final sigma") << u"ΣΑΣ"_s << u"σας"_s << true;
    QTest::newRow("cyrillic case") << u"ИВАН"_s << u"иван"_s << true;
    QTest::newRow("angstrom sign vs a ring") << u"\u212b"_s << u"\u00e5"_s << true;
    QTest::newRow("fullwidth vs plain") << u"Ａlice"_s << u"alice"_s << true;
    QTest::newRow("ligature vs letters") << u"ﬁsh"_s << u"FISH"_s << true;
    QTest::newRow("long s vs s") << u"ſam"_s << u"sam"_s << true;
    QTest::newRow("superscript two vs two") << u"x²"_s << u"X2"_s << true;
    QTest::newRow("halfwidth vs fullwidth katakana") << u"ｶﾀ"_s << u"カタ"_s << true;
    QTest::newRow("cyrillic a vs latin a: a look-alike, not the same") << u"аlice"_s << u"alice"_s << false;
    QTest::newRow("different names") << u"alice"_s << u"alicia"_s << false;
    QTest::newRow("hyphen vs underscore") << u"a-b"_s << u"a_b"_s << false;
    QTest::newRow("accent matters") << u"jose"_s << u"josé"_s << false;
    QTest::newRow("different chinese") << u"张伟"_s << u"张玮"_s << false;
    QTest::newRow("traditional vs simplified") << u"张伟"_s << u"張偉"_s << false;
    // clang-format on
}

void tst_NameRules::key()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);

    QCOMPARE(NameRules::key(a) == NameRules::key(b), same);
    // The key is a fixed point: keying a key changes nothing.
    QCOMPARE(NameRules::key(NameRules::key(a)), NameRules::key(a));
    QCOMPARE(NameRules::key(a), NameRules::key(NameRules::normalized(a)));
}

QTEST_GUILESS_MAIN(tst_NameRules)
#include "tst_namerules.moc"
