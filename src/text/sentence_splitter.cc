#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>

#include "text/chars.h"

namespace sitrep::text {
namespace {

// Abbreviations that keep their period; `title` ones never end a sentence.
struct Abbrev {
  std::string_view word;
  bool title;
};
constexpr std::array<Abbrev, 122> kAbbrevs = {{
    {"Mr", true},     {"Mrs", true},   {"Ms", true},    {"Dr", true},     {"Prof", true},  {"Sr", false},
    {"Jr", false},    {"St", true},    {"Mt", true},    {"Gen", true},    {"Sen", true},   {"Rep", true},
    {"Gov", true},    {"Lt", true},    {"Col", true},   {"Sgt", true},    {"Capt", true},  {"Cpl", true},
    {"Adm", true},    {"Maj", true},   {"Rev", true},   {"Hon", true},    {"Pres", true},  {"Supt", true},
    {"Cmdr", true},   {"Brig", true},  {"Jan", true},   {"Feb", true},    {"Mar", false},  {"Apr", true},
    {"Jun", true},    {"Jul", true},   {"Aug", true},   {"Sep", true},    {"Sept", true},  {"Oct", true},
    {"Nov", true},    {"Dec", true},   {"Inc", false},  {"Corp", false},  {"Co", false},   {"Ltd", false},
    {"Bros", false},  {"Assn", false}, {"Dept", false}, {"Univ", false},  {"vs", true},    {"etc", false},
    {"approx", true}, {"cf", true},    {"viz", true},   {"al", false},    {"Ave", false},  {"Blvd", false},
    {"Rd", false},    {"Ft", true},    {"Calif", false}, {"Fla", false},  {"Ga", false},   {"Ill", false},
    {"Pa", false},    {"Va", false},   {"Wash", false}, {"Tex", false},   {"Ariz", false}, {"Colo", false},
    {"Conn", false},  {"Ind", false},  {"Kan", false},  {"Ky", false},    {"La", false},   {"Md", false},
    {"Mich", false},  {"Minn", false}, {"Mo", false},   {"Mont", false},  {"Neb", false},  {"Nev", false},
    {"Okla", false},  {"Ore", false},  {"Tenn", false}, {"Wis", false},   {"No", true},    {"Nos", true},
    {"Vol", true},    {"pp", true},    {"Mon", false},  {"Tue", false},   {"Tues", false}, {"Wed", false},
    {"Thu", false},   {"Thur", false}, {"Thurs", false}, {"Fri", false},  {"Sat", false},  {"Sun", false},
    {"Attn", true},   {"Reps", true},  {"Sens", true},  {"Arrv", false},  {"arrv", false}, {"Ref", true},
    {"ext", true},    {"Ext", true},   {"Sts", true},   {"Drs", true},    {"ect", false},  {"Pvt", false},
    {"LTD", false},   {"INC", false},  {"CORP", false}, {"PVT", false},   {"Messrs", true}, {"Mmes", true},
    {"Mass", false},  {"Ala", false},  {"Ark", false},  {"Vt", false},    {"Wyo", false},  {"Miss", false},
}};

inline uint32_t mix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352dU;
  h ^= h >> 15;
  h *= 0x846ca68bU;
  h ^= h >> 16;
  return h;
}

// One pass: the hash of the lowercased bytes, and of the collapsed shape
// (X upper, x lower, d digit, u non-ASCII, other bytes as themselves; runs
// collapsed, at most 6 classes).
inline void hash_token(std::string_view s, uint32_t* lower_hash, uint32_t* shape_hash) {
  uint32_t h = 2166136261U, sh = 2166136261U;
  char prev = 0;
  int n = 0;
  for (char ch : s) {
    unsigned char u = static_cast<unsigned char>(ch);
    char c;
    if (u >= 'A' && u <= 'Z') {
      u += 32;
      c = 'X';
    } else if (u >= 'a' && u <= 'z') {
      c = 'x';
    } else if (u >= '0' && u <= '9') {
      c = 'd';
    } else if (u >= 0x80) {
      c = (u & 0xC0) == 0x80 ? prev : 'u';
    } else {
      c = static_cast<char>(u);
    }
    h = (h ^ u) * 16777619U;
    if (c != prev && n < 6) {
      prev = c;
      ++n;
      sh = (sh ^ static_cast<unsigned char>(c)) * 16777619U;
    }
  }
  *lower_hash = h;
  *shape_hash = sh;
}

uint8_t token_kind(std::string_view s) {
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return s.size() > 1 && s.back() == '.' ? kKindAbbrev : kKindLower;
    if (c >= 'A' && c <= 'Z') {
      if (s.size() > 1 && s.back() == '.') return kKindAbbrev;
      bool upper = s.size() > 1;
      for (char x : s)
        if (x >= 'a' && x <= 'z') { upper = false; break; }
      return upper ? kKindUpper : kKindCapital;
    }
    if (c >= '0' && c <= '9') return kKindNumber;
    switch (c) {
      case '.': return s.size() > 1 ? kKindEllipsis : kKindPeriod;
      case '!': case '?': return kKindBang;
      case '"': case '\'': case '`': return kKindQuote;
      case '(': case '[': case '{': return kKindOpenBracket;
      case ')': case ']': case '}': return kKindCloseBracket;
      case ':': case ';': return kKindColon;
      case ',': return kKindComma;
      case '-': return kKindDash;
      case '_': return kKindOther;
      default: return kKindSymbol;
    }
  }
  CodePoint cp = decode_utf8(s, 0);
  switch (cp.cp) {
    case 0x201C: case 0x2018: case 0xAB: return kKindOpenQuote;
    case 0x201D: case 0x2019: case 0xBB: return kKindCloseQuote;
    case 0x2026: return kKindEllipsis;
    case 0x2013: case 0x2014: case 0x2012: case 0x2015: return kKindDash;
    default: break;
  }
  CharClass k = classify_non_ascii(cp.cp);
  if (k == CharClass::kLetter) return kKindCapital;  // non-ASCII letters: rare, kept coarse
  if (k == CharClass::kDigit) return kKindNumber;
  return kKindSymbol;
}

