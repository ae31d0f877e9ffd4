#include "entities/ner_gold.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "io/gum_entities.h"
#include "io/file.h"
#include "io/iob2_reader.h"

namespace sitrep::entities {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool in(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_name(const io::ConlluWord& w) { return w.xpos == "NNP" || w.xpos == "NNPS" || w.upos == "PROPN"; }

bool is_connector(const io::ConlluWord& w) {
  std::string l = lower(w.form);
  return in(l, {"of", "the", "and", "&", "de", "-", "for", "on", "upon", "du", "la", "von", "van"});
}

bool is_title(std::string_view form) {
  std::string l = lower(form);
  return in(l, {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
                "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "rep.", "governor", "gov.",
                "mayor", "king", "queen", "prince", "princess", "pope", "saint", "st.", "general", "gen.", "colonel",
                "col.", "captain", "capt.", "lt.", "sgt.", "judge", "justice", "chancellor", "chairman", "director",
                "ambassador", "foreign", "defence", "defense", "deputy", "chief", "professor", "doctor", "rev.",
                "reverend", "father", "brother", "sister", "uncle", "aunt", "emperor", "sheikh", "commissioner"});
}

bool is_loc_word(std::string_view form) {
  std::string l = lower(form);
  return in(l, {"river", "lake", "sea", "ocean", "mountain", "mountains", "mount", "mt.", "island", "islands", "isle",
                "valley", "desert", "coast", "bay", "gulf", "peninsula", "strait", "canal", "forest", "park", "beach",
                "falls", "canyon", "hill", "hills", "alps", "street", "st", "road", "rd.", "avenue", "ave.", "square",
                "bridge", "airport", "station", "hall", "center", "centre", "building", "tower", "church",
                "cathedral", "palace", "stadium", "hospital", "castle", "temple", "mosque", "harbour", "harbor",
                "glacier", "reef", "plateau", "basin", "highway", "boulevard", "trail", "garden", "gardens", "zoo",
                "africa", "europe", "asia", "antarctica", "oceania", "arctic", "antarctic", "caribbean", "balkans",
                "scandinavia", "siberia", "sahara", "himalayas", "amazon", "mediterranean", "pacific", "atlantic",
                "east", "west", "north", "south"});
}

bool is_time_word(const io::ConlluWord& w) {
  std::string l = lower(w.form);
  if (in(l, {"morning", "afternoon", "evening", "night", "tonight", "noon", "midnight", "a.m.", "p.m.", "am", "pm",
             "o'clock", "hour", "hours", "minute", "minutes", "dawn", "dusk", "overnight"}))
    return true;
  size_t colon = l.find(':');
  return colon != std::string::npos && colon > 0 && std::isdigit(static_cast<unsigned char>(l[0]));
}

bool nationality_like(const io::ConlluWord& w, bool initial) {
  if (initial || w.form.size() < 4 || !std::isupper(static_cast<unsigned char>(w.form[0]))) return false;
  if (w.xpos != "JJ" && w.xpos != "NNPS") return false;
  std::string l = lower(w.form);
  auto ends = [&](std::string_view s) { return l.size() > s.size() && l.compare(l.size() - s.size(), s.size(), s) == 0; };
  return ends("an") || ends("ans") || ends("ese") || ends("ish") || ends("i") || ends("is") || ends("ch");
}

// The word of [first, first + count) whose head lies outside it.
uint32_t span_head(const io::ConlluCorpus& c, const io::ConlluSentence& s, uint32_t first, uint32_t count) {
  for (uint32_t w = first; w < first + count; ++w) {
    int h = c.words[w].head;
    uint32_t abs = h <= 0 ? UINT32_MAX : s.first_word + static_cast<uint32_t>(h) - 1;
    if (abs < first || abs >= first + count) return w;
  }
  return first + count - 1;
}

// Absolute index of the head of word w (UINT32_MAX for the root).
uint32_t head_of(const io::ConlluCorpus& c, const io::ConlluSentence& s, uint32_t w) {
  int h = c.words[w].head;
  return h <= 0 ? UINT32_MAX : s.first_word + static_cast<uint32_t>(h) - 1;
}

// Whether w hangs from `head` through a descriptor ("U.S. Senator John Cornyn",
// "Environment Minister John Baird": UD's nmod:desc marks the title).
bool under_descriptor(const io::ConlluCorpus& c, const io::ConlluSentence& s, uint32_t w, uint32_t head) {
  for (int guard = 0; w != head && w != UINT32_MAX && guard < 8; ++guard) {
    if (c.words[w].deprel == "nmod:desc") return true;
    w = head_of(c, s, w);
  }
  return false;
}

// Whether a word of the name occurs in its Wikipedia identity ("Cornyn" in John_Cornyn):
// a person mention whose name word is not there is a description ("Republican", "U.S. Senator").
bool in_identity(std::string_view form, std::string_view identity) {
  std::string f = lower(form), id = lower(identity);
  for (size_t pos = 0; pos <= id.size();) {
    size_t end = id.find_first_of("_(),", pos);
    if (end == std::string::npos) end = id.size();
    if (id.substr(pos, end - pos) == f) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

EntityType uner_type(std::string_view type) {
  if (type == "PER") return EntityType::kPerson;
  if (type == "ORG") return EntityType::kOrg;
  if (type == "LOC") return EntityType::kLoc;
  return EntityType::kNone;
}

std::vector<NerSpan> gum_ner_spans(const io::ConlluCorpus& c) {
  std::vector<NerSpan> cand;
  for (const io::GumMention& m : io::gum_mentions(c)) {
    const io::ConlluSentence& s = c.sentences[m.sentence];
    const uint32_t end = m.first_word + m.word_count;
    uint32_t head = span_head(c, s, m.first_word, m.word_count);
    if (m.type == "time") {
      if (m.word_count > 6 || c.words[head].upos == "PRON") continue;
      uint32_t first = m.first_word;
      while (first < end && c.words[first].upos == "PUNCT") ++first;
      if (first == end) continue;
      bool time = false;
      for (uint32_t w = first; w < end; ++w) time |= is_time_word(c.words[w]);
      cand.push_back({m.sentence, first, end - first, time ? EntityType::kTime : EntityType::kDate});
      continue;
    }
    EntityType type = m.type == "person" ? EntityType::kPerson
                      : m.type == "organization" ? EntityType::kOrg
                      : m.type == "place" ? EntityType::kGpe
                      : m.type == "event" ? EntityType::kEvent
                                          : EntityType::kNone;
    if (type == EntityType::kNone) continue;
    const bool person = type == EntityType::kPerson;
    if (!is_name(c.words[head])) {
      // A mention headed by a common noun: its name is a proper noun in apposition or
      // flat to the head ("spokesperson Julie Hahn"), or one of its minimal heads.
      uint32_t seed = UINT32_MAX;
      for (uint32_t w = m.first_word; w < end && seed == UINT32_MAX; ++w)
        if (is_name(c.words[w]) && head_of(c, s, w) == head &&
            (c.words[w].deprel == "appos" || c.words[w].deprel == "flat"))
          seed = w;
      if (seed == UINT32_MAX && !m.identity.empty())
        for (uint32_t w : m.min_words)
          if (is_name(c.words[w]) && (!person || in_identity(c.words[w].form, m.identity))) {
            seed = w;
            break;
          }
      if (seed == UINT32_MAX) continue;
      head = seed;
    }
    uint32_t a = head, b = head + 1;  // the run of names around the head
    while (a > m.first_word) {
      if (is_name(c.words[a - 1])) --a;
      else if (a - 1 > m.first_word && is_connector(c.words[a - 1]) && is_name(c.words[a - 2])) a -= 2;
      else break;
    }
    while (b < end) {
      if (is_name(c.words[b])) ++b;
      else if (b + 1 < end && is_connector(c.words[b]) && is_name(c.words[b + 1])) b += 2;
      else break;
    }
    if (person && !m.identity.empty()) {
      bool named = false;
      for (uint32_t w = a; w < b; ++w) named |= in_identity(c.words[w].form, m.identity);
      if (!named) continue;
    }
    if (person)
      while (a < head && (is_title(c.words[a].form) || under_descriptor(c, s, a, head) ||
                          (c.words[a].deprel != "compound" && c.words[a].deprel != "flat")))
        ++a;
    if (type == EntityType::kPerson && b - a == 1 && c.words[a].xpos == "NNPS") type = EntityType::kNorp;
    if (type == EntityType::kGpe)
      for (uint32_t w = a; w < b; ++w)
        if (is_loc_word(c.words[w].form)) type = EntityType::kLoc;
    cand.push_back({m.sentence, a, b - a, type});
  }
  // Nationality adjectives GUM does not mark as mentions.
  for (uint32_t si = 0; si < c.sentences.size(); ++si) {
    const io::ConlluSentence& s = c.sentences[si];
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w)
      if (c.words[w].xpos == "JJ" && nationality_like(c.words[w], w == s.first_word))
        cand.push_back({si, w, 1, EntityType::kNorp});
  }
  // Flatten: longest first, then earliest; drop what overlaps a kept span.
  std::stable_sort(cand.begin(), cand.end(), [](const NerSpan& x, const NerSpan& y) {
    return x.word_count != y.word_count ? x.word_count > y.word_count : x.first_word < y.first_word;
  });
  std::vector<NerSpan> kept;
  std::vector<char> taken(c.words.size(), 0);
  for (const NerSpan& sp : cand) {
    bool free = true;
    for (uint32_t w = sp.first_word; w < sp.first_word + sp.word_count && free; ++w) free = !taken[w];
    if (!free) continue;
    for (uint32_t w = sp.first_word; w < sp.first_word + sp.word_count; ++w) taken[w] = 1;
    kept.push_back(sp);
  }
  std::sort(kept.begin(), kept.end(), [](const NerSpan& x, const NerSpan& y) { return x.first_word < y.first_word; });
  return kept;
}

namespace {

bool looks_iob2(std::string_view path, std::string_view bytes) {
  if (path.size() >= 5 && path.substr(path.size() - 5) == ".iob2") return true;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    return std::count(line.begin(), line.end(), '\t') < 9;
  }
  return false;
}

}  // namespace

void filter_documents(NerCorpus& nc, const std::function<bool(std::string_view)>& keep) {
  io::ConlluCorpus out;
  out.has_newpar = nc.corpus.has_newpar;
  std::vector<NerSpan> spans;
  size_t next = 0;
  for (uint32_t si = 0; si < nc.corpus.sentences.size(); ++si) {
    io::ConlluSentence s = nc.corpus.sentences[si];
    const uint32_t new_si = static_cast<uint32_t>(out.sentences.size());
    // Spans of this sentence (spans are in order).
    while (next < nc.spans.size() && nc.spans[next].sentence < si) ++next;
    if (!keep(s.doc_id)) continue;
    const uint32_t word_shift = static_cast<uint32_t>(out.words.size()) - s.first_word;
    for (size_t k = next; k < nc.spans.size() && nc.spans[k].sentence == si; ++k) {
      NerSpan sp = nc.spans[k];
      sp.sentence = new_si;
      sp.first_word += word_shift;
      spans.push_back(sp);
    }
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      io::ConlluToken tok = nc.corpus.tokens[t];
      tok.first_word += word_shift;
      out.tokens.push_back(std::move(tok));
    }
    s.first_token = static_cast<uint32_t>(out.tokens.size()) - s.token_count;
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w) out.words.push_back(nc.corpus.words[w]);
    s.first_word += word_shift;
    out.sentences.push_back(std::move(s));
  }
  nc.corpus = std::move(out);
  nc.spans = std::move(spans);
}

Result<NerCorpus> read_ner_corpus(const std::string& path, bool drop_restricted) {
  NerCorpus nc;
  std::string bytes;
  SITREP_RETURN_IF_ERROR(io::read_file_bytes(path, &bytes));
  if (looks_iob2(path, bytes)) {
    SITREP_ASSIGN_OR_RETURN(auto iob, io::parse_iob2(bytes, path));
    nc.partial = true;
    for (const io::Iob2Span& sp : iob.spans) {
      EntityType t = uner_type(sp.type);
      if (t != EntityType::kNone) nc.spans.push_back({sp.sentence, sp.first_word, sp.word_count, t});
    }
    nc.corpus = std::move(iob.corpus);
  } else {
    SITREP_ASSIGN_OR_RETURN(nc.corpus, io::parse_conllu(bytes, path));
    nc.spans = gum_ner_spans(nc.corpus);
  }
  if (drop_restricted) filter_documents(nc, [](std::string_view id) { return !io::excluded_training_document(id); });
  return nc;
}

}  // namespace sitrep::entities
