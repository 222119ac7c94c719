// SPDX-License-Identifier: MIT
#include "ClientController.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"qtchat"_s);
    QApplication::setApplicationName(u"chat-client"_s);
    QApplication::setApplicationVersion(QStringLiteral(CHAT_VERSION));
    QApplication::setDesktopFileName(u"chat-client"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/chat-client.svg"_s));

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

    const QString language = parser.isSet(langOption)
                                 ? parser.value(langOption)
                                 : Translations::closestLanguage(QLocale::system().name());
    if (const QTranslator *translator = Translations::translator(language))
        QApplication::installTranslator(const_cast<QTranslator *>(translator));
    QTranslator qtTranslator; // the standard buttons and context menus
    if (qtTranslator.load(u"qtbase_"_s + language,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    ClientController controller;
    QObject::connect(&controller, &ClientController::finished, &app, &QApplication::quit);
    controller.start();
    return app.exec();
}
