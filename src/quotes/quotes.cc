#include "quotes/quotes.h"
#include "core/locate.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/tagset.h"
#include "entities/mentions.h"
#include "text/text_util.h"

namespace sitrep {

// ---- The cue lexicon -----------------------------------------------------------

Result<CueLexicon> CueLexicon::parse(std::string_view text, std::string_view name) {
  CueLexicon lex;
  size_t line_no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text::trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = text::split_words(line);
    Cue cue;
    bool ok = f.size() == 2 || (f.size() == 3 && f[2] == "to");
    if (ok && f[1] == "speech") cue.kind = CueKind::kSpeech;
    else if (ok && f[1] == "belief") cue.kind = CueKind::kBelief;
    else if (ok && f[1] == "evidence") cue.kind = CueKind::kEvidence;
    else if (ok && f[1] == "noun") cue.kind = CueKind::kNoun;
    else return Status::Error(fmt::format("{}:{}: expected 'lemma speech|belief|evidence|noun [to]', got '{}'", name, line_no, line));
    cue.to_clause = f.size() == 3;
    std::string_view lemma = f[0];
    auto& map = cue.kind == CueKind::kNoun ? lex.nouns_ : lex.kinds_;
    if (!map.emplace(std::string(lemma), cue).second)
      return Status::Error(fmt::format("{}:{}: '{}' listed twice", name, line_no, lemma));
  }
  return lex;
}

Result<CueLexicon> CueLexicon::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

Result<CueLexicon> CueLexicon::load_default() {
  SITREP_ASSIGN_OR_RETURN(std::string path, locate(Shipped::kData, "quotes/cue_verbs.txt"));
  return load(path);
}

const CueLexicon* CueLexicon::shared() {
  static const Result<CueLexicon> lex = load_default();
  return lex.ok() ? &lex.value() : nullptr;
}

const Cue* CueLexicon::find(std::string_view lemma) const {
  auto it = kinds_.find(lemma);
  return it == kinds_.end() ? nullptr : &it->second;
}

const Cue* CueLexicon::find_noun(std::string_view lemma) const {
  auto it = nouns_.find(lemma);
  return it == nouns_.end() ? nullptr : &it->second;
}

// ---- Finding quotes --------------------------------------------------------------

namespace {

struct Labels {
  uint16_t nsubj = deprel_id("nsubj"), nsubj_outer = deprel_id("nsubj:outer"), ccomp = deprel_id("ccomp"),
           parataxis = deprel_id("parataxis"), conj = deprel_id("conj"), xcomp = deprel_id("xcomp"),
           advcl = deprel_id("advcl"), acl = deprel_id("acl"), relcl = deprel_id("acl:relcl"),
           poss = deprel_id("nmod:poss"), nmod = deprel_id("nmod"), case_ = deprel_id("case"),
           fixed = deprel_id("fixed"), cc = deprel_id("cc"), punct = deprel_id("punct"), prt = deprel_id("compound:prt"),
           advcl_relcl = deprel_id("advcl:relcl"), appos = deprel_id("appos"), obj = deprel_id("obj"), iobj = deprel_id("iobj"), obl = deprel_id("obl");
  uint16_t verb = upos_id("VERB"), punct_pos = upos_id("PUNCT"), propn = upos_id("PROPN"), pron = upos_id("PRON");
};
const Labels& labels() {
  static const Labels l;
  return l;
}

// `b` in lower case.
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x + 32 : x) == y;
         });
}

constexpr std::array<std::string_view, 14> kAddressVerbs = {"tell",   "ask",    "urge",   "warn",    "remind",
                                                            "advise", "inform", "assure", "encourage", "implore",
                                                            "thank",  "answer", "quote",  "continue"};

enum Mark : uint8_t { kNoMark, kStraight, kOpen, kClose, kSingleOpen, kSingleClose };

Mark mark_of(std::string_view t) {
  if (t == "\"") return kStraight;
  if (t == "''") return kStraight;  // NYT style: two apostrophes open and close
  if (t == "\u201C" || t == "\u201E" || t == "\u00AB" || t == "``") return kOpen;
  if (t == "\u201D" || t == "\u00BB") return kClose;
  if (t == "\u2018") return kSingleOpen;
  if (t == "\u2019") return kSingleClose;
  return kNoMark;
}

// A quotation between marks, in words: content is [first, end).
struct Marked {
  uint32_t first = 0, end = 0;
  bool nested = false;
};

class Finder {
 public:
  Finder(Document& doc, const CueLexicon& cues) : doc_(doc), cues_(cues), L_(labels()) {}
  void run();

 private:
  // The tree, document-wide.
  void build_tree();
  int32_t head(uint32_t w) const { return head_[w]; }
  uint16_t rel(uint32_t w) const { return doc_.words[w].deprel; }
  std::span<const uint32_t> children(uint32_t w) const {
    return {children_.data() + child_begin_[w], children_.data() + child_begin_[w + 1]};
  }
  std::string_view lemma(uint32_t w) const { return doc_.pooled(doc_.words[w].lemma); }
  bool is_punct(uint32_t w) const { return doc_.words[w].upos == L_.punct_pos; }
  bool is_mark(uint32_t w) const { return mark_of(doc_.word_text(w)) != kNoMark; }
  uint32_t block_of(uint32_t w) const { return doc_.sentences[sent_[w]].block; }
  // Smallest and largest word of w's subtree.
  std::pair<uint32_t, uint32_t> subtree(uint32_t w) const;
  // The words naming an entity headed by w: its subtree without clauses, trimmed of punctuation.
  Span phrase(uint32_t w) const;
  Span words_span(uint32_t first, uint32_t last) const {  // inclusive
    return {doc_.words[first].span.begin, doc_.words[last].span.end};
  }

