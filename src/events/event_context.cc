#include "events/event_context.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/tagset.h"
#include "events/ontology.h"
#include "text/text_util.h"
#include "time/time_expressions.h"

namespace sitrep::events {
namespace {

// Events whose own time ended more than this many days before the article are background.
constexpr int kBackgroundDays = 60;

// The last day of a time expression's period, as days since 1970-01-01.
int period_end(const TimeExpr& x) {
  Date d = x.date;
  switch (x.granularity) {
    case TimeGranularity::kWeek: return timex::days_from_civil(d) + 6;
    case TimeGranularity::kMonth:
    case TimeGranularity::kYear: {
      if (x.granularity == TimeGranularity::kYear) d.month = 12;
      if (d.month == 0) d.month = 12;
      d.day = 31;
      while (d.day > 28 && !Date::exists(d.year, d.month, d.day)) --d.day;
      return timex::days_from_civil(d);
    }
    default: return timex::days_from_civil(Date{d.year, d.month ? d.month : uint8_t{12}, d.day ? d.day : uint8_t{28}});
  }
}

// Whether a time expression follows "since", "until", "through" or "for": a period the
// event reaches into or is for ("since 2004", "a trade protocol for 1990"), not its time.
bool reaching_on(const Document& doc, const TimeExpr& x) {
  size_t b = x.span.begin;
  while (b > 0 && doc.text[b - 1] == ' ') --b;
  size_t a = b;
  while (a > 0 && std::isalpha(static_cast<unsigned char>(doc.text[a - 1]))) --a;
  const std::string word = text::ascii_lower(std::string_view(doc.text).substr(a, b - a));
  return word == "since" || word == "until" || word == "till" || word == "through" || word == "for";
}

const uint16_t kCcomp = deprel_id("ccomp"), kParataxis = deprel_id("parataxis"), kAdvcl = deprel_id("advcl"),
               kRelcl = deprel_id("acl:relcl"), kCsubj = deprel_id("csubj"), kRoot = deprel_id("root"),
               kConj = deprel_id("conj"), kList = deprel_id("list"), kNsubj = deprel_id("nsubj"),
               kNsubjPass = deprel_id("nsubj:pass");

constexpr uint32_t kNone = UINT32_MAX;

// Tree helpers over one sentence; word indices are document indices.
struct Tree {
  const Document& doc;
  const Sentence& s;
  uint32_t head(uint32_t w) const {
    uint32_t h = doc.words[w].head;
    return h == 0 ? kNone : s.first_word + h - 1;
  }
  // Whether word w is a verb in the present perfect ("have arrested", "has been killed").
  bool present_perfect(uint32_t w) const {
    for (uint32_t k = s.first_word; k < s.first_word + s.word_count; ++k)
      if (head(k) == w) {
        const std::string form = text::ascii_lower(doc.word_text(k));
        if (form == "have" || form == "has" || form == "'ve") return true;
      }
    return false;
  }
  // The word of [first, last] whose head lies outside the range.
  uint32_t span_head(uint32_t first, uint32_t last) const {
    for (uint32_t w = first; w <= last; ++w) {
      uint32_t h = head(w);
      if (h == kNone || h < first || h > last) return w;
    }
    return first;
  }
  // Words of the sentence whose span overlaps the bytes [b, e); false when none.
  bool words_in(Span span, uint32_t& first, uint32_t& last) const {
    first = kNone;
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w) {
      const Span& ws = doc.words[w].span;
      if (ws.end <= span.begin || ws.begin >= span.end) continue;
      if (first == kNone) first = w;
      last = w;
    }
    return first != kNone;
  }
  // Hops from `w` up to `ancestor`, or -1 when it is not an ancestor.
  int hops_to(uint32_t w, uint32_t ancestor) const {
    for (int k = 0; k < 64 && w != kNone; ++k, w = head(w))
      if (w == ancestor) return k;
    return -1;
  }
  // Whether a phrase attached to `attach` belongs to the clause of `event`:
  // `attach` is the event word or governs it without crossing into another clause.
  bool same_clause(uint32_t event, uint32_t attach) const {
    for (uint32_t w = event; w != kNone;) {
      if (w == attach) return true;
      uint16_t d = doc.words[w].deprel;
      if (d == kCcomp || d == kParataxis || d == kAdvcl || d == kRelcl || d == kCsubj || d == kRoot || d == kConj ||
          d == kList)
        return false;
      w = head(w);
    }
    return false;
  }
  // Whether `w` is in the subject of `event` ("Russia and Sri Lanka signed": both).
  bool in_subject(uint32_t w, uint32_t event) const {
    for (int k = 0; k < 64 && w != kNone; ++k) {
      uint32_t h = head(w);
      if (h == event) return doc.words[w].deprel == kNsubj || doc.words[w].deprel == kNsubjPass;
      w = h;
    }
    return false;
  }
  // Distance of a phrase [first, last] to the event word, -1 when outside its clause.
  int distance(uint32_t first, uint32_t last, uint32_t event) const {
    uint32_t h = span_head(first, last);
    int down = hops_to(h, event);
    if (down >= 0) return down;
    uint32_t attach = head(h);
    if (attach != kNone && same_clause(event, attach)) return 32 + hops_to(event, attach);
    // Hung by the tree on the verb that reports the event, between the event and that verb
    // ("shelled Kharkiv on Monday, Ukrainian officials said", "shelled" read as a clause of
    // "said"): the event's, as the words run.
    if (attach != kNone && event != kNone && head(event) == attach && event < first && last < attach) return 64;
    return -1;
  }
};

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }
bool inside(Span a, Span outer) { return a.begin >= outer.begin && a.end <= outer.end; }

}  // namespace

