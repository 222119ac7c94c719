// SPDX-License-Identifier: MIT
// The settings: the configuration file's syntax, the file and the command line together, what
// --print-config writes (it must read back as the same settings), the shipped example file,
// and what a reload would take.
#include "app/OptionDocs.h"
#include "app/OptionTable.h"
#include "app/Reconfiguration.h"
#include "app/ServerOptions.h"
#include "config/ConfigFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Writes text to name in dir and returns its path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

ServerOptions::Result parseWith(const QStringList &arguments)
{
    return ServerOptions::parse(QStringList{u"chat-server"_s} + arguments);
}

// A configuration where every setting differs from its default.
ServerConfig everythingChanged()
{
    ServerConfig config;
    config.port = 6000;
    config.bindAddress = QHostAddress(u"::1"_s);
    config.name = u"lan party #1"_s;
    config.tlsPort = 6001;
    config.tlsCertificateFile = u"/etc/ssl/chat cert.pem"_s;
    config.tlsKeyFile = u"/etc/ssl/chat key.pem"_s;
    config.tlsHandshakeTimeoutSeconds = 3;
    config.passwordFile = u"/etc/chat-password"_s;
    config.maxLineBytes = 1000;
    config.floodBurst = 3;
    config.floodRate = 0;
    config.floodQueueLines = 7;
    config.floodQueueBytes = 2048;
    config.maxOutputBytes = 8192;
    config.presenceLimit = 9;
    config.maxConnectionsPerAddress = 2;
    config.exemptLoopback = true;
    config.maxConnections = 30;
    config.listenBacklog = 10;
    config.loginTimeoutSeconds = 5;
    config.pingIntervalSeconds = 6;
    config.pingTimeoutSeconds = 7;
    config.maxRoomsPerSession = 4;
    config.historyOnJoin = 0;
    config.resumeGraceSeconds = 0;
    config.resumeReplayLimit = 11;
    config.dataDirectory = u"/srv/chat"_s;
    config.database = u"memory"_s;
    config.durability = StoreOptions::Durability::Normal;
    config.historyDays = 0;
    config.historyPerRoom = 12;
    config.maxDatabaseMegabytes = 13;
    config.metricsAddress = QHostAddress(u"::"_s);
    config.metricsPort = 9100;
    return config;
}

} // namespace

class TestServerOptions : public QObject
{
    Q_OBJECT

private slots:
    void ircServerName_data();
    void ircServerName();
    void fileSyntax_data();
    void fileSyntax();
    void fileAndCommandLine_data();
    void fileAndCommandLine();
    void badFile_data();
    void badFile();
    void printConfigReadsBack_data();
    void printConfigReadsBack();
    void everyOptionIsInEveryPlace();
    void shippedExampleIsTheDefaults();
    void reloadPlan_data();
    void reloadPlan();
};

void TestServerOptions::fileSyntax_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("entries"); // "line:key=value"; empty with error
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringList() << QString();
    QTest::newRow("comments and blank lines")
        << QByteArray("# a comment\n\n   # indented comment\n\t\nport = 5\n")
        << QStringList{u"5:port=5"_s} << QString();
    QTest::newRow("spaces around the equals sign")
        << QByteArray("port=5\n  name   =   lan party  \n")
        << QStringList{u"1:port=5"_s, u"2:name=lan party"_s} << QString();
    QTest::newRow("CRLF line ends") << QByteArray("port = 5\r\nname = x\r\n")
                                    << QStringList{u"1:port=5"_s, u"2:name=x"_s} << QString();
    QTest::newRow("byte-order mark")
        << QByteArray("\xef\xbb\xbfport = 5\n") << QStringList{u"1:port=5"_s} << QString();
    QTest::newRow("empty value") << QByteArray("tls-cert =\n") << QStringList{u"1:tls-cert="_s}
                                 << QString();
    QTest::newRow("hash inside a value")
        << QByteArray("name = room #1\n") << QStringList{u"1:name=room #1"_s} << QString();
    QTest::newRow("Chinese value")
        << QByteArray("name = 聊天室\n") << QStringList{u"1:name=聊天室"_s} << QString();
    QTest::newRow("no equals sign") << QByteArray("port 5005\n") << QStringList()
                                    << u"f.conf:1: expected \"key = value\", not \"port 5005\""_s;
    QTest::newRow("no key") << QByteArray("\n= 5\n") << QStringList()
                            << u"f.conf:2: expected \"key = value\""_s;
    QTest::newRow("key with a space")
        << QByteArray("max lines = 5\n") << QStringList() << u"f.conf:1: expected"_s;
    QTest::newRow("section header")
        << QByteArray("[server]\nport = 5\n") << QStringList() << u"f.conf:1: expected"_s;
    QTest::newRow("key twice") << QByteArray("port = 5\n#\nport = 6\n") << QStringList()
                               << u"f.conf:3: port is already set on line 1"_s;
    QTest::newRow("not UTF-8") << QByteArray("name = \xff\xfe\n") << QStringList()
                               << u"f.conf is not UTF-8 text"_s;
}