enum Template : uint32_t {
  kBias = 1, kW0, kW1, kWm1, kK0, kK1, kKm1, kK2, kK0K1, kKm1K0K1, kK0K1K2, kW0W1, kW0K1, kK0W1, kGap, kGapK0K1,
  kQuoteK0K1, kBracketK0, kS0, kS1, kS0S1, kLenK0, kWm1W0, kW2, kKm1K0, kTitle
};

inline uint32_t feat(uint32_t t, uint32_t v) { return mix32(v * 0x9E3779B1U + t * 0x85EBCA77U) & ((1U << kSentenceHashBits) - 1); }
inline uint32_t pack(uint32_t a, uint32_t b) { return a * 31U + b; }

bool terminal(uint8_t k) { return k == kKindPeriod || k == kKindBang || k == kKindEllipsis; }
bool closing(uint8_t k) { return k == kKindCloseQuote || k == kKindQuote || k == kKindCloseBracket; }

}  // namespace

bool is_abbreviation(std::string_view word, bool* title) {
  if (word.empty() || word.size() > 6) return false;
  for (const auto& a : kAbbrevs)
    if (a.word == word) {
      *title = a.title;
      return true;
    }
  return false;
}

void hash_facts(const Document& doc, uint32_t first, TokenFacts* facts, uint32_t i) {
  TokenFacts& f = facts[i];
  if (f.hashed) return;
  std::string_view s = doc.token_text(first + i);
  hash_token(s, &f.lower_hash, &f.shape_hash);
  f.hashed = 1;
}