  void pair_marks();
  const Cue* cue(uint32_t w) const;
  int32_t speaker_of(uint32_t cue, int depth = 0) const;
  // Verbs whose object is the one addressed: "told reporters", "urged Congress".
  bool addresses(uint32_t w) const {
    std::string_view l = lemma(w);
    return std::find(kAddressVerbs.begin(), kAddressVerbs.end(), l) != kAddressVerbs.end();
  }
  // Nothing but punctuation after w itself in its sentence.
  bool only_punct_after(uint32_t w) const {
    const Sentence& st = doc_.sentences[sent_[w]];
    for (uint32_t x = w + 1; x < st.first_word + st.word_count; ++x)
      if (!is_punct(x)) return false;
    return true;
  }
  bool comma_after(uint32_t w) const {
    const Sentence& st = doc_.sentences[sent_[w]];
    return w + 1 < st.first_word + st.word_count && doc_.word_text(w + 1) == ",";
  }
  // Nothing but punctuation after w's subtree in its sentence.
  bool closes_sentence(uint32_t w) const {
    const Sentence& st = doc_.sentences[sent_[w]];
    for (uint32_t x = subtree(w).second + 1; x < st.first_word + st.word_count; ++x)
      if (!is_punct(x)) return false;
    return true;
  }
  // A "(" between lo and hi: the ")" at hi closes it ("Jason Chaffetz (R-Utah)").
  bool opens_bracket(uint32_t lo, uint32_t hi) const {
    for (uint32_t x = lo; x < hi; ++x)
      if (doc_.word_text(x) == "(") return true;
    return false;
  }
  bool finite(uint32_t w) const {
    uint16_t x = doc_.words[w].xpos;
    return x == xpos_id("VBD") || x == xpos_id("VBZ") || x == xpos_id("VBP");
  }
  // Finite, or a past participle read as one ("The minister told reporters" tagged VBN).
  bool finite_or_participle(uint32_t w) const {
    return finite(w) || doc_.words[w].xpos == xpos_id("VBN");
  }
  bool is_day(uint32_t w) const {
    std::string_view t = doc_.word_text(w);
    return text::weekday_number(t) >= 0 || iequals(t, "yesterday") || iequals(t, "today");
  }
  bool is_relative(uint32_t w) const {
    std::string_view t = doc_.word_text(w);
    return iequals(t, "who") || iequals(t, "which") || iequals(t, "that");
  }
  // A subordinate clause of time or cause ("said after he failed"), not what was said.
  bool adverbial(uint32_t clause) const {
    for (uint32_t k : children(clause)) {
      if (rel(k) != deprel_id("mark")) continue;
      std::string_view t = doc_.word_text(k);
      for (std::string_view m : {"after", "before", "when", "while", "because", "since", "although", "as", "until", "once", "though"})
        if (iequals(t, m)) return true;
    }
    return false;
  }
  // With `word` empty: any case marker ("in a box" names no speaker).
  // "this month", "last week": a time, never a speaker.
  bool temporal(uint32_t w) const {
    static const uint16_t tmod = deprel_id("obl:tmod"), unmarked = deprel_id("obl:unmarked"),
                          npmod = deprel_id("obl:npmod"), ntmod = deprel_id("nmod:tmod");
    uint16_t r = rel(w);
    return r == tmod || r == unmarked || r == npmod || r == ntmod;
  }
  // The words between a quote and its cue when the parse gave the cue no subject:
  // '"...," panel Chairman Jason Smith said'. The highest noun there, -1 when none.
  int32_t speaker_between(uint32_t from, uint32_t cue) const {
    for (uint32_t w = from; w < cue; ++w) {
      if (is_punct(w) || inside_[w] >= 0 || has_case(w, "") || temporal(w)) continue;
      int32_t h = head(w);
      bool top = h < 0 || static_cast<uint32_t>(h) < from || static_cast<uint32_t>(h) >= cue;
      uint16_t u = doc_.words[w].upos;
      if (top && (u == L_.propn || u == L_.pron || u == upos_id("NOUN"))) return static_cast<int32_t>(w);
    }
    return -1;
  }
  // "X, China's envoy to the UN, said" with the parse giving the cue no subject:
  // the name before a comma-delimited aside right before the cue; -1 when none.
  int32_t speaker_before_aside(uint32_t cue) const {
    const uint32_t first = doc_.sentences[sent_[cue]].first_word;
    if (cue < first + 3 || doc_.word_text(cue - 1) != ",") return -1;
    for (uint32_t k = cue - 2; k > first && cue - k < 20; --k) {
      if (inside_[k] >= 0) return -1;
      if (doc_.word_text(k) != ",") continue;
      uint32_t j = k - 1;
      if (doc_.words[j].upos != L_.propn || inside_[j] >= 0) return -1;
      static const uint16_t flat = deprel_id("flat");
      for (int steps = 0; steps < 4 && rel(j) == flat && head(j) >= 0; ++steps) j = static_cast<uint32_t>(head(j));
      return static_cast<int32_t>(j);
    }
    return -1;
  }
  bool has_case(uint32_t w, std::string_view word) const {
    for (uint32_t k : children(w))
      if (rel(k) == L_.case_ && (word.empty() || iequals(doc_.word_text(k), word))) return true;
    return false;
  }
  int32_t cue_for(const Marked& m) const;
  // '"..." ― Maria Lopez': a dash and a name after the closing mark; -1 when none.
  int32_t dash_speaker(const Marked& m) const {
    uint32_t d = m.end + 1;  // after the closing mark
    if (d + 1 >= doc_.words.size() || sent_[d] != sent_[m.end]) return -1;
    std::string_view t = doc_.word_text(d);
    if (t != "\u2015" && t != "\u2014" && t != "\u2013" && t != "-" && t != "--") return -1;
    return doc_.words[d + 1].upos == L_.propn && sent_[d + 1] == sent_[d] ? static_cast<int32_t>(d + 1) : -1;
  }
  void attribute_direct();
  void find_indirect();
  // Steps of find_indirect.
  bool according_to(uint32_t w);
  bool trailing_attribution(uint32_t w, const Cue& c);
  std::pair<int32_t, uint32_t> reported_content(uint32_t w, const Cue& c) const;
  int32_t cue_speaker(uint32_t w) const;
  void add_indirect(uint32_t first, uint32_t last, uint32_t cue_word, Span cue_span, int32_t speaker);
  void find_noun_cue(uint32_t w);
  void find_transcripts();
  // "SMITH: Well, ..." (after an optional opening mark): the colon's word, -1 when not a turn.
  int32_t transcript_colon(const Sentence& s) const;
  void continue_attributions();
  void resolve_chains();

