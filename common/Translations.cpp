// SPDX-License-Identifier: MIT
#include "Translations.h"

#include <QLocale>
#include <QTranslator>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace Translations {

QStringList languages()
{
    return {u"en"_s, u"zh_CN"_s};
}

const QTranslator *translator(const QString &language)
{
    // Kept for the life of the process: sessions and windows hold plain pointers to them.
    static std::map<QString, std::unique_ptr<QTranslator>> loaded;
    if (!languages().contains(language))
        return nullptr;
    auto it = loaded.find(language);
    if (it == loaded.end()) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(u":/i18n/qtchat_%1.qm"_s.arg(language)))
            translator.reset();
        it = loaded.emplace(language, std::move(translator)).first;
    }
    return it->second.get();
}

QString closestLanguage(const QString &localeName)
{
    const QLocale locale(localeName);
    if (locale.language() == QLocale::Chinese)
        return u"zh_CN"_s;
    return u"en"_s;
}

} // namespace Translations
