#include "store/queries.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "events/plover.h"
#include "store/db.h"
#include "store/store.h"

namespace sitrep::store {
namespace {

using nlohmann::json;

json nullable_text(const Stmt& st, int col) { return st.is_null(col) ? json(nullptr) : json(st.text(col)); }
json nullable_real(const Stmt& st, int col) { return st.is_null(col) ? json(nullptr) : json(st.real(col)); }
json nullable_int(const Stmt& st, int col) { return st.is_null(col) ? json(nullptr) : json(st.int64(col)); }


template <typename F>
Status guarded(Store& store, const char* what, F&& f) {
  try {
    f();
    return Status::Ok();
  } catch (const SqlError& e) {
    return sql_status(e.code, fmt::format("{}: {}: {}", store.path(), what, e.what()));
  }
}

}  // namespace

nlohmann::json plover_type(std::string_view code) {
  const events::PloverType* t = events::plover_of(code);
  return t ? json(std::string(t->event)) : json(nullptr);
}

namespace {

// One report of a merged event, as the store keeps it.
struct Report {
  std::string size, claims;  // JSON; empty when NULL
  bool contested = false;
  std::string doc;
  int64_t sent = 0, document = 0;
};

// What the reports of a merged event say it did and who did it: for each kind of toll,
// the range across reports (the smallest count any report gives, the largest stated)
// with each report's figure; every report's claims, with its document; contested when
// a report is, or the reports' claims name different doers.
void add_reports(const std::vector<Report>& reports, json& row) {
  json size = json::object(), claims = json::array();
  bool contested = false;
  for (const Report& r : reports) {
    const std::string& doc = r.doc;
    const int64_t sent = r.sent;
    if (!r.size.empty()) {
      json s = json::parse(r.size, nullptr, false);
      for (auto it = s.begin(); s.is_object() && it != s.end(); ++it) {
        const json& fig = it.value();
        if (!fig.is_object() || !fig["min"].is_number_integer()) continue;
        int64_t lo = fig["min"], hi = fig["max"].is_number_integer() ? fig["max"].get<int64_t>() : lo;
        json& k = size[it.key()];
        if (k.is_null()) k = {{"min", lo}, {"max", hi}, {"reports", json::array()}};
        k["min"] = std::min(k["min"].get<int64_t>(), lo);
        k["max"] = std::max(k["max"].get<int64_t>(), hi);
        k["reports"].push_back({{"doc", doc}, {"sent", sent}, {"min", fig["min"]}, {"max", fig["max"]}, {"text", fig["text"]}});
      }
    }
    if (!r.claims.empty()) {
      json c = json::parse(r.claims, nullptr, false);
      for (json& claim : c.is_array() ? c : json::array()) {
        claim["doc"] = doc;
        claim["document"] = r.document;  // the row id: two articles may share a file name
        claims.push_back(std::move(claim));
      }
    }
    contested = contested || r.contested;
  }
  std::string first_doer;
  for (const json& c : claims) {
    if (c["stance"] == "denies" || !c["party"]["code"].is_string()) continue;
    std::string doer = c["party"]["code"].get<std::string>().substr(0, 3);
    if (first_doer.empty()) first_doer = doer;
    contested = contested || doer != first_doer;
  }
  row["size"] = size.empty() ? json(nullptr) : size;
  row["claims"] = claims;
  row["contested"] = contested;
}

}  // namespace

Status query_events(Store& store, const EventFilter& f, const RowSink& sink) {
  for (const std::string* d : {&f.from, &f.to})
    if (!d->empty() && !Date::parse_iso(*d)) return Status::Error(fmt::format("not a date (YYYY-MM-DD): {}", *d));
  // Each filter is always in the SQL and switched off by a NULL parameter.
  const char* sql =
      "SELECT e.id, e.source, e.target, e.code, e.root, e.quad, e.goldstein, e.date, e.negated, e.future, "
      "e.mentions, e.sources, e.articles, e.story, d.doc_id, m.sentence, m.source_text, m.target_text, "
      "m.reported_by, m.reported_by_text, m.location, m.location_country, m.evidence, m.confidence, d.path, m.date_text, "
      "d.url, d.title, d.source, m.begin, m.end, m.lat, m.lon, m.geo_precision, m.time_precision, m.point_of_country "
      "FROM events e "
      "JOIN event_mentions m ON m.id = (SELECT min(id) FROM event_mentions WHERE event = e.id) "
      "JOIN documents d ON d.id = m.document "
      "WHERE (CAST(?1 AS TEXT) IS NULL OR substr(e.source, 1, length(?1)) = ?1) "
      "AND (CAST(?2 AS TEXT) IS NULL OR substr(e.target, 1, length(?2)) = ?2) "
      "AND (CAST(?3 AS TEXT) IS NULL OR substr(e.source, 1, length(?3)) = ?3 OR substr(e.target, 1, length(?3)) = ?3) "
      "AND (CAST(?4 AS TEXT) IS NULL OR substr(e.code, 1, length(?4)) = ?4) "
      "AND (CAST(?5 AS TEXT) IS NULL OR e.date >= ?5) AND (CAST(?6 AS TEXT) IS NULL OR e.date <= ?6) "
      "AND (CAST(?7 AS BIGINT) IS NULL OR e.story = ?7) AND (?8 OR e.negated = 0) "
      "AND e.id BETWEEN coalesce(?10, -9223372036854775807) AND coalesce(?10, 9223372036854775807) "
      "ORDER BY e.date DESC NULLS LAST, e.id LIMIT ?9";
  return guarded(store, "events", [&] {
    Stmt st(store.db(), sql);
    // The reports of up to kBatch events in one statement (one query per event made a
    // listing of 300 events 300 round trips to a PostgreSQL server); unused slots are NULL.
    constexpr int kBatch = 64;
    std::string in;
    for (int i = 1; i <= kBatch; ++i) in += fmt::format("{}?{}", i > 1 ? ", " : "", i);
    // (The document's name by a lookup per report, not a join: PostgreSQL's generic plan for
    // 64 unknown events hash-joined every document, 10 ms a batch at 10,000 articles.)
    Stmt reports(store.db(),
                 "SELECT m.event, m.size, m.claims, m.contested, (SELECT doc_id FROM documents WHERE id = m.document), "
                 "m.sentence, m.document FROM event_mentions m WHERE m.event IN (" + in + ") ORDER BY m.event, m.id");
    std::vector<std::pair<int64_t, json>> pending;
    auto flush = [&] {
      for (int i = 0; i < kBatch; ++i) {
        if (i < static_cast<int>(pending.size())) reports.bind(i + 1, pending[i].first);
        else reports.bind_null(i + 1);
      }
      std::unordered_map<int64_t, std::vector<Report>> of;
      while (reports.step()) {
        Report r;
        if (!reports.is_null(1)) r.size = reports.text(1);
        if (!reports.is_null(2)) r.claims = reports.text(2);
        r.contested = reports.int64(3) != 0;
        r.doc = reports.text(4);
        r.sent = reports.int64(5) + 1;
        r.document = reports.int64(6);
        of[reports.int64(0)].push_back(std::move(r));
      }
      reports.reset();
      for (auto& [id, row] : pending) {
        add_reports(of[id], row);
        sink(row);
      }
      pending.clear();
    };
    st.bind_text_or_null(1, f.actor).bind_text_or_null(2, f.target).bind_text_or_null(3, f.involving);
    st.bind_text_or_null(4, f.code).bind_text_or_null(5, f.from).bind_text_or_null(6, f.to);
    if (f.story >= 0) st.bind(7, f.story); else st.bind_null(7);
    st.bind(8, f.include_negated ? 1 : 0).bind(9, sql_limit(f.limit));
    if (f.id >= 0) st.bind(10, f.id); else st.bind_null(10);
    while (st.step()) {
      json row = {
          {"id", st.int64(0)},
          {"doc", st.text(14)},
          {"sent", st.int64(15) + 1},  // 1-based, as the event JSONL of files
          {"date", nullable_text(st, 7)},
          {"date_text", nullable_text(st, 25)},
          {"source", {{"code", nullable_text(st, 1)}, {"text", nullable_text(st, 16)}}},
          {"target", {{"code", nullable_text(st, 2)}, {"text", nullable_text(st, 17)}}},
          {"code", st.text(3)},
          {"root", st.text(4)},
          {"goldstein", nullable_real(st, 6)},
          {"quad", nullable_int(st, 5)},
          {"plover", plover_type(st.text(3))},
          {"negated", st.int64(8) != 0},
          {"future", st.int64(9) != 0},
          {"reported_by", st.is_null(18) && st.is_null(19)
                              ? json(nullptr)
                              : json{{"code", nullable_text(st, 18)}, {"text", nullable_text(st, 19)}}},
          {"location", st.is_null(20) && st.is_null(21)
                           ? json(nullptr)
                           : json{{"name", nullable_text(st, 20)}, {"country", nullable_text(st, 21)},
                                  {"lat", nullable_real(st, 31)}, {"lon", nullable_real(st, 32)},
                                  {"point_of_country", st.int64(35) != 0}}},
          {"geo_precision", nullable_int(st, 33)},
          {"time_precision", nullable_int(st, 34)},
          {"evidence", nullable_text(st, 22)},
          {"confidence", nullable_real(st, 23)},
          {"mentions", st.int64(10)},
          {"sources", st.int64(11)},
          {"articles", st.int64(12)},
          {"story", nullable_int(st, 13)},
          {"path", st.text(24)},
          {"url", nullable_text(st, 26)},
          {"title", nullable_text(st, 27)},
          {"outlet", nullable_text(st, 28)},
          {"start", st.int64(29)},
          {"end", st.int64(30)},
      };
      pending.emplace_back(st.int64(0), std::move(row));
      if (pending.size() == kBatch) flush();
    }
    if (!pending.empty()) flush();
  });
}

Status query_quotes(Store& store, const QuoteFilter& f, const RowSink& sink) {
  const char* sql =
      "SELECT d.doc_id, q.sentence, q.text, q.speaker_text, q.speaker_canonical, q.speaker_actor, q.cue, q.direct, "
      "q.begin, q.end FROM quotes q JOIN documents d ON d.id = q.document "
      "WHERE CAST(?1 AS TEXT) IS NULL OR instr(lower(coalesce(q.speaker_canonical, '') || ' ' || "
      "coalesce(q.speaker_text, '')), lower(?1)) > 0 ORDER BY d.date NULLS FIRST, d.id, q.begin, q.id LIMIT ?2";
  return guarded(store, "quotes", [&] {
    Stmt st(store.db(), sql);
    st.bind_text_or_null(1, f.speaker).bind(2, sql_limit(f.limit));
    while (st.step()) {
      sink(json{{"doc", st.text(0)},
                {"sent", st.int64(1) + 1},
                {"text", st.text(2)},
                {"speaker",
                 {{"text", nullable_text(st, 3)}, {"canonical", nullable_text(st, 4)}, {"actor", nullable_text(st, 5)}}},
                {"cue", nullable_text(st, 6)},
                {"direct", st.int64(7) != 0},
                {"start", st.int64(8)},
                {"end", st.int64(9)}});
    }
  });
}

std::string literal_fts_query(const std::string& text, bool postgres) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"' && postgres) c = ' ';  // websearch_to_tsquery: a quote is never in a word
      else if (c == '"') out += '"';      // FTS5 escapes a quote inside a string by doubling it
      out += c;
    }
    out += '"';
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else word += c;
  }
  flush();
  return out;
}

