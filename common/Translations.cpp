// SPDX-License-Identifier: MIT
#include "Translations.h"

#include <QHash>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Translations {

QStringList languages()
{
    return {u"en"_s, u"zh_CN"_s};
}

const QTranslator *translator(const QString &language)
{
    static QHash<QString, QTranslator *> loaded;
    if (!languages().contains(language))
        return nullptr;
    auto it = loaded.find(language);
    if (it == loaded.end()) {
        // Kept for the life of the process: sessions and windows hold plain pointers to it.
        auto *translator = new QTranslator;
        if (!translator->load(u":/i18n/qtchat_%1.qm"_s.arg(language))) {
            delete translator;
            translator = nullptr;
        }
        it = loaded.insert(language, translator);
    }
    return *it;
}

QString closestLanguage(const QString &localeName)
{
    const QLocale locale(localeName);
    if (locale.language() == QLocale::Chinese)
        return u"zh_CN"_s;
    return u"en"_s;
}

} // namespace Translations
