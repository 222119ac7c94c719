// SPDX-License-Identifier: MIT
// The manual pages and --help agree: every option one lists, the other lists too. chat-server's
// page is made from its option table (--help-man); chat-client's is written by hand.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(15000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The long options a --help text lists.
QSet<QString> helpOptions(const QString &help)
{
    static const QRegularExpression option(u"^\\s+(?:-\\S, )?--([a-z][a-z-]*)"_s,
                                           QRegularExpression::MultilineOption);
    QSet<QString> found;
    for (const auto &match : option.globalMatch(help))
        found.insert(match.captured(1));
    return found;
}

// The long options a man page describes (in bold, as .TP items do).
QSet<QString> manOptions(const QString &roff)
{
    static const QRegularExpression option(u"\\\\fB\\\\-\\\\-([a-z\\\\-]+)\\\\fR"_s);
    QSet<QString> found;
    for (const auto &match : option.globalMatch(roff))
        found.insert(match.captured(1).replace(u"\\-"_s, u"-"_s));
    return found;
}

} // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private slots:
    void helpAndManPageAgree_data();
    void helpAndManPageAgree();
};

void TestManPages::helpAndManPageAgree_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("manPage"); // empty: the program's --help-man
    QTest::newRow("chat-server") << QStringLiteral(CHAT_SERVER_EXECUTABLE) << QString();
#ifdef CHAT_CLIENT_EXECUTABLE
    QTest::newRow("chat-client") << QStringLiteral(CHAT_CLIENT_EXECUTABLE)
                                 << QStringLiteral(CLIENT_MAN_PAGE);
#endif
}

void TestManPages::helpAndManPageAgree()
{
    QFETCH(QString, program);
    QFETCH(QString, manPage);
    const QString help = run(program, {u"--help"_s});
    QVERIFY(!help.isEmpty());
    QString roff;
    if (manPage.isEmpty()) {
        roff = run(program, {u"--help-man"_s});
    } else {
        QFile file(manPage);
        QVERIFY(file.open(QIODevice::ReadOnly));
        roff = QString::fromUtf8(file.readAll());
    }
    QVERIFY(roff.startsWith(u".TH "_s) || roff.contains(u"\n.TH "_s));
    const QSet<QString> inHelp = helpOptions(help);
    const QSet<QString> inMan = manOptions(roff);
    QVERIFY(inHelp.size() >= 3);
    QCOMPARE(QSet<QString>(inHelp).subtract(inMan), QSet<QString>());
    QCOMPARE(QSet<QString>(inMan).subtract(inHelp), QSet<QString>());

    // groff's own check of the macros, where groff is installed.
    const QString groff = QStandardPaths::findExecutable(u"groff"_s);
    if (groff.isEmpty())
        return;
    QProcess check;
    check.start(groff, {u"-man"_s, u"-Tutf8"_s, u"-ww"_s, u"-z"_s});
    check.write(roff.toUtf8());
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(15000));
    QCOMPARE(QString::fromUtf8(check.readAllStandardError()), QString());
}

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_manpages.moc"
