#include "io/event_writers.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "entities/actor_dictionary.h"
#include "events/magnitudes.h"
#include "events/plover.h"
#include "io/writers.h"

namespace sitrep::io {

int time_precision(const Document& doc, const Event& e) {
  if (!e.date.known()) return 0;
  if (e.time < 0 || static_cast<size_t>(e.time) >= doc.times.size()) return 2;
  switch (doc.times[e.time].granularity) {
    case TimeGranularity::kDay:
    case TimeGranularity::kPartOfDay: return 1;
    case TimeGranularity::kWeek: return 2;
    default: return 3;
  }
}

Result<EventFormat> parse_event_format(std::string_view name) {
  if (name == "jsonl") return EventFormat::kJsonl;
  if (name == "tsv") return EventFormat::kTsv;
  if (name == "gdelt") return EventFormat::kGdelt;
  if (name == "plover") return EventFormat::kPlover;
  return Status::InvalidArgument("unknown event format '" + std::string(name) + "' (jsonl, tsv, gdelt or plover)");
}

namespace {

// ISO 3166-1 alpha-3 code -> English name, from Debian's iso-codes (read once).
const std::unordered_map<std::string, std::string>& iso_countries() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> t;
    std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
    if (!in) return t;
    auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("3166-1")) return t;
    for (const auto& c : j["3166-1"])
      if (c.contains("alpha_3") && c.contains("name"))
        t.emplace(c["alpha_3"].get<std::string>(), c.value("common_name", c["name"].get<std::string>()));
    return t;
  }();
  return table;
}

std::string country_name(std::string_view alpha3) {
  auto it = iso_countries().find(std::string(alpha3));
  return it == iso_countries().end() ? "" : it->second;
}

std::string_view text_of(const Document& doc, Span s) { return s.empty() ? std::string_view() : doc.str(s); }

// Appends a JSON string, or null when empty.
void json_or_null(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += "null";
  } else {
    append_json_string(out, s);
  }
}

void json_actor(std::string& out, const Document& doc, const EventActor& a) {
  out += "{\"code\":";
  json_or_null(out, a.code);
  out += ",\"text\":";
  json_or_null(out, text_of(doc, a.text));
  out += '}';
}

// {name, country, lat, lon} of an event's place, or null.
void json_place(std::string& out, const Document& doc, const Place* place) {
  if (!place) {
    out += "null";
    return;
  }
  out += "{\"name\":";
  json_or_null(out, place->name.empty() ? doc.str(place->span) : std::string_view(place->name));
  out += ",\"country\":";
  json_or_null(out, place->country);
  if (place->point.known)
    fmt::format_to(std::back_inserter(out), ",\"lat\":{:.4f},\"lon\":{:.4f},\"point_of_country\":{}}}", place->point.lat,
                   place->point.lon, place->point.of_country);
  else
    out += ",\"lat\":null,\"lon\":null,\"point_of_country\":false}";
}

// ACLED's precision codes as JSON, null when there is nothing to be precise about.
std::string time_precision_json(const Document& doc, const Event& e) {
  int p = time_precision(doc, e);
  return p ? std::to_string(p) : "null";
}
std::string geo_precision(const Place* place) {
  return place && place->precision ? std::to_string(place->precision) : "null";
}

// "claims": [{by, stance, party, sent, evidence}], "contested": bool.
void json_claims(std::string& out, const Document& doc, const Event& e) {
  out += ",\"claims\":";
  append_claims_json(out, doc, e);
  out += e.contested ? ",\"contested\":true" : ",\"contested\":false";
}


// A TSV or GDELT cell: tabs and line breaks would break the row.
void append_cell(std::string& out, std::string_view s) {
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

struct EventFacts {
  const events::CameoCode* cameo;
  std::string root;
  std::string_view date_text;
  const Place* place;
};

EventFacts facts(const Document& doc, const events::Ontology& ontology, const Event& e) {
  EventFacts f;
  f.cameo = ontology.find(e.code);
  f.root = f.cameo ? f.cameo->root : e.code.substr(0, std::min<size_t>(2, e.code.size()));
  f.date_text = e.time >= 0 && static_cast<size_t>(e.time) < doc.times.size() ? doc.str(doc.times[e.time].span)
                                                                                : std::string_view();
  f.place = e.place >= 0 && static_cast<size_t>(e.place) < doc.places.size() ? &doc.places[e.place] : nullptr;
  return f;
}

std::string goldstein_text(const events::CameoCode* c) { return c ? fmt::format("{:.1f}", c->goldstein) : ""; }
std::string quad_text(const events::CameoCode* c) { return c ? std::to_string(static_cast<int>(c->quad)) : ""; }

}  // namespace