  Document& doc_;
  const CueLexicon& cues_;
  const Labels& L_;
  std::vector<int32_t> head_;
  std::vector<uint32_t> sent_, child_begin_, children_;
  std::vector<Marked> marked_;
  std::vector<int32_t> inside_;  // per word: the outer direct quote (index into marked_) holding it, -1
  std::vector<uint8_t> in_turn_;  // per word: inside a transcript turn
  struct Found {
    Quote q;
    uint32_t first = 0, last = 0;  // content words (inclusive)
    int32_t speaker_head = -1;
    bool own_cue = false;
    bool nested = false;
    bool sentence_start = false;  // the quote opens its sentence (not a partial quote)
  };
  std::vector<Found> found_;
  bool chain_fits(const Found& f, size_t chain) const;
};

void Finder::build_tree() {
  const size_t n = doc_.words.size();
  head_.assign(n, -1);
  sent_.assign(n, 0);
  child_begin_.assign(n + 1, 0);
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    const Sentence& st = doc_.sentences[s];
    for (uint32_t w = st.first_word; w < st.first_word + st.word_count; ++w) {
      sent_[w] = s;
      uint32_t h = doc_.words[w].head;
      if (h > 0 && h <= st.word_count && st.first_word + h - 1 != w) {
        head_[w] = static_cast<int32_t>(st.first_word + h - 1);
        ++child_begin_[head_[w] + 1];
      }
    }
  }
  for (size_t i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  children_.resize(child_begin_[n]);
  std::vector<uint32_t> fill(child_begin_.begin(), child_begin_.end() - 1);
  for (uint32_t w = 0; w < n; ++w)
    if (head_[w] >= 0) children_[fill[head_[w]]++] = w;
}

std::pair<uint32_t, uint32_t> Finder::subtree(uint32_t w) const {
  uint32_t lo = w, hi = w;
  std::vector<uint32_t> stack{w};
  size_t guard = 0;
  while (!stack.empty() && ++guard < 4096) {
    uint32_t x = stack.back();
    stack.pop_back();
    lo = std::min(lo, x), hi = std::max(hi, x);
    for (uint32_t c : children(x)) stack.push_back(c);
  }
  return {lo, hi};
}

Span Finder::phrase(uint32_t w) const {
  uint32_t lo = w, hi = w;
  std::vector<uint32_t> stack{w};
  size_t guard = 0;
  while (!stack.empty() && ++guard < 4096) {
    uint32_t x = stack.back();
    stack.pop_back();
    lo = std::min(lo, x), hi = std::max(hi, x);
    for (uint32_t c : children(x)) {
      uint16_t r = rel(c);
      if (r == L_.relcl || r == L_.acl || r == L_.parataxis || r == L_.advcl_relcl || r == L_.ccomp) continue;
      if (x == w && r == L_.case_) continue;  // "according to X", "X's": the phrase is X
      if (x == w && is_day(c)) continue;       // "China on Tuesday said": a time, not a name
      stack.push_back(c);
    }
  }
  while (lo < w && (is_punct(lo) || rel(lo) == deprel_id("cc"))) ++lo;  // "and the movement"
  while (hi > w && is_punct(hi) && !(doc_.word_text(hi) == ")" && opens_bracket(lo, hi))) --hi;
  return words_span(lo, hi);
}

// Pairs the quotation marks paragraph by paragraph (see the header).
void Finder::pair_marks() {
  bool open = false, single = false;
  uint32_t open_word = 0, single_word = 0, last_word = 0;
  bool single_top = false;  // a ‘...’ quote at the top level
  bool turn = false;        // a transcript turn: its marks wrap the whole turn
  bool open_straight = false;
  uint32_t block = UINT32_MAX;
  auto emit = [&](uint32_t first, uint32_t end, bool nested) {
    if (end > first) marked_.push_back({first, end, nested});
  };
  for (const Sentence& s : doc_.sentences) {
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w) {
      Mark m = mark_of(doc_.word_text(w));
      if (s.block != block) {
        // A new paragraph: an open quote continues only when it opens with a mark.
        block = s.block;
        single = false;
        turn = transcript_colon(s) >= 0;
        if (turn && open) emit(open_word + 1, last_word + 1, false), open = false;
        // The same style of mark continues it: a stray straight mark does not run into curly paragraphs.
        bool same = open_straight ? m == kStraight : m == kOpen;
        if (open && (single_top || !same)) {
          emit(open_word + 1, last_word + 1, false);
          open = false;
        } else if (open) {
          last_word = w;
          continue;
        }
      }
      last_word = w;
      if (m == kNoMark || turn) continue;
      if (!open) {
        // A closing mark glued to the next word opens a quote (”What ...: a typo news keeps).
        bool glued = m == kClose && !doc_.tokens[doc_.words[w].token].space_after && w + 1 < s.first_word + s.word_count &&
                     !is_punct(w + 1);
        if (m == kStraight || m == kOpen || m == kSingleOpen || glued) {
          open = true;
          open_word = w;
          single_top = m == kSingleOpen;
          open_straight = m == kStraight;
        }
        continue;
      }
      if (single_top) {
        if (m == kSingleClose) emit(open_word + 1, w, false), open = false;
        continue;
      }
      if (m == kStraight || m == kClose) {
        emit(open_word + 1, w, false);
        open = single = false;
      } else if (m == kOpen) {
        open_word = w;  // a second opening mark: the first was never closed
        single = false;
      } else if (m == kSingleOpen) {
        single = true;
        single_word = w;
      } else if (m == kSingleClose && single) {
        emit(single_word + 1, w, true);
        single = false;
      }
    }
  }
  if (open) emit(open_word + 1, last_word + 1, false);
  std::sort(marked_.begin(), marked_.end(), [](const Marked& a, const Marked& b) { return a.first < b.first; });

  inside_.assign(doc_.words.size(), -1);
  for (size_t i = 0; i < marked_.size(); ++i)
    if (!marked_[i].nested)
      for (uint32_t w = marked_[i].first; w < marked_[i].end; ++w) inside_[w] = static_cast<int32_t>(i);
}

const Cue* Finder::cue(uint32_t w) const {
  if (doc_.words[w].upos != L_.verb) return nullptr;
  // "so-called" names, it reports nothing.
  if (w >= 2 && doc_.word_text(w - 1) == "-" && iequals(doc_.word_text(w - 2), "so")) return nullptr;
  return cues_.find(lemma(w));
}

