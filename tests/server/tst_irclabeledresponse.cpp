// SPDX-License-Identifier: MIT
#include "irc/IrcLabeledResponse.h"

#include <QTest>

using namespace Qt::StringLiterals;

// What one labelled response writes, given its pieces in order: the first piece of one line is
// kept back as Session does, the others open the batch.
class TestIrcLabeledResponse : public QObject
{
    Q_OBJECT

private slots:
    void written_data();
    void written();
    void opensOnce();
};

void TestIrcLabeledResponse::written_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QByteArrayList>("pieces");
    QTest::addColumn<QByteArray>("written");
    const QByteArray open = "@label=l1 :test.chat BATCH +L1 labeled-response\r\n";
    const QByteArray close = ":test.chat BATCH -L1\r\n";
    QTest::newRow("nothing: ACK") << u"l1"_s << QByteArrayList{}
                                  << QByteArray("@label=l1 :test.chat ACK\r\n");
    QTest::newRow("one line") << u"l1"_s << QByteArrayList{":test.chat PONG test.chat t\r\n"}
                              << QByteArray("@label=l1 :test.chat PONG test.chat t\r\n");
    QTest::newRow("one line with tags")
        << u"l1"_s << QByteArrayList{"@time=x;msgid=3 :a!a@chat PRIVMSG #h hi\r\n"}
        << QByteArray("@label=l1;time=x;msgid=3 :a!a@chat PRIVMSG #h hi\r\n");
    QTest::newRow("two lines: a batch")
        << u"l1"_s << QByteArrayList{":test.chat 353 a = #h a\r\n", ":test.chat 366 a #h :End\r\n"}
        << open + "@batch=L1 :test.chat 353 a = #h a\r\n@batch=L1 :test.chat 366 a #h :End\r\n" +
               close;
    QTest::newRow("two lines in one piece")
        << u"l1"_s << QByteArrayList{":test.chat 353 a = #h a\r\n:test.chat 366 a #h :End\r\n"}
        << open + "@batch=L1 :test.chat 353 a = #h a\r\n@batch=L1 :test.chat 366 a #h :End\r\n" +
               close;
    QTest::newRow("a chathistory batch nests")
        << u"l1"_s
        << QByteArrayList{":test.chat BATCH +history chathistory #h\r\n",
                          "@batch=history;msgid=1-1 :t!t@chat PRIVMSG #h one\r\n"
                          "@time=x;batch=history :t!t@chat PRIVMSG #h two\r\n",
                          ":test.chat BATCH -history\r\n"}
        << open + "@batch=L1 :test.chat BATCH +history chathistory #h\r\n" +
               "@batch=history;msgid=1-1 :t!t@chat PRIVMSG #h one\r\n" +
               "@time=x;batch=history :t!t@chat PRIVMSG #h two\r\n" +
               "@batch=L1 :test.chat BATCH -history\r\n" + close;
    QTest::newRow("escaped label") << u"a b;c\\"_s << QByteArrayList{}
                                   << QByteArray("@label=a\\sb\\:c\\\\ :test.chat ACK\r\n");
}

void TestIrcLabeledResponse::written()
{
    QFETCH(QString, label);
    QFETCH(QByteArrayList, pieces);
    QFETCH(QByteArray, written);
    IrcLabeledResponse response(label, u"L1"_s, u"test.chat"_s);
    QByteArray out;
    for (const QByteArray &piece : pieces) {
        if (response.isUnstarted() && piece.count("\r\n") == 1) {
            response.keep(piece);
            continue;
        }
        out += response.open();
        out += response.inBatch(piece);
    }
    out += response.finish();
    QCOMPARE(out, written);
}

void TestIrcLabeledResponse::opensOnce()
{
    IrcLabeledResponse response(u"l1"_s, u"L1"_s, u"test.chat"_s);
    response.keep(":test.chat 353 a = #h a\r\n");
    QVERIFY(response.keepsLine());
    QCOMPARE(response.open(), QByteArray("@label=l1 :test.chat BATCH +L1 labeled-response\r\n"
                                         "@batch=L1 :test.chat 353 a = #h a\r\n"));
    QVERIFY(!response.keepsLine());
    QVERIFY(!response.isUnstarted());
    QCOMPARE(response.open(), QByteArray());
    QCOMPARE(response.finish(), QByteArray(":test.chat BATCH -L1\r\n"));
}

QTEST_GUILESS_MAIN(TestIrcLabeledResponse)
#include "tst_irclabeledresponse.moc"
