// SPDX-License-Identifier: MIT
#include "MaskListKind.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Unique names: a unity batch shares its files' unnamed namespace.
struct MaskListRow
{
    MaskListKind list;
    Event::Kind answer;
    QLatin1StringView show;
    QLatin1StringView add;
    QLatin1StringView remove;
};

constexpr MaskListRow MaskListRows[] = {
    {MaskListKind::Bans, Event::Kind::Bans, "bans"_L1, "ban"_L1, "unban"_L1},
    {MaskListKind::Allowed, Event::Kind::Allowed, "allowed"_L1, "allow"_L1, "disallow"_L1},
    {MaskListKind::Exempted, Event::Kind::Exempted, "exempted"_L1, "exempt"_L1, "unexempt"_L1},
};

const MaskListRow &maskListRow(MaskListKind list)
{
    return *std::find_if(std::begin(MaskListRows), std::end(MaskListRows),
                         [list](const MaskListRow &row) { return row.list == list; });
}

} // namespace

namespace MaskLists {

QLatin1StringView listCommand(MaskListKind list)
{
    return maskListRow(list).show;
}

QLatin1StringView addCommand(MaskListKind list)
{
    return maskListRow(list).add;
}

QLatin1StringView removeCommand(MaskListKind list)
{
    return maskListRow(list).remove;
}

std::optional<MaskListKind> ofWord(QStringView word)
{
    for (const MaskListRow &row : MaskListRows) {
        if (word == row.show || word == row.add || word == row.remove)
            return row.list;
    }
    return std::nullopt;
}

std::optional<MaskListKind> ofAnswer(Event::Kind kind)
{
    for (const MaskListRow &row : MaskListRows) {
        if (row.answer == kind)
            return row.list;
    }
    return std::nullopt;
}

} // namespace MaskLists
