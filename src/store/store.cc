#include "store/store.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "events/ontology.h"
#include "io/event_writers.h"
#include "store/minhash.h"
#include "store/schema.h"
#include "store/db.h"
#include "events/magnitudes.h"
#include "store/stories.h"

namespace sitrep::store {
namespace {

// Parameters i and i + 1: a point's lat and lon, NULL when unknown.
template <class Statement>  // Stmt or RowBatch
void bind_point(Statement& st, int i, const GeoPoint& p) {
  if (p.known) {
    st.bind(i, p.lat).bind(i + 1, p.lon);
  } else {
    st.bind_null(i).bind_null(i + 1);
  }
}

// What one report says of its event's tolls: the figures of its own sentence, and those of
// sentences of the article that report it without an event of their own ("Six policemen
// died in the attack"); not those another report of the same happening says (each keeps
// its own word: "more than 50" in one sentence, "57" in the next).
// group[j]: the first telling of the happening event j tells (events/magnitudes.h).
Magnitudes report_size(const Document& doc, const std::vector<size_t>& group, size_t i) {
  const Event& e = doc.events[i];
  Magnitudes m;
  // Its sentence's word: every telling of the happening there is one report (one row:
  // "57 were killed, and 109 wounded" coded as two events is one report of both figures).
  for (size_t j = 0; j < doc.events.size(); ++j) {
    const Event& x = doc.events[j];
    if (group[j] != group[i] || x.sentence != e.sentence) continue;
    events::merge_magnitudes(m, x.told);
  }
  // And the article's word from sentences with no telling of their own.
  for (int k = 0; k < Magnitudes::kKinds; ++k) {
    const Figure& told = e.size[k];
    if (!told.known()) continue;
    bool other_report = false;
    for (size_t j = 0; j < doc.events.size(); ++j)
      other_report = other_report || (group[j] == group[i] && doc.events[j].sentence == told.sentence &&
                                      doc.events[j].sentence != e.sentence);
    if (!other_report) events::merge_figure(m[k], told);
  }
  return m;
}

// Actor code at the merge level: country + role ("CHNGOVMIL" -> "CHNGOV").
std::string_view actor_key(std::string_view code) { return code.substr(0, std::min<size_t>(6, code.size())); }

// Two codes name the same happening when equal, when one refines the other
// ("041" and "0411"), or when one is its root's generic code ("040", "04").
bool compatible_codes(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.starts_with(a)) return true;
  auto generic = [](std::string_view c) { return c.size() == 3 && c[2] == '0'; };
  return (generic(a) || generic(b)) && a.substr(0, 2) == b.substr(0, 2);
}

}  // namespace

std::string document_key(const Document& doc) {
  if (doc.path.empty() || doc.path == "-") return "-#" + doc.id;
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(doc.path, ec);
  return (ec ? doc.path : p.lexically_normal().string()) + "#" + doc.id;
}

int quad_class(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return 0;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root < 1 || root > 20) return 0;
  return static_cast<int>(events::quad_of_root(root));  // the ontology's, the one definition
}

