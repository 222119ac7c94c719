// SPDX-License-Identifier: MIT
#include "TaggedCodec.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

enum class Field { Id, Seq, Count, Code, Command, Room, Nick, Target, Subject, Text };

struct Layout
{
    Event::Kind kind;
    QString word;
    QList<Field> fields;
    int listGroup; // 0: no list; otherwise the list's items come in groups of this size
    QByteArray wordBytes = word.toLatin1();
};

const QList<Layout> &layouts()
{
    using K = Event::Kind;
    using F = Field;
    // clang-format off
    static const QList<Layout> table = {
        {K::Welcome,      u"welcome"_s,      {F::Text, F::Subject},                          0},
        {K::Ok,           u"ok"_s,           {F::Command},                                   1},
        {K::Error,        u"error"_s,        {F::Code, F::Command, F::Subject, F::Text},     0},
        {K::Message,      u"message"_s,      {F::Id, F::Room, F::Seq, F::Nick, F::Text},     0},
        {K::Action,       u"action"_s,       {F::Id, F::Room, F::Seq, F::Nick, F::Text},     0},
        {K::Private,      u"private"_s,      {F::Id, F::Nick, F::Target, F::Text},           0},
        {K::Note,         u"note"_s,         {F::Id, F::Room, F::Seq, F::Nick, F::Text},     0},
        {K::PrivateNote,  u"privatenote"_s,  {F::Id, F::Nick, F::Target, F::Text},           0},
        {K::Join,         u"join"_s,         {F::Room, F::Nick},                             0},
        {K::Joins,        u"joins"_s,        {F::Room},                                      1},
        {K::Leave,        u"leave"_s,        {F::Room, F::Nick, F::Subject},                 0},
        {K::NickChange,   u"nick"_s,         {F::Nick, F::Target},                           0},
        {K::Topic,        u"topic"_s,        {F::Room, F::Nick, F::Text},                    0},
        {K::TopicChanged, u"topicchanged"_s, {F::Id, F::Room, F::Seq, F::Nick, F::Text},     0},
        {K::Presence,     u"presence"_s,     {F::Room, F::Nick, F::Subject},                 0},
        {K::Moderation,   u"moderation"_s,   {F::Room, F::Nick, F::Subject, F::Target, F::Text}, 0},
        {K::Users,        u"users"_s,        {F::Room, F::Subject},                          2},
        {K::Who,          u"who"_s,          {},                                             3},
        {K::Rooms,        u"rooms"_s,        {},                                             3},
        {K::ListingStart, u"listing"_s,      {F::Subject, F::Count, F::Seq, F::Text},        0},
        {K::ListingEnd,   u"listingend"_s,   {F::Subject, F::Count, F::Id, F::Seq, F::Text}, 0},
        {K::Help,         u"help"_s,         {},                                             2},
        {K::Settings,     u"settings"_s,     {},                                             2},
        {K::HistoryStart, u"history"_s,      {F::Room, F::Nick, F::Subject, F::Count},       0},
        {K::HistoryEnd,   u"historyend"_s,   {F::Room, F::Nick, F::Subject, F::Count, F::Target, F::Seq}, 0},
        {K::Bans,         u"bans"_s,         {F::Room, F::Count, F::Seq},                    4},
        {K::Allowed,      u"allowed"_s,      {F::Room, F::Count, F::Seq},                    4},
        {K::Exempted,     u"exempted"_s,     {F::Room, F::Count, F::Seq},                    4},
        {K::Rules,        u"rules"_s,        {F::Room},                                      1},
        {K::Modlog,       u"modlog"_s,       {F::Room, F::Count, F::Seq},                    5},
        {K::Conversations, u"conversations"_s, {F::Count, F::Seq},                           2},
        {K::Away,         u"away"_s,         {F::Nick, F::Text},                             0},
        {K::Whowas,       u"whowas"_s,       {F::Nick},                                      5},
        {K::Notice,       u"notice"_s,       {F::Nick, F::Text},                             0},
        {K::Wallops,      u"wallops"_s,      {F::Nick, F::Text},                             0},
        {K::Bye,          u"bye"_s,          {F::Subject},                                   0},
        {K::Ping,         u"ping"_s,         {F::Subject},                                   0},
        {K::Pong,         u"pong"_s,         {F::Subject},                                   0},
    };
    // clang-format on
    return table;
}