// The word naming who speaks through cue verb `c`, -1 when none.
int32_t Finder::speaker_of(uint32_t c, int depth) const {
  // A passive subject speaks when the cue is not itself passive ("has wondered"
  // mislabelled) or when the cue hangs on the verb ("After saying ..., she was taken").
  static const uint16_t nsubj_pass = deprel_id("nsubj:pass"), aux_pass = deprel_id("aux:pass");
  bool passive = false;
  for (uint32_t k : children(c)) passive = passive || rel(k) == aux_pass;
  for (uint32_t k : children(c)) {
    if (rel(k) != L_.nsubj && rel(k) != L_.nsubj_outer && !(rel(k) == nsubj_pass && (depth > 0 || !passive))) continue;
    // "X's statement said", "a statement from X said": X speaks.
    std::string_view lem = lemma(k);
    if (entities::is_issued_noun(lem)) {
      for (uint32_t g : children(k))
        if (rel(g) == L_.poss || (rel(g) == L_.nmod && doc_.words[g].upos != L_.punct_pos)) return static_cast<int32_t>(g);
      // "an army statement said", "a coalition press release said": the first noun before it.
      for (uint32_t g : children(k))
        if (g < k && rel(g) == deprel_id("compound") &&
            (doc_.words[g].upos == L_.propn || doc_.words[g].upos == upos_id("NOUN")) &&
            entities::names_issuer(entities::lower(lemma(g)), lem))
          return static_cast<int32_t>(g);
    }
    // "Smith, who said ...": the one the relative clause is about.
    if (is_relative(k) && (rel(c) == L_.relcl || rel(c) == L_.acl) && head(c) >= 0) return head(c);
    return static_cast<int32_t>(k);
  }
  // "environmentalists worry that" with the subject read as a compound.
  for (uint32_t k : children(c))
    if (k < c && rel(k) == deprel_id("compound") && (doc_.words[k].upos == L_.propn || doc_.words[k].upos == upos_id("NOUN")))
      return static_cast<int32_t>(k);
  // "He smiled and said", "He spoke, saying": the subject of the verb it hangs on.
  uint16_t r = rel(c);
  // A finite cue parsed as a modifier of the noun before it ("The minister told"
  // read as a reduced relative): that noun speaks.
  if ((r == L_.acl || r == deprel_id("amod")) && head(c) >= 0 && static_cast<uint32_t>(head(c)) < c &&
      finite_or_participle(c) && (rel(head(c)) == L_.nsubj || head(head(c)) < 0))
    return head(c);
  // "a statement saying ...", "a poll showing ...": the noun it describes, or its owner.
  if (r == L_.acl && head(c) >= 0 && doc_.words[c].xpos == xpos_id("VBG")) {
    uint32_t h = static_cast<uint32_t>(head(c));
    if (entities::is_issued_noun(lemma(h)))
      for (uint32_t g : children(h))
        if (rel(g) == L_.poss) return static_cast<int32_t>(g);
    return static_cast<int32_t>(h);
  }
  // "X said A, adding B" parsed with "adding" inside A: the cue above speaks.
  if (depth == 0 && r == L_.advcl && doc_.words[c].xpos == xpos_id("VBG"))
    for (int32_t a = head(c), steps = 0; a >= 0 && steps < 8; a = head(a), ++steps)
      if (rel(a) == L_.ccomp && head(a) >= 0 && cue(head(a)) && cue(head(a))->kind != CueKind::kNoun)
        return speaker_of(static_cast<uint32_t>(head(a)), depth + 1);
  // ("aside from saying ...": through the adverb the clause hangs on.)
  if (depth < 3 && head(c) >= 0 && (r == L_.conj || r == L_.xcomp || r == L_.advcl || (depth > 0 && r == deprel_id("advmod"))))
    return speaker_of(static_cast<uint32_t>(head(c)), depth + 1);
  return -1;
}

// The cue verb of a direct quote: one linked to it in the tree, else the nearest
// one in its sentences outside any quotation; -1 when none.
int32_t Finder::cue_for(const Marked& m) const {
  uint32_t s_first = sent_[m.first], s_last = sent_[m.end - 1];
  int32_t outer = m.nested ? inside_[m.first] : -1;
  uint32_t lo = doc_.sentences[s_first].first_word;
  const Sentence& last = doc_.sentences[s_last];
  uint32_t hi = last.first_word + last.word_count;  // exclusive
  auto in_content = [&](int64_t w) { return w >= m.first && w < m.end; };
  int32_t linked = -1, nearest = -1;
  uint32_t linked_dist = UINT32_MAX, nearest_dist = UINT32_MAX;
  for (uint32_t w = lo; w < hi; ++w) {
    if (in_content(w) || inside_[w] != outer || !cue(w)) continue;
    uint32_t dist = w < m.first ? m.first - w : w - m.end + 1;
    bool link = in_content(head(w));
    for (uint32_t k : children(w)) link = link || in_content(k);
    if (link && dist < linked_dist) linked = static_cast<int32_t>(w), linked_dist = dist;
    if (dist < nearest_dist) nearest = static_cast<int32_t>(w), nearest_dist = dist;
  }
  if (linked >= 0) return linked;
  // An ancestor of the quote: "Wang called it “a tragedy”".
  for (uint32_t w = m.first; w < m.end; ++w) {
    if (in_content(head(w)) || head(w) < 0) continue;
    int32_t a = head(w);
    for (int depth = 0; a >= 0 && depth < 8; ++depth, a = head(a))
      if (!in_content(a) && inside_[a] == outer && cue(a)) return a;
  }
  if (nearest >= 0) return nearest;
  // "He said:" closing the sentence before.
  if (s_first > 0 && m.first > 0) {
    const Sentence& prev = doc_.sentences[s_first - 1];
    uint32_t end = prev.first_word + prev.word_count;
    if (prev.word_count > 0 && doc_.word_text(end - 1) == ":" && doc_.sentences[s_first].block - prev.block <= 1)
      for (uint32_t w = end; w-- > prev.first_word;)
        if (inside_[w] == outer && cue(w)) return static_cast<int32_t>(w);
  }
  return -1;
}

