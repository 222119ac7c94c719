// SPDX-License-Identifier: MIT
#include "Command.h"
#include "CommandTable.h"
#include "Protocol.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(CommandType)

class tst_Command : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void specMatchesTableOrder();
    void find_data();
    void find();
    void everyWordParses();
    void noteToPerson_data();
    void noteToPerson();
};

void tst_Command::parse_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("acceptLabel");
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("label");

    using T = CommandType;
    using S = QStringList;
    const int ok = 0;
    const int badInput = int(ErrorCode::BadInput);
    const int noText = int(ErrorCode::NoText);
    const int unknown = int(ErrorCode::UnknownCommand);
    const int needMore = int(ErrorCode::NeedMoreParams);
    const QString label32(Protocol::LabelMaxLength, u'a');
    const QString label33(Protocol::LabelMaxLength + 1, u'a');

    // clang-format off
    // Every command word and alias, with a slash.
    QTest::newRow("login") << u"/login alice"_s << false << T::Login << u"login"_s << S{u"alice"_s} << ok << QString() << QString();
    QTest::newRow("logout") << u"/logout"_s << false << T::Logout << u"logout"_s << S{} << ok << QString() << QString();
    QTest::newRow("quit alias") << u"/quit"_s << false << T::Logout << u"logout"_s << S{} << ok << QString() << QString();
    QTest::newRow("say") << u"/say hello world"_s << false << T::Say << u"say"_s << S{u"hello world"_s} << ok << QString() << QString();
    QTest::newRow("me") << u"/me waves"_s << false << T::Me << u"me"_s << S{u"waves"_s} << ok << QString() << QString();
    QTest::newRow("look") << u"/look"_s << false << T::Look << u"look"_s << S{} << ok << QString() << QString();
    QTest::newRow("who") << u"/who"_s << false << T::Who << u"who"_s << S{} << ok << QString() << QString();
    QTest::newRow("list") << u"/list"_s << false << T::List << u"list"_s << S{} << ok << QString() << QString();
    QTest::newRow("create") << u"/create games"_s << false << T::Create << u"create"_s << S{u"games"_s} << ok << QString() << QString();
    QTest::newRow("join") << u"/join games"_s << false << T::Join << u"join"_s << S{u"games"_s} << ok << QString() << QString();
    QTest::newRow("select alias") << u"/select games"_s << false << T::Join << u"join"_s << S{u"games"_s} << ok << QString() << QString();
    QTest::newRow("msg") << u"/msg bob hi there"_s << false << T::Msg << u"msg"_s << S{u"bob"_s, u"hi there"_s} << ok << QString() << QString();
    QTest::newRow("nick") << u"/nick bobby"_s << false << T::Nick << u"nick"_s << S{u"bobby"_s} << ok << QString() << QString();
    QTest::newRow("topic shown") << u"/topic"_s << false << T::Topic << u"topic"_s << S{} << ok << QString() << QString();
    QTest::newRow("topic set") << u"/topic Let's talk"_s << false << T::Topic << u"topic"_s << S{u"Let's talk"_s} << ok << QString() << QString();
    QTest::newRow("help") << u"/help"_s << false << T::Help << u"help"_s << S{} << ok << QString() << QString();
    QTest::newRow("help command") << u"/help msg"_s << false << T::Help << u"help"_s << S{u"msg"_s} << ok << QString() << QString();
    QTest::newRow("h alias") << u"/h"_s << false << T::Help << u"help"_s << S{} << ok << QString() << QString();
    QTest::newRow("question mark alias") << u"/? join"_s << false << T::Help << u"help"_s << S{u"join"_s} << ok << QString() << QString();
    QTest::newRow("set") << u"/set"_s << false << T::Set << u"set"_s << S{} << ok << QString() << QString();
    QTest::newRow("set key") << u"/set time"_s << false << T::Set << u"set"_s << S{u"time"_s} << ok << QString() << QString();
    QTest::newRow("set key value") << u"/set time on"_s << false << T::Set << u"set"_s << S{u"time"_s, u"on"_s} << ok << QString() << QString();
    QTest::newRow("set extra spaces") << u"/set   lang   zh_CN  "_s << false << T::Set << u"set"_s << S{u"lang"_s, u"zh_CN"_s} << ok << QString() << QString();
    QTest::newRow("ping") << u"/ping"_s << false << T::Ping << u"ping"_s << S{} << ok << QString() << QString();
    QTest::newRow("ping token") << u"/ping abc123"_s << false << T::Ping << u"ping"_s << S{u"abc123"_s} << ok << QString() << QString();
    QTest::newRow("pong") << u"/pong"_s << false << T::Pong << u"pong"_s << S{} << ok << QString() << QString();
    QTest::newRow("pong token") << u"/pong abc123"_s << false << T::Pong << u"pong"_s << S{u"abc123"_s} << ok << QString() << QString();
    QTest::newRow("ban mask") << u"/ban 10.0.0.0/8"_s << false << T::Ban << u"ban"_s << S{u"10.0.0.0/8"_s} << ok << QString() << QString();
    QTest::newRow("ban duration reason") << u"/ban bob 2h too loud"_s << false << T::Ban << u"ban"_s << S{u"bob"_s, u"2h too loud"_s} << ok << QString() << QString();
    QTest::newRow("ban without mask") << u"/ban"_s << false << T::Ban << u"ban"_s << S{} << needMore << u"ban [#room] <mask> [duration] [reason]"_s << QString();
    QTest::newRow("unban") << u"/unban account:bob"_s << false << T::Unban << u"unban"_s << S{u"account:bob"_s} << ok << QString() << QString();
    QTest::newRow("bans") << u"/bans"_s << false << T::Bans << u"bans"_s << S{} << ok << QString() << QString();
    QTest::newRow("rule") << u"/rule invite-only on"_s << false << T::Rule << u"rule"_s << S{u"invite-only"_s, u"on"_s} << ok << QString() << QString();
    QTest::newRow("invite") << u"/invite bob"_s << false << T::Invite << u"invite"_s << S{u"bob"_s} << ok << QString() << QString();
    QTest::newRow("away without text") << u"/away"_s << false << T::Away << u"away"_s << S{} << ok << QString() << QString();
    QTest::newRow("away with text") << u"/away at lunch"_s << false << T::Away << u"away"_s << S{u"at lunch"_s} << ok << QString() << QString();
    QTest::newRow("back") << u"/back"_s << false << T::Back << u"back"_s << S{} << ok << QString() << QString();
    QTest::newRow("notice") << u"/notice hello all"_s << false << T::Notice << u"notice"_s << S{u"hello all"_s} << ok << QString() << QString();
    QTest::newRow("disconnect") << u"/disconnect bob bye"_s << false << T::Disconnect << u"disconnect"_s << S{u"bob"_s, u"bye"_s} << ok << QString() << QString();
    QTest::newRow("modlog") << u"/modlog #games 5"_s << false << T::Modlog << u"modlog"_s << S{u"5"_s} << ok << QString() << QString();
    QTest::newRow("conversations") << u"/conversations 2000-01-01T00:00:00.000Z 2999-01-01T00:00:00.000Z 5"_s << false << T::Conversations << u"conversations"_s << S{u"2000-01-01T00:00:00.000Z"_s, u"2999-01-01T00:00:00.000Z"_s, u"5"_s} << ok << QString() << QString();
    QTest::newRow("whowas") << u"/whowas bob 2"_s << false << T::Whowas << u"whowas"_s << S{u"bob"_s, u"2"_s} << ok << QString() << QString();
    QTest::newRow("whowas without a count") << u"whowas bob"_s << false << T::Whowas << u"whowas"_s << S{u"bob"_s} << ok << QString() << QString();
    QTest::newRow("oper") << u"/oper root correct-horse"_s << false << T::Oper << u"oper"_s << S{u"root"_s, u"correct-horse"_s} << ok << QString() << QString();
    QTest::newRow("close") << u"/close #games"_s << false << T::Close << u"close"_s << S{u"#games"_s} << ok << QString() << QString();

    // Without a slash.
    QTest::newRow("login without slash") << u"login alice"_s << false << T::Login << u"login"_s << S{u"alice"_s} << ok << QString() << QString();
    QTest::newRow("who without slash") << u"who"_s << false << T::Who << u"who"_s << S{} << ok << QString() << QString();
    QTest::newRow("quit without slash") << u"quit"_s << false << T::Logout << u"logout"_s << S{} << ok << QString() << QString();
    QTest::newRow("msg without slash") << u"msg bob hi"_s << false << T::Msg << u"msg"_s << S{u"bob"_s, u"hi"_s} << ok << QString() << QString();
    QTest::newRow("set without slash") << u"set lang zh_CN"_s << false << T::Set << u"set"_s << S{u"lang"_s, u"zh_CN"_s} << ok << QString() << QString();
    QTest::newRow("help without slash") << u"help me"_s << false << T::Help << u"help"_s << S{u"me"_s} << ok << QString() << QString();
    QTest::newRow("question mark without slash") << u"?"_s << false << T::Help << u"help"_s << S{} << ok << QString() << QString();

    // Any case.
    QTest::newRow("upper case word") << u"/WHO"_s << false << T::Who << u"who"_s << S{} << ok << QString() << QString();
    QTest::newRow("mixed case alias") << u"/QuIt"_s << false << T::Logout << u"logout"_s << S{} << ok << QString() << QString();
    QTest::newRow("upper case without slash") << u"JOIN Games"_s << false << T::Join << u"join"_s << S{u"Games"_s} << ok << QString() << QString();
    QTest::newRow("upper case alias with args") << u"/SELECT games"_s << false << T::Join << u"join"_s << S{u"games"_s} << ok << QString() << QString();

    // Chat.
    QTest::newRow("plain text") << u"hello everyone"_s << false << T::Say << u"say"_s << S{u"hello everyone"_s} << ok << QString() << QString();
    QTest::newRow("who is here without slash") << u"who is here?"_s << false << T::Say << u"say"_s << S{u"who is here?"_s} << ok << QString() << QString();
    QTest::newRow("look around without slash") << u"look around"_s << false << T::Say << u"say"_s << S{u"look around"_s} << ok << QString() << QString();
    QTest::newRow("quit now without slash") << u"Quit now"_s << false << T::Say << u"say"_s << S{u"Quit now"_s} << ok << QString() << QString();
    QTest::newRow("double slash") << u"//x"_s << false << T::Say << u"say"_s << S{u"/x"_s} << ok << QString() << QString();
    QTest::newRow("double slash command word") << u"//who is here"_s << false << T::Say << u"say"_s << S{u"/who is here"_s} << ok << QString() << QString();
    QTest::newRow("double slash alone") << u"//"_s << false << T::Say << u"say"_s << S{u"/"_s} << ok << QString() << QString();
    QTest::newRow("triple slash") << u"///x"_s << false << T::Say << u"say"_s << S{u"//x"_s} << ok << QString() << QString();
    QTest::newRow("slash inside text") << u"and/or"_s << false << T::Say << u"say"_s << S{u"and/or"_s} << ok << QString() << QString();
    QTest::newRow("chinese text") << u"你好，世界"_s << false << T::Say << u"say"_s << S{u"你好，世界"_s} << ok << QString() << QString();
    QTest::newRow("emoji in text") << u"hi 👋🏽 there"_s << false << T::Say << u"say"_s << S{u"hi 👋🏽 there"_s} << ok << QString() << QString();
    QTest::newRow("leading and trailing spaces") << u"   hello   "_s << false << T::Say << u"say"_s << S{u"hello"_s} << ok << QString() << QString();
    QTest::newRow("inner spaces kept") << u"a   b"_s << false << T::Say << u"say"_s << S{u"a   b"_s} << ok << QString() << QString();
    QTest::newRow("say text trimmed") << u"/say   spaced out   "_s << false << T::Say << u"say"_s << S{u"spaced out"_s} << ok << QString() << QString();
    QTest::newRow("msg text trimmed") << u"/msg  bob   hello  world  "_s << false << T::Msg << u"msg"_s << S{u"bob"_s, u"hello  world"_s} << ok << QString() << QString();
    QTest::newRow("chinese nick") << u"/msg 张伟 你好"_s << false << T::Msg << u"msg"_s << S{u"张伟"_s, u"你好"_s} << ok << QString() << QString();
    QTest::newRow("login chinese nick") << u"/login 张伟"_s << false << T::Login << u"login"_s << S{u"张伟"_s} << ok << QString() << QString();
    QTest::newRow("at sign without labels") << u"@a1 /who"_s << false << T::Say << u"say"_s << S{u"@a1 /who"_s} << ok << QString() << QString();

    // Errors.
    QTest::newRow("logout with parting words") << u"/logout x"_s << false << T::Logout << u"logout"_s << S{u"x"_s} << ok << QString() << QString();
    // list and who: a filter and a page, with a slash in text; always for programs.
    QTest::newRow("who filter") << u"/who ali"_s << false << T::Who << u"who"_s << S{u"ali"_s} << ok << QString() << QString();
    QTest::newRow("list filter and page") << u"/list gam* 2"_s << false << T::List << u"list"_s << S{u"gam*"_s, u"2"_s} << ok << QString() << QString();
    QTest::newRow("list page, extra spaces") << u"/list   3  "_s << false << T::List << u"list"_s << S{u"3"_s} << ok << QString() << QString();
    QTest::newRow("list three words") << u"/list a b c"_s << false << T::List << u"list"_s << S{u"a"_s, u"b"_s, u"c"_s} << needMore << u"list [filter] [page]"_s << QString();
    QTest::newRow("who three words") << u"/who is here now"_s << false << T::Who << u"who"_s << S{u"is"_s, u"here"_s, u"now"_s} << needMore << u"who [filter] [page]"_s << QString();
    QTest::newRow("list words without slash are chat") << u"list games"_s << false << T::Say << u"say"_s << S{u"list games"_s} << ok << QString() << QString();
    QTest::newRow("tagged who filter without slash") << u"@w who ali"_s << true << T::Who << u"who"_s << S{u"ali"_s} << ok << QString() << u"w"_s;
    QTest::newRow("tagged list page without slash") << u"list 2"_s << true << T::List << u"list"_s << S{u"2"_s} << ok << QString() << QString();
    QTest::newRow("tagged look with words is still chat") << u"look around"_s << true << T::Say << u"say"_s << S{u"look around"_s} << ok << QString() << QString();
    QTest::newRow("quit with parting words") << u"/quit see you all"_s << false << T::Logout << u"logout"_s << S{u"see you all"_s} << ok << QString() << QString();
    QTest::newRow("tagged logout with words") << u"logout see you"_s << true << T::Logout << u"logout"_s << S{u"see you"_s} << ok << QString() << QString();
    QTest::newRow("unknown command") << u"/bogus"_s << false << T::Say << u"bogus"_s << S{} << unknown << u"bogus"_s << QString();
    QTest::newRow("unknown command with text") << u"/bogus one two"_s << false << T::Say << u"bogus"_s << S{} << unknown << u"bogus"_s << QString();
    QTest::newRow("unknown command case kept") << u"/BoGus"_s << false << T::Say << u"BoGus"_s << S{} << unknown << u"BoGus"_s << QString();
    QTest::newRow("unknown chinese command") << u"/说 你好"_s << false << T::Say << u"说"_s << S{} << unknown << u"说"_s << QString();
    QTest::newRow("login without nick") << u"/login"_s << false << T::Login << u"login"_s << S{} << needMore << u"login <nick> [password]"_s << QString();
    QTest::newRow("login with a password") << u"login alice correct-horse"_s << false << T::Login << u"login"_s << S{u"alice"_s, u"correct-horse"_s} << ok << QString() << QString();
    QTest::newRow("login with two more words") << u"login alice two words"_s << false << T::Login << u"login"_s << S{} << needMore << u"login <nick> [password]"_s << QString();
    QTest::newRow("password with two words") << u"password old-one new-one"_s << false << T::Password << u"password"_s << S{u"old-one"_s, u"new-one"_s} << ok << QString() << QString();
    QTest::newRow("register without password") << u"/register"_s << false << T::Register << u"register"_s << S{} << needMore << u"register <password>"_s << QString();
    QTest::newRow("create without room") << u"/create"_s << false << T::Create << u"create"_s << S{} << needMore << u"create <room>"_s << QString();
    QTest::newRow("join without room") << u"/join   "_s << false << T::Join << u"join"_s << S{} << needMore << u"join <room> [key]"_s << QString();
    QTest::newRow("nick without name") << u"nick"_s << false << T::Nick << u"nick"_s << S{} << needMore << u"nick <new>"_s << QString();
    QTest::newRow("msg without anything") << u"/msg"_s << false << T::Msg << u"msg"_s << S{} << needMore << u"msg <nick> <text>"_s << QString();
    QTest::newRow("msg without text") << u"/msg bob"_s << false << T::Msg << u"msg"_s << S{} << noText << QString() << QString();
    QTest::newRow("msg with spaces only") << u"/msg bob    "_s << false << T::Msg << u"msg"_s << S{} << noText << QString() << QString();
    QTest::newRow("say without text") << u"/say"_s << false << T::Say << u"say"_s << S{} << noText << QString() << QString();
    QTest::newRow("say with spaces only") << u"/say    "_s << false << T::Say << u"say"_s << S{} << noText << QString() << QString();
    QTest::newRow("me without action") << u"me"_s << false << T::Me << u"me"_s << S{} << noText << QString() << QString();
    QTest::newRow("empty line") << QString() << false << T::Say << u"say"_s << S{} << noText << QString() << QString();
    QTest::newRow("only spaces") << u"     "_s << false << T::Say << u"say"_s << S{} << noText << QString() << QString();
    QTest::newRow("set with three words") << u"/set time on now"_s << false << T::Set << u"set"_s << S{} << needMore << u"set [time|tagged|lang|rooms|invisible] [value]"_s << QString();

    // Labels.
    QTest::newRow("label") << u"@a1 /who"_s << true << T::Who << u"who"_s << S{} << ok << QString() << u"a1"_s;
    QTest::newRow("label every character") << u"@Az09._- hello"_s << true << T::Say << u"say"_s << S{u"hello"_s} << ok << QString() << u"Az09._-"_s;
    QTest::newRow("label without slash") << u"@x msg bob hi"_s << true << T::Msg << u"msg"_s << S{u"bob"_s, u"hi"_s} << ok << QString() << u"x"_s;
    QTest::newRow("label with double slash") << u"@l //x"_s << true << T::Say << u"say"_s << S{u"/x"_s} << ok << QString() << u"l"_s;
    QTest::newRow("label longest") << u"@"_s + label32 + u" /ping"_s << true << T::Ping << u"ping"_s << S{} << ok << QString() << label32;
    QTest::newRow("label kept on error") << u"@l7 /bogus"_s << true << T::Say << u"bogus"_s << S{} << unknown << u"bogus"_s << u"l7"_s;
    QTest::newRow("label alone") << u"@abc"_s << true << T::Say << u"say"_s << S{} << noText << QString() << u"abc"_s;
    QTest::newRow("no label when accepted") << u"/who"_s << true << T::Who << u"who"_s << S{} << ok << QString() << QString();
    QTest::newRow("bad label character") << u"@a!b /who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("label too long") << u"@"_s + label33 + u" /who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("at sign alone") << u"@"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("empty label before command") << u"@ /who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("space after at sign") << u"@ who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("ideographic space after at sign") << u"@\u3000who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("chinese label") << u"@标签 who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    QTest::newRow("emoji label") << u"@🏷 who"_s << true << T::Say << QString() << S{} << badInput << u"label"_s << QString();
    // clang-format on
}