void TestServerOptions::fileSyntax()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, entries);
    QFETCH(QString, error);
    ConfigFile file;
    const bool ok = file.parse(u"f.conf"_s, text);
    QCOMPARE(ok, error.isEmpty());
    QVERIFY2(file.errorString().startsWith(error), qPrintable(file.errorString()));
    QStringList got;
    for (const ConfigFile::Entry &entry : file.entries())
        got << u"%1:%2=%3"_s.arg(entry.line).arg(entry.key, entry.value);
    if (ok)
        QCOMPARE(got, entries);
}

void TestServerOptions::fileAndCommandLine_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value"); // as --print-config writes it
    QTest::newRow("the file sets a number")
        << QByteArray("max-output-bytes = 262144\nport = 5050\n") << QStringList() << u"port"_s
        << u"5050"_s;
    QTest::newRow("the command line wins")
        << QByteArray("port = 5050\n") << QStringList{u"--port"_s, u"6060"_s} << u"port"_s
        << u"6060"_s;
    QTest::newRow("a file's flag, true") << QByteArray("exempt-loopback = yes\n") << QStringList()
                                         << u"exempt-loopback"_s << u"true"_s;
    QTest::newRow("a file's flag, false") << QByteArray("exempt-loopback = off\n") << QStringList()
                                          << u"exempt-loopback"_s << u"false"_s;
    QTest::newRow("a command-line flag wins")
        << QByteArray("exempt-loopback = false\n") << QStringList{u"--exempt-loopback"_s}
        << u"exempt-loopback"_s << u"true"_s;
    QTest::newRow("a choice") << QByteArray("durability = normal\n") << QStringList()
                              << u"durability"_s << u"normal"_s;
    QTest::newRow("an address") << QByteArray("bind = 127.0.0.1\n") << QStringList() << u"bind"_s
                                << u"127.0.0.1"_s;
    QTest::newRow("metrics on a port: loopback")
        << QByteArray("metrics-address = 9100\n") << QStringList() << u"metrics-address"_s
        << u"127.0.0.1:9100"_s;
    QTest::newRow("metrics on an address")
        << QByteArray("metrics-address = 0.0.0.0:9100\n") << QStringList() << u"metrics-address"_s
        << u"0.0.0.0:9100"_s;
    QTest::newRow("metrics on IPv6")
        << QByteArray() << QStringList{u"--metrics-address"_s, u"[::1]:0"_s} << u"metrics-address"_s
        << u"[::1]:0"_s;
    QTest::newRow("metrics off by default")
        << QByteArray() << QStringList() << u"metrics-address"_s << QString();
    QTest::newRow("a data folder") << QByteArray("data-dir = /var/lib/chat-server\n")
                                   << QStringList() << u"data-dir"_s << u"/var/lib/chat-server"_s;
    QTest::newRow("a PostgreSQL database")
        << QByteArray("database = postgresql://chat:s%40cret@db.example.org:5432/chat\n")
        << QStringList() << u"database"_s
        << u"postgresql://chat:s%40cret@db.example.org:5432/chat"_s;
    QTest::newRow("a PostgreSQL database on the command line wins")
        << QByteArray("database = sqlite\n")
        << QStringList{u"--database"_s, u"postgres://chat@localhost/chat?sslmode=require"_s}
        << u"database"_s << u"postgres://chat@localhost/chat?sslmode=require"_s;
}

void TestServerOptions::fileAndCommandLine()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);
    QFETCH(QString, value);
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"chat-server.conf"_s, file);
    const ServerOptions::Result result = parseWith(QStringList{u"--config"_s, path} + arguments);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.configFile, path);
    QCOMPARE(OptionTable::find(option)->get(result.config), value);
}