void Finder::attribute_direct() {
  for (const Marked& m : marked_) {
    uint32_t first = m.first, last = m.end - 1;
    // Trailing commas and colons belong to the sentence around the quote.
    while (last > first && is_punct(last) && !is_mark(last) && doc_.word_text(last) != "." &&
           doc_.word_text(last) != "?" && doc_.word_text(last) != "!")
      --last;
    if (is_punct(first) && first == last) continue;
    Found f;
    f.first = first, f.last = last, f.nested = m.nested;
    f.q.span = words_span(first, last);
    f.q.sentence = sent_[first];
    f.q.direct = true;
    const Sentence& s = doc_.sentences[sent_[first]];
    uint32_t start = s.first_word;
    while (start < first && (is_punct(start))) ++start;
    f.sentence_start = start >= first - 1 || first == s.first_word;
    int32_t c = cue_for(m);
    int32_t dash = dash_speaker(m);
    if (c < 0 && dash >= 0) {
      f.own_cue = true;
      f.q.cue = doc_.words[m.end + 1].span;
      f.speaker_head = dash;
      f.q.speaker = phrase(static_cast<uint32_t>(dash));
    } else if (c >= 0) {
      f.own_cue = true;
      f.q.cue = doc_.words[c].span;
      f.speaker_head = speaker_of(static_cast<uint32_t>(c));
      if (f.speaker_head >= 0 && inside_[f.speaker_head] >= 0 && !m.nested) f.speaker_head = -1;  // quoted words speak not
      if (f.speaker_head < 0 && static_cast<uint32_t>(c) > m.end) f.speaker_head = speaker_between(m.end + 1, c);
      if (f.speaker_head < 0 && static_cast<uint32_t>(c) < m.first) f.speaker_head = speaker_before_aside(static_cast<uint32_t>(c));
      if (f.speaker_head >= 0) f.q.speaker = phrase(static_cast<uint32_t>(f.speaker_head));
    }
    found_.push_back(std::move(f));
  }
}

void Finder::add_indirect(uint32_t first, uint32_t last, uint32_t cue_word, Span cue_span, int32_t speaker) {
  while (first < last && is_punct(first) && !is_mark(first)) ++first;
  while (last > first && is_punct(last) && !is_mark(last)) --last;
  if (last <= first) return;  // one word is not a statement
  // Mostly a direct quote: that quote is the attribution; it may lack its speaker.
  uint32_t quoted = 0;
  int32_t direct = -1;
  for (uint32_t w = first; w <= last; ++w)
    if (inside_[w] >= 0) ++quoted, direct = inside_[w];
  if (2 * quoted >= last - first + 1) {
    for (Found& f : found_)
      if (f.q.direct && !f.nested && f.first >= marked_[direct].first && f.first < marked_[direct].end &&
          f.speaker_head < 0) {
        f.speaker_head = speaker;
        f.q.cue = cue_span;
        f.own_cue = true;
        if (speaker >= 0) f.q.speaker = phrase(static_cast<uint32_t>(speaker));
      }
    return;
  }
  // "X said A, and (he) added B", "agreed that A, but said B", "said A, adding
  // B": a coordinated or participle cue opens an attribution of its own; this
  // one ends before it.
  for (uint32_t v = first + 2; v <= last; ++v) {
    const Cue* vc = cue(v);
    bool participle = rel(v) == L_.advcl && doc_.words[v].xpos == xpos_id("VBG");  // ", adding that ..."
    if (!vc || vc->kind == CueKind::kNoun || (rel(v) != L_.conj && !participle) || v == cue_word) continue;
    int32_t h = head(v);
    if (h < static_cast<int32_t>(first) || h >= static_cast<int32_t>(v)) continue;
    uint32_t cut = subtree(v).first;
    if (cut <= first + 1) continue;
    last = cut - 1;
    while (last > first && (is_punct(last) || rel(last) == L_.cc) && !is_mark(last)) --last;
    break;
  }
  if (last <= first) return;
  // Content opening with a direct quote attributed by this very cue ('"A?" she
  // said, but ...'): the quote is the statement.
  for (const Found& d : found_)
    if (d.q.direct && d.first >= first && d.first <= first + 1 && d.last <= last && d.q.cue == cue_span) return;
  Found f;
  f.first = first, f.last = last;
  f.q.span = words_span(first, last);
  f.q.sentence = sent_[first];
  f.q.direct = false;
  f.q.cue = cue_span;
  f.own_cue = true;
  f.speaker_head = speaker;
  if (speaker >= 0) f.q.speaker = phrase(static_cast<uint32_t>(speaker));
  found_.push_back(std::move(f));
}

// "according to X": X speaks; the longer side of the sentence around it is the
// content. False when w does not start "according to".
bool Finder::according_to(uint32_t w) {
  const size_t n = doc_.words.size();
  if (!iequals(doc_.word_text(w), "according") || w + 1 >= n || !iequals(doc_.word_text(w + 1), "to") ||
      sent_[w + 1] != sent_[w])
    return false;
  int32_t x = head(w) >= 0 && rel(w) != L_.fixed ? head(w) : head(w + 1);
  // Parsed otherwise ("according to show insiders" with "show" a verb):
  // the last noun of the words after "to", up to punctuation or a preposition.
  if (x < 0 || static_cast<uint32_t>(x) <= w + 1) {
    x = -1;
    for (uint32_t k = w + 2; k < n && sent_[k] == sent_[w] && !is_punct(k) &&
                             doc_.words[k].upos != upos_id("ADP") && doc_.words[k].upos != upos_id("CCONJ");
         ++k)
      if (doc_.words[k].upos == upos_id("NOUN") || doc_.words[k].upos == L_.propn) x = static_cast<int32_t>(k);
  }
  if (x < 0 || static_cast<uint32_t>(x) <= w) return true;
  auto [xlo, xhi] = subtree(static_cast<uint32_t>(x));
  xlo = std::min(xlo, w);
  const Sentence& s = doc_.sentences[sent_[w]];
  uint32_t lo = s.first_word, hi = s.first_word + s.word_count - 1;
  // The longer side of the sentence around "according to X".
  uint32_t left = xlo > lo ? xlo - lo : 0, right = hi > xhi ? hi - xhi : 0;
  if (left == 0 && right == 0) return true;
  Span cue_span = words_span(w, w + 1);
  size_t before = found_.size();
  if (left >= right) add_indirect(lo, xlo - 1, w, cue_span, x);
  else add_indirect(xhi + 1, hi, w, cue_span, x);
  // The source is X, without "according to".
  if (found_.size() > before && found_.back().q.speaker.begin < doc_.words[w + 1].span.end)
    found_.back().q.speaker.begin = doc_.words[w + 2 < n ? w + 2 : w + 1].span.begin;
  return true;
}