int32_t chain_of(const Document& doc, Span text) {
  if (text.empty()) return -1;
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), text.begin,
                             [](const Mention& m, uint32_t b) { return m.span.begin < b; });
  for (; it != doc.mentions.end() && it->span.begin < text.end; ++it)
    if (it->chain >= 0 && inside(it->span, text)) return it->chain;
  return -1;
}

namespace {

// Indices of `items` grouped by their sentence, in index order within one:
// items of sentence s are order[begin[s] .. begin[s + 1]). Lets each event look
// at its own sentence's times and places only (linear in the document).
struct BySentence {
  std::vector<uint32_t> begin, order;
  template <typename T>
  BySentence(const std::vector<T>& items, size_t sentences) : begin(sentences + 2, 0), order(items.size()) {
    for (const T& x : items) ++begin[std::min<size_t>(x.sentence, sentences) + 1];
    for (size_t s = 1; s < begin.size(); ++s) begin[s] += begin[s - 1];
    std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
    for (uint32_t i = 0; i < items.size(); ++i) order[next[std::min<size_t>(items[i].sentence, sentences)]++] = i;
  }
  std::span<const uint32_t> of(size_t sentence) const {
    return {order.data() + begin[sentence], order.data() + begin[sentence + 1]};
  }
};

}  // namespace

