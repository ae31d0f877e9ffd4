#include "server/views.h"

#include "events/plover.h"

#include <map>

#include <fmt/format.h>

#include "store/db.h"

namespace sitrep::server {
namespace {

using nlohmann::json;
using store::Stmt;

json text_or_null(const Stmt& st, int col) { return st.is_null(col) ? json(nullptr) : json(st.text(col)); }
json real_or_null(const Stmt& st, int col) { return st.is_null(col) ? json(nullptr) : json(st.real(col)); }
json int_or_null(const Stmt& st, int col) { return st.is_null(col) ? json(nullptr) : json(st.int64(col)); }
json actor(const Stmt& st, int code, int text) { return {{"code", text_or_null(st, code)}, {"text", text_or_null(st, text)}}; }

template <typename T, typename F>
Result<T> guarded(store::Store& store, const char* what, F&& f) {
  try {
    return f();
  } catch (const store::SqlError& e) {
    return Status::Error(fmt::format("{}: {}: {}", store.path(), what, e.what()));
  }
}

// Rows of `sql` (one integer parameter) as JSON objects named by their columns.
json rows_of(store::Store& store, const char* sql, int64_t id) {
  Stmt st(store.db(), sql);
  st.bind(1, id);
  json rows = json::array();
  while (st.step()) {
    json row = json::object();
    for (int c = 0; c < st.columns(); ++c) {
      switch (st.column_type(c)) {
        case store::ColumnType::kNull: row[st.column_name(c)] = nullptr; break;
        case store::ColumnType::kInteger: row[st.column_name(c)] = st.int64(c); break;
        case store::ColumnType::kReal: row[st.column_name(c)] = st.real(c); break;
        default: row[st.column_name(c)] = st.text(c);
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// A JSON text column as JSON (null when NULL or not JSON).
json json_or_null(const Stmt& st, int col) {
  if (st.is_null(col)) return nullptr;
  json j = json::parse(st.text(col), nullptr, false);
  return j.is_discarded() ? json(nullptr) : j;
}

// SQLite stores booleans as 0/1; the API gives JSON booleans.
void to_bool(json& rows, std::initializer_list<const char*> keys) {
  for (json& r : rows)
    for (const char* k : keys)
      if (r.contains(k) && r[k].is_number()) r[k] = r[k].get<int64_t>() != 0;
}

}  // namespace

Result<std::optional<json>> event_detail(store::Store& store, int64_t id) {
  return guarded<std::optional<json>>(store, "event", [&]() -> std::optional<json> {
    // The fields of the events list (one query, docs/store.md), then each report.
    store::EventFilter one;
    one.id = id;
    json event;
    Status found = store::query_events(store, one, [&](const json& row) { event = row; });
    if (!found.ok()) throw store::SqlError(found.message(), SQLITE_ERROR);
    if (event.is_null()) return std::nullopt;
    Stmt m(store.db(),
           "SELECT m.id, m.document, d.doc_id, d.title, d.source, d.date, m.sentence, s.text, s.begin, s.end, "
           "m.begin, m.end, m.source, m.source_text, m.target, m.target_text, m.code, m.date, m.negated, m.future, "
           "m.reported_by, m.reported_by_text, m.location, m.location_country, m.quote, m.evidence, m.confidence, "
           "d.duplicate_of, m.size, m.claims, m.contested, m.lat, m.lon, m.geo_precision, m.time_precision, "
           "m.point_of_country FROM event_mentions m JOIN documents d ON d.id = m.document "
           "LEFT JOIN sentences s ON s.document = m.document AND s.idx = m.sentence WHERE m.event = ? ORDER BY m.id");
    m.bind(1, id);
    json list = json::array();
    while (m.step()) {
      list.push_back({{"id", m.int64(0)},
                      {"document", m.int64(1)},
                      {"doc", m.text(2)},
                      {"title", text_or_null(m, 3)},
                      {"outlet", text_or_null(m, 4)},
                      {"published", text_or_null(m, 5)},
                      {"sent", m.int64(6) + 1},  // 1-based, as everywhere
                      {"sentence", text_or_null(m, 7)},
                      {"sentence_begin", int_or_null(m, 8)},
                      {"sentence_end", int_or_null(m, 9)},
                      {"begin", m.int64(10)},
                      {"end", m.int64(11)},
                      {"source", actor(m, 12, 13)},
                      {"target", actor(m, 14, 15)},
                      {"code", m.text(16)},
                      {"date", text_or_null(m, 17)},
                      {"negated", m.int64(18) != 0},
                      {"future", m.int64(19) != 0},
                      {"reported_by", actor(m, 20, 21)},
                      {"location", {{"name", text_or_null(m, 22)}, {"country", text_or_null(m, 23)},
                                    {"lat", real_or_null(m, 31)}, {"lon", real_or_null(m, 32)},
                                    {"point_of_country", m.int64(35) != 0}}},
                      {"geo_precision", int_or_null(m, 33)},
                      {"time_precision", int_or_null(m, 34)},
                      {"size", json_or_null(m, 28)},
                      {"claims", m.is_null(29) ? json::array() : json_or_null(m, 29)},
                      {"contested", m.int64(30) != 0},
                      {"quote", int_or_null(m, 24)},
                      {"evidence", text_or_null(m, 25)},
                      {"confidence", real_or_null(m, 26)},
                      {"duplicate_of", int_or_null(m, 27)}});
    }
    if (!list.empty()) event["document"] = list[0]["document"];  // the first report's
    event["mentions_list"] = std::move(list);
    return event;
  });
}

Result<std::optional<json>> document_detail(store::Store& store, int64_t id) {
  return guarded<std::optional<json>>(store, "document", [&]() -> std::optional<json> {
    json docs = rows_of(store,
                        "SELECT id, doc_id AS doc, path, source, url, title, date, text, duplicate_of "
                        "FROM documents WHERE id = ?",
                        id);
    if (docs.empty()) return std::nullopt;
    json doc = std::move(docs[0]);
    doc["sentences"] = rows_of(store, "SELECT idx + 1 AS sent, begin, \"end\" FROM sentences WHERE document = ? ORDER BY idx", id);
    doc["events"] = rows_of(
        store,
        "SELECT m.event AS id, m.sentence + 1 AS sent, m.begin, m.end, m.code, e.root, e.quad, e.goldstein, "
        "m.source, m.source_text, m.target, m.target_text, m.date, m.negated, m.future, m.reported_by, "
        "m.evidence, m.confidence, e.mentions, e.sources, e.articles, m.size, m.claims, m.contested, "
        "m.location, m.location_country, m.lat, m.lon, m.geo_precision, m.time_precision, m.point_of_country "
        "FROM event_mentions m JOIN events e ON e.id = m.event WHERE m.document = ? ORDER BY m.begin, m.id",
        id);
    to_bool(doc["events"], {"negated", "future", "contested", "point_of_country"});
    for (json& e : doc["events"]) {  // as this report tells it: its tolls, claims, place; the code's PLOVER type
      for (const char* k : {"size", "claims"}) {
        json parsed = e[k].is_string() ? json::parse(e[k].get<std::string>(), nullptr, false) : json(nullptr);
        e[k] = parsed.is_discarded() ? json(nullptr) : parsed;
      }
      if (e["claims"].is_null()) e["claims"] = json::array();
      e["plover"] = store::plover_type(e["code"].get<std::string>());
    }
    doc["quotes"] = rows_of(store,
                            "SELECT sentence + 1 AS sent, begin, \"end\", text, speaker_text, speaker_canonical, "
                            "speaker_actor, cue, direct FROM quotes WHERE document = ? ORDER BY begin, id",
                            id);
    to_bool(doc["quotes"], {"direct"});
    doc["entities"] = rows_of(store,
                              "SELECT m.sentence + 1 AS sent, m.begin, m.end, m.text, m.type, m.kind, m.chain, "
                              "c.canonical, c.actor FROM mentions m "
                              "LEFT JOIN chains c ON c.document = m.document AND c.idx = m.chain "
                              "WHERE m.document = ? ORDER BY m.begin, m.id",
                              id);
    doc["places"] = rows_of(store,
                            "SELECT sentence + 1 AS sent, begin, \"end\", name, country, admin1 FROM places "
                            "WHERE document = ? ORDER BY begin, id",
                            id);
    doc["times"] = rows_of(store,
                           "SELECT sentence + 1 AS sent, begin, \"end\", text, value, granularity, date FROM times "
                           "WHERE document = ? ORDER BY begin, id",
                           id);
    json stories = rows_of(store, "SELECT story FROM story_documents WHERE document = ? ORDER BY story", id);
    doc["stories"] = json::array();
    for (const json& s : stories) doc["stories"].push_back(s["story"]);
    return doc;
  });
}

Result<std::optional<json>> story_detail(store::Store& store, int64_t id, int64_t event_limit) {
  auto story = guarded<std::optional<json>>(store, "story", [&]() -> std::optional<json> {
    json rows = rows_of(store, "SELECT id, title, first_date, last_date FROM stories WHERE id = ?", id);
    if (rows.empty()) return std::nullopt;
    json s = std::move(rows[0]);
    s["documents"] = rows_of(store,
                             "SELECT d.id, d.doc_id AS doc, d.title, d.source, d.date FROM story_documents sd "
                             "JOIN documents d ON d.id = sd.document WHERE sd.story = ? ORDER BY d.date NULLS FIRST, d.id",
                             id);
    s["actors"] = rows_of(store,
                          "SELECT a AS code, count(*) AS events FROM (SELECT source AS a FROM events WHERE story = ?1 "
                          "UNION ALL SELECT target FROM events WHERE story = ?1) AS sides WHERE a IS NOT NULL "
                          "GROUP BY a ORDER BY 2 DESC, 1",
                          id);
    return s;
  });
  if (!story.ok() || !story.value()) return story;
  json& s = *story.value();
  s["events"] = json::array();
  store::EventFilter filter;
  filter.story = id;
  filter.limit = event_limit;
  Status st = store::query_events(store, filter, [&](const json& row) { s["events"].push_back(row); });
  if (!st.ok()) return st;
  return story;
}

Result<json> actor_network(store::Store& store, const NetworkOptions& o) {
  int width;
  if (o.level == "country") width = 3;
  else if (o.level == "role") width = 6;
  else return Status::Error(fmt::format("level: expected country or role, not {}", json(o.level).dump()));
  std::string sql = fmt::format(
      "SELECT substr(source_key, 1, {0}) AS s, substr(target_key, 1, {0}) AS t, count(*), sum(mentions), "
      "sum(goldstein), avg(goldstein) FROM events "
      "WHERE source_key <> '' AND target_key <> '' "
      "AND (CAST(?1 AS TEXT) IS NULL OR date >= ?1) AND (CAST(?2 AS TEXT) IS NULL OR date <= ?2) "
      "GROUP BY s, t ORDER BY 3 DESC, s, t LIMIT ?3",
      width);
  return guarded<json>(store, "actors", [&] {
    Stmt st(store.db(), sql);
    st.bind_text_or_null(1, o.from).bind_text_or_null(2, o.to).bind(3, store::sql_limit(o.limit));
    json edges = json::array();
    struct Node {
      int64_t events = 0;
      double goldstein = 0;
    };
    std::map<std::string, Node> nodes;
    while (st.step()) {
      std::string s = st.text(0), t = st.text(1);
      int64_t n = st.int64(2);
      double g = st.is_null(4) ? 0 : st.real(4);
      edges.push_back({{"source", s},
                       {"target", t},
                       {"events", n},
                       {"mentions", st.int64(3)},
                       {"goldstein", real_or_null(st, 4)},
                       {"goldstein_avg", real_or_null(st, 5)}});
      for (const std::string& a : {s, t}) {
        nodes[a].events += n;
        nodes[a].goldstein += g;
      }
      if (s == t) nodes[s].events -= n, nodes[s].goldstein -= g;  // a self-loop counts once
    }
    json out = {{"nodes", json::array()}, {"edges", std::move(edges)}};
    for (const auto& [code, n] : nodes)
      out["nodes"].push_back({{"id", code}, {"events", n.events}, {"goldstein", n.goldstein}});
    return out;
  });
}

}  // namespace sitrep::server
