// SPDX-License-Identifier: MIT
#include "config/ConfigFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

QString configText(const char *text)
{
    return QCoreApplication::translate("ConfigFile", text);
}

} // namespace

bool ConfigFile::read(const QString &path)
{
    m_path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = configText(QT_TRANSLATE_NOOP("ConfigFile", "cannot read %1: %2"))
                      .arg(path, file.errorString());
        return false;
    }
    // A configuration file is small; anything large is a mistake (a device, a log file).
    constexpr qint64 MaxBytes = 1024 * 1024;
    const QByteArray text = file.read(MaxBytes + 1);
    if (text.size() > MaxBytes) {
        m_error = configText(QT_TRANSLATE_NOOP("ConfigFile", "%1 is larger than 1 MiB")).arg(path);
        return false;
    }
    return parse(path, text);
}

bool ConfigFile::parse(const QString &path, const QByteArray &bytes)
{
    m_path = path;
    m_entries.clear();
    m_error.clear();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    if (decoder.hasError()) {
        m_error = configText(QT_TRANSLATE_NOOP("ConfigFile", "%1 is not UTF-8 text")).arg(path);
        return false;
    }
    static const QRegularExpression setting(u"^\\s*([A-Za-z0-9-]+)\\s*=(.*)$"_s);
    QHash<QString, int> seen;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        const QString line = lines[i];
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const QRegularExpressionMatch match = setting.match(line);
        if (!match.hasMatch()) {
            m_error = configText(QT_TRANSLATE_NOOP("ConfigFile",
                                                   "%1:%2: expected \"key = value\", not \"%3\""))
                          .arg(path)
                          .arg(number)
                          .arg(trimmed);
            return false;
        }
        const Entry entry{number, match.captured(1), match.captured(2).trimmed()};
        if (const int first = seen.value(entry.key); first != 0) {
            m_error =
                configText(QT_TRANSLATE_NOOP("ConfigFile", "%1:%2: %3 is already set on line %4"))
                    .arg(path)
                    .arg(number)
                    .arg(entry.key)
                    .arg(first);
            return false;
        }
        seen.insert(entry.key, number);
        m_entries.append(entry);
    }
    return true;
}

QString ConfigFile::where(const Entry &entry) const
{
    return u"%1:%2: "_s.arg(m_path).arg(entry.line);
}