// A cue after what it reports: "The talks failed, he said." (the cue hangs on the
// clause), "The border will stay closed, the ministry said." (however parsed), and
// "..., noted NBC's Dante Chinni." True when a quotation was added.
bool Finder::trailing_attribution(uint32_t w, const Cue& c) {
  // "The talks failed, he said.": the cue hangs on the clause it reports.
  if (c.kind == CueKind::kSpeech && rel(w) == L_.parataxis && head(w) >= 0 && static_cast<uint32_t>(head(w)) < w) {
    int32_t spk = speaker_of(w);
    auto [lo, hi] = subtree(static_cast<uint32_t>(head(w)));
    auto [clo, chi] = subtree(w);
    // Set off by a comma (or a closing mark): ", he said"; the comma may hang on the cue.
    if (clo > lo && doc_.word_text(clo) == ",") ++clo;
    std::string_view before = clo > lo ? doc_.word_text(clo - 1) : "";
    if (spk >= 0 && clo > lo + 1 && (before == "," || is_mark(clo - 1))) {
      add_indirect(lo, clo - 1, w, doc_.words[w].span, spk);
      return true;
    }
  }
  // "The border will stay closed, the ministry said.": a cue with its subject
  // closing the sentence after a comma reports all before it, however parsed.
  // The cue may be the root (the parse hung the clause on it as a modifier),
  // and may be an aside (", Mr. Smith said, until ...").
  if (c.kind == CueKind::kSpeech && finite(w) && rel(w) != L_.parataxis &&
      (head(w) >= 0 ? closes_sentence(w)
                    : only_punct_after(w) || comma_after(w) || (w > 0 && doc_.word_text(w - 1) == ","))) {
    int32_t spk = speaker_of(w);
    // A root cue's subtree is the sentence: the aside starts at its subject.
    uint32_t clo = head(w) >= 0 || spk < 0 ? subtree(w).first : subtree(static_cast<uint32_t>(spk)).first;
    const Sentence& st = doc_.sentences[sent_[w]];
    uint32_t from = st.first_word;
    while (clo < w && is_punct(clo) && doc_.word_text(clo) != ",") ++clo;
    if (doc_.word_text(clo) == ",") ++clo;  // the comma may hang on the cue
    // The subject follows the comma at once: ", though she noted ..." is a
    // clause of its own, not an attribution of all before it.
    if (spk >= 0 && head(spk) == static_cast<int32_t>(w) && static_cast<uint32_t>(spk) < w && clo > from + 2 &&
        doc_.word_text(clo - 1) == "," && subtree(static_cast<uint32_t>(spk)).first == clo && !is_mark(clo - 2) &&
        inside_[clo - 2] < 0) {
      add_indirect(from, clo - 2, w, doc_.words[w].span, spk);
      return true;
    }
    // Inversion parsed as an object: "..., noted NBC's Dante Chinni."
    if (spk < 0 && w > from + 2 && doc_.word_text(w - 1) == "," && inside_[w - 2] < 0 && !is_mark(w - 2)) {
      int32_t who = -1;
      for (uint32_t k : children(w))
        if (k > w && (rel(k) == L_.obj || rel(k) == L_.nsubj) && !is_punct(k)) who = static_cast<int32_t>(k);
      if (who >= 0 && (doc_.words[who].upos == L_.propn || doc_.words[who].upos == upos_id("NOUN")) &&
          only_punct_after(subtree(static_cast<uint32_t>(who)).second)) {
        add_indirect(from, w - 2, w, doc_.words[w].span, who);
        return true;
      }
    }
  }
  return false;
}

// What a cue reports, as words [first, last] (first -1 when nothing): its clause
// complement and what follows it among its dependents, else its object ("cited two
// reports", "called for talks"), else, after whom it addresses, the rest of the
// sentence when it has a verb ("told reporters the war would end").
std::pair<int32_t, uint32_t> Finder::reported_content(uint32_t w, const Cue& c) const {
  // The clause complement, and what follows it among the cue's dependents
  // (a parse may split "said X and Y" into two complements).
  int32_t first = -1;
  uint32_t last = 0;
  for (uint32_t k : children(w)) {
    // A second subject after the cue is a misparsed clause ("Trump said
    // Democrats are the ones ..." with "ones" as a subject of "said").
    bool clause = (rel(k) == L_.ccomp && !adverbial(k)) || (c.to_clause && rel(k) == L_.xcomp) ||
                  (k > w && rel(k) == L_.nsubj && c.kind == CueKind::kSpeech && speaker_of(w) >= 0 &&
                   static_cast<uint32_t>(speaker_of(w)) < w);
    if (first < 0 && !clause) continue;
    auto [lo, hi] = subtree(k);
    bool opens = first < 0;
    if (opens) first = static_cast<int32_t>(lo);
    if (k < w) {  // "The war will end, he said": the complement before the cue
      last = hi;
      break;
    }
    // After it, only more of what was said: a modifier of the cue ("after
    // ...", ", arguing that ...") is no part of it.
    if (opens || clause) last = std::max(last, hi);
  }
  // "cited two reports", "called the plan a failure", a clause parsed as an
  // object ("said the company expected ..."): the object is the content, except
  // for verbs whose object is whom they address ("told reporters").
  if (first < 0 && !addresses(w)) {
    for (uint32_t k : children(w)) {
      if (k < w || is_punct(k)) continue;
      // "called for talks", "complained about the delays", "railed against the new tax".
      bool call_for = rel(k) == L_.obl && ((lemma(w) == "call" && (has_case(k, "for") || has_case(k, "on"))) ||
                                           has_case(k, "about") || has_case(k, "against") || has_case(k, "of") ||
                                           has_case(k, "over"));
      if (first < 0 && !((rel(k) == L_.obj && doc_.words[k].upos != L_.pron) || call_for)) continue;
      auto [lo, hi] = subtree(k);
      if (first < 0) {
        if (hi == lo) break;  // one word: "said nothing"
        first = static_cast<int32_t>(call_for ? lo + 1 : lo);
      }
      last = std::max(last, hi);
    }
  }
  // "told reporters the war would end" with the clause parsed apart: after the
  // one addressed, the rest of the sentence when it has a verb.
  if (first < 0 && addresses(w) && finite_or_participle(w)) {
    const Sentence& st = doc_.sentences[sent_[w]];
    uint32_t end = st.first_word + st.word_count, k = w + 1;
    while (k < end && doc_.words[k].upos != L_.propn && doc_.words[k].upos != L_.pron &&
           doc_.words[k].upos != upos_id("NOUN"))
      ++k;
    bool verb = false;
    for (uint32_t x = k + 1; x < end && !verb; ++x)
      verb = (doc_.words[x].upos == L_.verb || doc_.words[x].upos == upos_id("AUX")) && inside_[x] < 0;
    if (verb && k + 3 < end && !is_punct(k + 1)) first = static_cast<int32_t>(k + 1), last = end - 1;
  }
  return {first, last};
}

