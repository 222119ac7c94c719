// SPDX-License-Identifier: MIT
#include "Translations.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Entry
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

QList<Entry> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> entries;
    QString context;
    Entry entry;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == "name"_L1)
                context = xml.readElementText();
            else if (xml.name() == "message"_L1)
                entry = Entry{context, {}, {}, {}};
            else if (xml.name() == "source"_L1)
                entry.source = xml.readElementText();
            else if (xml.name() == "translation"_L1)
                entry.type = xml.attributes().value("type"_L1).toString();
            else if (xml.name() == "numerusform"_L1)
                entry.translations.append(xml.readElementText());
        } else if (xml.isCharacters() && !xml.isWhitespace() && entry.translations.isEmpty() &&
                   !entry.source.isEmpty()) {
            entry.translations.append(xml.text().toString());
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            entries.append(entry);
        }
    }
    return entries;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%(\\d|n)"_s);
    QSet<QString> found;
    for (const auto &match : placeholder.globalMatch(text))
        found.insert(match.captured());
    return found;
}

QStringList tsFiles()
{
    return QString::fromUtf8(TS_FILES).split(u'|', Qt::SkipEmptyParts);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void upToDate_data();
    void upToDate();
    void chineseLoads();
    void englishPlurals();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : tsFiles())
        QTest::newRow(qPrintable(path.section(u'/', -1))) << path;
}

void TestTranslations::complete()
{
    QFETCH(QString, path);
    const QList<Entry> entries = readTs(path);
    QVERIFY2(!entries.isEmpty(), qPrintable(path));
    for (const Entry &entry : entries) {
        const QByteArray where = (entry.context + u": "_s + entry.source).toUtf8();
        QVERIFY2(entry.type.isEmpty(), (entry.type.toUtf8() + " string: " + where).constData());
        QVERIFY2(!entry.translations.isEmpty(), ("untranslated: " + where).constData());
        for (const QString &translation : entry.translations) {
            QVERIFY2(!translation.trimmed().isEmpty(), ("empty translation: " + where).constData());
            QVERIFY2(placeholders(translation) == placeholders(entry.source),
                     ("placeholders differ: " + where).constData());
        }
    }
}

void TestTranslations::upToDate_data()
{
    complete_data();
}

// Runs lupdate over today's sources into a copy: a string added to the code but not to the
// .ts file shows up there as unfinished.
void TestTranslations::upToDate()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(path.section(u'/', -1));
    QVERIFY(QFile::copy(path, copy));
    QProcess lupdate;
    lupdate.start(QString::fromUtf8(LUPDATE_EXECUTABLE),
                  {u"-no-obsolete"_s, u"-locations"_s, u"none"_s,
                   u"@"_s + QString::fromUtf8(SOURCES_LIST), u"-ts"_s, copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    for (const Entry &entry : readTs(copy)) {
        QVERIFY2(entry.type.isEmpty(),
                 ("not in " + path.toUtf8() + ", run the update_translations target: " +
                  (entry.context + u": "_s + entry.source).toUtf8())
                     .constData());
    }
}

void TestTranslations::chineseLoads()
{
    const QTranslator *zh = Translations::translator(u"zh_CN"_s);
    QVERIFY(zh);
    QCOMPARE(zh->translate("TextRenderer", "Goodbye!"), u"再见！"_s);
    QCOMPARE(Translations::closestLanguage(u"zh_CN.UTF-8"_s), u"zh_CN"_s);
    QCOMPARE(Translations::closestLanguage(u"de_DE"_s), u"en"_s);
    QVERIFY(!Translations::translator(u"xx"_s));
}

void TestTranslations::englishPlurals()
{
    const QTranslator *en = Translations::translator(u"en"_s);
    QVERIFY(en);
    QCOMPARE(en->translate("TextRenderer", "  %1 (%n users)", nullptr, 1), u"  %1 (%n user)"_s);
    QCOMPARE(en->translate("TextRenderer", "  %1 (%n users)", nullptr, 3), u"  %1 (%n users)"_s);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
