// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// The PostgreSQL database that tests/store/with-postgres.sh started for a test, emptied between
// its cases, so that each starts on a new database.
namespace ScratchPostgres {

// CHAT_TEST_POSTGRESQL_URL, or empty when the test was not run through with-postgres.sh.
QString url();
// Drops every table; false, with error, if the database could not be reached.
bool empty(QString *error);

} // namespace ScratchPostgres