// The speaker of a cue: its subject, else for a finite cue the parse left without
// one the noun phrase before it, a name or pronoun right before it, or the subject
// before an aside; -1 when none.
int32_t Finder::cue_speaker(uint32_t w) const {
  int32_t spk = speaker_of(w);
  // A finite cue the parse left without a subject: the noun phrase before it.
  if (spk < 0 && finite_or_participle(w)) {
    spk = speaker_between(doc_.sentences[sent_[w]].first_word, w);
    if (spk >= 0 && head(spk) == static_cast<int32_t>(w)) spk = -1;
    // "In a meeting with the Post Trump said": a name or pronoun right before the cue.
    uint16_t up = w > 0 ? doc_.words[w - 1].upos : 0;
    if (spk < 0 && w > doc_.sentences[sent_[w]].first_word && inside_[w - 1] < 0 &&
        (up == L_.propn || (up == L_.pron && rel(w - 1) != L_.obj)))
      spk = static_cast<int32_t>(w - 1);
    if (spk < 0) spk = speaker_before_aside(w);
  }
  return spk;
}

void Finder::find_indirect() {
  const size_t n = doc_.words.size();
  for (uint32_t w = 0; w < n; ++w) {
    if (inside_[w] >= 0 || in_turn_[w]) continue;
    if (according_to(w)) continue;
    if (doc_.words[w].upos == upos_id("NOUN")) {
      find_noun_cue(w);
      continue;
    }
    const Cue* c = cue(w);
    if (!c) continue;
    if (trailing_attribution(w, *c)) continue;
    auto [first, last] = reported_content(w, *c);
    if (first < 0) continue;
    uint32_t from = static_cast<uint32_t>(first);
    // "urged Congress to act": the one urged belongs to the content.
    if (c->to_clause && from > w)
      for (uint32_t k : children(w))
        if (k > w && k < from && (rel(k) == L_.obj || rel(k) == L_.iobj) && doc_.words[w].upos == L_.verb)
          from = subtree(k).first;
    add_indirect(from, last, w, doc_.words[w].span, cue_speaker(w));
  }
}

// "the mayor's claim that ...", "a warning from the ministry that ...": the that-clause,
// said by the owner or by the one it comes from.
void Finder::find_noun_cue(uint32_t w) {
  if (!cues_.find_noun(lemma(w))) return;
  // The one who issued it: the owner ("the mayor's claim"), "by"/"from" X, or
  // a name before the noun ("a New York Times report").
  int32_t spk = -1;
  // (A capitalised word inside the sentence is a name whatever its tag: "a Reuters report".)
  auto name_word = [&](uint32_t g) {
    std::string_view t = doc_.word_text(g);
    return doc_.words[g].upos == L_.propn ||
           (g > doc_.sentences[sent_[g]].first_word && !t.empty() && t[0] >= 'A' && t[0] <= 'Z');
  };
  for (uint32_t g : children(w))
    if (rel(g) == L_.poss || (rel(g) == L_.nmod && (has_case(g, "by") || has_case(g, "from"))) ||
        (g < w && rel(g) == deprel_id("compound") && name_word(g)))
      spk = static_cast<int32_t>(g);
  // "Democrats persisted in arguments that ...", "X made the claim that ...":
  // no owner named, the subject of the verb it hangs on.
  if (spk < 0 && head(w) >= 0 && (rel(w) == L_.obj || rel(w) == L_.obl) && doc_.words[head(w)].upos == L_.verb)
    spk = speaker_of(static_cast<uint32_t>(head(w)));
  for (uint32_t k : children(w)) {
    if (k < w || (rel(k) != L_.acl && rel(k) != L_.ccomp)) continue;
    bool that = false;
    for (uint32_t m : children(k)) that = that || (rel(m) == deprel_id("mark") && iequals(doc_.word_text(m), "that"));
    if (!that) continue;
    auto [lo, hi] = subtree(k);
    add_indirect(lo, hi, w, doc_.words[w].span, spk);
    return;
  }
  // The that-clause right after the noun, hung elsewhere by the parse ("seized
  // on a report that ..." with the clause on "seized").
  uint32_t m = w + 1;
  if (m < doc_.words.size() && sent_[m] == sent_[w] && iequals(doc_.word_text(m), "that") &&
      rel(m) == deprel_id("mark") && head(m) > static_cast<int32_t>(m) && subtree(static_cast<uint32_t>(head(m))).first == m) {
    auto [lo, hi] = subtree(static_cast<uint32_t>(head(m)));
    add_indirect(lo, hi, w, doc_.words[w].span, spk);
  }
}

// Transcripts: "SMITH: Well, look, ..." - a paragraph opening with a name and a colon.
int32_t Finder::transcript_colon(const Sentence& s) const {
  uint32_t start = s.first_word, end = s.first_word + s.word_count;
  if (start < end && is_mark(start)) ++start;
  uint32_t colon = start;
  while (colon < std::min(end, start + 4) && doc_.word_text(colon) != ":") ++colon;
  if (colon == start || colon >= std::min(end, start + 4) || colon + 3 >= end) return -1;
  for (uint32_t w = start; w < colon; ++w)
    if (doc_.words[w].upos != L_.propn && text::word_case(doc_.word_text(w)) != text::WordCase::kAllCaps) return -1;
  return static_cast<int32_t>(colon);
}

