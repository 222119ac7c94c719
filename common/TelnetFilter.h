// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Removes telnet protocol sequences (RFC 854) from a byte stream.
//
//   IAC (255) DO|DONT|WILL|WONT <option>   option negotiation
//   IAC SB ... IAC SE                      subnegotiation, dropped whole
//   IAC IAC                                a literal 255 byte
//   IAC <command>                          any other two-byte command
//
// We never enable an option: DO is answered WONT and WILL is answered DONT. Answering is what
// keeps telnet from hanging after Ctrl-C (it sends IAC IP, IAC DO TIMING-MARK and waits).
// AYT ("are you there") is answered with a visible line. Valid UTF-8 never contains 255, so
// no chat text can be mistaken for a telnet command. State carries across calls, so a sequence
// split between two reads is handled. A special-character command (IP, AO, ...) that arrives in
// the middle of a UTF-8 character is a byte that Linux telnet mistook for Ctrl-something, and
// is turned back into that byte.
class TelnetFilter
{
public:
    // Returns the text bytes of data; appends what must be sent back to the peer to reply.
    QByteArray filter(QByteArrayView data, QByteArray &reply);

private:
    void trackUtf8(unsigned char byte);

    enum class State { Data, Command, Option, Sub, SubCommand };
    State m_state = State::Data;
    unsigned char m_verb = 0;
    int m_utf8Pending = 0; // continuation bytes the text still needs to finish a character
};