void token_facts(const Document& doc, uint32_t first, uint32_t last, uint32_t block_end, std::vector<TokenFacts>* out,
                 bool hashes) {
  out->resize(last - first);
  const std::string& text = doc.text;
  uint8_t quote = 0, bracket = 0;
  for (uint32_t t = first; t < last; ++t) {
    TokenFacts& f = (*out)[t - first];
    std::string_view s = doc.token_text(t);
    f.hashed = 0;
    if (hashes) hash_facts(doc, first, out->data(), t - first);
    f.kind = token_kind(s);
    f.length = static_cast<uint8_t>(std::min<size_t>(s.size(), 255));
    f.title_abbrev = 0;
    if (f.kind == kKindAbbrev) {
      bool title = false;
      if (is_abbreviation(s.substr(0, s.size() - 1), &title) && title) f.title_abbrev = 1;
    }
    // Quote and bracket state after this token.
    if (f.kind == kKindOpenQuote) quote = 1;
    else if (f.kind == kKindCloseQuote && s != "\xE2\x80\x99") quote = 0;
    else if (f.kind == kKindQuote && s == "\"") quote ^= 1;
    if (f.kind == kKindOpenBracket) bracket = 1;
    else if (f.kind == kKindCloseBracket) bracket = 0;
    f.quote = quote;
    f.bracket = bracket;
    // White space after.
    uint32_t end = doc.tokens[t].span.end;
    uint32_t next = t + 1 < last ? doc.tokens[t + 1].span.begin : block_end;
    uint8_t gap = next > end ? 1 : 0;
    if (next > end + 1 || (gap && text[end] != ' ')) {
      int newlines = 0;
      for (uint32_t k = end; k < next; ++k)
        if (text[k] == '\n') ++newlines;
      if (newlines == 1) gap = 2;
      if (newlines > 1) gap = 3;
    }
    f.gap = gap;
  }
}

int boundary_features(const TokenFacts* facts, uint32_t n, uint32_t i, uint32_t* out) {
  const TokenFacts& c = facts[i];
  const TokenFacts& nx = facts[i + 1];
  static const TokenFacts kNone{0x1234567U, 0x7654321U, kKindCount, 0, 0, 0, 0, 0};
  const TokenFacts& p = i > 0 ? facts[i - 1] : kNone;
  const TokenFacts& n2 = i + 2 < n ? facts[i + 2] : kNone;
  int k = 0;
  out[k++] = feat(kBias, 0);
  out[k++] = feat(kW0, c.lower_hash);
  out[k++] = feat(kW1, nx.lower_hash);
  out[k++] = feat(kWm1, p.lower_hash);
  out[k++] = feat(kW2, n2.lower_hash);
  out[k++] = feat(kK0, c.kind);
  out[k++] = feat(kK1, nx.kind);
  out[k++] = feat(kKm1, p.kind);
  out[k++] = feat(kK2, n2.kind);
  out[k++] = feat(kK0K1, pack(c.kind, nx.kind));
  out[k++] = feat(kKm1K0, pack(p.kind, c.kind));
  out[k++] = feat(kKm1K0K1, pack(pack(p.kind, c.kind), nx.kind));
  out[k++] = feat(kK0K1K2, pack(pack(c.kind, nx.kind), n2.kind));
  out[k++] = feat(kW0W1, c.lower_hash * 0x9E3779B1U ^ nx.lower_hash);
  out[k++] = feat(kWm1W0, p.lower_hash * 0x9E3779B1U ^ c.lower_hash);
  out[k++] = feat(kW0K1, c.lower_hash * 0x9E3779B1U ^ nx.kind);
  out[k++] = feat(kK0W1, nx.lower_hash * 0x9E3779B1U ^ c.kind);
  out[k++] = feat(kGap, c.gap);
  out[k++] = feat(kGapK0K1, pack(pack(c.gap, c.kind), nx.kind));
  out[k++] = feat(kQuoteK0K1, pack(pack(c.quote, c.kind), nx.kind));
  out[k++] = feat(kBracketK0, pack(c.bracket, c.kind));
  out[k++] = feat(kS0, c.shape_hash);
  out[k++] = feat(kS1, nx.shape_hash);
  out[k++] = feat(kS0S1, c.shape_hash * 0x9E3779B1U ^ nx.shape_hash);
  out[k++] = feat(kLenK0, pack(std::min<uint32_t>(c.length, 6), c.kind));
  return k;
}

