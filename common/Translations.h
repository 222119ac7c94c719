// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QTranslator;

// The languages the project is translated into, and their translators, built from
// translations/*.ts into the resources of whatever links chat_common.
namespace Translations {

// Language codes a person can choose: "en" and "zh_CN".
QStringList languages();

// The translator for a language code, loaded once and kept; nullptr for codes not in
// languages(). English has one too: it holds the plural forms ("1 user", "2 users").
const QTranslator *translator(const QString &language);

// The supported language closest to a locale name such as "zh_CN.UTF-8" or "de_DE": its own
// code, or "en".
QString closestLanguage(const QString &localeName);

} // namespace Translations
