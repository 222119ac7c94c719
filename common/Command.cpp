// SPDX-License-Identifier: MIT
#include "Command.h"

#include "NameRules.h"
#include "Protocol.h"

using namespace Qt::StringLiterals;

namespace {

bool isLabelCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-';
}

bool isValidLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > Protocol::LabelMaxLength)
        return false;
    return std::all_of(label.begin(), label.end(), isLabelCharacter);
}

// Splits "word rest" at the first run of spaces.
std::pair<QStringView, QStringView> firstWord(QStringView text)
{
    text = text.trimmed();
    const qsizetype space = text.indexOf(u' ');
    if (space < 0)
        return {text, {}};
    return {text.first(space), text.sliced(space + 1).trimmed()};
}

} // namespace

Command Command::parse(const QString &line, bool acceptLabel)
{
    Command command;
    QStringView rest = QStringView(line).trimmed();

    if (acceptLabel && rest.startsWith(u'@')) {
        // The label starts right after the "@": "@ who" has an empty label, not "who".
        const QStringView afterAt = rest.sliced(1);
        const qsizetype space = afterAt.indexOf(u' ');
        const QStringView label = space < 0 ? afterAt : afterAt.first(space);
        if (!isValidLabel(label)) {
            command.fail(ErrorCode::BadInput, u"label"_s);
            return command;
        }
        command.m_label = label.toString();
        rest = space < 0 ? QStringView() : afterAt.sliced(space + 1).trimmed();
    }

    if (rest.startsWith(u"//")) {
        command.m_word = u"say"_s;
        command.m_arguments = {rest.sliced(1).toString()};
        return command;
    }

    const bool slashed = rest.startsWith(u'/');
    auto [word, arguments] = firstWord(slashed ? rest.sliced(1) : rest);
    const CommandSpec *spec = CommandTable::find(word);
    QStringView room;
    if (spec && spec->roomTarget == RoomTarget::Yes && arguments.startsWith(u'#')) {
        std::tie(room, arguments) = firstWord(arguments);
        room = room.sliced(1);
    }
    // People type "who is here?", "quit smoking", "close enough" or "notice anything?" to the
    // room: on telnet a filter, parting words and the administrators' commands need the "/";
    // programs always mean the command.
    const bool typedAsChat =
        spec && (spec->shape == ArgShape::Filter || spec->type == CommandType::Logout ||
                 spec->type == CommandType::Notice || spec->type == CommandType::Wallops ||
                 spec->type == CommandType::Close || spec->type == CommandType::Disconnect);
    const bool takesNoWords =
        spec && (spec->shape == ArgShape::None || (typedAsChat && !acceptLabel));
    const bool chat = !spec || (!slashed && takesNoWords && !arguments.isEmpty());

    if (chat && slashed) {
        command.m_word = word.toString();
        command.fail(ErrorCode::UnknownCommand, word.toString());
        return command;
    }
    if (chat) {
        command.m_word = u"say"_s;
        command.splitArguments(rest, false);
        return command;
    }
    command.m_type = spec->type;
    command.m_word = spec->name;
    command.m_room = room.toString();
    if (command.m_room.isEmpty() && !room.isNull()) {
        command.fail(ErrorCode::NeedMoreParams, QString::fromLatin1(spec->usage));
        return command;
    }
    command.splitArguments(arguments, slashed);
    return command;
}

void Command::fail(ErrorCode code, const QString &subject)
{
    m_error = code;
    m_errorSubject = subject;
}

void Command::splitArguments(QStringView rest, bool slashed)
{
    const CommandSpec &s = spec();
    const QString usage = QString::fromLatin1(s.usage);
    switch (s.shape) {
    case ArgShape::None:
        if (!rest.isEmpty() && slashed)
            fail(ErrorCode::NeedMoreParams, usage);
        break;
    case ArgShape::Name:
        if (rest.isEmpty())
            fail(ErrorCode::NeedMoreParams, usage);
        else
            m_arguments = {rest.toString()};
        break;
    case ArgShape::OptionalName:
    case ArgShape::OptionalText:
    case ArgShape::Token:
        if (!rest.isEmpty())
            m_arguments = {rest.toString()};
        break;
    case ArgShape::Text:
        if (rest.isEmpty())
            fail(ErrorCode::NoText, {});
        else
            m_arguments = {rest.toString()};
        break;
    case ArgShape::NameText: {
        const auto [name, text] = firstWord(rest);
        if (name.isEmpty())
            fail(ErrorCode::NeedMoreParams, usage);
        else if (text.isEmpty())
            fail(ErrorCode::NoText, {});
        else
            m_arguments = {name.toString(), text.toString()};
        break;
    }
    case ArgShape::NameWord: {
        const auto [name, word] = firstWord(rest);
        if (name.isEmpty() || word.contains(u' '))
            fail(ErrorCode::NeedMoreParams, usage);
        else
            m_arguments = word.isEmpty() ? QStringList{name.toString()}
                                         : QStringList{name.toString(), word.toString()};
        break;
    }
    case ArgShape::NameMaybeText: {
        const auto [name, text] = firstWord(rest);
        if (name.isEmpty())
            fail(ErrorCode::NeedMoreParams, usage);
        else
            m_arguments = text.isEmpty() ? QStringList{name.toString()}
                                         : QStringList{name.toString(), text.toString()};
        break;
    }
    case ArgShape::Words:
        m_arguments = rest.toString().split(u' ', Qt::SkipEmptyParts);
        break;
    case ArgShape::Filter:
        // What the words mean (a filter, a page) is the command's to say.
        m_arguments = rest.toString().split(u' ', Qt::SkipEmptyParts);
        if (m_arguments.size() > 2)
            fail(ErrorCode::NeedMoreParams, usage);
        break;
    case ArgShape::Setting: {
        const auto [key, value] = firstWord(rest);
        if (value.contains(u' '))
            fail(ErrorCode::NeedMoreParams, usage);
        else if (!key.isEmpty())
            m_arguments = value.isEmpty() ? QStringList{key.toString()}
                                          : QStringList{key.toString(), value.toString()};
        break;
    }
    }
}

bool Command::isToPerson() const
{
    return (m_type == CommandType::Note || m_type == CommandType::Tagmsg) && m_room.isEmpty() &&
           argument(0).startsWith(u'@');
}

bool Command::names(const QString &nick) const
{
    return spec().shape == ArgShape::Name && NameRules::same(argument(0), nick);
}

QString Command::personNick() const
{
    return isToPerson() ? argument(0).section(u' ', 0, 0).mid(1) : QString();
}

QString Command::personText() const
{
    return isToPerson() ? argument(0).section(u' ', 1).trimmed() : QString();
}
