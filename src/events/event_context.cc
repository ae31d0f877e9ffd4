#include "events/event_context.h"

#include <algorithm>

#include "core/tagset.h"
#include "events/ontology.h"

namespace sitrep::events {
namespace {

const uint16_t kCcomp = deprel_id("ccomp"), kParataxis = deprel_id("parataxis"), kAdvcl = deprel_id("advcl"),
               kRelcl = deprel_id("acl:relcl"), kCsubj = deprel_id("csubj"), kRoot = deprel_id("root"),
               kConj = deprel_id("conj"), kList = deprel_id("list");

constexpr uint32_t kNone = UINT32_MAX;

// Tree helpers over one sentence; word indices are document indices.
struct Tree {
  const Document& doc;
  const Sentence& s;
  uint32_t head(uint32_t w) const {
    uint32_t h = doc.words[w].head;
    return h == 0 ? kNone : s.first_word + h - 1;
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
  // Distance of a phrase [first, last] to the event word, -1 when outside its clause.
  int distance(uint32_t first, uint32_t last, uint32_t event) const {
    uint32_t h = span_head(first, last);
    int down = hops_to(h, event);
    if (down >= 0) return down;
    uint32_t attach = head(h);
    if (attach != kNone && same_clause(event, attach)) return 32 + hops_to(event, attach);
    return -1;
  }
};

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }
bool inside(Span a, Span outer) { return a.begin >= outer.begin && a.end <= outer.end; }

// The chain of the outermost mention starting inside `text`, -1 when none.
int32_t chain_of(const Document& doc, Span text) {
  if (text.empty()) return -1;
  auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), text.begin,
                             [](const Mention& m, uint32_t b) { return m.span.begin < b; });
  for (; it != doc.mentions.end() && it->span.begin < text.end; ++it)
    if (it->chain >= 0 && inside(it->span, text)) return it->chain;
  return -1;
}

}  // namespace

void attach_event_context(Document& doc) {
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
      for (size_t i = 0; i < doc.times.size(); ++i) {
        const TimeExpr& x = doc.times[i];
        if (x.sentence != ev.sentence || !x.date.known() || x.date.day == 0) continue;
        if (x.granularity != TimeGranularity::kDay && x.granularity != TimeGranularity::kPartOfDay) continue;
        if (!t.words_in(x.span, first, last)) continue;
        int d = t.distance(first, last, event_word);
        if (d >= 0 && (best < 0 || d < best)) best = d, ev.time = static_cast<int32_t>(i);
      }
      if (ev.time >= 0) ev.date = doc.times[static_cast<size_t>(ev.time)].date;
      best = -1;
      for (size_t i = 0; i < doc.places.size(); ++i) {
        const Place& p = doc.places[i];
        if (p.sentence != ev.sentence || overlaps(p.span, ev.source.text) || overlaps(p.span, ev.target.text)) continue;
        if (!t.words_in(p.span, first, last)) continue;
        int d = t.distance(first, last, event_word);
        if (d >= 0 && (best < 0 || d < best)) best = d, ev.place = static_cast<int32_t>(i);
      }
    }
    // Else where it was done to ("shelled Kharkiv": a material event on a place), else the
    // nearest place its sentence names that is not an actor of the event.
    if (ev.place < 0) {
      uint32_t best = UINT32_MAX;
      for (size_t i = 0; i < doc.places.size(); ++i) {
        const Place& p = doc.places[i];
        if (p.sentence != ev.sentence || overlaps(p.span, ev.source.text) || overlaps(p.span, ev.reported_by.text))
          continue;
        bool on_target = overlaps(p.span, ev.target.text);
        if (on_target && !is_material_event(ev.code)) continue;
        uint32_t d = on_target ? 0
                     : p.span.begin > ev.span.begin ? p.span.begin - ev.span.begin
                                                    : ev.span.begin - p.span.begin;
        if (d < best) best = d, ev.place = static_cast<int32_t>(i);
      }
    }
    for (size_t q = 0; q < doc.quotes.size(); ++q) {
      const Quote& quote = doc.quotes[q];
      if (!inside(ev.span, quote.span)) continue;
      ev.quote = static_cast<int32_t>(q);
      if (ev.reported_by.code.empty() && ev.reported_by.text.empty() && !quote.speaker.empty()) {
        int32_t c = quote.speaker_chain >= 0 ? quote.speaker_chain : chain_of(doc, quote.speaker);
        ev.reported_by = {c >= 0 ? doc.chains[static_cast<size_t>(c)].actor : std::string(), quote.speaker, c};
      }
      break;
    }
  }
  // The same happening named again ("his phone call with Wang" after "Monday's
  // talks between Beijing and Kyiv") is the one the text dated: same root, the
  // same countries (or organisations) on both sides, in either direction.
  auto country = [](const std::string& code) { return std::string_view(code).substr(0, 3); };
  for (Event& ev : doc.events) {
    if (ev.time >= 0) continue;
    for (const Event& x : doc.events) {
      if (x.time < 0 || x.negated != ev.negated) continue;
      if (x.code.substr(0, 2) != ev.code.substr(0, 2)) continue;
      const std::string &a = ev.source.code, &b = ev.target.code;
      bool same = (country(x.source.code) == country(a) && country(x.target.code) == country(b)) ||
                  (country(x.source.code) == country(b) && country(x.target.code) == country(a));
      // An attack by no one named takes the date of one the text dated ("last
      // Friday's attack"), with or without actors.
      bool unnamed_attack = ev.source.code.empty() && is_violent(ev.code) && is_violent(x.code) &&
                            (x.source.code.empty() || x.source.code == ev.source.code);
      if (!unnamed_attack && (!same || ev.source.code.empty() || ev.target.code.empty())) continue;
      ev.date = x.date, ev.time = x.time;
      break;
    }
  }
  // An attack by no one named happened where the text places an attack of the same root.
  for (Event& ev : doc.events) {
    if (ev.place >= 0 || !ev.source.code.empty() || !is_violent(ev.code)) continue;
    for (const Event& x : doc.events)
      if (x.place >= 0 && x.code.substr(0, 2) == ev.code.substr(0, 2) && x.source.code.empty()) {
        ev.place = x.place;
        break;
      }
  }
  // Happenings with no actor at all were kept for the dates and places above only.
  std::erase_if(doc.events, [](const Event& e) { return e.source.code.empty() && e.target.code.empty(); });
}

}  // namespace sitrep::events