void attach_event_context(Document& doc) {
  const BySentence times(doc.times, doc.sentences.size()), places(doc.places, doc.sentences.size());
  std::vector<bool> background(doc.events.size());
  // Another side of a list the same words tell is no place of its events ("will visit
  // Tanzania, Kenya and Egypt": the visit to Tanzania is not in Kenya). A list's events are
  // adjacent, of one code. (A visit and its hosting, two codes, share the host's country as
  // their place: "arrived in China".)
  auto a_side_of_the_same_event = [&](const Event& ev, Span place) {
    const size_t i = static_cast<size_t>(&ev - doc.events.data());
    auto listed = [&](const Event& x) {
      return x.sentence == ev.sentence && x.span == ev.span && x.code == ev.code;
    };
    auto side = [&](const Event& x) { return overlaps(place, x.source.text) || overlaps(place, x.target.text); };
    for (size_t k = i; k-- > 0 && listed(doc.events[k]);)
      if (side(doc.events[k])) return true;
    for (size_t k = i + 1; k < doc.events.size() && listed(doc.events[k]); ++k)
      if (side(doc.events[k])) return true;
    return false;
  };
  for (Event& ev : doc.events) {
    if (ev.sentence >= doc.sentences.size()) continue;
    Tree t{doc, doc.sentences[ev.sentence]};
    uint32_t first = 0, last = 0;
    uint32_t event_word = t.words_in(ev.span, first, last) ? t.span_head(first, last) : kNone;
    ev.source.chain = chain_of(doc, ev.source.text);
    ev.target.chain = chain_of(doc, ev.target.text);
    ev.reported_by.chain = chain_of(doc, ev.reported_by.text);
    if (event_word != kNone) {
      int best = -1;
      for (uint32_t i : times.of(ev.sentence)) {
        const TimeExpr& x = doc.times[i];
        if (!x.date.known() || x.date.day == 0) continue;
        if (x.granularity != TimeGranularity::kDay && x.granularity != TimeGranularity::kPartOfDay) continue;
        if (!t.words_in(x.span, first, last)) continue;
        int d = t.distance(first, last, event_word);
        if (d >= 0 && (best < 0 || d < best)) best = d, ev.time = static_cast<int32_t>(i);
      }
      if (ev.time >= 0) ev.date = doc.times[static_cast<size_t>(ev.time)].date;
      // History told as background (docs/annotation.md): the clause's nearest time, of any
      // granularity, ended more than two months before the article ("in October last year, a
      // bomber killed 17 people", "on June 28" in November; not "since 2004").
      int nearest = -1, nearest_distance = 0;
      for (uint32_t i : times.of(ev.sentence)) {
        const TimeExpr& x = doc.times[i];
        if (!x.date.known() || !t.words_in(x.span, first, last)) continue;
        int d = t.distance(first, last, event_word);
        if (d >= 0 && (nearest < 0 || d < nearest_distance)) nearest = static_cast<int>(i), nearest_distance = d;
      }
      // (Its own time: on the event's word or on one above it in its clause, not one in a
      // phrase below it: "signed a trade protocol for 1990", "remarks extolling the 1973 coup".)
      const bool own = nearest_distance <= 1 || (nearest_distance >= 32 && nearest_distance <= 33) || nearest_distance == 64;
      // (A present perfect tells news: "have arrested a paratrooper accused of sadism ... in
      // 1993" hangs the old year on the arrest only by the tree's mistake.)
      const bool news = t.present_perfect(event_word);
      if (nearest >= 0 && own && !news && doc.date.known() && doc.date.day != 0 &&
          period_end(doc.times[static_cast<size_t>(nearest)]) + kBackgroundDays < timex::days_from_civil(doc.date) &&
          !reaching_on(doc, doc.times[static_cast<size_t>(nearest)]))
        background[static_cast<size_t>(&ev - doc.events.data())] = true;
      best = -1;
      for (uint32_t i : places.of(ev.sentence)) {
        const Place& p = doc.places[i];
        if (overlaps(p.span, ev.source.text) || overlaps(p.span, ev.target.text) || a_side_of_the_same_event(ev, p.span))
          continue;
        if (!t.words_in(p.span, first, last)) continue;
        // Who did it is not where: "Russia and Sri Lanka signed ... in Colombo".
        if (t.in_subject(t.span_head(first, last), event_word)) continue;
        int d = t.distance(first, last, event_word);
        if (d < 0) continue;
        // The nearest; one hop further is as near when it is more precise ("in Sri
        // Lanka's capital Colombo": the town, not the country).
        auto rank = [](const Place& x) { return x.precision ? x.precision : 4; };  // 0: unknown, last
        const Place* b = ev.place >= 0 ? &doc.places[static_cast<size_t>(ev.place)] : nullptr;
        if (best < 0 || d < best - 1 || (d < best && rank(p) <= rank(*b)) || (d <= best + 1 && rank(p) < rank(*b)))
          best = d, ev.place = static_cast<int32_t>(i);
      }
    }
    // Else where it was done to ("shelled Kharkiv": a material event on a place) or where a
    // visit went ("visited Moscow"), else the nearest place its sentence names that is not an
    // actor of the event.
    if (ev.place < 0) {
      uint32_t best = UINT32_MAX;
      for (uint32_t i : places.of(ev.sentence)) {
        const Place& p = doc.places[i];
        if (overlaps(p.span, ev.source.text) || overlaps(p.span, ev.reported_by.text) || a_side_of_the_same_event(ev, p.span))
          continue;
        bool on_target = overlaps(p.span, ev.target.text);
        if (on_target && !is_material_event(ev.code) && !ev.code.starts_with("042")) continue;
        uint32_t d = on_target ? 0
                     : p.span.begin > ev.span.begin ? p.span.begin - ev.span.begin
                                                    : ev.span.begin - p.span.begin;
        if (d < best) best = d, ev.place = static_cast<int32_t>(i);
      }
    }
    // The innermost quotation holding it: "denies any involvement and says residents died
    // at the hands of ...": what it says, not what it denies.
    for (size_t q = 0; q < doc.quotes.size(); ++q) {
      const Quote& quote = doc.quotes[q];
      if (!inside(ev.span, quote.span)) continue;
      auto length = [](const Quote& x) { return x.span.end - x.span.begin; };
      if (ev.quote >= 0 && length(doc.quotes[static_cast<size_t>(ev.quote)]) <= length(quote)) continue;
      ev.quote = static_cast<int32_t>(q);
    }
    if (ev.quote >= 0) {
      const Quote& quote = doc.quotes[static_cast<size_t>(ev.quote)];
      if (ev.reported_by.code.empty() && ev.reported_by.text.empty() && !quote.speaker.empty()) {
        int32_t c = quote.speaker_chain >= 0 ? quote.speaker_chain : chain_of(doc, quote.speaker);
        ev.reported_by = {c >= 0 ? doc.chains[static_cast<size_t>(c)].actor : std::string(), quote.speaker, c};
      }
    }
  }
  // The same happening named again ("his phone call with Wang" after "Monday's
  // talks between Beijing and Kyiv") is the one the text dated: same root, the
  // same countries (or organisations) on both sides, in either direction.
  // Candidates are indexed by what must match, each key keeping its earliest
  // event (the one a scan in text order would meet first), so this stays linear
  // in the number of events; an event dated here becomes a candidate itself.
  auto country = [](const std::string& code) { return std::string_view(code).substr(0, 3); };
  auto root_of = [](const std::string& code) { return std::string_view(code).substr(0, 2); };
  auto pair_key = [&](const Event& e) {
    std::string_view a = country(e.source.code), b = country(e.target.code);
    if (b < a) std::swap(a, b);
    return fmt::format("{}|{}|{}|{}", root_of(e.code), e.negated ? 1 : 0, a, b);
  };
  auto unnamed_key = [&](const Event& e) { return fmt::format("{}|{}", root_of(e.code), e.negated ? 1 : 0); };
  auto keep_earliest = [](std::unordered_map<std::string, size_t>& m, std::string key, size_t i) {
    auto [it, added] = m.try_emplace(std::move(key), i);
    if (!added) it->second = std::min(it->second, i);
  };
  std::unordered_map<std::string, size_t> dated_pairs, dated_unnamed;  // -> earliest dated event
  auto add_dated = [&](size_t i) {
    const Event& x = doc.events[i];
    keep_earliest(dated_pairs, pair_key(x), i);
    if (is_violent(x.code) && x.source.code.empty()) keep_earliest(dated_unnamed, unnamed_key(x), i);
  };
  for (size_t i = 0; i < doc.events.size(); ++i)
    if (doc.events[i].time >= 0) add_dated(i);
  for (size_t i = 0; i < doc.events.size(); ++i) {
    Event& ev = doc.events[i];
    if (ev.time >= 0) continue;
    size_t best = SIZE_MAX;
    if (!ev.source.code.empty() && !ev.target.code.empty())
      if (auto it = dated_pairs.find(pair_key(ev)); it != dated_pairs.end()) best = it->second;
    // An attack by no one named takes the date of one the text dated ("last
    // Friday's attack"), with or without actors.
    if (ev.source.code.empty() && is_violent(ev.code))
      if (auto it = dated_unnamed.find(unnamed_key(ev)); it != dated_unnamed.end()) best = std::min(best, it->second);
    if (best == SIZE_MAX) continue;
    ev.date = doc.events[best].date, ev.time = doc.events[best].time;
    add_dated(i);
  }
  // An attack by no one named happened where the text places an attack of the same root.
  std::unordered_map<std::string, size_t> placed_unnamed;  // root -> earliest placed event with no source
  for (size_t i = 0; i < doc.events.size(); ++i)
    if (doc.events[i].place >= 0 && doc.events[i].source.code.empty())
      keep_earliest(placed_unnamed, std::string(root_of(doc.events[i].code)), i);
  for (size_t i = 0; i < doc.events.size(); ++i) {
    Event& ev = doc.events[i];
    if (ev.place >= 0 || !ev.source.code.empty() || !is_violent(ev.code)) continue;
    auto it = placed_unnamed.find(std::string(root_of(ev.code)));
    if (it == placed_unnamed.end()) continue;
    ev.place = doc.events[it->second].place;
    keep_earliest(placed_unnamed, std::string(root_of(ev.code)), i);
  }
  // Happenings with no actor at all were kept for the dates and places above only; an
  // attack placed in its own sentence stays until its toll is read (attach_magnitudes: "the
  // death toll of a suicide bomb attack in western Baghdad rose to 35" is an attack there).
  // And history told as background is no event of the article.
  size_t kept = 0;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    const bool actorless = e.source.code.empty() && e.target.code.empty() &&
                           !(violence_that_happened(e) && e.place >= 0 &&
                             doc.places[static_cast<size_t>(e.place)].sentence == e.sentence);
    if (actorless || background[i]) continue;
    if (kept != i) doc.events[kept] = std::move(doc.events[i]);
    ++kept;
  }
  doc.events.resize(kept);
}

bool violence_that_happened(const Event& e) {
  const bool violent = is_violent(e.code) || e.code == "145" || e.code.starts_with("175");
  return violent && !e.negated && !e.future;
}

Event* violence_told_before(Document& doc, uint32_t sentence) {
  Event* last = nullptr;
  for (Event& e : doc.events)
    if (e.sentence < sentence && e.sentence + 3 >= sentence && violence_that_happened(e)) last = &e;
  return last;
}

}  // namespace sitrep::events
