// SPDX-License-Identifier: MIT
#include "store/SqlDialect.h"

#include "store/PostgresDialect.h"
#include "store/SqliteDialect.h"

std::unique_ptr<SqlDialect> SqlDialect::create(const StoreOptions &options)
{
    if (!options.databaseUrl.isEmpty())
        return std::make_unique<PostgresDialect>(options);
    return std::make_unique<SqliteDialect>(options);
}
