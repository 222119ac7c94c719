// SPDX-License-Identifier: MIT
#include "TelnetFilter.h"

namespace {

enum : unsigned char {
    SUSP = 237,
    ABORT = 238,
    EOR_EOF = 236,
    SE = 240,
    BRK = 243,
    IP = 244,
    AO = 245,
    EL = 248,
    AYT = 246,
    SB = 250,
    WILL = 251,
    WONT = 252,
    DO = 253,
    DONT = 254,
    IAC = 255,
};

// The control character a telnet client's "special character" stands for (its default
// settings: intr ^C, eof ^D, kill ^U, flush output ^O, susp ^Z, quit ^\), or 0.
unsigned char specialCharacter(unsigned char command)
{
    switch (command) {
    case IP:
        return 0x03;
    case EOR_EOF:
        return 0x04;
    case EL:
        return 0x15;
    case AO:
        return 0x0f;
    case SUSP:
        return 0x1a;
    case BRK:
    case ABORT:
        return 0x1c;
    default:
        return 0;
    }
}

} // namespace

void TelnetFilter::trackUtf8(unsigned char byte)
{
    if (byte >= 0xf0)
        m_utf8Pending = 3;
    else if (byte >= 0xe0)
        m_utf8Pending = 2;
    else if (byte >= 0xc0)
        m_utf8Pending = 1;
    else if (byte >= 0x80 && m_utf8Pending > 0)
        --m_utf8Pending;
    else
        m_utf8Pending = 0;
}

QByteArray TelnetFilter::filter(QByteArrayView data, QByteArray &reply)
{
    if (m_state == State::Data && !data.contains(char(IAC))) {
        // A UTF-8 sequence is at most 4 bytes, so the text's last four tell where it stands; a
        // shorter piece goes on from where the text before it stood (how a stream is cut into
        // reads must not change what is restored below).
        if (data.size() >= 4)
            m_utf8Pending = 0;
        for (const char ch : data.last(std::min<qsizetype>(4, data.size())))
            trackUtf8(static_cast<unsigned char>(ch));
        return data.toByteArray();
    }

    QByteArray text;
    text.reserve(data.size());
    for (const char ch : data) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (m_state) {
        case State::Data:
            if (byte == IAC) {
                m_state = State::Command;
            } else {
                text.append(ch);
                trackUtf8(byte);
            }
            break;
        case State::Command:
            m_state = State::Data;
            if (byte == IAC) {
                text.append(ch); // a literal 255: text like any other byte
                trackUtf8(byte);
            } else if (byte >= WILL) {
                m_verb = byte;
                m_state = State::Option;
            } else if (byte == SB) {
                m_state = State::Sub;
            } else if (byte == AYT) {
                reply.append("\r\n[yes]\r\n");
            } else if (m_utf8Pending > 0 && specialCharacter(byte)) {
                // Linux telnet compares each byte's low 7 bits with its special characters,
                // so inside UTF-8 it sends e.g. IAC AO for 0x8F (the last byte of 小).
                // In the middle of a character that can only be that byte: put it back.
                const auto restored = static_cast<unsigned char>(0x80 | specialCharacter(byte));
                text.append(char(restored));
                trackUtf8(restored);
            }
            break;
        case State::Option:
            if (m_verb == DO)
                reply.append(char(IAC)).append(char(WONT)).append(ch);
            else if (m_verb == WILL)
                reply.append(char(IAC)).append(char(DONT)).append(ch);
            m_state = State::Data;
            break;
        case State::Sub:
            if (byte == IAC)
                m_state = State::SubCommand;
            break;
        case State::SubCommand:
            m_state = byte == SE ? State::Data : State::Sub;
            break;
        }
    }
    return text;
}
