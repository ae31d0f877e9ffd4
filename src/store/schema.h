// The store's schema: an application id, a version, and ordered migrations.
//
// Every sitrep database carries kApplicationId (SQLite: `PRAGMA application_id`;
// PostgreSQL: the comment on its schema_version table); a database without it
// (another program's SQLite file or PostgreSQL tables, or not SQLite at all) is
// refused with a message naming it. `schema_version` holds the number of migrations
// applied; opening runs the missing ones in order, each in its own transaction.
// A database newer than this binary is refused, never downgraded.
#pragma once

#include <string>

#include "store/db.h"

namespace sitrep::store {

inline constexpr int kApplicationId = 0x53495452;  // "SITR"

// Number of migrations this binary knows (the newest schema version).
int latest_schema_version();

// Checks that `path` is empty, new, or a sitrep database, then brings its
// schema up to date (writable) or checks it is current (read-only).
// With `identity_only`, only checks that it is no other application's file.
// Throws SqlError with a message naming `path`.
void check_and_migrate(Db& db, const std::string& path, bool writable, bool identity_only = false);

// The SQL functions the store's queries use that a backend lacks (SQLite: actor_match).
void install_functions(Db& db);

// The time now, UTC, as documents.ingested_at holds it (2022-04-12T08:00:00Z).
std::string now_iso();

// Looks at the file's first bytes before SQLite does: "" when it is absent,
// empty or starts with the SQLite header, else why it is not a database.
std::string foreign_file_reason(const std::string& path);

}  // namespace sitrep::store