bool boundary_excluded(const TokenFacts* facts, uint32_t n, uint32_t i) {
  const TokenFacts& c = facts[i];
  if (c.title_abbrev) return true;
  const TokenFacts& nx = facts[i + 1];
  if (c.gap >= 2) return false;
  // No sentence starts with , . ! ? : ) ” and none ends with ( “.
  switch (nx.kind) {
    case kKindComma: case kKindPeriod: case kKindBang: case kKindColon: case kKindCloseBracket: case kKindCloseQuote:
      return true;
    default: break;
  }
  if (c.kind == kKindOpenBracket || c.kind == kKindOpenQuote) return true;
  // (An initial, one letter and its period, before a lower-case word: "george w. bush" in
  // lower-cased text; in cased text the next word after an initial is no lower-case one.)
  if (c.kind == kKindAbbrev && c.length == 2 && nx.kind == kKindLower) return true;
  // (Or the letter and its period as two tokens, the letter a word of its own.)
  const bool letter = c.kind == kKindPeriod && i > 0 && facts[i - 1].gap == 0 && facts[i - 1].length == 1 &&
                      (facts[i - 1].kind == kKindLower || facts[i - 1].kind == kKindCapital) &&
                      (i < 2 || facts[i - 2].gap > 0);
  if (letter && nx.kind == kKindLower) return true;
  // (Truecased text may leave the initial in lower case between names: "George w. Bush".)
  if (letter && i > 1 && facts[i - 1].kind == kKindLower && facts[i - 2].kind == kKindCapital &&
      nx.kind == kKindCapital)
    return true;
  return nx.kind == kKindLower && (c.kind == kKindLower || c.kind == kKindComma);
}

bool boundary_by_rules(const TokenFacts* facts, uint32_t n, uint32_t i) {
  const TokenFacts& c = facts[i];
  const TokenFacts& nx = facts[i + 1];
  if (c.gap >= 3) return true;
  bool ends = terminal(c.kind) || (closing(c.kind) && i > 0 && terminal(facts[i - 1].kind));
  if (!ends) return false;
  if (closing(nx.kind) || terminal(nx.kind) || nx.kind == kKindComma) return false;
  return nx.kind != kKindLower;
}

Result<std::shared_ptr<const SentenceModel>> SentenceModel::from_model_file(const ModelFile& file, std::string_view name) {
  if (file.kind != kSentenceModelKind || file.kind_version != kSentenceModelVersion)
    return Status::Error(std::string(name) + ": not a sentence-splitter model of version " +
                         std::to_string(kSentenceModelVersion));
  const std::string* meta = file.section("meta");
  const std::string* w = file.section("weights");
  if (!meta || !w) return Status::Error(std::string(name) + ": missing section 'meta' or 'weights'");
  auto model = std::make_shared<SentenceModel>();
  ByteReader mr(*meta);
  uint32_t bits = 0, threshold = 0;
  if (!mr.u32(&bits) || !mr.u32(&threshold) || bits != kSentenceHashBits)
    return Status::Error(std::string(name) + ": bad 'meta' section (hash bits must be " +
                         std::to_string(kSentenceHashBits) + ")");
  model->threshold = static_cast<int32_t>(threshold);
  ByteReader wr(*w);
  if (!wr.array(&model->weights) || model->weights.size() != (1U << kSentenceHashBits))
    return Status::Error(std::string(name) + ": bad 'weights' section");
  return std::shared_ptr<const SentenceModel>(std::move(model));
}

Result<std::shared_ptr<const SentenceModel>> SentenceModel::load(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(auto file, read_model_file(path, kSentenceModelKind, kSentenceModelVersion));
  return from_model_file(file, path);
}

ModelFile SentenceModel::to_model_file(std::string note) const {
  ModelFile f;
  f.kind = kSentenceModelKind;
  f.kind_version = kSentenceModelVersion;
  f.note = std::move(note);
  ByteWriter meta;
  meta.u32(kSentenceHashBits);
  meta.u32(static_cast<uint32_t>(threshold));
  f.add("meta", meta.take());
  ByteWriter w;
  w.array(weights);
  f.add("weights", w.take());
  return f;
}