namespace {

// [[begin, end], ...]: byte offsets of the matched words in the sentence, from
// FTS5's highlight() with \x01 and \x02 around each match (control characters
// news text does not hold; one that did would shift the offsets after it).
json match_offsets(const std::string& marked) {
  json out = json::array();
  int64_t pos = 0, begin = -1;
  for (char c : marked) {
    if (c == '\x01') begin = pos;
    else if (c == '\x02' && begin >= 0) out.push_back({begin, pos}), begin = -1;
    else ++pos;
  }
  return out;
}

}  // namespace

Status search_sentences(Store& store, const SearchOptions& o, const RowSink& sink) {
  const bool pg = store.db().postgres();
  // The words as they are (each a quoted string: FTS5's, or websearch_to_tsquery's, where
  // it is a phrase of the word's tokens, as in FTS5), or the query language of the
  // backend (FTS5's; PostgreSQL's to_tsquery).
  std::string match = o.syntax ? o.query : literal_fts_query(o.query, pg);
  if (match.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Error("search: empty query");
  // The one full-text search, in each dialect: FTS5 ranks by bm25 (lower is better);
  // PostgreSQL by ts_rank, negated to read the same way, its snippet by ts_headline
  // over the 20 best only.
  const char* sql =
      pg ? "SELECT d.doc_id, d.title, d.date, s.idx, h.rank, "
           "ts_headline('simple', s.text, h.q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1, "
           "FragmentDelimiter=...'), s.text, d.id, s.begin, s.\"end\", "
           "ts_headline('simple', s.text, h.q, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true') "
           "FROM (SELECT s.id, -ts_rank(s.fts, q) AS rank, q FROM sentences s, {}('simple', ?1) q "
           "      WHERE s.fts @@ q ORDER BY rank, s.id LIMIT ?2) h "
           "JOIN sentences s ON s.id = h.id JOIN documents d ON d.id = s.document ORDER BY h.rank, h.id"
         : "SELECT d.doc_id, d.title, d.date, s.idx, bm25(sentences_fts) AS rank, "
           "snippet(sentences_fts, 0, '[', ']', '...', 16), s.text, d.id, s.begin, s.end, "
           "highlight(sentences_fts, 0, char(1), char(2)) "
           "FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.document "
           "WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2";
  try {
    Stmt st(store.db(), pg ? fmt::format(fmt::runtime(sql), o.syntax ? "to_tsquery" : "websearch_to_tsquery") : std::string(sql));
    st.bind(1, match).bind(2, sql_limit(o.limit));
    while (st.step())
      sink(json{{"doc", st.text(0)},
                {"title", nullable_text(st, 1)},
                {"date", nullable_text(st, 2)},
                {"sent", st.int64(3) + 1},
                {"rank", st.real(4)},
                {"snippet", st.text(5)},
                {"text", st.text(6)},
                {"document", st.int64(7)},
                {"begin", st.int64(8)},
                {"end", st.int64(9)},
                {"matches", match_offsets(st.text(10))}});
    return Status::Ok();
  } catch (const SqlError& e) {
    // FTS5 reports query syntax problems as SQLITE_ERROR ("fts5: syntax error near ..."),
    // PostgreSQL's backend maps its syntax errors (42601) to it too.
    if (e.code == SQLITE_ERROR)
      return Status::InvalidArgument(fmt::format("search: bad query {}: {}", json(o.query).dump(), e.what()));
    return sql_status(e.code, fmt::format("{}: search: {}", store.path(), e.what()));
  }
}

Status query_dyads(Store& store, const DyadOptions& o, const RowSink& sink) {
  const char* period;
  if (o.by == "day") period = "e.date";
  else if (o.by == "week")  // the Monday starting its week; none for a date without its day
    period = store.db().postgres() ? "CASE WHEN e.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' "
                                     "THEN to_char(date_trunc('week', e.date::date), 'YYYY-MM-DD') END"
                                   : "date(e.date, '-6 days', 'weekday 1')";
  else if (o.by == "month") period = "substr(e.date, 1, 7)";
  else return Status::Error(fmt::format("--by: expected day, week or month, not {}", json(o.by).dump()));
  int width;
  if (o.level == "country") width = 3;
  else if (o.level == "role") width = 6;
  else return Status::Error(fmt::format("--level: expected country or role, not {}", json(o.level).dump()));
  std::string sql = fmt::format(
      "SELECT {0} AS period, substr(e.source_key, 1, {1}) AS s, substr(e.target_key, 1, {1}) AS t, count(*), "
      "sum(e.mentions), sum(e.goldstein), avg(e.goldstein) FROM events e "
      "WHERE e.date IS NOT NULL AND e.source_key <> '' AND e.target_key <> '' "
      "GROUP BY period, s, t ORDER BY period, s, t",
      period, width);
  return guarded(store, "dyads", [&] {
    Stmt st(store.db(), sql);
    while (st.step())
      sink(json{{"period", st.text(0)},
                {"source", st.text(1)},
                {"target", st.text(2)},
                {"events", st.int64(3)},
                {"mentions", st.int64(4)},
                {"goldstein", nullable_real(st, 5)},
                {"goldstein_avg", nullable_real(st, 6)}});
  });
}

Status query_stories(Store& store, const RowSink& sink) {
  const char* sql =
      "SELECT s.id, s.title, s.first_date, s.last_date, "
      "(SELECT count(*) FROM story_documents WHERE story = s.id), (SELECT count(*) FROM events WHERE story = s.id) "
      "FROM stories s ORDER BY s.last_date DESC NULLS LAST, s.id";
  return guarded(store, "stories", [&] {
    Stmt st(store.db(), sql);
    while (st.step())
      sink(json{{"id", st.int64(0)},
                {"title", nullable_text(st, 1)},
                {"first_date", nullable_text(st, 2)},
                {"last_date", nullable_text(st, 3)},
                {"documents", st.int64(4)},
                {"events", st.int64(5)}});
  });
}

}  // namespace sitrep::store