int64_t day_number(const Date& d) {  // days_from_civil (H. Hinnant)
  int64_t y = d.year - (d.month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t m = d.month ? d.month : 1, dd = d.day ? d.day : 1;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Store::Impl {
  std::string path;
  StoreOptions options;
  Db db;
  std::optional<Transaction> batch;
  std::optional<StoryClusterer> stories;
  // Prepared once: ingest runs them per row.
  Stmt find_key, find_hash, insert_doc, delete_doc, doc_events, dup_children, insert_signature, insert_band,
      find_band, get_signature, insert_duplicate, find_event, insert_event, insert_event_mention, outlet_of,
      add_article, add_outlet, add_counts, clear_articles, clear_outlets, rebuild_articles, rebuild_outlets, recount,
      drop_empty, set_story, drop_empty_stories;
  // A document's rows of each kind, sent together (flush_rows at the end of its ingest).
  RowBatch insert_sentence, insert_chain, insert_mention, insert_time, insert_place, insert_quote;
  void flush_rows(bool send);  // send: write them; else drop them (the document's savepoint rolled back)

  void prepare();
  IngestResult ingest(const Document& doc);
  void remove_document(int64_t id, std::set<int64_t>& touched);
  void find_duplicate(int64_t hash, const Document& doc, const Signature* sig, IngestResult& r);
  int64_t merge_event(const Document& doc, const Event& e, int64_t document);
  void count_reports(int64_t event, int64_t article, const std::string& outlet, int64_t reports);
  void recount_event(int64_t event);
};

// An article's outlet, as `sources` counts them: its source, or when unknown the article
// itself ('#' and its id), so that two articles of unknown outlets are two sources.
constexpr const char* kOutletKey = "coalesce(nullif(o.source, ''), '#' || o.id)";

void Store::Impl::prepare() {
  find_key = Stmt(db, "SELECT id, hash FROM documents WHERE doc_key = ?");
  find_hash = Stmt(db, "SELECT id, coalesce(duplicate_of, id) FROM documents WHERE hash = ? AND text = ? LIMIT 1");
  insert_doc = Stmt(db,
                    "INSERT INTO documents (doc_key, hash, doc_id, path, source, url, title, date, text, duplicate_of, "
                    "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  delete_doc = Stmt(db, "DELETE FROM documents WHERE id = ?");
  doc_events = Stmt(db, "SELECT DISTINCT event FROM event_mentions WHERE document = ?");
  dup_children = Stmt(db, "SELECT DISTINCT m.event FROM documents d JOIN event_mentions m ON m.document = d.id "
                          "WHERE d.duplicate_of = ?");
  insert_sentence = RowBatch(db, "INSERT INTO sentences (document, idx, begin, \"end\", text)", 5);
  insert_chain = RowBatch(db, "INSERT INTO chains (document, idx, canonical, type, actor, evidence)", 6);
  insert_mention = RowBatch(db, "INSERT INTO mentions (document, sentence, begin, \"end\", text, type, kind, chain)", 8);
  insert_time =
      RowBatch(db, "INSERT INTO times (document, sentence, begin, \"end\", text, value, granularity, date, anchor)", 9);
  insert_place = RowBatch(db,
                          "INSERT INTO places (document, sentence, begin, \"end\", name, country, admin1, evidence, "
                          "lat, lon, precision, point_of_country)",
                          12);
  insert_quote = RowBatch(db,
                          "INSERT INTO quotes (document, sentence, begin, \"end\", text, speaker_text, speaker_canonical, "
                          "speaker_actor, cue, direct)",
                          10);
  insert_signature = Stmt(db, "INSERT INTO signatures (document, minhash) VALUES (?, ?)");
  // All of a document's bands in one statement each (one round trip, not 32, on a server).
  std::string rows, latest;
  for (int b = 0; b < kBands; ++b) {
    rows += b ? ", (?, ?)" : "(?, ?)";
    latest += fmt::format("{}SELECT * FROM (SELECT document FROM lsh_bands WHERE band_key = ?{} "
                          "ORDER BY document DESC LIMIT {}) b{}",
                          b ? " UNION ALL " : "", b + 1, kBandReach, b);
  }
  insert_band = Stmt(db, "INSERT INTO lsh_bands (band_key, document) VALUES " + rows);
  find_band = Stmt(db, fmt::format("SELECT document, count(*) FROM ({}) latest GROUP BY document HAVING count(*) >= 2 "
                                   "ORDER BY count(*) DESC, document LIMIT {}",
                                   latest, kMaxCandidates));
  get_signature = Stmt(db, "SELECT s.minhash, coalesce(d.duplicate_of, d.id) FROM signatures s "
                           "JOIN documents d ON d.id = s.document WHERE s.document = ?");
  insert_duplicate = Stmt(db, "INSERT INTO duplicates (document, original, jaccard) VALUES (?, ?, ?)");
  find_event = Stmt(db,
                    "SELECT id, code FROM events WHERE root = ?1 AND negated = ?2 AND future = ?3 AND "
                    "((CAST(?4 AS BIGINT) IS NOT NULL AND day BETWEEN ?4 - 1 AND ?4 + 1) OR (?4 IS NULL AND day IS NULL AND "
                    "first_document = ?5)) AND ((actor_match(source_key, ?6) AND actor_match(target_key, ?7)) OR "
                    "(?8 AND actor_match(source_key, ?7) AND actor_match(target_key, ?6))) "
                    "ORDER BY abs(coalesce(day - ?4, 0)), id");
  insert_event = Stmt(db,
                      "INSERT INTO events (source, target, source_key, target_key, code, root, quad, goldstein, date, "
                      "day, negated, future, first_document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert_event_mention = Stmt(db,
                              "INSERT INTO event_mentions (event, document, sentence, begin, \"end\", source, "
                              "source_text, target, target_text, code, date, negated, future, reported_by, "
                              "reported_by_text, location, location_country, quote, evidence, confidence, date_text, "
                              "size, claims, contested, lat, lon, geo_precision, time_precision, point_of_country) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT DO NOTHING");
  // GDELT's counts: mentions = sentences reporting it (duplicates included);
  // articles = distinct articles, a near-duplicate counting as its original;
  // sources = distinct outlets of those articles, an unknown outlet counting as its own.
  // A new report adds to them (event_articles and event_outlets say whether its article
  // and outlet are new to the event); removing a document recounts its events from scratch.
  outlet_of = Stmt(db, fmt::format("SELECT {} FROM documents o WHERE o.id = ?", kOutletKey));
  add_article = Stmt(db,
                     "INSERT INTO event_articles (event, article, reports) VALUES (?, ?, ?) ON CONFLICT (event, article) "
                     "DO UPDATE SET reports = event_articles.reports + excluded.reports RETURNING reports");
  add_outlet = Stmt(db,
                    "INSERT INTO event_outlets (event, outlet, articles) VALUES (?, ?, 1) ON CONFLICT (event, outlet) "
                    "DO UPDATE SET articles = event_outlets.articles + 1 RETURNING articles");
  add_counts = Stmt(db, "UPDATE events SET mentions = mentions + ?2, articles = articles + ?3, sources = sources + ?4 "
                        "WHERE id = ?1");
  clear_articles = Stmt(db, "DELETE FROM event_articles WHERE event = ?");
  clear_outlets = Stmt(db, "DELETE FROM event_outlets WHERE event = ?");
  rebuild_articles = Stmt(db,
                          "INSERT INTO event_articles (event, article, reports) SELECT ?1, coalesce(d.duplicate_of, d.id), "
                          "count(*) FROM event_mentions m JOIN documents d ON d.id = m.document WHERE m.event = ?1 "
                          "GROUP BY coalesce(d.duplicate_of, d.id)");
  rebuild_outlets = Stmt(db, fmt::format("INSERT INTO event_outlets (event, outlet, articles) SELECT ?1, {0}, count(*) "
                                         "FROM event_articles a JOIN documents o ON o.id = a.article WHERE a.event = ?1 "
                                         "GROUP BY {0}",
                                         kOutletKey));
  recount = Stmt(db,
                 "UPDATE events SET "
                 "mentions = (SELECT count(*) FROM event_mentions WHERE event = ?1), "
                 "articles = (SELECT count(*) FROM event_articles WHERE event = ?1), "
                 "sources = (SELECT count(*) FROM event_outlets WHERE event = ?1), "
                 "first_document = coalesce((SELECT min(document) FROM event_mentions WHERE event = ?1), first_document) "
                 "WHERE id = ?1");
  drop_empty = Stmt(db, "DELETE FROM events WHERE id = ? AND mentions = 0");
  set_story = Stmt(db, "UPDATE events SET story = ?1 WHERE id = ?2 AND story IS NULL");
  drop_empty_stories = Stmt(db, "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_documents WHERE story = stories.id)");
  stories.emplace(db);
}

void Store::Impl::remove_document(int64_t id, std::set<int64_t>& touched) {
  for (Stmt* st : {&doc_events, &dup_children}) {
    st->bind(1, id);
    while (st->step()) touched.insert(st->int64(0));
    st->reset();
  }
  delete_doc.bind(1, id).run();  // cascades to every dependent row; its copies lose their link
}

void Store::Impl::find_duplicate(int64_t hash, const Document& doc, const Signature* sig, IngestResult& r) {
  find_hash.bind(1, hash).bind(2, doc.text);
  if (find_hash.step()) {
    r.duplicate_of = find_hash.int64(1);
    r.jaccard = 1;
  }
  find_hash.reset();
  if (r.duplicate_of || !sig) return;
  // Candidates must share two bands: at J = 0.8 about 13 of 32 are expected
  // (fewer than two: about 1e-6), while loosely related articles (J ~ 0.3)
  // share two only 3% of the time; of those, only the kMaxCandidates sharing the
  // most bands are verified (3% of a big store is thousands of signatures to read).
  // Each band key contributes its kBandReach latest articles at most.
  std::vector<int64_t> candidates;
  for (int b = 0; b < kBands; ++b) find_band.bind(b + 1, band_key(*sig, b));
  while (find_band.step()) candidates.push_back(find_band.int64(0));
  find_band.reset();
  for (int64_t c : candidates) {
    get_signature.bind(1, c);
    if (get_signature.step()) {
      Signature other{};
      std::string bytes = get_signature.blob(0);
      if (bytes.size() == sizeof other) {
        std::memcpy(other.data(), bytes.data(), sizeof other);
        double j = estimated_jaccard(*sig, other);
        if (j >= kDuplicateJaccard && j > r.jaccard) {
          r.jaccard = j;
          r.duplicate_of = get_signature.int64(1);
        }
      }
    }
    get_signature.reset();
  }
}

int64_t Store::Impl::merge_event(const Document& doc, const Event& e, int64_t document) {
  std::string_view skey = actor_key(e.source.code), tkey = actor_key(e.target.code);
  std::string root = e.code.substr(0, 2);
  std::optional<int64_t> day;
  if (e.date.known()) day = day_number(e.date);
  find_event.bind(1, root).bind(2, e.negated ? 1 : 0).bind(3, e.future ? 1 : 0);
  if (day) find_event.bind(4, *day); else find_event.bind_null(4);
  find_event.bind(5, document).bind(6, skey).bind(7, tkey).bind(8, e.mutual ? 1 : 0);
  int64_t found = 0;
  while (!found && find_event.step())
    if (compatible_codes(find_event.text(1), e.code)) found = find_event.int64(0);
  find_event.reset();
  if (found) return found;
  insert_event.bind_text_or_null(1, e.source.code).bind_text_or_null(2, e.target.code).bind(3, skey).bind(4, tkey);
  insert_event.bind(5, e.code).bind(6, root);
  if (int q = quad_class(e.code)) insert_event.bind(7, q); else insert_event.bind_null(7);
  // Goldstein score from the built-in CAMEO table; NULL for a code outside it.
  if (const events::CameoCode* c = events::cameo_code(e.code))
    insert_event.bind(8, std::round(c->goldstein * 10.0) / 10.0);  // the table's one decimal, not float noise
  else
    insert_event.bind_null(8);
  insert_event.bind_text_or_null(9, e.date.iso());
  if (day) insert_event.bind(10, *day); else insert_event.bind_null(10);
  insert_event.bind(11, e.negated ? 1 : 0).bind(12, e.future ? 1 : 0).bind(13, document);
  return insert_event.insert();
}

void Store::Impl::count_reports(int64_t event, int64_t article, const std::string& outlet, int64_t reports) {
  add_article.bind(1, event).bind(2, article).bind(3, reports);
  bool new_article = add_article.step() && add_article.int64(0) == reports;
  add_article.reset();
  bool new_outlet = false;
  if (new_article) {
    add_outlet.bind(1, event).bind(2, outlet);
    new_outlet = add_outlet.step() && add_outlet.int64(0) == 1;
    add_outlet.reset();
  }
  add_counts.bind(1, event).bind(2, reports).bind(3, new_article ? 1 : 0).bind(4, new_outlet ? 1 : 0).run();
}

void Store::Impl::recount_event(int64_t event) {
  clear_articles.bind(1, event).run();
  clear_outlets.bind(1, event).run();
  rebuild_articles.bind(1, event).run();
  rebuild_outlets.bind(1, event).run();
  recount.bind(1, event).run();
  drop_empty.bind(1, event).run();  // cascades to its article and outlet rows
}

void Store::Impl::flush_rows(bool send) {
  for (RowBatch* b : {&insert_sentence, &insert_chain, &insert_mention, &insert_time, &insert_place, &insert_quote}) {
    if (send) b->flush(); else b->clear();
  }
}

IngestResult Store::Impl::ingest(const Document& doc) {
  IngestResult r;
  std::string key = document_key(doc);
  int64_t hash = content_hash(doc);
  std::set<int64_t> touched;  // events that lost reports: recounted from scratch
  find_key.bind(1, key);
  if (find_key.step()) {
    int64_t id = find_key.int64(0);
    bool same = find_key.int64(1) == hash;
    find_key.reset();
    if (same) {
      r.outcome = IngestOutcome::kUnchanged;
      r.document = id;
      return r;
    }
    remove_document(id, touched);
    r.outcome = IngestOutcome::kReplaced;
  } else {
    find_key.reset();
  }

  Signature sig;
  bool has_sig = minhash(doc.text, sig);
  find_duplicate(hash, doc, has_sig ? &sig : nullptr, r);

  insert_doc.bind(1, key).bind(2, hash).bind(3, doc.id).bind(4, doc.path).bind_text_or_null(5, doc.source);
  insert_doc.bind_text_or_null(6, doc.url).bind_text_or_null(7, doc.title).bind_text_or_null(8, doc.date.iso());
  insert_doc.bind(9, doc.text);
  if (r.duplicate_of) insert_doc.bind(10, r.duplicate_of); else insert_doc.bind_null(10);
  insert_doc.bind(11, now_iso());
  int64_t id = r.document = insert_doc.insert();
  if (r.duplicate_of) insert_duplicate.bind(1, id).bind(2, r.duplicate_of).bind(3, r.jaccard).run();
  if (has_sig) {
    insert_signature.bind(1, id).bind_blob(2, sig.data(), sizeof sig);
    insert_signature.run();
    for (int b = 0; b < kBands; ++b) insert_band.bind(2 * b + 1, band_key(sig, b)).bind(2 * b + 2, id);
    insert_band.run();
  }

  auto text = [&](Span s) { return s.end <= doc.text.size() && s.begin <= s.end ? doc.str(s) : std::string_view(); };
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    insert_sentence.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, s.span.begin).bind(4, s.span.end);
    insert_sentence.bind(5, text(s.span)).end_row();
  }
  for (size_t i = 0; i < doc.chains.size(); ++i) {
    const Chain& c = doc.chains[i];
    insert_chain.bind(1, id).bind(2, static_cast<int64_t>(i)).bind_text_or_null(3, c.canonical);
    insert_chain.bind(4, entity_type_name(c.type)).bind_text_or_null(5, c.actor).bind_text_or_null(6, c.evidence).end_row();
  }
  for (const Mention& m : doc.mentions) {
    insert_mention.bind(1, id).bind(2, m.sentence).bind(3, m.span.begin).bind(4, m.span.end).bind(5, text(m.span));
    insert_mention.bind(6, entity_type_name(m.type)).bind(7, mention_kind_name(m.kind));
    if (m.chain >= 0) insert_mention.bind(8, m.chain); else insert_mention.bind_null(8);
    insert_mention.end_row();
  }
  for (const TimeExpr& t : doc.times) {
    insert_time.bind(1, id).bind(2, t.sentence).bind(3, t.span.begin).bind(4, t.span.end).bind(5, text(t.span));
    insert_time.bind_text_or_null(6, t.value).bind(7, time_granularity_name(t.granularity));
    insert_time.bind_text_or_null(8, t.date.iso()).bind_text_or_null(9, t.anchor).end_row();
  }
  for (const Place& p : doc.places) {
    insert_place.bind(1, id).bind(2, p.sentence).bind(3, p.span.begin).bind(4, p.span.end);
    insert_place.bind_text_or_null(5, p.name).bind_text_or_null(6, p.country).bind_text_or_null(7, p.admin1);
    insert_place.bind_text_or_null(8, p.evidence);
    bind_point(insert_place, 9, p.point);
    if (p.precision) insert_place.bind(11, p.precision); else insert_place.bind_null(11);
    insert_place.bind(12, p.point.of_country ? 1 : 0);
    insert_place.end_row();
  }
  auto chain = [&](int32_t i) -> const Chain* { return i >= 0 && size_t(i) < doc.chains.size() ? &doc.chains[i] : nullptr; };
  for (const Quote& q : doc.quotes) {
    const Chain* c = chain(q.speaker_chain);
    insert_quote.bind(1, id).bind(2, q.sentence).bind(3, q.span.begin).bind(4, q.span.end).bind(5, text(q.span));
    insert_quote.bind_text_or_null(6, text(q.speaker)).bind_text_or_null(7, c ? c->canonical : "");
    insert_quote.bind_text_or_null(8, c ? c->actor : "").bind_text_or_null(9, text(q.cue)).bind(10, q.direct ? 1 : 0);
    insert_quote.end_row();
  }
  flush_rows(true);
  // A sentence that tells again an event of the article ("57 people were killed", after the
  // strike) is another report of that happening, not a happening of its own.
  std::vector<int64_t> stored(doc.events.size(), -1);
  std::map<int64_t, int64_t> added;  // event -> this document's new reports of it
  std::vector<size_t> group(doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) {
    int32_t r = doc.events[i].reports;
    group[i] = r >= 0 && static_cast<size_t>(r) < i ? group[r] : i;
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    if (e.code.empty()) continue;
    int64_t event = e.reports >= 0 && static_cast<size_t>(e.reports) < i && stored[e.reports] >= 0
                        ? stored[e.reports]
                        : merge_event(doc, e, id);
    stored[i] = event;
    Stmt& st = insert_event_mention;
    st.bind(1, event).bind(2, id).bind(3, e.sentence).bind(4, e.span.begin).bind(5, e.span.end);
    st.bind_text_or_null(6, e.source.code).bind_text_or_null(7, text(e.source.text));
    st.bind_text_or_null(8, e.target.code).bind_text_or_null(9, text(e.target.text));
    st.bind(10, e.code).bind_text_or_null(11, e.date.iso()).bind(12, e.negated ? 1 : 0).bind(13, e.future ? 1 : 0);
    st.bind_text_or_null(14, e.reported_by.code).bind_text_or_null(15, text(e.reported_by.text));
    const Place* place = e.place >= 0 && size_t(e.place) < doc.places.size() ? &doc.places[e.place] : nullptr;
    st.bind_text_or_null(16, place ? place->name : "").bind_text_or_null(17, place ? place->country : "");
    if (e.quote >= 0) st.bind(18, e.quote); else st.bind_null(18);
    const TimeExpr* time = e.time >= 0 && size_t(e.time) < doc.times.size() ? &doc.times[e.time] : nullptr;
    st.bind_text_or_null(19, text(e.span)).bind(20, static_cast<double>(e.confidence));
    st.bind_text_or_null(21, time ? text(time->span) : std::string_view());
    std::string json;
    Magnitudes size = report_size(doc, group, i);
    if (size.any()) io::append_size_json(json, doc, e, size);
    st.bind_text_or_null(22, json);
    json.clear();
    if (!e.claims.empty()) io::append_claims_json(json, doc, e);
    st.bind_text_or_null(23, json).bind(24, e.contested ? 1 : 0);
    bind_point(st, 25, place ? place->point : GeoPoint{});
    if (place && place->precision) st.bind(27, place->precision); else st.bind_null(27);
    if (int tp = io::time_precision(doc, e)) st.bind(28, tp); else st.bind_null(28);
    st.bind(29, place && place->point.of_country ? 1 : 0);
    st.run();
    int64_t n = db.changes();
    r.events += n;
    if (n) added[event] += n;
  }
  int64_t story = stories->assign(doc, id, r.duplicate_of);
  // The reports' article, as event_articles counts it: this document, or the original it copies.
  const int64_t article = r.duplicate_of ? r.duplicate_of : id;
  std::string outlet;
  if (!added.empty()) {
    outlet_of.bind(1, article);
    if (outlet_of.step()) outlet = outlet_of.text(0);
    outlet_of.reset();
  }
  for (auto [event, reports] : added) {
    if (touched.count(event)) continue;  // recounted from scratch below
    count_reports(event, article, outlet, reports);
    set_story.bind(1, story).bind(2, event).run();  // an event belongs to the story that first reported it
  }
  for (int64_t event : touched) {
    recount_event(event);
    set_story.bind(1, story).bind(2, event).run();
  }
  if (r.outcome == IngestOutcome::kReplaced) drop_empty_stories.run();
  return r;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

namespace {

// The first problem SQLite's quick check finds (every page read, b-trees and
// their order checked; indexes not matched against tables), "" when none.
std::string first_damage(Db& db) {
  try {
    Stmt st(db, "PRAGMA quick_check(1)");
    std::string result = st.step() ? st.text(0) : std::string("no answer");
    if (result == "ok") return {};
    std::replace(result.begin(), result.end(), '\n', ' ');  // one line for the message
    return result;
  } catch (const SqlError& e) {
    return e.what();
  }
}

}  // namespace

Result<Store> Store::open(const std::string& target, const StoreOptions& options) {
  const std::string path = display_name(target);  // a URL without its password, for messages
  try {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->options = options;
    if (is_postgres_url(target)) {
      // A PostgreSQL server checks its own pages and keeps its own journal; a reader's
      // session makes every transaction read-only. Foreign keys are always on.
      impl->db = Db::postgres(target, options.read_only);
      check_and_migrate(impl->db, path, !options.read_only);
      if (!options.read_only) impl->prepare();
      return Store(std::move(impl));
    }
    if (options.read_only && !std::filesystem::exists(path)) return Status::NotFound(path + ": no such database");
    if (std::string why = foreign_file_reason(path); !why.empty()) return Status::InvalidArgument(path + ": " + why);
    if (options.read_only) {
      // A reader opens read-write with query_only: after a killed writer, the
      // first connection must recover the WAL index, which a read-only one cannot.
      try {
        impl->db = Db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
      } catch (const SqlError&) {  // a file we may not write: read-only it is
        impl->db = Db(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
      }
      impl->db.exec("PRAGMA query_only = ON");
    } else {
      impl->db = Db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    }
    // Before anything is read or written: a file with damaged pages is refused,
    // so no ingest ever writes into it and no query answers from it.
    if (std::string damage = options.check ? first_damage(impl->db) : std::string(); !damage.empty())
      return Status::Corruption(fmt::format(
          "{}: damaged database ({}): refused, nothing read or written. Recover what is readable with "
          "`sqlite3 {} .recover | sqlite3 NEW.db`, or move it away and ingest again",
          path, damage, path));
    if (!options.read_only) {
      // Before anything is written (the migrations too): WAL, so that readers
      // never block the writer nor need to roll back a killed writer's journal;
      // NORMAL sync: a killed process loses at most the open batch, never consistency.
      check_and_migrate(impl->db, path, false, /*check_only_identity=*/true);
      impl->db.exec("PRAGMA journal_mode = WAL");
      impl->db.exec("PRAGMA synchronous = NORMAL");
      impl->db.exec("PRAGMA cache_size = -65536");  // 64 MB of pages: the indexes stay in memory
    }
    check_and_migrate(impl->db, path, !options.read_only);
    impl->db.exec("PRAGMA foreign_keys = ON");
    impl->db.exec("PRAGMA temp_store = MEMORY");
    install_functions(impl->db);
    if (!options.read_only) impl->prepare();
    return Store(std::move(impl));
  } catch (const SqlError& e) {
    std::string msg = e.what();
    if (!msg.starts_with(path)) msg = path + ": " + msg;
    return sql_status(e.code, msg);
  }
}

Status Store::begin() {
  try {
    if (!impl_->batch) {
      impl_->batch.emplace(impl_->db);
      if (impl_->stories) impl_->stories->clear_cache();
    }
    return Status::Ok();
  } catch (const SqlError& e) {
    return sql_status(e.code, fmt::format("{}: {}", impl_->path, e.what()));
  }
}

Status Store::commit() {
  try {
    if (impl_->batch) impl_->batch->commit();
    impl_->batch.reset();
    return Status::Ok();
  } catch (const SqlError& e) {
    impl_->batch.reset();
    return sql_status(e.code, fmt::format("{}: commit failed: {}", impl_->path, e.what()));
  }
}

Status Store::rollback() {
  impl_->batch.reset();
  if (impl_->stories) impl_->stories->clear_cache();
  return Status::Ok();
}

bool Store::in_batch() const { return impl_->batch.has_value(); }

Result<IngestResult> Store::ingest(const Document& doc) {
  if (impl_->options.read_only) return Status::Internal(impl_->path + ": opened read-only");
  bool own = !impl_->batch;
  try {
    if (own) {
      impl_->batch.emplace(impl_->db);
      impl_->stories->clear_cache();
    }
    // A savepoint per document: a failure leaves the rest of the batch intact.
    impl_->db.exec("SAVEPOINT doc");
    IngestResult r;
    try {
      r = impl_->ingest(doc);
    } catch (...) {
      impl_->flush_rows(false);
      impl_->db.exec_quietly("ROLLBACK TO doc; RELEASE doc");
      impl_->stories->clear_cache();
      throw;
    }
    impl_->db.exec("RELEASE doc");
    if (own) {
      impl_->batch->commit();
      impl_->batch.reset();
    }
    return r;
  } catch (const SqlError& e) {
    if (own) impl_->batch.reset();
    return sql_status(e.code,
                      fmt::format("{}: {}: {}", impl_->path, doc.path.empty() ? doc.id : doc.path, e.what()));
  }
}

int64_t content_hash(const Document& doc) {
  return static_cast<int64_t>(XXH3_64bits(doc.text.data(), doc.text.size()));
}

Result<std::unordered_map<std::string, int64_t>> Store::stored_hashes() {
  try {
    std::unordered_map<std::string, int64_t> out;
    Stmt st(impl_->db, "SELECT doc_key, hash FROM documents");
    while (st.step()) out.emplace(st.text(0), st.int64(1));
    return out;
  } catch (const SqlError& e) {
    return sql_status(e.code, fmt::format("{}: {}", impl_->path, e.what()));
  }
}

Status Store::update_statistics() {
  try {
    // Merging rewrites an event's row for each of its reports (and a story's, a term's):
    // their dead versions made a 300-row scan of `events` take 0.7 ms until autovacuum came.
    // (VACUUM runs alone: never in a transaction or a multi-statement string.)
    if (impl_->db.postgres()) {
      impl_->db.exec("VACUUM (ANALYZE) events, stories, story_documents, terms");
      impl_->db.exec("ANALYZE");
    }
    return Status::Ok();
  } catch (const SqlError& e) {
    return sql_status(e.code, fmt::format("{}: ANALYZE: {}", impl_->path, e.what()));
  }
}

Result<StoreCounts> Store::counts() {
  try {
    StoreCounts c;
    auto one = [&](const char* sql) {
      Stmt st(impl_->db, sql);
      return st.step() ? st.int64(0) : 0;
    };
    c.documents = one("SELECT count(*) FROM documents");
    c.sentences = one("SELECT count(*) FROM sentences");
    c.events = one("SELECT count(*) FROM events");
    c.event_mentions = one("SELECT count(*) FROM event_mentions");
    c.quotes = one("SELECT count(*) FROM quotes");
    c.duplicates = one("SELECT count(*) FROM duplicates");
    c.mentions = one("SELECT count(*) FROM mentions");
    return c;
  } catch (const SqlError& e) {
    return sql_status(e.code, fmt::format("{}: {}", impl_->path, e.what()));
  }
}

const std::string& Store::path() const { return impl_->path; }
Db& Store::db() { return impl_->db; }

}  // namespace sitrep::store