void TestServerOptions::badFile_data()
{
    QTest::addColumn<QByteArray>("file"); // empty: no file at all
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // %1: the file's path
    QTest::newRow("unknown key") << QByteArray("port = 5\ncolour = blue\n") << QStringList()
                                 << u"%1:2: unknown key \"colour\""_s;
    QTest::newRow("a command-line meta option is no key")
        << QByteArray("config = /etc/other.conf\n") << QStringList()
        << u"%1:1: unknown key \"config\""_s;
    QTest::newRow("number out of range") << QByteArray("\n\nport = 70000\n") << QStringList()
                                         << u"%1:3: invalid port (0 to 65535): \"70000\""_s;
    QTest::newRow("number not a number")
        << QByteArray("flood-rate = fast\n") << QStringList()
        << u"%1:1: invalid flood-rate (0 to 1073741824): \"fast\""_s;
    QTest::newRow("number empty") << QByteArray("port =\n") << QStringList()
                                  << u"%1:1: invalid port (0 to 65535): \"\""_s;
    QTest::newRow("bad flag") << QByteArray("exempt-loopback = maybe\n") << QStringList()
                              << u"%1:1: invalid exempt-loopback (true or false): \"maybe\""_s;
    QTest::newRow("bad choice")
        << QByteArray("database = oracle\n") << QStringList()
        << u"%1:1: invalid database (sqlite, memory or postgresql://user:password@host:port/dbname): \"oracle\""_s;
    QTest::newRow("database URL without a database, password not shown")
        << QByteArray("database = postgresql://chat:secret@db.example.org:5432/\n") << QStringList()
        << u"%1:1: invalid database (sqlite, memory or postgresql://user:password@host:port/dbname): \"postgresql://chat:****@db.example.org:5432/\""_s;
    QTest::newRow("bad address") << QByteArray("bind = 999.1.1.1\n") << QStringList()
                                 << u"%1:1: invalid bind (an IP address): \"999.1.1.1\""_s;
    QTest::newRow("bad metrics address")
        << QByteArray("metrics-address = ::1:9100\n") << QStringList()
        << u"%1:1: invalid metrics-address (a port, or address:port): \"::1:9100\""_s;
    QTest::newRow("syntax") << QByteArray("port: 5\n") << QStringList()
                            << u"%1:1: expected \"key = value\", not \"port: 5\""_s;
    QTest::newRow("the file is not there")
        << QByteArray() << QStringList() << u"cannot read %1: "_s;
    QTest::newRow("the file is a folder")
        << QByteArray() << QStringList{u"folder"_s} << u"cannot read %1"_s;
    QTest::newRow("certificate without a key") << QByteArray("tls-cert = /c.pem\n") << QStringList()
                                               << u"tls-cert and tls-key go together."_s;
    QTest::newRow("bad value on the command line")
        << QByteArray("port = 5\n") << QStringList{u"--bind"_s, u"999.1.1.1"_s}
        << u"Invalid --bind (an IP address): 999.1.1.1"_s;
}

void TestServerOptions::badFile()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QString path = dir.filePath(u"missing.conf"_s);
    if (arguments == QStringList{u"folder"_s}) {
        path = dir.path();
        arguments.clear();
    } else if (!file.isEmpty()) {
        path = writeFile(dir, u"chat-server.conf"_s, file);
    }
    const ServerOptions::Result result = parseWith(QStringList{u"--config"_s, path} + arguments);
    QVERIFY2(result.error.startsWith(error.arg(path)), qPrintable(result.error));
}

void TestServerOptions::printConfigReadsBack_data()
{
    QTest::addColumn<ServerConfig>("config");
    ServerConfig defaults;
    defaults.dataDirectory = ServerOptions::defaultDataDirectory();
    QTest::newRow("defaults") << defaults;
    QTest::newRow("every setting changed") << everythingChanged();
    ServerConfig ipv4 = everythingChanged();
    ipv4.bindAddress = QHostAddress(u"192.0.2.7"_s);
    ipv4.metricsAddress = QHostAddress::LocalHost;
    ipv4.metricsPort = 0;
    QTest::newRow("IPv4 addresses") << ipv4;
}