void tst_Command::parse()
{
    QFETCH(QString, line);
    QFETCH(bool, acceptLabel);
    QFETCH(CommandType, type);
    QFETCH(QString, word);
    QFETCH(QStringList, arguments);
    QFETCH(int, error);
    QFETCH(QString, subject);
    QFETCH(QString, label);

    const Command command = Command::parse(line, acceptLabel);
    QCOMPARE(int(command.error()), error);
    QCOMPARE(command.isValid(), error == 0);
    QCOMPARE(command.errorSubject(), subject);
    QCOMPARE(int(command.type()), int(type));
    QCOMPARE(command.spec().type, type);
    QCOMPARE(command.word(), word);
    QCOMPARE(command.arguments(), arguments);
    for (int i = 0; i < arguments.size(); ++i)
        QCOMPARE(command.argument(i), arguments[i]);
    QCOMPARE(command.argument(arguments.size()), QString());
    QCOMPARE(command.label(), label);
}

void tst_Command::specMatchesTableOrder()
{
    const QList<CommandSpec> &table = CommandTable::all();
    QCOMPARE(table.size(), int(CommandType::Tagmsg) + 1);
    for (int i = 0; i < table.size(); ++i) {
        const auto type = CommandType(i);
        QCOMPARE(int(table[i].type), i);
        QCOMPARE(&CommandTable::spec(type), &table[i]);
        QCOMPARE(CommandTable::spec(type).type, type);
        QVERIFY(!table[i].name.isEmpty());
        QVERIFY(QByteArrayView(table[i].usage).startsWith(table[i].name.toLatin1()));
        QVERIFY(qstrlen(table[i].summary) > 0);
    }
}

