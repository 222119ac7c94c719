// SPDX-License-Identifier: MIT
#include "TelnetFilter.h"

namespace {

enum : unsigned char {
    SE = 240,
    AYT = 246,
    SB = 250,
    WILL = 251,
    WONT = 252,
    DO = 253,
    DONT = 254,
    IAC = 255,
};

} // namespace

QByteArray TelnetFilter::filter(QByteArrayView data, QByteArray &reply)
{
    if (m_state == State::Data && !data.contains(char(IAC)))
        return data.toByteArray();

    QByteArray text;
    text.reserve(data.size());
    for (const char ch : data) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (m_state) {
        case State::Data:
            if (byte == IAC)
                m_state = State::Command;
            else
                text.append(ch);
            break;
        case State::Command:
            m_state = State::Data;
            if (byte == IAC) {
                text.append(ch);
            } else if (byte >= WILL) {
                m_verb = byte;
                m_state = State::Option;
            } else if (byte == SB) {
                m_state = State::Sub;
            } else if (byte == AYT) {
                reply.append("\r\n[yes]\r\n");
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
