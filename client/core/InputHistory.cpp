// SPDX-License-Identifier: MIT
#include "InputHistory.h"

InputHistory::InputHistory(qsizetype limit)
    : m_limit(limit)
{
}

void InputHistory::add(const QString &line)
{
    if (line.isEmpty())
        return;
    if (m_lines.isEmpty() || m_lines.constLast() != line)
        m_lines.append(line);
    if (m_lines.size() > m_limit)
        m_lines.removeFirst();
    m_position = m_lines.size();
    m_draft.clear();
}

QString InputHistory::previous(const QString &current)
{
    if (m_position == 0)
        return current;
    if (m_position == m_lines.size())
        m_draft = current;
    return m_lines.at(--m_position);
}

QString InputHistory::next(const QString &current)
{
    if (m_position >= m_lines.size())
        return current;
    ++m_position;
    return m_position == m_lines.size() ? m_draft : m_lines.at(m_position);
}