const Layout *layoutFor(Event::Kind kind)
{
    for (const Layout &layout : layouts()) {
        if (layout.kind == kind)
            return &layout;
    }
    return nullptr;
}

const Layout *layoutFor(QStringView word)
{
    static const QHash<QString, const Layout *> byWord = [] {
        QHash<QString, const Layout *> words;
        for (const Layout &layout : layouts())
            words.insert(layout.word, &layout);
        return words;
    }();
    return byWord.value(word.toString(), nullptr);
}

QString fieldValue(const Event &event, Field field)
{
    switch (field) {
    case Field::Id:
        return QString::number(event.id);
    case Field::Seq:
        return QString::number(event.seq);
    case Field::Count:
        return QString::number(event.count);
    case Field::Code:
        return QString::number(static_cast<int>(event.code));
    case Field::Command:
        return event.command;
    case Field::Room:
        return event.room;
    case Field::Nick:
        return event.nick;
    case Field::Target:
        return event.target;
    case Field::Subject:
        return event.subject;
    case Field::Text:
        return event.text;
    }
    return {};
}

bool setFieldValue(Event &event, Field field, const QString &value)
{
    bool ok = true;
    switch (field) {
    case Field::Id:
        event.id = value.toULongLong(&ok);
        break;
    case Field::Seq:
        event.seq = value.toULongLong(&ok);
        break;
    case Field::Count:
        event.count = value.toLongLong(&ok);
        ok = ok && event.count >= 0;
        break;
    case Field::Code: {
        const int code = value.toInt(&ok);
        ok = ok && code >= 100 && code <= 999;
        event.code = static_cast<ErrorCode>(code);
        break;
    }
    case Field::Command:
        event.command = value;
        break;
    case Field::Room:
        event.room = value;
        break;
    case Field::Nick:
        event.nick = value;
        break;
    case Field::Target:
        event.target = value;
        break;
    case Field::Subject:
        event.subject = value;
        break;
    case Field::Text:
        event.text = value;
        break;
    }
    return ok;
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// QDateTime::toString (through QString::asprintf) was a fifth of a broadcast's cost. The
// digits are written by hand for the years ISO 8601 writes with four of them, and a busy
// server formats many lines within one millisecond, so the last one is kept.
QByteArray timeField(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    thread_local qint64 cachedMs = 0;
    thread_local QByteArray cached;
    const qint64 ms = time.toMSecsSinceEpoch();
    if (!cached.isNull() && ms == cachedMs)
        return cached;
    const QDateTime utc = time.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    if (year < 1000 || year > 9999) {
        cached = formatTime(time).toLatin1();
    } else {
        const QTime t = utc.time();
        char text[] = "YYYY-MM-DDThh:mm:ss.zzzZ";
        const auto put = [&text](int at, int value, int digits) {
            for (int i = at + digits - 1; i >= at; --i, value /= 10)
                text[i] = char('0' + value % 10);
        };
        put(0, year, 4);
        put(5, month, 2);
        put(8, day, 2);
        put(11, t.hour(), 2);
        put(14, t.minute(), 2);
        put(17, t.second(), 2);
        put(20, t.msec(), 3);
        cached = QByteArray(text, sizeof text - 1);
    }
    cachedMs = ms;
    return cached;
}

bool isSpecial(char16_t u)
{
    return u <= u' ' || u == u'\\' || u == 0x7f;
}

// escape(), written as UTF-8 straight into out: most fields are plain ASCII and are copied
// as they are, and the rest are escaped byte by byte (every byte escape() rewrites is ASCII).
void appendEscaped(QByteArray &out, QStringView field)
{
    if (field.isEmpty()) {
        out += "\\-";
        return;
    }
    bool ascii = true;
    bool plain = true;
    for (const QChar c : field) {
        const char16_t u = c.unicode();
        ascii = ascii && u < 0x80;
        plain = plain && !isSpecial(u);
    }
    if (ascii && plain) {
        const qsizetype at = out.size();
        out.resize(at + field.size());
        char *to = out.data() + at;
        for (const QChar c : field)
            *to++ = char(c.unicode());
        return;
    }
    const QByteArray utf8 = field.toUtf8();
    if (plain) {
        out += utf8;
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ' ':
            out += "\\s";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if ((c >= 0 && c < 0x20) || c == 0x7f) {
                const char escaped[] = {'\\', 'x', hex[c >> 4], hex[c & 0xf]};
                out.append(escaped, sizeof escaped);
            } else {
                out += c;
            }
        }
    }
}

} // namespace

