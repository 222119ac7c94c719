// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// Where a line says someone's nickname: the whole name in any case, so "Bob," and "@bob"
// mention bob while "bobby" and "kebob" do not. Chinese and Japanese are written without
// spaces: next to a Han, kana or Hangul character a name needs no space around it, so
// "小明你好" and "谢谢alice" mention 小明 and alice.
namespace Mentions {

struct Range
{
    qsizetype start;
    qsizetype length;
    bool operator==(const Range &) const = default;
};

QList<Range> find(const QString &text, const QString &nick);
bool contains(const QString &text, const QString &nick);

} // namespace Mentions