void tst_Command::find_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("found");
    QTest::addColumn<CommandType>("type");

    using T = CommandType;
    QTest::newRow("login") << u"login"_s << true << T::Login;
    QTest::newRow("quit alias") << u"quit"_s << true << T::Logout;
    QTest::newRow("select alias") << u"select"_s << true << T::Join;
    QTest::newRow("h alias") << u"h"_s << true << T::Help;
    QTest::newRow("question mark alias") << u"?"_s << true << T::Help;
    QTest::newRow("upper case") << u"PONG"_s << true << T::Pong;
    QTest::newRow("mixed case") << u"tOpIc"_s << true << T::Topic;
    QTest::newRow("empty") << QString() << false << T::Say;
    QTest::newRow("unknown") << u"bogus"_s << false << T::Say;
    QTest::newRow("with slash") << u"/who"_s << false << T::Say;
    QTest::newRow("leading space") << u" who"_s << false << T::Say;
    QTest::newRow("prefix of a word") << u"lo"_s << false << T::Say;
    QTest::newRow("word with suffix") << u"whom"_s << false << T::Say;
    QTest::newRow("chinese") << u"帮助"_s << false << T::Say;
}

void tst_Command::find()
{
    QFETCH(QString, word);
    QFETCH(bool, found);
    QFETCH(CommandType, type);

    const CommandSpec *spec = CommandTable::find(word);
    QCOMPARE(spec != nullptr, found);
    if (found)
        QCOMPARE(spec->type, type);
}

