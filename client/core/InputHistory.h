// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// The lines a person sent, recalled with Up and Down as in a shell. The line being typed when
// browsing starts is kept, so going back down past the newest entry gives it back.
class InputHistory
{
public:
    explicit InputHistory(qsizetype limit = 200);

    void add(const QString &line);
    // Older entry; current is what the input holds now. Returns the text to show.
    QString previous(const QString &current);
    QString next(const QString &current);

    qsizetype size() const { return m_lines.size(); }

private:
    QStringList m_lines;
    qsizetype m_limit;
    qsizetype m_position = 0; // == size() when not browsing
    QString m_draft;
};