namespace {

// Whether token t is an abbreviation whose final period becomes a token when it ends a sentence.
bool gives_period(const Document& doc, uint32_t t) {
  const Token& tk = doc.tokens[t];
  if (tk.word_count != 1 || tk.span.size() < 2) return false;
  std::string_view s = doc.token_text(t);
  if (s.back() != '.' || s[s.size() - 2] == '.') return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// Splits the final period off the tokens first + ends[k] that need it; ends
// are updated to the new indices. The block's tokens and words are the last ones.
void split_final_periods(Document& doc, uint32_t first, std::vector<uint32_t>* ends) {
  constexpr uint32_t kSplit = 0x80000000U;  // marks an end whose token splits
  uint32_t splits = 0;
  for (uint32_t& e : *ends)
    if (gives_period(doc, first + e)) {
      e |= kSplit;
      ++splits;
    }
  if (splits == 0) return;
  uint32_t old_tokens = static_cast<uint32_t>(doc.tokens.size());
  uint32_t old_words = static_cast<uint32_t>(doc.words.size());
  doc.tokens.resize(old_tokens + splits);
  doc.words.resize(old_words + splits);
  int64_t to = int64_t{old_tokens} + splits - 1, wo = int64_t{old_words} + splits - 1, wi = int64_t{old_words} - 1;
  size_t k = ends->size();
  for (int64_t ti = int64_t{old_tokens} - 1; ti >= int64_t{first}; --ti) {
    Token t = doc.tokens[ti];
    while (k > 0 && first + ((*ends)[k - 1] & ~kSplit) > ti) --k;
    bool split = k > 0 && first + ((*ends)[k - 1] & ~kSplit) == ti && ((*ends)[k - 1] & kSplit);
    if (split) {
      Token p;
      p.span = {t.span.end - 1, t.span.end};
      p.first_word = static_cast<uint32_t>(wo);
      p.word_count = 1;
      p.space_after = t.space_after;
      doc.words[wo--] = {p.span, static_cast<uint32_t>(to)};
      doc.tokens[to--] = p;
      t.span.end -= 1;
      t.space_after = false;
      doc.words[wo] = {t.span, static_cast<uint32_t>(to)};
      t.first_word = static_cast<uint32_t>(wo--);
      --wi;
      doc.tokens[to--] = t;
    } else {
      for (int w = 0; w < t.word_count; ++w) {
        Word word = doc.words[wi--];
        word.token = static_cast<uint32_t>(to);
        doc.words[wo--] = word;
      }
      t.first_word = static_cast<uint32_t>(wo + 1);
      doc.tokens[to--] = t;
    }
  }
  // Each end moves by the splits at or before it.
  uint32_t shift = 0;
  for (uint32_t& e : *ends) {
    if (e & kSplit) ++shift;
    e = (e & ~kSplit) + shift;
  }
}

}  // namespace

namespace {

// How good a place to cut an over-long sentence the boundary after facts[i] is.
int cut_priority(const TokenFacts& f) {
  if (f.gap >= 2) return 3;
  if (f.kind == kKindColon) return 2;
  if (f.kind == kKindComma || f.kind == kKindDash) return 1;
  return 0;
}

// Cuts the sentences ends describes (inclusive ends, relative to the block's
// first token) that are longer than kMaxSentenceTokens; see the header. Each cut
// scans at most half the cap and moves on by at least half: linear time.
// kMax is the cap, or one under it where split_final_periods runs after (it may split a
// period off a sentence's last token, "etc.", which adds a token to the sentence).
void cap_lengths(const TokenFacts* facts, uint32_t kMax, std::vector<uint32_t>* ends, uint32_t* cut) {
  bool long_one = false;
  uint32_t start = 0;
  for (uint32_t e : *ends) {
    long_one = long_one || e + 1 - start > kMax;
    start = e + 1;
  }
  if (!long_one) return;
  std::vector<uint32_t> capped;
  start = 0;
  for (uint32_t e : *ends) {
    while (e + 1 - start > kMax) {
      uint32_t best = start + kMax - 1;
      int best_priority = -1;
      for (uint32_t i = start + kMax - 1; i >= start + kMax / 2; --i) {
        int p = cut_priority(facts[i]);
        if (p > best_priority) best = i, best_priority = p;
        if (p == 3) break;
      }
      capped.push_back(best);
      ++*cut;
      start = best + 1;
    }
    capped.push_back(e);
    start = e + 1;
  }
  *ends = std::move(capped);
}

void append_sentences(Document& doc, uint32_t block, uint32_t first, const std::vector<uint32_t>& ends) {
  uint32_t start = 0;
  for (uint32_t end : ends) {  // tokens [start, end] relative to first
    Sentence s;
    s.first_token = first + start;
    s.token_count = end + 1 - start;
    const Token& lt = doc.tokens[first + end];
    s.span = {doc.tokens[s.first_token].span.begin, lt.span.end};
    s.first_word = doc.tokens[s.first_token].first_word;
    s.word_count = lt.first_word + lt.word_count - s.first_word;
    s.block = block;
    doc.sentences.push_back(s);
    start = end + 1;
  }
}

// A wire dateline opening a block ("KABUL (Reuters) -", "Jerusalem, Nov. 1 (Xinhua) --",
// "WASHINGTON —"): the index of its dash, which ends a sentence of its own, or -1. The place
// before the dash is no part of the first sentence's grammar (the parser made "KABUL" its
// subject). A dateline is capitalised words, commas, a date and an agency in brackets, at
// most 16 tokens, and must show one mark of a dateline (an all-caps first word, an agency in
// brackets, a day's number after a comma) before a dash that a non-lowercase word follows.
int dateline_dash(const TokenFacts* facts, uint32_t n) {
  if (n < 3 || (facts[0].kind != kKindCapital && facts[0].kind != kKindUpper)) return -1;
  bool mark = facts[0].kind == kKindUpper, bracket = false, comma = false;
  for (uint32_t i = 1; i < n && i < 16; ++i) {
    uint8_t k = facts[i].kind;
    if (facts[i - 1].gap >= 2) return -1;  // a line of its own is a title, not a dateline
    if (k == kKindDash) {
      // A one-byte "-" with no space on either side is a hyphen ("UN Secretary-General").
      if (facts[i].length == 1 && (facts[i - 1].gap == 0 || facts[i].gap == 0)) return -1;
      if (!mark || bracket || i + 1 >= n || facts[i + 1].kind == kKindLower) return -1;
      return static_cast<int>(i);
    }
    if (k == kKindOpenBracket) {
      if (bracket) return -1;
      bracket = mark = true;
      continue;
    }
    if (k == kKindCloseBracket) {
      bracket = false;
      continue;
    }
    if (k == kKindComma) comma = true;
    else if (k == kKindNumber) mark = mark || comma;
    else if (k == kKindLower) { if (!bracket) return -1; }
    else if (k != kKindCapital && k != kKindUpper && k != kKindAbbrev && k != kKindPeriod) return -1;
  }
  return -1;
}

}  // namespace

void split_sentences(Document& doc, uint32_t block, uint32_t first, uint32_t last, const SentenceModel* model,
                     SentenceScratch* scratch) {
  if (last <= first) return;
  token_facts(doc, first, last, doc.blocks[block].span.end, &scratch->facts, false);
  TokenFacts* facts = scratch->facts.data();
  uint32_t n = last - first;
  std::vector<uint32_t>& ends = scratch->ends;
  ends.clear();
  uint32_t features[kMaxBoundaryFeatures];
  for (uint32_t i = 0; i + 1 < n; ++i) {
    if (facts[i].gap >= 3) {  // a blank line inside a block always ends a sentence
      ends.push_back(i);
      continue;
    }
    if (boundary_excluded(facts, n, i)) continue;
    bool split;
    if (model) {
      for (uint32_t j = i > 0 ? i - 1 : 0; j <= i + 2 && j < n; ++j) hash_facts(doc, first, facts, j);
      int k = boundary_features(facts, n, i, features);
      split = model->score(features, k) > model->threshold;
    } else {
      split = boundary_by_rules(facts, n, i);
    }
    if (split) ends.push_back(i);
  }
  ends.push_back(n - 1);
  int dateline = dateline_dash(facts, n);
  if (dateline >= 0) {
    std::erase_if(ends, [dateline](uint32_t e) { return e <= static_cast<uint32_t>(dateline); });
    ends.insert(ends.begin(), static_cast<uint32_t>(dateline));
  }
  cap_lengths(facts, kMaxSentenceTokens - 1, &ends, &scratch->cut);
  split_final_periods(doc, first, &ends);
  size_t appended = doc.sentences.size();
  append_sentences(doc, block, first, ends);
  if (dateline >= 0) doc.sentences[appended].dateline = true;
}

void title_sentences(Document& doc, uint32_t block, uint32_t first, uint32_t last, SentenceScratch* scratch) {
  if (last <= first) return;
  std::vector<uint32_t>& ends = scratch->ends;
  ends.assign(1, last - first - 1);
  if (last - first > kMaxSentenceTokens) {
    token_facts(doc, first, last, doc.blocks[block].span.end, &scratch->facts, false);
    cap_lengths(scratch->facts.data(), kMaxSentenceTokens, &ends, &scratch->cut);
  }
  append_sentences(doc, block, first, ends);
}

}  // namespace sitrep::text