namespace TaggedCodec {

QString escape(QStringView field)
{
    if (field.isEmpty())
        return u"\\-"_s;
    QString out;
    out.reserve(field.size() + 8);
    for (const QChar c : field) {
        switch (c.unicode()) {
        case u'\\':
            out += "\\\\"_L1;
            break;
        case u' ':
            out += "\\s"_L1;
            break;
        case u'\r':
            out += "\\r"_L1;
            break;
        case u'\n':
            out += "\\n"_L1;
            break;
        case u'\t':
            out += "\\t"_L1;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += "\\x"_L1 + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    return out;
}

bool unescape(QStringView field, QString &out)
{
    out.clear();
    if (field == u"\\-")
        return true;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field[i];
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (++i >= field.size())
            return false;
        switch (field[i].unicode()) {
        case u'\\':
            out += u'\\';
            break;
        case u's':
            out += u' ';
            break;
        case u'r':
            out += u'\r';
            break;
        case u'n':
            out += u'\n';
            break;
        case u't':
            out += u'\t';
            break;
        case u'x': {
            // Exactly two ASCII hex digits: toUInt() alone also takes a sign, as in "\\x+1".
            const QStringView hex = field.mid(i + 1, 2);
            if (hex.size() != 2 || !std::all_of(hex.begin(), hex.end(), isHexDigit))
                return false;
            const uint code = hex.toUInt(nullptr, 16);
            if (code >= 0x20 && code != 0x7f)
                return false;
            out += QChar(code);
            i += 2;
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

QString kindWord(Event::Kind kind)
{
    const Layout *layout = layoutFor(kind);
    return layout ? layout->word : QString();
}

QByteArray format(const Event &event)
{
    const Layout *layout = layoutFor(event.kind);
    if (!layout)
        return {};
    QByteArray line;
    line.reserve(96);
    line += layout->wordBytes;
    line += ' ';
    line += timeField(event.time);
    line += ' ';
    appendEscaped(line, event.label);
    for (const Field field : layout->fields) {
        line += ' ';
        switch (field) {
        case Field::Id:
            line += QByteArray::number(event.id);
            break;
        case Field::Seq:
            line += QByteArray::number(event.seq);
            break;
        case Field::Count:
            line += QByteArray::number(event.count);
            break;
        case Field::Code:
            line += QByteArray::number(static_cast<int>(event.code));
            break;
        default:
            appendEscaped(line, fieldValue(event, field));
        }
    }
    if (layout->listGroup > 0) {
        for (const QString &item : event.list) {
            line += ' ';
            appendEscaped(line, item);
        }
    }
    return line;
}

Event parse(QStringView line)
{
    const QList<QStringView> tokens = line.split(u' ');
    if (tokens.size() < 3)
        return {};
    // An empty field is written "\-", so an empty token is a stray or missing field.
    if (std::any_of(tokens.begin(), tokens.end(), [](QStringView t) { return t.isEmpty(); }))
        return {};
    const Layout *layout = layoutFor(tokens[0]);
    if (!layout)
        return {};
    const qsizetype fixed = 3 + layout->fields.size();
    const qsizetype listed = tokens.size() - fixed;
    if (listed < 0 || (layout->listGroup == 0 && listed != 0) ||
        (layout->listGroup > 0 && listed % layout->listGroup != 0)) {
        return {};
    }

    Event event;
    event.kind = layout->kind;
    event.time = QDateTime::fromString(tokens[1].toString(), Qt::ISODateWithMs);
    if (!event.time.isValid() || !tokens[1].endsWith(u'Z'))
        return {};
    event.time = event.time.toUTC();
    // Rounding can carry past what ISO 8601 can write ("9999-12-31T23:59:59.9999Z" is year
    // 10000, which format() would write as an empty field): refuse what cannot be written back.
    if (formatTime(event.time).isEmpty())
        return {};
    QString value;
    if (!unescape(tokens[2], value))
        return {};
    event.label = value;
    for (qsizetype i = 0; i < layout->fields.size(); ++i) {
        if (!unescape(tokens[3 + i], value) || !setFieldValue(event, layout->fields[i], value))
            return {};
    }
    for (qsizetype i = fixed; i < tokens.size(); ++i) {
        if (!unescape(tokens[i], value))
            return {};
        event.list.append(value);
    }
    return event;
}

} // namespace TaggedCodec
