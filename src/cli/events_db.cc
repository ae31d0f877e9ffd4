// Store-backed `events` and `quotes` (see events_db.h).
#include "cli/events_db.h"

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/db_common.h"
#include "io/dates.h"
#include "entities/actor_dictionary.h"
#include "events/plover.h"
#include "io/event_writers.h"

namespace sitrep::cli {

namespace {

std::string text_or_empty(const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

// A merged event read back from the store, as a GDELT 2.0 event-table row.
void gdelt_from_row(const nlohmann::json& r, const entities::ActorDictionary* dict, std::string& buf) {
  io::GdeltRow g;
  g.id = static_cast<uint64_t>(r.value("id", int64_t{0}));
  if (auto d = io::parse_date(text_or_empty(r["date"]))) g.date = g.added = *d;
  if (r["source"].is_object()) g.source_code = text_or_empty(r["source"]["code"]), g.source_name = text_or_empty(r["source"]["text"]);
  if (r["target"].is_object()) g.target_code = text_or_empty(r["target"]["code"]), g.target_name = text_or_empty(r["target"]["text"]);
  g.code = text_or_empty(r["code"]);
  g.root = text_or_empty(r["root"]);
  g.quad = r["quad"].is_number() ? std::to_string(r["quad"].get<int>()) : "";
  g.goldstein = r["goldstein"].is_number() ? fmt::format("{:.1f}", r["goldstein"].get<double>()) : "";
  g.mentions = r.value("mentions", 1), g.sources = r.value("sources", 1), g.articles = r.value("articles", 1);
  std::string place_country;
  if (const nlohmann::json& loc = r["location"]; loc.is_object()) {
    place_country = text_or_empty(loc["country"]);
    GeoPoint point;
    if (loc["lat"].is_number() && loc["lon"].is_number()) point = {loc["lat"].get<double>(), loc["lon"].get<double>(), true};
    int precision = r["geo_precision"].is_number_integer() ? r["geo_precision"].get<int>() : 0;
    g.action_geo = io::gdelt_place_geo(text_or_empty(loc["name"]), place_country, precision, point, dict);
  }
  g.actor1_geo = io::gdelt_actor_geo(g.source_code, g.action_geo, place_country, dict);
  g.actor2_geo = io::gdelt_actor_geo(g.target_code, g.action_geo, place_country, dict);
  g.url = text_or_empty(r["path"]);
  io::write_gdelt_row(g, buf);
}

// A merged event read back from the store as a PLOVER record (docs/plover.md); the
// fields of the first report, the toll range and claims of all.
nlohmann::json plover_from_row(const nlohmann::json& r) {
  using nlohmann::json;
  const events::PloverType* type = events::plover_of(text_or_empty(r["code"]));
  if (!type) return nullptr;
  auto actors = [](const json& a) {
    json list = json::array();
    if (a.is_object() && (a["code"].is_string() || a["text"].is_string())) {
      std::string code = text_or_empty(a["code"]);
      std::string_view sector = events::plover_sector(code);
      list.push_back({{"code", a["code"]},
                      {"sector", sector.empty() ? json(nullptr) : json(std::string(sector))},
                      {"entity_text", a["text"]}});
    }
    return list;
  };
  json context = json::array();
  for (std::string_view c : type->context) context.push_back(std::string(c));
  return {{"id", std::to_string(r.value("id", int64_t{0}))},
          {"date", r["date"]},
          {"actor", actors(r["source"])},
          {"recipient", actors(r["target"])},
          {"event", std::string(type->event)},
          {"mode", type->mode.empty() ? json(nullptr) : json(std::string(type->mode))},
          {"context", context},
          {"negation", r["negated"]},
          {"future", r["future"]},
          {"hypothetical", false},
          {"cameo", r["code"]},
          {"event_text", r["evidence"]},
          {"event_loc", r["location"]},
          {"time_precision", r["time_precision"]},
          {"geo_precision", r["geo_precision"]},
          {"size", r["size"]},
          {"claims", r["claims"]},
          {"contested", r["contested"]},
          {"mentions", r["mentions"]},
          {"sources", r["sources"]},
          {"articles", r["articles"]},
          {"text_info", {{"doc", r["doc"]}, {"sentence", r["sent"]}, {"start", r["start"]}, {"end", r["end"]}}},
          {"cite_info", {{"url", r["url"]}, {"title", r["title"]}, {"publication", r["outlet"]}}}};
}

}  // namespace

int run_events_query(const EventsQueryOptions& o) {
  if (o.format == "plover") {
    auto store = open_store_for_reading(o.db);
    if (!store) return kExitBadInput;
    Status st = store::query_events(*store, o.filter, [&](const nlohmann::json& row) {
      nlohmann::json rec = plover_from_row(row);
      if (!rec.is_null()) fmt::print("{}\n", rec.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
    if (!st.ok()) return fail(st);
    return 0;
  }
  if (o.format == "gdelt") {
    auto store = open_store_for_reading(o.db);
    if (!store) return kExitBadInput;
    // Countries' FIPS codes and points for the geo columns; without the data files the
    // columns keep what the store has.
    auto dict = entities::ActorDictionary::load_default();
    if (!dict.ok()) fmt::print(stderr, "sitrep: warning: {}: GDELT geo columns without FIPS codes\n", dict.status().message());
    const entities::ActorDictionary* d = dict.ok() ? &dict.value() : nullptr;
    std::string buf;
    Status st = store::query_events(*store, o.filter, [&](const nlohmann::json& row) {
      gdelt_from_row(row, d, buf);
      if (buf.size() > (1u << 16)) fwrite(buf.data(), 1, buf.size(), stdout), buf.clear();
    });
    fwrite(buf.data(), 1, buf.size(), stdout);
    if (!st.ok()) {
      return fail(st);
    }
    return 0;
  }
  return run_row_query(o.db, o.format,
                       {"id", "date", "source.code", "target.code", "code", "root", "quad", "goldstein", "mentions",
                        "sources", "articles", "story", "negated", "future", "doc", "sent", "source.text",
                        "target.text", "reported_by.code", "location.name", "location.country", "location.lat",
                        "location.lon", "geo_precision", "time_precision", "plover", "evidence", "confidence"},
                       [&](store::Store& s, const store::RowSink& sink) { return store::query_events(s, o.filter, sink); });
}

int run_quotes_query(const QuotesQueryOptions& o) {
  return run_row_query(o.db, o.format,
                       {"doc", "sent", "speaker.canonical", "speaker.actor", "speaker.text", "cue", "direct", "start", "end",
                        "text"},
                       [&](store::Store& s, const store::RowSink& sink) { return store::query_quotes(s, o.filter, sink); });
}

}  // namespace sitrep::cli