void Finder::find_transcripts() {
  uint32_t block = UINT32_MAX;
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    const Sentence& s = doc_.sentences[si];
    if (s.block == block) continue;
    block = s.block;
    int32_t found = transcript_colon(s);
    if (found < 0 || inside_[found] >= 0) continue;
    uint32_t colon = static_cast<uint32_t>(found);
    // The rest of the paragraph.
    uint32_t end = si;
    while (end + 1 < doc_.sentences.size() && doc_.sentences[end + 1].block == block) ++end;
    const Sentence& e = doc_.sentences[end];
    uint32_t last = e.first_word + e.word_count - 1;
    if (is_mark(last)) --last;
    if (last < colon + 3) continue;
    Found f;
    f.first = colon + 1, f.last = last;
    f.q.span = words_span(colon + 1, last);
    f.q.sentence = si;
    f.q.direct = true;
    f.q.cue = doc_.words[colon].span;
    f.own_cue = true;
    f.speaker_head = static_cast<int32_t>(colon - 1);
    f.q.speaker = words_span(is_mark(s.first_word) ? s.first_word + 1 : s.first_word, colon - 1);
    std::fill(in_turn_.begin() + colon, in_turn_.begin() + last + 1, 1);
    found_.push_back(std::move(f));
  }
}

// A quote with no cue of its own that opens its sentence continues the
// attribution before it, in the same or the previous paragraph.
void Finder::continue_attributions() {
  std::sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) { return a.first < b.first; });
  const Found* last = nullptr;
  for (Found& f : found_) {
    if (f.nested) continue;
    if (!f.own_cue && f.q.direct && f.sentence_start && last && last->speaker_head >= 0 &&
        block_of(f.first) - block_of(last->last) <= 1) {
      f.speaker_head = last->speaker_head;
      f.q.speaker = last->q.speaker;
      f.q.cue = last->q.cue;
    }
    // A partial quote inside reported speech: the reporter's words.
    if (f.speaker_head < 0 && last && !last->q.direct && f.first >= last->first && f.last <= last->last) {
      f.speaker_head = last->speaker_head;
      f.q.speaker = last->q.speaker;
      f.q.cue = last->q.cue;
    }
    if (f.speaker_head >= 0 && (!last || f.last >= last->last)) last = &f;
  }
}

// A chain the speaker may stand for: a name must appear in the chain's name
// ("Kuleba" -> "Dmytro Kuleba", not "Xinhua" -> "Bucha Killings"), and one
// speaker is no group ("Wang" is not "Wang Yi and Dmytro Kuleba"): coreference
// errors stay out of the quote.
bool Finder::chain_fits(const Found& f, size_t chain) const {
  if (chain >= doc_.chains.size()) return false;
  std::string_view canon = doc_.chains[chain].canonical;
  if (entities::pronoun_info(entities::lower(canon)).pronoun) return false;  // a pronoun names no one
  std::string_view said = doc_.str(f.q.speaker);
  if (canon.find(" and ") != std::string_view::npos && said.find(" and ") == std::string_view::npos &&
      !iequals(said, "they") && !iequals(said, "them"))
    return false;
  uint32_t h = static_cast<uint32_t>(f.speaker_head);
  // "he"/"she" stands for a person, never a place or an organisation.
  EntityType type = doc_.chains[chain].type;
  if ((iequals(said, "he") || iequals(said, "she")) && type != EntityType::kPerson)
    return false;
  // The speaker's own name words (the head, its flat/compound/appos names) must
  // appear in the chain's name; "China's foreign minister" names no one itself.
  bool named = false, found = false;
  auto check = [&](uint32_t w) {
    if (doc_.words[w].upos != L_.propn) return;
    named = true;
    found = found || canon.find(doc_.word_text(w)) != std::string_view::npos;
  };
  check(h);
  for (uint32_t k : children(h))
    if (rel(k) == deprel_id("flat") || rel(k) == deprel_id("compound") || rel(k) == deprel_id("appos") ||
        rel(k) == deprel_id("flat:name"))
      check(k);
  return !named || found;
}

void Finder::resolve_chains() {
  if (doc_.mentions.empty()) return;
  for (Found& f : found_) {
    if (f.speaker_head < 0) continue;
    Span h = doc_.words[f.speaker_head].span;
    auto it = std::upper_bound(doc_.mentions.begin(), doc_.mentions.end(), h.begin,
                               [](uint32_t b, const Mention& m) { return b < m.span.begin; });
    for (int back = 0; it != doc_.mentions.begin() && back < 16; ++back) {
      --it;
      if (it->span.begin <= h.begin && it->span.end >= h.end && it->chain >= 0) {
        if (chain_fits(f, static_cast<size_t>(it->chain))) f.q.speaker_chain = it->chain;
        break;
      }
    }
  }
}

void Finder::run() {
  if (doc_.words.empty()) return;
  build_tree();
  pair_marks();
  attribute_direct();
  in_turn_.assign(doc_.words.size(), 0);
  find_transcripts();
  find_indirect();
  continue_attributions();
  resolve_chains();
  for (Found& f : found_) {
    // Scare quotes and titles: short quoted words with nobody saying them.
    if (f.q.direct && f.speaker_head < 0 && f.last - f.first + 1 < 4) continue;
    // One quoted word inside a sentence ("called it “unacceptable”") is a word
    // quoted, not a statement.
    if (f.q.direct && !f.sentence_start && f.first == f.last) continue;
    doc_.quotes.push_back(f.q);
  }
}

}  // namespace

void find_quotes(Document& doc, const CueLexicon& cues) {
  doc.quotes.clear();
  Finder(doc, cues).run();
  // Inside a direct quote, "I" and "we" are its speaker ("'We urge Russia to stop the
  // shelling,' the Ukrainian foreign minister said"): their mentions join the speaker's chain
  // (coreference links a first person only to an earlier first person).
  for (const Quote& q : doc.quotes) {
    if (!q.direct || q.speaker_chain < 0) continue;
    auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), q.span.begin,
                               [](const Mention& m, uint32_t b) { return m.span.begin < b; });
    for (; it != doc.mentions.end() && it->span.begin < q.span.end; ++it)
      if (it->kind == MentionKind::kPronoun && it->span.end <= q.span.end &&
          entities::pronoun_info(text::ascii_lower(doc.str(it->span))).person == 1)
        it->chain = q.speaker_chain;
  }
}

void find_quotes(Document& doc) {
  if (const CueLexicon* cues = CueLexicon::shared()) find_quotes(doc, *cues);
}

}  // namespace sitrep
