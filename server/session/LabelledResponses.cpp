// SPDX-License-Identifier: MIT
#include "session/LabelledResponses.h"

#include "config/ServerConfig.h"

using namespace Qt::StringLiterals;

const QString LabelledResponses::BarrierCommand = u"@LABEL ping"_s;

LabelledResponses::LabelledResponses(const ServerConfig &config, Writer writeNow)
    : m_config(config)
    , m_writeNow(std::move(writeNow))
{
}

bool LabelledResponses::isBarrierLabel(const QString &label)
{
    return label == "LABEL"_L1;
}

void LabelledResponses::begin(const QString &label, const QByteArray &line)
{
    m_stage = Stage::Settling;
    m_label = label;
    m_line = line;
}

bool LabelledResponses::barrierReached(bool outputPaused)
{
    if (outputPaused)
        m_stepOnResume = true;
    return !outputPaused;
}

LabelledResponses::Step LabelledResponses::step()
{
    if (m_stage == Stage::Settling) {
        m_stage = Stage::Answering;
        m_response.emplace(m_label, u"L%1"_s.arg(++m_responses), m_config.ircServerName());
        return {Step::Kind::Answer, std::exchange(m_line, {})};
    }
    if (m_stage == Stage::Answering) {
        m_stage = Stage::None;
        const QByteArray end = m_response->finish();
        m_response.reset();
        return {Step::Kind::Finish, end};
    }
    return {};
}

QByteArray LabelledResponses::answering(const QByteArray &bytes, bool mayKeep, bool outputPaused)
{
    if (!m_response || bytes.isEmpty())
        return bytes;
    // One line that may be all of the response waits to see.
    if (mayKeep && !outputPaused && m_response->isUnstarted() && bytes.count("\r\n") == 1) {
        m_response->keep(bytes);
        return {};
    }
    open();
    return m_response->inBatch(bytes);
}

void LabelledResponses::openIfKept()
{
    if (m_response && m_response->keepsLine())
        open();
}

void LabelledResponses::open()
{
    // Written at once, past any pause: every line of the response, whichever way it goes out,
    // comes after its batch's start, and the end comes only once they are all out.
    const QByteArray start = m_response->open();
    if (!start.isEmpty())
        m_writeNow(start);
}
