// SPDX-License-Identifier: MIT
#include "ClientController.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"qtchat"_s);
    QApplication::setApplicationName(u"chat-client"_s);
    QApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    QApplication::setDesktopFileName(u"org.qtchat.ChatClient"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/chat-client.svg"_s));

    // The system's language first, so that --help is translated too.
    QString language = Translations::closestLanguage(QLocale::system().name());
    auto *translator = const_cast<QTranslator *>(Translations::translator(language));
    QApplication::installTranslator(translator);

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        u"lang"_s,
        QCoreApplication::translate("ChatClient", "Language of the windows: %1.")
            .arg(Translations::languages().join(u", "_s)),
        u"code"_s);
    parser.addOption(langOption);
    parser.process(app);

    if (parser.isSet(langOption) && parser.value(langOption) != language) {
        language = parser.value(langOption);
        QApplication::removeTranslator(translator);
        translator = const_cast<QTranslator *>(Translations::translator(language));
        if (!translator) {
            std::fprintf(
                stderr, "chat-client: %s\n",
                qUtf8Printable(QCoreApplication::translate(
                                   "ChatClient", "Unknown language \"%1\"; use one of: %2.")
                                   .arg(language, Translations::languages().join(u", "_s))));
            return 2;
        }
        QApplication::installTranslator(translator);
    }
    QTranslator qtTranslator; // the standard buttons and context menus
    if (qtTranslator.load(u"qtbase_"_s + language,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    ClientController controller;
    QObject::connect(&controller, &ClientController::finished, &app, &QApplication::quit);
    controller.start();
    return app.exec();
}