// "size": on a material event (roots 14-20) an object with dead, injured, arrested and
// displaced, each {min, max (null: open above), text} or null; null on other events.
void append_size_json(std::string& buf, const Document& doc, const Event& e) { append_size_json(buf, doc, e, e.size); }

void append_size_json(std::string& buf, const Document& doc, const Event& e, const Magnitudes& size) {
  if (!events::is_material_event(e.code)) {
    buf += "null";
    return;
  }
  char sep = '{';
  for (int k = 0; k < Magnitudes::kKinds; ++k) {
    const Figure& f = size[k];
    fmt::format_to(std::back_inserter(buf), "{}\"{}\":", sep, Magnitudes::kNames[k]);
    sep = ',';
    if (!f.known()) {
      buf += "null";
      continue;
    }
    fmt::format_to(std::back_inserter(buf), "{{\"min\":{},\"max\":", f.min);
    if (f.max < 0) buf += "null"; else fmt::format_to(std::back_inserter(buf), "{}", f.max);
    buf += ",\"text\":";
    append_json_string(buf, text_of(doc, f.text));
    buf += '}';
  }
  buf += '}';
}

void append_claims_json(std::string& out, const Document& doc, const Event& e) {
  out += '[';
  for (size_t i = 0; i < e.claims.size(); ++i) {
    const Claim& c = e.claims[i];
    if (i) out += ',';
    out += "{\"by\":";
    json_actor(out, doc, c.by);
    out += ",\"stance\":";
    append_json_string(out, c.stance);
    out += ",\"party\":";
    json_actor(out, doc, c.party);
    fmt::format_to(std::back_inserter(out), ",\"sent\":{},\"evidence\":", c.sentence + 1);
    json_or_null(out, text_of(doc, c.evidence));
    out += '}';
  }
  out += ']';
}

namespace {

// A PLOVER actor: the CAMEO actor code, its sector (the agent after the country:
// "GOV" of "UKRGOV"), the words naming it.
void plover_actor(std::string& buf, const Document& doc, const EventActor& a) {
  buf += "{\"code\":";
  json_or_null(buf, a.code);
  buf += ",\"sector\":";
  json_or_null(buf, events::plover_sector(a.code));
  buf += ",\"entity_text\":";
  json_or_null(buf, text_of(doc, a.text));
  buf += '}';
}

bool same_actor(const EventActor& a, const EventActor& b) { return a.code == b.code && a.text == b.text; }

}  // namespace