void TestServerOptions::printConfigReadsBack()
{
    QFETCH(ServerConfig, config);
    const QString text = OptionDocs::configFile(config);
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"printed.conf"_s, text.toUtf8());
    const ServerOptions::Result result = parseWith({u"--config"_s, path});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    for (const ServerOption &option : OptionTable::options())
        QCOMPARE(option.get(result.config), option.get(config));
    QVERIFY(result.config == config);
    QCOMPARE(OptionDocs::configFile(result.config), text);
}

// The table is the one list: --help, the file and the man page each have every option.
void TestServerOptions::everyOptionIsInEveryPlace()
{
    const QString printed = OptionDocs::configFile(ServerConfig{});
    const QString man = OptionDocs::manPage();
    for (const ServerOption &option : OptionTable::options()) {
        QVERIFY2(printed.contains(u'\n' + option.name + u" ="_s), qPrintable(option.name));
        QVERIFY2(man.contains(u"\\fB\\-\\-"_s + QString(option.name).replace(u'-', u"\\-"_s)),
                 qPrintable(option.name));
        QVERIFY2(!option.helpText().isEmpty(), qPrintable(option.name));
    }
}

// resources/chat-server.conf, which the package installs, is what --print-config writes for
// the defaults with the service's data folder: regenerate it with
//   build/dev/server/chat-server --config /dev/null --data-dir /var/lib/chat-server
//       --print-config > resources/chat-server.conf
void TestServerOptions::shippedExampleIsTheDefaults()
{
    const ServerOptions::Result result =
        parseWith({u"--config"_s, u"/dev/null"_s, u"--data-dir"_s, u"/var/lib/chat-server"_s});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QFile shipped(QStringLiteral(SHIPPED_CONFIG));
    QVERIFY(shipped.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(shipped.readAll()), OptionDocs::configFile(result.config));
    const ServerOptions::Result read = parseWith({u"--config"_s, QStringLiteral(SHIPPED_CONFIG)});
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.config.dataDirectory, u"/var/lib/chat-server"_s);
}

void TestServerOptions::reloadPlan_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("taken");
    QTest::newRow("a limit is taken") << u"max-output-bytes"_s << u"8192"_s << true;
    QTest::newRow("a flag is taken") << u"exempt-loopback"_s << u"true"_s << true;
    QTest::newRow("the name is taken") << u"name"_s << u"new name"_s << true;
    QTest::newRow("for new connections") << u"login-timeout"_s << u"5"_s << true;
    QTest::newRow("the port needs a restart") << u"port"_s << u"6000"_s << false;
    QTest::newRow("the data folder needs a restart") << u"data-dir"_s << u"/elsewhere"_s << false;
    QTest::newRow("metrics need a restart") << u"metrics-address"_s << u"127.0.0.1:9"_s << false;
    QTest::newRow("the same value is no change") << u"port"_s << u"5005"_s << false;
}

void TestServerOptions::reloadPlan()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(bool, taken);
    const ServerOption *row = OptionTable::find(option);
    QVERIFY(row);
    const ServerConfig current;
    ServerConfig next = current;
    QVERIFY(row->set(next, value).isEmpty());
    const Reconfiguration plan = Reconfiguration::plan(current, next);
    QCOMPARE(row->get(plan.applied), taken ? value : row->get(current));
    QCOMPARE(plan.changed.size(), taken ? 1 : 0);
    const bool changed = row->get(current) != value;
    QCOMPARE(plan.needRestart.size(), !taken && changed ? 1 : 0);
    if (taken)
        QCOMPARE(plan.changed.first().to, value);
}

void TestServerOptions::ircServerName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("ircName");
    QTest::newRow("a host name keeps its case") << u"My.Little.Server"_s << u"My.Little.Server"_s;
    QTest::newRow("a word becomes a host under .chat") << u"Lab"_s << u"Lab.chat"_s;
    QTest::newRow("what a host name cannot hold is dropped")
        << u"Café Chat!"_s << u"CafChat.chat"_s;
    QTest::newRow("nothing left") << u"¡¿"_s << u"chat.server"_s;
}

void TestServerOptions::ircServerName()
{
    QFETCH(QString, name);
    QFETCH(QString, ircName);
    ServerConfig config;
    config.name = name;
    QCOMPARE(config.ircServerName(), ircName);
}

QTEST_GUILESS_MAIN(TestServerOptions)
#include "tst_serveroptions.moc"
