#include "store/schema.h"

#include <cstring>
#include <fstream>
#include <ctime>
#include <iterator>
#include <regex>

#include <fmt/format.h>

namespace sitrep::store {
namespace {

// Ordered migrations: index i brings the schema from version i to i + 1.
// Never edit a released one; append a new one instead (docs/store.md).
//
// Each is written once, in SQLite's words; PostgreSQL runs it through postgres_ddl()
// (the types: BIGINT, DOUBLE PRECISION, BYTEA, identity keys, "C" collation). What
// only one dialect has (full-text search, functions) is in its own column, side by side.
struct Migration {
  const char* sql;       // both
  const char* sqlite;    // SQLite only, after `sql`
  const char* postgres;  // PostgreSQL only, after `sql`
};
const Migration kMigrations[] = {
    // 1: documents, their analysis, merged events, duplicates, stories.
    {R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL UNIQUE,      -- absolute path + '#' + document id: what "the same article" means
  hash INTEGER NOT NULL,             -- XXH64 of the text
  doc_id TEXT NOT NULL, path TEXT NOT NULL, source TEXT, url TEXT, title TEXT, date TEXT,
  text TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES documents(id) ON DELETE SET NULL,  -- the first stored copy
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences(document, idx);

CREATE TABLE chains (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, canonical TEXT, type TEXT, actor TEXT, evidence TEXT
);
CREATE INDEX chains_document ON chains(document);
CREATE INDEX chains_actor ON chains(actor);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT, type TEXT, kind TEXT, chain INTEGER   -- chain: index within the document
);
CREATE INDEX mentions_document ON mentions(document);

CREATE TABLE times (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT, value TEXT, granularity TEXT, date TEXT, anchor TEXT
);
CREATE INDEX times_document ON times(document);

CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  name TEXT, country TEXT, admin1 TEXT, evidence TEXT
);
CREATE INDEX places_document ON places(document);

-- Stories first: events reference them (PostgreSQL wants the table to exist).
CREATE TABLE stories (
  id INTEGER PRIMARY KEY, title TEXT, first_date TEXT, last_date TEXT,
  profile TEXT NOT NULL,                  -- its heaviest words: "word weight word weight ..."
  entities TEXT NOT NULL                  -- actor codes and names of its articles, one per line
);
CREATE INDEX stories_dates ON stories(last_date, first_date);
CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;  -- document frequencies
CREATE TABLE story_documents (
  story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (story, document)
);

-- One row per happening; counts are recomputed from event_mentions.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  source TEXT, target TEXT,              -- full CAMEO actor codes of the first mention
  source_key TEXT NOT NULL, target_key TEXT NOT NULL,  -- country + role (first 6 characters): the merge level
  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER, goldstein REAL,
  date TEXT, day INTEGER,                -- day: Julian day number, for "within a day"
  negated INTEGER NOT NULL, future INTEGER NOT NULL,
  first_document INTEGER NOT NULL,       -- where it was first reported
  mentions INTEGER NOT NULL DEFAULT 0, sources INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0,
  story INTEGER REFERENCES stories(id) ON DELETE SET NULL
);
CREATE INDEX events_merge ON events(root, day);
CREATE INDEX events_source ON events(source_key);
CREATE INDEX events_target ON events(target_key);
CREATE INDEX events_date ON events(date);

-- One row per (event, document, sentence) reporting it, with the evidence.
CREATE TABLE event_mentions (
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(id),
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  source TEXT, source_text TEXT, target TEXT, target_text TEXT,
  code TEXT NOT NULL, date TEXT, date_text TEXT, negated INTEGER NOT NULL, future INTEGER NOT NULL,
  reported_by TEXT, reported_by_text TEXT,
  location TEXT, location_country TEXT,
  quote INTEGER,                          -- index of the quote within the document
  evidence TEXT, confidence REAL,
  UNIQUE (event, document, sentence)
);
CREATE INDEX event_mentions_document ON event_mentions(document);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL, begin INTEGER NOT NULL, end INTEGER NOT NULL,
  text TEXT NOT NULL, speaker_text TEXT, speaker_canonical TEXT, speaker_actor TEXT,
  cue TEXT, direct INTEGER NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);
