// SPDX-License-Identifier: MIT
#include "app/Reconfiguration.h"

#include "app/OptionTable.h"

Reconfiguration Reconfiguration::plan(const ServerConfig &current, const ServerConfig &next)
{
    Reconfiguration result;
    result.applied = current;
    for (const ServerOption &option : OptionTable::options()) {
        const QString from = option.get(current);
        const QString to = option.get(next);
        if (from == to)
            continue;
        if (option.reload == ServerOption::Reload::Restart) {
            result.needRestart.append({option.name, from, to});
            continue;
        }
        // Text the table itself wrote always reads back.
        option.set(result.applied, to);
        result.changed.append({option.name, from, to});
    }
    return result;
}
