// SPDX-License-Identifier: MIT
#include "app/ServerOptions.h"

#include "app/OptionDocs.h"
#include "app/OptionTable.h"
#include "config/ConfigFile.h"
#include "store/PostgresUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

// Applies the file's settings to config; the first error, naming the file, line and key.
QString applyFile(const ConfigFile &file, ServerConfig &config)
{
    for (const ConfigFile::Entry &entry : file.entries()) {
        const ServerOption *option = OptionTable::find(entry.key);
        if (!option) {
            return file.where(entry) + ServerOption::translated(
                                           QT_TRANSLATE_NOOP("ServerOptions", "unknown key \"%1\""))
                                           .arg(entry.key);
        }
        const QString expected = option->set(config, entry.value);
        // The value is quoted, but never a database URL's password.
        if (!expected.isEmpty()) {
            return file.where(entry) +
                   ServerOption::translated(
                       QT_TRANSLATE_NOOP("ServerOptions", "invalid %1 (%2): \"%3\""))
                       .arg(entry.key, expected, PostgresUrl::redacted(entry.value));
        }
    }
    return {};
}

// Which file to read: --config, else the default one if it is there; empty for none.
QString configFileFor(const QCommandLineParser &parser, const QCommandLineOption &config)
{
    if (parser.isSet(config))
        return parser.value(config);
    return QFileInfo::exists(ServerOptions::DefaultConfigFile)
               ? QString(ServerOptions::DefaultConfigFile)
               : QString();
}

} // namespace

namespace ServerOptions {

QString defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result parse(const QStringList &arguments)
{
    Result result;

    QCommandLineParser parser;
    parser.setApplicationDescription(OptionDocs::description());
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<ServerOption> &options = OptionTable::options();
    for (const ServerOption &option : options) {
        QCommandLineOption commandLine(option.name, option.helpText());
        if (!option.isFlag())
            commandLine.setValueName(option.valueName);
        parser.addOption(commandLine);
    }
    const QCommandLineOption config(
        u"config"_s,
        ServerOption::translated(
            QT_TRANSLATE_NOOP("ServerOptions",
                              "Read settings from this file (default: %1 when it exists); "
                              "options given here win."))
            .arg(DefaultConfigFile),
        u"file"_s);
    const QCommandLineOption printConfig(
        u"print-config"_s,
        ServerOption::translated(QT_TRANSLATE_NOOP(
            "ServerOptions", "Print the settings in effect as a configuration file, and "
                             "exit.")));
    const QCommandLineOption hashPassword(
        u"hash-password"_s,
        ServerOption::translated(QT_TRANSLATE_NOOP(
            "ServerOptions",
            "Read a password from standard input, print the line for --password-file, and exit.")));
    // For the build, which makes the man page from it: not for people, so not in --help.
    QCommandLineOption helpMan(u"help-man"_s, u"Print the manual page (roff) and exit."_s);
    helpMan.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({config, printConfig, hashPassword, helpMan});

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(u"help"_s) || parser.isSet(helpMan)) {
        fputs(qUtf8Printable(parser.isSet(helpMan) ? OptionDocs::manPage() : parser.helpText()),
              stdout);
        result.exit = true;
        return result;
    }
    if (parser.isSet(u"version"_s)) {
        printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
               qPrintable(QCoreApplication::applicationVersion()));
        result.exit = true;
        return result;
    }
    result.hashPassword = parser.isSet(hashPassword);

    ServerConfig &settings = result.config;
    settings.dataDirectory = defaultDataDirectory();
    result.configFile = configFileFor(parser, config);
    if (!result.configFile.isEmpty()) {
        ConfigFile file;
        if (!file.read(result.configFile)) {
            result.error = file.errorString();
            return result;
        }
        result.error = applyFile(file, settings);
        if (!result.error.isEmpty())
            return result;
    }
    for (const ServerOption &option : options) {
        if (!parser.isSet(option.name))
            continue;
        const QString value = option.isFlag() ? u"true"_s : parser.value(option.name);
        const QString expected = option.set(settings, value);
        if (!expected.isEmpty()) {
            result.error = ServerOption::translated(
                               QT_TRANSLATE_NOOP("ServerOptions", "Invalid --%1 (%2): %3"))
                               .arg(option.name, expected, PostgresUrl::redacted(value));
            return result;
        }
    }
    if (settings.dataDirectory.isEmpty())
        settings.dataDirectory = defaultDataDirectory();
    if (settings.tlsCertificateFile.isEmpty() != settings.tlsKeyFile.isEmpty()) {
        result.error = ServerOption::translated(
            QT_TRANSLATE_NOOP("ServerOptions", "tls-cert and tls-key go together."));
        return result;
    }
    if (parser.isSet(printConfig)) {
        fputs(qUtf8Printable(OptionDocs::configFile(settings)), stdout);
        result.exit = true;
    }
    return result;
}

} // namespace ServerOptions