CREATE INDEX quotes_speaker ON quotes(speaker_canonical);

-- Near-duplicates: MinHash signature and LSH band keys of each document.
CREATE TABLE signatures (
  document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  minhash BLOB NOT NULL
);
CREATE TABLE lsh_bands (
  band_key INTEGER NOT NULL,              -- hash of (band number, its rows)
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX lsh_bands_key ON lsh_bands(band_key);
CREATE INDEX lsh_bands_document ON lsh_bands(document);
CREATE TABLE duplicates (
  document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  original INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  jaccard REAL NOT NULL                   -- estimated from the signatures; 1 for identical text
);

)sql",
     // Full-text search over sentences: FTS5, an external-content table kept in step by triggers...
     R"sql(
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',
                                              tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
)sql",
     // ...or PostgreSQL's text search: a stored tsvector ('simple': lower-cased words, no
     // stemming, as unicode61; diacritics are kept) and its GIN index. actor_match() and
     // instr() as the SQLite store has them (actor_match in C: install_functions()).
     R"sql(
ALTER TABLE sentences ADD COLUMN fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED;
CREATE INDEX sentences_fts ON sentences USING gin (fts);
CREATE FUNCTION actor_match(a TEXT, b TEXT) RETURNS BOOLEAN LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE AS
  $$ SELECT a = b OR (length(a) = 3 AND substr(b, 1, 3) = a) OR (length(b) = 3 AND substr(a, 1, 3) = b) $$;
CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE AS
  $$ SELECT strpos(haystack, needle) $$;
)sql"},
    // 2: what each report says an event did and who did it (docs/event-output.md).
    {R"sql(
ALTER TABLE event_mentions ADD COLUMN size TEXT;      -- JSON: {dead, injured, arrested, displaced}, NULL when none
ALTER TABLE event_mentions ADD COLUMN claims TEXT;    -- JSON: [{by, stance, party, sent, evidence}], NULL when none
ALTER TABLE event_mentions ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
)sql", nullptr, nullptr},
    // 3: where on the map and how precise (docs/places.md): the place's point (or its
    // country's), ACLED's precision codes.
    {R"sql(
ALTER TABLE event_mentions ADD COLUMN lat REAL;
ALTER TABLE event_mentions ADD COLUMN lon REAL;
ALTER TABLE event_mentions ADD COLUMN geo_precision INTEGER;   -- 1 town, 2 region, 3 country; NULL unknown
ALTER TABLE event_mentions ADD COLUMN time_precision INTEGER;  -- 1 day, 2 week, 3 month or vaguer; NULL no date
ALTER TABLE places ADD COLUMN lat REAL;
ALTER TABLE places ADD COLUMN lon REAL;
ALTER TABLE places ADD COLUMN precision INTEGER;
)sql", nullptr, nullptr},
    // 4: whether lat/lon are the place's own point or its country's standing in.
    {R"sql(
ALTER TABLE event_mentions ADD COLUMN point_of_country INTEGER NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN point_of_country INTEGER NOT NULL DEFAULT 0;
)sql", nullptr, nullptr},
    // 5: a story's events, and an event's reports in order, found by index (`sitrep stories`,
    // --story; an event's first report and the list of its reports in `sitrep events`).
    // PostgreSQL needs them: it builds no automatic index, and finds min(id) of an event's
    // reports by walking the primary key.
    {R"sql(
CREATE INDEX events_story ON events(story);
CREATE INDEX event_mentions_event ON event_mentions(event, id);
)sql", nullptr, nullptr},
    // 6: an event's articles and outlets, kept up to date as reports arrive, so that a new
    // report adds to its event's counts instead of recounting every earlier report (the
    // writer's cost grew with the store: an event of a big story has thousands of reports).
    // article: the report's document, or the original it is a near-duplicate of; outlet:
    // the article's source, '#' and its id when unknown (kOutletKey in store.cc).
    {R"sql(
CREATE TABLE event_articles (
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article INTEGER NOT NULL,
  reports INTEGER NOT NULL,              -- its sentences reporting the event (copies' included)
  PRIMARY KEY (event, article)
) WITHOUT ROWID;
CREATE TABLE event_outlets (
  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  outlet TEXT NOT NULL,
  articles INTEGER NOT NULL,             -- its articles reporting the event
  PRIMARY KEY (event, outlet)
) WITHOUT ROWID;
INSERT INTO event_articles (event, article, reports)
  SELECT m.event, coalesce(d.duplicate_of, d.id), count(*) FROM event_mentions m JOIN documents d ON d.id = m.document
  GROUP BY m.event, coalesce(d.duplicate_of, d.id);
INSERT INTO event_outlets (event, outlet, articles)
  SELECT a.event, coalesce(nullif(o.source, ''), '#' || o.id), count(*) FROM event_articles a
  JOIN documents o ON o.id = a.article GROUP BY a.event, coalesce(nullif(o.source, ''), '#' || o.id);
)sql", nullptr, nullptr},
    // 7: a band key's latest articles read from the index alone (the near-duplicate check
    // reads at most kBandReach of them per key: store.cc).
    {R"sql(
CREATE INDEX lsh_bands_key_document ON lsh_bands(band_key, document);
DROP INDEX lsh_bands_key;
)sql", nullptr, nullptr},
};

