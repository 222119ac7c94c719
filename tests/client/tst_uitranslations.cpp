// SPDX-License-Identifier: MIT
// Every text a person can read in the windows is in their language. Each window is built and
// driven in zh_CN, then every text of every widget (titles, buttons, labels, placeholders, tool
// tips, accessible names, menus, headers and rows of lists, the lines of the message pane) is
// checked two ways: it must not be one of the project's English source strings (placeholders
// match anything), and where the same widget in the English run shows exactly the same words,
// those words must be data (names, addresses), not Qt's own untranslated English, such as the
// "Close" of a standard dialog button when Qt's translations are not installed.
#include "CertificateQuestion.h"
#include "ChatSession.h"
#include "Conversation.h"
#include "ConversationListModel.h"
#include "CutProxy.h"
#include "MessageModel.h"
#include "Translations.h"
#include "WindowTestKit.h"

#include <QAbstractButton>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTextDocumentFragment>
#include <QTranslator>
#include <QXmlStreamReader>

#include <functional>

using namespace Qt::StringLiterals;
using namespace WindowTestKit;

namespace {

struct Text
{
    QString key;  // which widget and which of its texts
    QString text; // as shown: no mnemonic ampersands, no markup
    bool paired;  // a widget's own text (compared with English), not data in a list
};

QString shown(const QString &text)
{
    QString plain =
        Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    plain.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
    return plain.simplified();
}

// The English source strings of the project's translations, as whole-text patterns.
QList<QRegularExpression> englishSources()
{
    QFile file(QStringLiteral(TRANSLATIONS_DIR "/qtchat_zh_CN.ts"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    static const QRegularExpression placeholder(u"%(\\d|n)"_s);
    static const QRegularExpression word(
        u"\\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\\b"_s); // an English word, not "TLS"
    QList<QRegularExpression> patterns;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != "source"_L1)
            continue;
        const QString source = shown(xml.readElementText());
        QString words = source;
        if (!words.remove(placeholder).contains(word))
            continue; // "%1: %2" would match anything
        QString pattern;
        qsizetype done = 0;
        for (const auto &match : placeholder.globalMatch(source)) {
            pattern += QRegularExpression::escape(source.mid(done, match.capturedStart() - done));
            pattern += u".*"_s;
            done = match.capturedEnd();
        }
        pattern += QRegularExpression::escape(source.mid(done));
        patterns << QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                       QRegularExpression::DotMatchesEverythingOption);
    }
    return patterns;
}

void addText(QList<Text> &texts, const QString &key, const QString &text, bool paired = true)
{
    const QString plain = shown(text);
    if (!plain.isEmpty())
        texts.append({key, plain, paired});
}

void addModel(QList<Text> &texts, const QString &key, const QAbstractItemModel *model)
{
    if (!model)
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        addText(texts, key + u":header%1"_s.arg(column),
                model->headerData(column, Qt::Horizontal).toString());
        for (int row = 0; row < std::min(model->rowCount(), 200); ++row) {
            const QModelIndex index = model->index(row, column);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(Qt::AccessibleTextRole), int(Qt::AccessibleDescriptionRole)})
                addText(texts, key, index.data(role).toString(), false);
        }
    }
}

void addActions(QList<Text> &texts, const QString &key, const QList<QAction *> &actions)
{
    for (int i = 0; i < actions.size(); ++i) {
        const QString id = key + u":action%1"_s.arg(i);
        addText(texts, id, actions.at(i)->text());
        addText(texts, id + u":tip"_s,
                actions.at(i)->toolTip() == shown(actions.at(i)->text())
                    ? QString()
                    : actions.at(i)->toolTip());
        if (QMenu *menu = actions.at(i)->menu())
            addActions(texts, id, menu->actions());
    }
}

// Every text of a window and its children, keyed by the widget's place in the window.
QList<Text> textsOf(QWidget *window)
{
    QList<Text> texts;
    QList<QWidget *> widgets{window};
    widgets += window->findChildren<QWidget *>();
    for (int i = 0; i < widgets.size(); ++i) {
        QWidget *w = widgets.at(i);
        const QString key = u"%1#%2(%3)"_s.arg(QString::fromLatin1(w->metaObject()->className()))
                                .arg(i)
                                .arg(w->objectName());
        if (w->isWindow())
            addText(texts, key + u":title"_s, w->windowTitle());
        addText(texts, key + u":toolTip"_s, w->toolTip());
        addText(texts, key + u":statusTip"_s, w->statusTip());
        addText(texts, key + u":whatsThis"_s, w->whatsThis());
        addText(texts, key + u":accessibleName"_s, w->accessibleName());
        addText(texts, key + u":accessibleDescription"_s, w->accessibleDescription());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            addText(texts, key + u":text"_s, button->text());
        if (auto *label = qobject_cast<QLabel *>(w))
            addText(texts, key + u":text"_s, label->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            addText(texts, key + u":placeholder"_s, edit->placeholderText());
        if (auto *box = qobject_cast<QGroupBox *>(w))
            addText(texts, key + u":title"_s, box->title());
        if (auto *menu = qobject_cast<QMenu *>(w))
            addText(texts, key + u":menuTitle"_s, menu->title());
        if (auto *view = qobject_cast<QAbstractItemView *>(w))
            addModel(texts, key, view->model());
        addActions(texts, key, w->actions());
    }
    return texts;
}

// Words that are data in these scenes: people's and rooms' names, the server, the certificate.
bool onlyData(const QString &text)
{
    static const QRegularExpression data(
        u"\\b(alice|bob|carol|hall|lab|localhost|test|TLS|SHA|CN|qtchat|tests)\\b"_s);
    static const QRegularExpression word(
        u"\\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\\b"_s); // an English word, not "TLS"
    QString rest = text;
    return !rest.remove(data).contains(word);
}

} // namespace

class TestUiTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void everyTextIsTranslated_data();
    void everyTextIsTranslated();

private:
    using Scene = std::function<QList<Text>()>;
    // Runs a scene with the language's translator installed throughout, so that texts made
    // while it runs (status, banner, pane) are in that language too.
    static QList<Text> inLanguage(const QString &language, const Scene &scene);
};

Q_DECLARE_METATYPE(std::function<QList<Text>()>)

void TestUiTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"qtchat-tests"_s);
    QCoreApplication::setApplicationName(u"client_uitranslations"_s);
}

void TestUiTranslations::init()
{
    QSettings().clear();
}

QList<Text> TestUiTranslations::inLanguage(const QString &language, const Scene &scene)
{
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QCoreApplication::installTranslator(translator);
    const QList<Text> texts = scene();
    QCoreApplication::removeTranslator(translator);
    return texts;
}

void TestUiTranslations::everyTextIsTranslated_data()
{
    QTest::addColumn<Scene>("scene");

    QTest::newRow("login window") << Scene([] {
        ClientController client;
        client.start();
        return textsOf(client.loginWindow());
    });
    QTest::newRow("login error") << Scene([] {
        ClientController client;
        client.start();
        submitLogin(client, u"127.0.0.1:%1"_s.arg(TestServer::closedPort()), u"alice"_s);
        auto *error = child<QLabel>(client.loginWindow(), u"error"_s);
        if (!QTest::qWaitFor([error] { return error->isVisible(); }))
            return QList<Text>();
        return textsOf(client.loginWindow());
    });
    QTest::newRow("chat window") << Scene([] {
        TestServer server;
        ClientController client;
        ChatConnection bob;
        if (!logIn(client, server, u"alice"_s) || !logIn(bob, server, u"bob"_s))
            return QList<Text>();
        bob.sendLine(u"hello"_s);
        client.connection()->sendLine(u"/list"_s);
        client.connection()->sendLine(u"/who"_s);
        client.connection()->sendLine(u"/join nowhere"_s);
        client.connection()->createRoom(u"lab"_s);
        // Each conversation has its lines: the answers went to hall, which was active then.
        const auto allLines = [&client] {
            QStringList lines;
            for (const Conversation *conversation :
                 client.session()->conversations()->conversations())
                for (int row = 0; row < conversation->messages()->rowCount(); ++row)
                    lines << conversation->messages()->index(row).data().toString();
            return lines;
        };
        if (!QTest::qWaitFor([&] {
                return allLines().join(u'\n').contains(u"nowhere"_s) &&
                       client.connection()->room() == u"lab"_s;
            }))
            return QList<Text>();
        QList<Text> texts = textsOf(client.chatWindow());
        for (const QString &line : allLines()) // without the time in front
            addText(texts, u"pane"_s, line.section(u"] "_s, 1), false);
        return texts;
    });
    QTest::newRow("connection lost") << Scene([] {
        TestServer server;
        CutProxy proxy(server.port());
        ClientController client;
        client.connection()->setReconnectDelay(50);
        if (!logIn(client, u"127.0.0.1:%1"_s.arg(proxy.port()), u"alice"_s))
            return QList<Text>();
        // Short only from here: on a busy machine the first login may take longer, and a
        // first login that times out is not retried.
        client.connection()->setTimeout(200);
        QSignalSpy lost(client.connection(), &ChatConnection::connectionLost);
        proxy.hold();
        proxy.cut();
        if (!QTest::qWaitFor([&] { return lost.size() >= 2; }))
            return QList<Text>();
        return textsOf(client.chatWindow());
    });
    QTest::newRow("rooms dialog") << Scene([] {
        TestServer server;
        ClientController client;
        if (!logIn(client, server, u"alice"_s))
            return QList<Text>();
        QTest::mouseClick(child<QPushButton>(client.chatWindow(), u"roomsButton"_s),
                          Qt::LeftButton);
        auto *rooms = child<QAbstractItemView>(client.chatWindow(), u"rooms"_s);
        if (!QTest::qWaitFor([rooms] { return rooms->model()->rowCount() > 0; }))
            return QList<Text>();
        return textsOf(rooms->window());
    });
    QTest::newRow("certificate question") << Scene([] {
        CertificateQuestion question(u"localhost:5006"_s, QByteArray(32, '\x5a'),
                                     u"CN=localhost"_s);
        return textsOf(&question);
    });
}

void TestUiTranslations::everyTextIsTranslated()
{
    QFETCH(Scene, scene);
    static const QList<QRegularExpression> sources = englishSources();
    QVERIFY(sources.size() > 100);

    const QList<Text> chinese = inLanguage(u"zh_CN"_s, scene);
    const QList<Text> english = inLanguage(u"en"_s, scene);
    QVERIFY(!chinese.isEmpty());
    QHash<QString, QString> englishByKey;
    for (const Text &text : english)
        englishByKey.insert(text.key, text.text);

    QStringList untranslated;
    for (const Text &text : chinese) {
        for (const QRegularExpression &source : sources) {
            if (source.match(text.text).hasMatch()) {
                untranslated << u"%1: \"%2\" (English source)"_s.arg(text.key, text.text);
                break;
            }
        }
        if (text.paired && englishByKey.value(text.key) == text.text && !onlyData(text.text))
            untranslated << u"%1: \"%2\" (the same in English)"_s.arg(text.key, text.text);
    }
    untranslated.removeDuplicates();
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
}

QTEST_MAIN(TestUiTranslations)
#include "tst_uitranslations.moc"