// Every name and alias in the table finds its own entry and parses, in any case, with or
// without the slash.
void tst_Command::everyWordParses()
{
    for (const CommandSpec &spec : CommandTable::all()) {
        QStringList words = spec.aliases;
        words.prepend(spec.name);
        for (const QString &word : std::as_const(words)) {
            for (const QString &spelling : {word, word.toUpper()}) {
                const CommandSpec *found = CommandTable::find(spelling);
                QVERIFY2(found == &spec, qPrintable(spelling));
                for (const QString &prefix : {u"/"_s, QString()}) {
                    const Command command = Command::parse(prefix + spelling, false);
                    QVERIFY2(command.type() == spec.type, qPrintable(prefix + spelling));
                    QCOMPARE(command.word(), spec.name);
                }
            }
        }
    }
}

// "note @nick <text>" is a note to one person only without a #room; so are "tagmsg @nick"'s
// tags.
void tst_Command::noteToPerson_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("toPerson");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QString>("text");
    QTest::newRow("to a person") << u"note @bob your turn"_s << true << u"bob"_s << u"your turn"_s;
    QTest::newRow("spaces around")
        << u"note  @bob   your turn "_s << true << u"bob"_s << u"your turn"_s;
    QTest::newRow("no text") << u"note @bob"_s << true << u"bob"_s << QString();
    QTest::newRow("no nick") << u"note @ hi"_s << true << QString() << u"hi"_s;
    QTest::newRow("to the room") << u"note build passed"_s << false << QString() << QString();
    QTest::newRow("a room's, starting with @")
        << u"note #hall @bob your turn"_s << false << QString() << QString();
    QTest::newRow("not a note") << u"say @bob hi"_s << false << QString() << QString();
    QTest::newRow("tags to a person") << u"tagmsg @bob"_s << true << u"bob"_s << QString();
    QTest::newRow("tags to a room") << u"tagmsg #hall"_s << false << QString() << QString();
    QTest::newRow("tags to the current room") << u"tagmsg"_s << false << QString() << QString();
}

void tst_Command::noteToPerson()
{
    QFETCH(QString, line);
    QFETCH(bool, toPerson);
    QFETCH(QString, nick);
    QFETCH(QString, text);
    const Command command = Command::parse(line, false);
    QVERIFY(command.isValid());
    QCOMPARE(command.isToPerson(), toPerson);
    QCOMPARE(command.personNick(), nick);
    QCOMPARE(command.personText(), text);
}

QTEST_GUILESS_MAIN(tst_Command)
#include "tst_command.moc"