constexpr int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

int64_t pragma_int(Db& db, const char* sql) {
  Stmt st(db, sql);
  return st.step() ? st.int64(0) : 0;
}

// A migration's common text in PostgreSQL's types: 64-bit integers (hashes, ids), an
// identity column for each `id INTEGER PRIMARY KEY` (SQLite's rowid), doubles, bytea, the
// reserved word `end` quoted, and text compared byte by byte ("C"), as SQLite compares it.
std::string postgres_ddl(std::string sql) {
  static const std::pair<std::regex, const char*> rules[] = {
      {std::regex(R"(\bid INTEGER PRIMARY KEY\b)"), "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
      {std::regex(R"(\bend INTEGER\b)"), "\"end\" INTEGER"},
      {std::regex(R"(\bINTEGER\b)"), "BIGINT"},
      {std::regex(R"(\bREAL\b)"), "DOUBLE PRECISION"},
      {std::regex(R"(\bBLOB\b)"), "BYTEA"},
      {std::regex(R"(\bTEXT\b)"), "TEXT COLLATE \"C\""},
      {std::regex(R"( WITHOUT ROWID)"), ""},
  };
  for (const auto& [from, to] : rules) sql = std::regex_replace(sql, from, to);
  return sql;
}

// What says "this database is a sitrep store", per backend: SQLite's application_id
// header field, or on PostgreSQL the comment on the schema_version table.
int64_t application_id(Db& db) {
  if (!db.postgres()) return pragma_int(db, "PRAGMA application_id");
  return pragma_int(db, "SELECT coalesce(obj_description(to_regclass('schema_version'), 'pg_class'), '0')::bigint");
}
void set_application_id(Db& db) {
  db.exec(db.postgres() ? fmt::format("COMMENT ON TABLE schema_version IS '{}'", kApplicationId)
                        : fmt::format("PRAGMA application_id = {}", kApplicationId));
}
int64_t table_count(Db& db) {
  return pragma_int(db, db.postgres() ? "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                                      : "SELECT count(*) FROM sqlite_master");
}

// actor_match(a, b): actor keys name the same actor at the merge level: equal,
// or one is a bare country code and the other a role of that country
// ("CHN" and "CHNGOV"). An unknown actor ('') only matches an unknown one.
// SQLite's, in C; PostgreSQL's is a SQL function of migration 1, above.
void actor_match(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto text = [&](int i) {
    const unsigned char* p = sqlite3_value_text(argv[i]);
    return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_value_bytes(argv[i])) : std::string_view();
  };
  std::string_view a = text(0), b = text(1);
  if (a.size() > b.size()) std::swap(a, b);
  sqlite3_result_int(ctx, a == b || (a.size() == 3 && b.substr(0, 3) == a));
}

std::string utc_now(const char* format) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

}  // namespace