void write_events_plover(const Document& doc, std::ostream& out) {
  // One record per happening. The events of one trigger and code (compound actors, both
  // directions of a mutual event) are one record with lists of actors and recipients;
  // the same happening told again in the article (same day, code and actors' countries,
  // a mutual one in either direction) is the same record, written with its most specific
  // actor codes ("UKRGOV" over "UKR") where it is first told.
  struct Record {
    size_t event;  // the first event of the record
    const events::PloverType* type;
    std::vector<const EventActor*> actors, recipients;
    std::string key;
    size_t specificity = 0;  // letters of actor codes
    std::vector<size_t> tellings;  // every event of the record, the first included
  };
  std::vector<Record> records;
  std::vector<bool> done(doc.events.size(), false);
  std::vector<size_t> members;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    if (done[i]) continue;
    const Event& e = doc.events[i];
    const events::PloverType* type = events::plover_of(e.code);
    if (!type) continue;  // no PLOVER event (plain statements)
    // A sentence telling again an event of the article ("57 people were killed", after the
    // strike) is a telling of that record.
    if (e.reports >= 0) {
      auto of = std::find_if(records.begin(), records.end(), [&](const Record& x) {
        return std::find(x.tellings.begin(), x.tellings.end(), static_cast<size_t>(e.reports)) != x.tellings.end();
      });
      if (of != records.end()) {
        of->tellings.push_back(i);
        done[i] = true;
        continue;
      }
    }
    members.clear();
    for (size_t j = i; j < doc.events.size(); ++j) {
      const Event& x = doc.events[j];
      if (done[j] || x.sentence != e.sentence || x.span != e.span || x.code != e.code || x.negated != e.negated) continue;
      bool reverse = false;
      for (size_t k : members) {
        const Event& y = doc.events[k];
        reverse = reverse || (x.mutual && same_actor(x.source, y.target) && same_actor(x.target, y.source));
      }
      done[j] = true;
      if (!reverse) members.push_back(j);
    }
    Record r{i, type, {}, {}, {}, 0, members};
    auto add = [&r](std::vector<const EventActor*>& list, const EventActor& a) {
      if (a.code.empty() && a.text.empty()) return;
      for (const EventActor* b : list)
        if (same_actor(a, *b)) return;
      list.push_back(&a);
      r.specificity += a.code.size();
    };
    for (size_t k : members) add(r.actors, doc.events[k].source), add(r.recipients, doc.events[k].target);
    std::vector<std::string> countries[2];
    for (const EventActor* a : r.actors) countries[0].push_back(a->code.substr(0, 3));
    for (const EventActor* a : r.recipients) countries[e.mutual ? 0 : 1].push_back(a->code.substr(0, 3));
    for (auto& c : countries) std::sort(c.begin(), c.end());
    r.key = fmt::format("{}|{}|{}|{}|{}|{}", e.date.iso(), e.code, e.negated, e.future, fmt::join(countries[0], ","),
                        fmt::join(countries[1], ","));
    auto same = std::find_if(records.begin(), records.end(), [&](const Record& x) { return x.key == r.key; });
    if (same == records.end()) {
      records.push_back(std::move(r));
      continue;
    }
    same->tellings.insert(same->tellings.end(), r.tellings.begin(), r.tellings.end());
    if (r.specificity > same->specificity) {
      same->actors = std::move(r.actors), same->recipients = std::move(r.recipients);
      same->specificity = r.specificity;
    }
  }
  std::string buf;
  uint32_t id = 0;
  for (const Record& r : records) {
    // The record's tolls and claims are those of all its tellings (an exact count over an
    // open one, as within a telling).
    Event e = doc.events[r.event];
    for (size_t k : r.tellings) {
      const Event& x = doc.events[k];
      if (k == r.event) continue;
      events::merge_magnitudes(e.size, x.size);
      e.claims.insert(e.claims.end(), x.claims.begin(), x.claims.end());
      e.contested = e.contested || x.contested;
    }
    buf += "{\"id\":";
    append_json_string(buf, fmt::format("{}-{}", doc.id, ++id));
    buf += ",\"date\":";
    json_or_null(buf, e.date.iso());
    for (auto [name, list] : {std::pair{"actor", &r.actors}, std::pair{"recipient", &r.recipients}}) {
      fmt::format_to(std::back_inserter(buf), ",\"{}\":[", name);
      for (size_t k = 0; k < list->size(); ++k) {
        if (k) buf += ',';
        plover_actor(buf, doc, *(*list)[k]);
      }
      buf += ']';
    }
    buf += ",\"event\":";
    append_json_string(buf, r.type->event);
    buf += ",\"mode\":";
    json_or_null(buf, r.type->mode);
    buf += ",\"context\":[";
    for (size_t k = 0; k < r.type->context.size(); ++k) {
      if (k) buf += ',';
      append_json_string(buf, r.type->context[k]);
    }
    buf += ']';
    buf += e.negated ? ",\"negation\":true" : ",\"negation\":false";
    buf += e.future ? ",\"future\":true" : ",\"future\":false";
    buf += ",\"hypothetical\":false,\"cameo\":";
    append_json_string(buf, e.code);
    buf += ",\"event_text\":";
    json_or_null(buf, e.sentence < doc.sentences.size() ? doc.str(doc.sentences[e.sentence].span) : std::string_view());
    buf += ",\"event_loc\":";
    const Place* place = e.place >= 0 && static_cast<size_t>(e.place) < doc.places.size() ? &doc.places[e.place] : nullptr;
    json_place(buf, doc, place);
    fmt::format_to(std::back_inserter(buf), ",\"time_precision\":{},\"geo_precision\":{}", time_precision_json(doc, e),
                   geo_precision(place));
    buf += ",\"size\":";
    append_size_json(buf, doc, e);
    json_claims(buf, doc, e);
    fmt::format_to(std::back_inserter(buf), ",\"text_info\":{{\"sentence\":{},\"start\":{},\"end\":{}}}",
                   e.sentence + 1, e.span.begin, e.span.end);
    buf += ",\"cite_info\":{\"url\":";
    json_or_null(buf, doc.url);
    buf += ",\"title\":";
    json_or_null(buf, doc.title);
    buf += ",\"publication\":";
    json_or_null(buf, doc.source);
    buf += "}}\n";
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void write_figures_jsonl(const Document& doc, std::ostream& out) {
  std::string buf;
  for (const StatedFigure& f : doc.figures) {
    buf += "{\"doc\":";
    append_json_string(buf, doc.id);
    fmt::format_to(std::back_inserter(buf), ",\"sent\":{},\"kind\":\"{}\",\"min\":{},\"max\":", f.figure.sentence + 1,
                   f.kind, f.figure.min);
    if (f.figure.max < 0) buf += "null"; else fmt::format_to(std::back_inserter(buf), "{}", f.figure.max);
    buf += ",\"text\":";
    append_json_string(buf, text_of(doc, f.figure.text));
    fmt::format_to(std::back_inserter(buf), ",\"start\":{},\"end\":{},\"total\":{},\"event\":", f.figure.text.begin,
                   f.figure.text.end, f.total ? "true" : "false");
    if (f.event >= 0 && static_cast<size_t>(f.event) < doc.events.size()) {
      const Event& e = doc.events[static_cast<size_t>(f.event)];
      fmt::format_to(std::back_inserter(buf), "{{\"index\":{},\"code\":", f.event);
      append_json_string(buf, e.code);
      fmt::format_to(std::back_inserter(buf), ",\"sent\":{}}}", e.sentence + 1);
    } else {
      buf += "null";
    }
    buf += "}\n";
  }
  out << buf;
}

void write_events_jsonl(const Document& doc, const events::Ontology& ontology, std::ostream& out) {
  std::string buf;
  for (const Event& e : doc.events) {
    EventFacts f = facts(doc, ontology, e);
    buf += "{\"doc\":";
    append_json_string(buf, doc.id);
    fmt::format_to(std::back_inserter(buf), ",\"sent\":{},\"date\":", e.sentence + 1);
    json_or_null(buf, e.date.iso());
    buf += ",\"date_text\":";
    json_or_null(buf, f.date_text);
    buf += ",\"source\":";
    json_actor(buf, doc, e.source);
    buf += ",\"target\":";
    json_actor(buf, doc, e.target);
    buf += ",\"code\":";
    append_json_string(buf, e.code);
    buf += ",\"root\":";
    json_or_null(buf, f.root);
    buf += ",\"goldstein\":";
    buf += f.cameo ? goldstein_text(f.cameo) : "null";
    buf += ",\"quad\":";
    buf += f.cameo ? quad_text(f.cameo) : "null";
    buf += ",\"plover\":";
    const events::PloverType* plover = events::plover_of(e.code);
    json_or_null(buf, plover ? plover->event : std::string_view());
    buf += e.negated ? ",\"negated\":true" : ",\"negated\":false";
    buf += e.future ? ",\"future\":true" : ",\"future\":false";
    buf += ",\"reported_by\":";
    if (e.reported_by.code.empty() && e.reported_by.text.empty()) {
      buf += "null";
    } else {
      json_actor(buf, doc, e.reported_by);
    }
    buf += ",\"location\":";
    json_place(buf, doc, f.place);
    fmt::format_to(std::back_inserter(buf), ",\"time_precision\":{},\"geo_precision\":{}", time_precision_json(doc, e),
                   geo_precision(f.place));
    buf += ",\"size\":";
    append_size_json(buf, doc, e);
    json_claims(buf, doc, e);
    buf += ",\"evidence\":";
    append_json_string(buf, text_of(doc, e.span));
    buf += ",\"pattern\":";
    json_or_null(buf, e.pattern);
    fmt::format_to(std::back_inserter(buf), ",\"confidence\":{:.3g}}}\n", e.confidence);
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

void write_events_tsv_header(std::ostream& out) {
  out << "doc\tsent\tdate\tdate_text\tsource_code\tsource_text\ttarget_code\ttarget_text\tcode\troot\tgoldstein\t"
         "quad\tnegated\tfuture\treported_by_code\treported_by_text\tlocation_name\tlocation_country\tevidence\t"
         "confidence\n";
}

void write_events_tsv(const Document& doc, const events::Ontology& ontology, std::ostream& out) {
  std::string buf;
  for (const Event& e : doc.events) {
    EventFacts f = facts(doc, ontology, e);
    auto cell = [&](std::string_view s, bool last = false) {
      append_cell(buf, s);
      buf += last ? '\n' : '\t';
    };
    cell(doc.id);
    cell(std::to_string(e.sentence + 1));
    cell(e.date.iso());
    cell(f.date_text);
    cell(e.source.code);
    cell(text_of(doc, e.source.text));
    cell(e.target.code);
    cell(text_of(doc, e.target.text));
    cell(e.code);
    cell(f.root);
    cell(goldstein_text(f.cameo));
    cell(quad_text(f.cameo));
    cell(e.negated ? "true" : "false");
    cell(e.future ? "true" : "false");
    cell(e.reported_by.code);
    cell(text_of(doc, e.reported_by.text));
    cell(f.place ? std::string_view(f.place->name) : std::string_view());
    cell(f.place ? std::string_view(f.place->country) : std::string_view());
    cell(text_of(doc, e.span));
    cell(fmt::format("{:.3g}", e.confidence), true);
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

std::string actor_country(std::string_view code) {
  if (code.size() < 3) return "";
  std::string first(code.substr(0, 3));
  return iso_countries().count(first) ? first : "";
}

const char* const kGdeltColumnNames[kGdeltColumns] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};

namespace {

int day_of_year(const Date& d) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  return kBefore[d.month - 1] + d.day + (leap && d.month > 2 ? 1 : 0);
}

// Actor code, name, country, three empty group/ethnic/religion cells, type 1-3.
void gdelt_actor(std::vector<std::string>& row, const std::string& code, const std::string& name) {
  std::string country = actor_country(code);
  // Role codes follow the country ("USAGOV" -> GOV) or stand alone ("GOV").
  std::string_view roles = std::string_view(code).substr(country.size());
  row.push_back(code);
  row.push_back(name);
  row.push_back(country);
  row.insert(row.end(), 4, "");  // KnownGroup, Ethnic, Religion1, Religion2
  for (int i = 0; i < 3; ++i) row.push_back(roles.size() >= 3u * (i + 1) ? std::string(roles.substr(3 * i, 3)) : "");
}

std::string actor_name(const Document& doc, const EventActor& a) {
  std::string name;
  if (a.chain >= 0 && static_cast<size_t>(a.chain) < doc.chains.size()) name = doc.chains[a.chain].canonical;
  if (name.empty()) name = std::string(text_of(doc, a.text));
  return name;
}

}  // namespace

void write_gdelt_row(const GdeltRow& r, std::string& buf) {
  std::vector<std::string> row;
  row.push_back(std::to_string(r.id));
  const Date& d = r.date;
  if (d.known() && d.month >= 1 && d.month <= 12) {
    row.push_back(fmt::format("{:04d}{:02d}{:02d}", d.year, d.month, d.day));
    row.push_back(fmt::format("{:04d}{:02d}", d.year, d.month));
    row.push_back(fmt::format("{:04d}", d.year));
    row.push_back(fmt::format("{:.4f}", d.year + day_of_year(d) / 365.0));
  } else {
    row.insert(row.end(), 4, "");
  }
  gdelt_actor(row, r.source_code, r.source_name);
  gdelt_actor(row, r.target_code, r.target_name);
  row.push_back(r.is_root ? "1" : "0");
  row.push_back(r.code);
  row.push_back(r.code.substr(0, std::min<size_t>(3, r.code.size())));
  row.push_back(r.root);
  row.push_back(r.quad);
  row.push_back(r.goldstein);
  row.insert(row.end(), {std::to_string(r.mentions), std::to_string(r.sources), std::to_string(r.articles), ""});  // AvgTone
  // Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. GDELT's ADM1
  // codes are FIPS subdivisions and its feature ids GNS ones: we have neither.
  for (const GdeltGeo* g : {&r.actor1_geo, &r.actor2_geo, &r.action_geo}) {
    if (!g->type) {
      row.insert(row.end(), 8, "");
      continue;
    }
    row.insert(row.end(), {std::to_string(g->type), g->full_name, g->country, "", ""});
    if (g->point.known)
      row.insert(row.end(), {fmt::format("{:.4f}", g->point.lat), fmt::format("{:.4f}", g->point.lon)});
    else
      row.insert(row.end(), 2, "");
    row.push_back("");
  }
  const Date& a = r.added;
  row.push_back(a.known() ? fmt::format("{:04d}{:02d}{:02d}000000", a.year, a.month, a.day) : "");
  row.push_back(r.url);
  for (size_t i = 0; i < row.size(); ++i) {
    append_cell(buf, row[i]);
    buf += i + 1 == row.size() ? '\n' : '\t';
  }
}

GdeltGeo gdelt_place_geo(std::string_view name, std::string_view country, int precision, GeoPoint point,
                         const entities::ActorDictionary* dict) {
  GdeltGeo g;
  if (name.empty() && country.empty()) return g;
  std::string cname = country_name(country);
  bool country_only = name.empty() || name == cname || precision == 3;
  g.type = country_only ? 1 : precision == 2 ? 5 : 4;
  g.full_name = country_only && !cname.empty() ? cname : std::string(name);
  if (!cname.empty() && cname != g.full_name) g.full_name += (g.full_name.empty() ? "" : ", ") + cname;
  int32_t c = dict && !country.empty() ? dict->country(country) : -1;
  if (c >= 0) g.country = dict->entry(c).fips;
  // A town's or region's own point only: its country's would put it in the country's middle.
  g.point = point.of_country && g.type != 1 ? GeoPoint{} : point;
  if (!g.point.known && g.type == 1 && c >= 0) g.point = dict->entry(c).point;
  return g;
}

GdeltGeo gdelt_actor_geo(std::string_view actor_code, const GdeltGeo& action, std::string_view action_country,
                         const entities::ActorDictionary* dict) {
  std::string country = actor_country(actor_code);
  if (country.empty()) return {};
  if (country == action_country && action.type) return action;
  return gdelt_place_geo("", country, 3, {}, dict);
}

void write_events_gdelt(const Document& doc, const events::Ontology& ontology, const entities::ActorDictionary* dict,
                        uint64_t* next_id, std::ostream& out) {
  // Lead: the title and the first news paragraph (GDELT's IsRootEvent).
  uint32_t lead_block = 0;
  for (uint32_t b = 0; b < doc.blocks.size(); ++b)
    if (doc.blocks[b].kind == BlockKind::kNews) {
      lead_block = b;
      break;
    }
  std::string buf;
  for (const Event& e : doc.events) {
    EventFacts f = facts(doc, ontology, e);
    GdeltRow r;
    r.id = (*next_id)++;
    r.date = e.date;
    r.source_code = e.source.code, r.source_name = actor_name(doc, e.source);
    r.target_code = e.target.code, r.target_name = actor_name(doc, e.target);
    r.is_root = e.sentence < doc.sentences.size() && doc.sentences[e.sentence].block <= lead_block;
    r.code = e.code, r.root = f.root, r.quad = quad_text(f.cameo), r.goldstein = goldstein_text(f.cameo);
    std::string_view place_country = f.place ? std::string_view(f.place->country) : std::string_view();
    if (f.place)
      r.action_geo = gdelt_place_geo(f.place->name, place_country, f.place->precision, f.place->point, dict);
    r.actor1_geo = gdelt_actor_geo(e.source.code, r.action_geo, place_country, dict);
    r.actor2_geo = gdelt_actor_geo(e.target.code, r.action_geo, place_country, dict);
    r.added = doc.date;
    r.url = !doc.url.empty() ? doc.url : !doc.source.empty() ? doc.source : doc.path;
    write_gdelt_row(r, buf);
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

}  // namespace sitrep::io
