#include "entities/propn_mentions.h"

#include <algorithm>

#include "core/tagset.h"

namespace sitrep::entities {
namespace {

const uint16_t kPropn = upos_id("PROPN"), kNoun = upos_id("NOUN"), kAdj = upos_id("ADJ"), kDet = upos_id("DET"),
               kPron = upos_id("PRON"), kPart = upos_id("PART"), kNum = upos_id("NUM");

EntityType type_of(const std::vector<GazetteerHit>& hits, uint32_t b, uint32_t e) {
  for (const auto& h : hits) {
    if (h.first_word != b || h.first_word + h.word_count != e) continue;
    switch (h.category) {
      case GazetteerCategory::kCountryName:
      case GazetteerCategory::kMetonym:
      case GazetteerCategory::kCity: return EntityType::kGpe;
      case GazetteerCategory::kNationality: return EntityType::kNorp;
      case GazetteerCategory::kIgo: return EntityType::kOrg;
      case GazetteerCategory::kPerson: return EntityType::kPerson;
      case GazetteerCategory::kRole: break;
    }
  }
  return EntityType::kPerson;
}

bool calendar_word(std::string_view w) {
  for (const char* c : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                        "February", "March", "April", "May", "June", "July", "August", "September", "October",
                        "November", "December"})
    if (w == c) return true;
  return false;
}

}  // namespace

void propn_mentions(Document& doc, const ActorDictionary& dict) {
  doc.mentions.clear();
  doc.chains.clear();
  std::vector<GazetteerHit> hits;
  auto add = [&](uint32_t s, uint32_t b, uint32_t e, uint32_t head, EntityType t, MentionKind k) {
    Mention m;
    m.span = {doc.words[b].span.begin, doc.words[e - 1].span.end};
    m.sentence = s, m.first_word = b, m.word_count = e - b, m.head_word = head, m.type = t, m.kind = k;
    doc.mentions.push_back(m);
  };
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    hits.clear();
    dict.match(doc, s, hits);
    const Sentence& sent = doc.sentences[s];
    const uint32_t end = sent.first_word + sent.word_count;
    // Names: runs of proper nouns (joined by hyphens), split after a leading title.
    for (uint32_t w = sent.first_word; w < end;) {
      if (doc.words[w].upos != kPropn) { ++w; continue; }
      uint32_t e = w + 1;
      while (e < end && (doc.words[e].upos == kPropn ||
                         (doc.word_text(e) == "-" && e + 1 < end && doc.words[e + 1].upos == kPropn)))
        ++e;
      if (e == w + 1 && calendar_word(doc.word_text(w))) { w = e; continue; }  // "Monday", "April": times
      uint32_t b = w;
      // "UN Secretary-General Ana Ruiz", "Foreign Minister Dmytro Kuleba": the name
      // starts after a title of dictionary words that ends on a role word.
      for (uint32_t x = w;;) {
        const GazetteerHit* next = nullptr;
        for (const auto& h : hits)
          if (h.first_word <= x && h.first_word + h.word_count > x && h.category != GazetteerCategory::kPerson &&
              h.category != GazetteerCategory::kCity)
            next = &h;
        if (!next || next->first_word + next->word_count >= e) break;
        x = next->first_word + next->word_count;
        if (next->category == GazetteerCategory::kRole) b = x;
      }
      add(s, b, e, e - 1, type_of(hits, b, e), MentionKind::kName);
      w = e;
    }
    // Nationalities outside name runs ("Ukrainian", tagged ADJ) are NORP names.
    for (const auto& h : hits)
      if (h.category == GazetteerCategory::kNationality && doc.words[h.first_word].upos != kPropn)
        add(s, h.first_word, h.first_word + h.word_count, h.first_word + h.word_count - 1, EntityType::kNorp,
            MentionKind::kName);
    // Nominals: a role noun with its modifiers to the left, unless a name follows (a title).
    for (const auto& h : hits) {
      if (h.category != GazetteerCategory::kRole) continue;
      uint32_t e = h.first_word + h.word_count;
      if (doc.words[e - 1].upos != kNoun) continue;
      if (e < end && doc.words[e].upos == kPropn) continue;
      uint32_t b = h.first_word;
      while (b > sent.first_word) {
        uint16_t u = doc.words[b - 1].upos;
        if (u != kAdj && u != kDet && u != kNoun && u != kPropn && u != kPart && u != kNum &&
            !(u == kPron && doc.words[b - 1].deprel == deprel_id("nmod:poss")))
          break;
        --b;
      }
      add(s, b, e, e - 1, EntityType::kPerson, MentionKind::kNominal);
    }
  }
  std::stable_sort(doc.mentions.begin(), doc.mentions.end(), [](const Mention& a, const Mention& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
}

}  // namespace sitrep::entities