int latest_schema_version() { return kMigrationCount; }

std::string now_iso() { return utc_now("%Y-%m-%dT%H:%M:%SZ"); }

void install_functions(Db& db) {
  if (sqlite3* h = db.sqlite())
    if (sqlite3_create_function(h, "actor_match", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, actor_match, nullptr,
                                nullptr) != SQLITE_OK)
      throw SqlError(fmt::format("actor_match: {}", sqlite3_errmsg(h)), sqlite3_errcode(h));
}

std::string foreign_file_reason(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  char header[16] = {};
  in.read(header, sizeof header);
  std::streamsize n = in.gcount();
  if (n == 0) return "";
  if (n == 16 && std::memcmp(header, "SQLite format 3\0", 16) == 0) return "";
  return "not a sitrep database (not an SQLite file)";
}

void check_and_migrate(Db& db, const std::string& path, bool writable, bool identity_only) {
  // Not ours, or not a version we read: the caller gave the wrong file.
  auto error = [&](const std::string& why) { throw SqlError(fmt::format("{}: {}", path, why), kNotASitrepStore); };
  // PostgreSQL: several processes may open a new store at once; one migrates, under the
  // store's lock (session-level here, the one every write transaction takes), the others
  // wait and find it done.
  struct SessionLock {
    Db* db = nullptr;
    ~SessionLock() {
      if (db) db->exec_quietly("SELECT pg_advisory_unlock(1397314642)");
    }
  } lock;
  try {
    if (db.postgres() && writable && !identity_only) {
      db.exec("SELECT pg_advisory_lock(1397314642)");  // kApplicationId
      lock.db = &db;
    }
    int64_t app = application_id(db);
    int64_t tables = table_count(db);
    if (app != kApplicationId && (app != 0 || tables != 0))
      error(db.postgres() ? "not a sitrep database (a PostgreSQL database with other tables)"
                          : "not a sitrep database (an SQLite database of another application)");
    if (identity_only) return;
    int version = 0;
    if (app == kApplicationId) version = static_cast<int>(pragma_int(db, "SELECT max(version) FROM schema_version"));
    if (version > kMigrationCount)
      error(fmt::format("made by a newer sitrep (schema version {}, this one knows up to {})", version,
                        kMigrationCount));
    if (version == kMigrationCount) return;
    if (!writable) error(fmt::format("schema version {} is older than {}: run `sitrep ingest` on it to upgrade", version,
                                     kMigrationCount));
    for (int v = version; v < kMigrationCount; ++v) {
      Transaction tx(db);
      if (v == 0) {
        db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
        set_application_id(db);
      }
      const Migration& m = kMigrations[v];
      db.exec(db.postgres() ? postgres_ddl(m.sql) : std::string(m.sql));
      if (const char* own = db.postgres() ? m.postgres : m.sqlite) db.exec(own);
      Stmt(db, "INSERT INTO schema_version VALUES (?, ?)").bind(1, v + 1).bind(2, utc_now("%Y-%m-%d %H:%M:%S")).run();
      tx.commit();
    }
  } catch (const SqlError& e) {
    if (e.code == kNotASitrepStore) throw;
    if (e.code == SQLITE_CORRUPT || e.code == SQLITE_NOTADB)
      throw SqlError(fmt::format("{}: corrupted database ({})", path, e.what()), SQLITE_CORRUPT);
    throw SqlError(fmt::format("{}: {}", path, e.what()), e.code);
  }
}

}  // namespace sitrep::store
