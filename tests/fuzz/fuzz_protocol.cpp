// SPDX-License-Identifier: MIT
// libFuzzer target over everything the server does with bytes from the network before a
// command runs: telnet filtering, line framing, UTF-8 decoding, command and tagged parsing, and
// the name rules. Besides the sanitizers, it checks the properties the rest of the code relies
// on and aborts when one breaks, so the fuzzer reports it like a crash.
#include "Command.h"
#include "Event.h"
#include "LineFramer.h"
#include "NameRules.h"
#include "TaggedCodec.h"
#include "TelnetFilter.h"

#include <QByteArray>
#include <QStringDecoder>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &detail)
{
    fprintf(stderr, "fuzz_protocol: %s\n  detail: %s\n", what,
            detail.toPercentEncoding(" ").constData());
    abort();
}

#define CHECK(condition, detail)                                                                   \
    do {                                                                                           \
        if (!(condition))                                                                          \
            fail(#condition, (detail));                                                            \
    } while (false)

// Chunk sizes come from the input itself so that every input always splits the same way (a
// crash must reproduce), yet different inputs exercise different split points, including
// sequences and CRLFs cut in the middle.
class ChunkSizes
{
public:
    explicit ChunkSizes(QByteArrayView data)
    {
        for (const char c : data)
            m_state = (m_state ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
        m_state |= 1;
    }
    qsizetype next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        // Mostly tiny chunks, where the split points are; sometimes a large one.
        switch (m_state % 4) {
        case 0:
            return 1;
        case 1:
            return 1 + qsizetype(m_state >> 8) % 4;
        case 2:
            return 1 + qsizetype(m_state >> 8) % 64;
        default:
            return 1 + qsizetype(m_state >> 8) % 5000;
        }
    }
    quint64 value() const { return m_state; }

private:
    quint64 m_state = 0xcbf29ce484222325ULL;
};

struct Framed
{
    QList<LineFramer::Frame> frames;
    QByteArray reply;
};

bool operator==(const LineFramer::Frame &a, const LineFramer::Frame &b)
{
    return a.tooLong == b.tooLong && a.line == b.line;
}

// The server's read path: telnet filter, then framer, fed in pieces the way reads arrive.
Framed frame(QByteArrayView data, qsizetype maxLineBytes, ChunkSizes *chunks)
{
    TelnetFilter telnet;
    LineFramer framer(maxLineBytes);
    Framed out;
    while (!data.isEmpty()) {
        const qsizetype size = chunks ? std::min(chunks->next(), data.size()) : data.size();
        const QByteArray text = telnet.filter(data.first(size), out.reply);
        data = data.sliced(size);
        out.frames += framer.push(text);
        // The framer's promise: what it holds never exceeds the limit (plus a CR's slack).
        CHECK(framer.bufferedBytes() <= maxLineBytes + 1, text);
    }
    for (const LineFramer::Frame &f : std::as_const(out.frames)) {
        if (f.tooLong) {
            CHECK(f.line.isEmpty(), f.line);
        } else {
            CHECK(f.line.size() <= maxLineBytes, f.line);
            CHECK(!f.line.contains('\n'), f.line);
        }
    }
    return out;
}

void checkFraming(QByteArrayView data, qsizetype maxLineBytes)
{
    const Framed whole = frame(data, maxLineBytes, nullptr);
    ChunkSizes chunks(data);
    const Framed pieces = frame(data, maxLineBytes, &chunks);
    // Where TCP happens to split the stream must not change what the server sees.
    CHECK(whole.reply == pieces.reply, data.toByteArray());
    CHECK(whole.frames.size() == pieces.frames.size(), data.toByteArray());
    for (qsizetype i = 0; i < whole.frames.size(); ++i)
        CHECK(whole.frames[i] == pieces.frames[i], whole.frames[i].line);
}

void checkCommand(const QString &text)
{
    for (const bool acceptLabel : {false, true}) {
        const Command command = Command::parse(text, acceptLabel);
        if (!acceptLabel)
            CHECK(command.label().isEmpty(), text.toUtf8());
        if (command.isValid()) {
            // The server looks the spec up and reads its arguments; both must be sane.
            CHECK(command.spec().type == command.type(), text.toUtf8());
            if (command.spec().shape == ArgShape::Words) {
                // Any number of words (history, resume), each one word and never empty.
                for (const QString &word : command.arguments())
                    CHECK(!word.isEmpty() && !word.contains(u' '), text.toUtf8());
            } else {
                CHECK(command.arguments().size() <= 2, text.toUtf8());
            }
            // A room named with "#" is a name, never empty and never more than a word.
            CHECK(!command.room().contains(u' '), text.toUtf8());
            if (command.spec().roomTarget == RoomTarget::No)
                CHECK(command.room().isEmpty(), text.toUtf8());
        } else {
            CHECK(command.error() != ErrorCode::None, text.toUtf8());
        }
    }
}

void checkTagged(const QString &text)
{
    const Event event = TaggedCodec::parse(text);
    if (event.isValid()) {
        const QByteArray formatted = TaggedCodec::format(event);
        CHECK(!formatted.isEmpty(), text.toUtf8());
        const Event again = TaggedCodec::parse(QString::fromUtf8(formatted));
        CHECK(again == event, text.toUtf8() + " -> " + formatted);
    }

    // Any text must survive escaping, and formatting inside a real event.
    QString unescaped;
    CHECK(TaggedCodec::unescape(TaggedCodec::escape(text), unescaped), text.toUtf8());
    CHECK(unescaped == text, text.toUtf8());
    Event message = Event::message(text.size(), text, quint64(text.size()) * 7, text, text);
    message.label = text;
    const Event parsed = TaggedCodec::parse(QString::fromUtf8(TaggedCodec::format(message)));
    CHECK(parsed == message, text.toUtf8() + " -> " + TaggedCodec::format(message));
}

void checkNames(const QString &name)
{
    NameRules::isValidNick(name);
    NameRules::isValidRoom(name);
    const QString key = NameRules::key(name);
    CHECK(NameRules::key(key) == key, name.toUtf8() + " -> " + key.toUtf8());
    // Two spellings of one valid name must agree on validity, or a name could be taken twice.
    if (NameRules::isValidNick(name))
        CHECK(NameRules::normalized(name) == NameRules::normalized(NameRules::normalized(name)),
              name.toUtf8());
}

void checkText(const QString &text)
{
    checkCommand(text);
    checkTagged(text);
    checkNames(text);
    // Names arrive as words of a command line.
    int words = 0;
    for (const QStringView word : QStringView(text).split(u' ', Qt::SkipEmptyParts)) {
        if (++words > 4)
            break;
        checkNames(word.toString());
    }
}

void checkLine(const QByteArray &line)
{
    // The server's decoding; it refuses a line with an error before parsing it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString strict = decoder(line);
    checkText(strict);
    // The lenient decoding (U+FFFD for bad bytes) reaches the parsers too, e.g. in the client.
    if (decoder.hasError())
        checkText(QString::fromUtf8(line));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArrayView data(reinterpret_cast<const char *>(bytes), qsizetype(size));

    checkFraming(data, Protocol::DefaultMaxLineBytes);
    // A small limit reaches the too-long paths with small inputs.
    const qsizetype smallLimit = 1 + qsizetype(ChunkSizes(data).value() % 48);
    checkFraming(data, smallLimit);

    // Only a bounded number of lines go on to the slower parsers: framing above covers all.
    TelnetFilter telnet;
    LineFramer framer;
    QByteArray reply;
    const QList<LineFramer::Frame> frames = framer.push(telnet.filter(data, reply));
    int lines = 0;
    for (const LineFramer::Frame &f : frames) {
        if (!f.tooLong && ++lines <= 8)
            checkLine(f.line);
    }
    // The unfinished last line too: a fuzzer's inputs rarely end with LF.
    const QByteArray tail = data.sliced(data.lastIndexOf('\n') + 1).toByteArray();
    if (tail.size() <= Protocol::DefaultMaxLineBytes)
        checkLine(tail);
    return 0;
}
