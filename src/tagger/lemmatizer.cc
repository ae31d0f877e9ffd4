#include "tagger/lemmatizer.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "core/tagset.h"
#include "io/file.h"
#include "tagger/features.h"
#include "text/text_util.h"

namespace sitrep::tagger {
namespace {

constexpr size_t kMaxSuffix = 7;

// Where sitrep departs from the treebanks on purpose: the parts of a country's
// name stay as written (the treebanks disagree: "United" -> "Unite" in places,
// "States" -> "State"), so that place names match whole.
constexpr const char* kOverrides[][3] = {
    {"United", "NNP", "United"},
    {"States", "NNP", "States"},
    {"States", "NNPS", "States"},
};

size_t common_prefix(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size()), i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

std::string_view xpos_name(uint16_t xpos) { return xpos < kXposCount ? kXpos[xpos] : std::string_view(); }

// The lexicon's classes: verbs, and nouns (for verbs made from nouns: "shell",
// "raid"). Adjectives stay out ("severed" is not "severe").
constexpr uint32_t kVerb = 1, kNoun = 2, kNotInLexicon = 0;
uint32_t lexicon_class(uint16_t xpos) {
  std::string_view n = xpos_name(xpos);
  return n.starts_with("VB") ? kVerb : n == "NN" || n == "NNS" ? kNoun : kNotInLexicon;
}

// Inflected verb forms whose rule lemma is checked against the lexicon.
bool inflected_verb(uint16_t xpos) {
  static const uint16_t vbd = xpos_id("VBD"), vbn = xpos_id("VBN"), vbg = xpos_id("VBG"), vbz = xpos_id("VBZ");
  return xpos == vbd || xpos == vbn || xpos == vbg || xpos == vbz;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool lower_alpha(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The edit that turns `form` into `lemma`, as a string key "L|3|y" / "K|0|".
std::string edit_of(std::string_view form, std::string_view lemma, std::string& lower) {
  detail::lower_into(form, lower);
  size_t keep = common_prefix(form, lemma);
  size_t low = common_prefix(lower, lemma);
  // Lowercasing is the general edit for lemmas without capitals ("Officials",
  // "said"); keeping the case is for names ("Obama", "States").
  bool use_lower = low > keep || (low == keep && !has_upper(lemma));
  size_t p = use_lower ? low : keep;
  return std::string(use_lower ? "L" : "K") + "|" + std::to_string(form.size() - p) + "|" +
         std::string(lemma.substr(p));
}

}  // namespace

uint64_t Lemmatizer::rule_key(uint16_t xpos, std::string_view lower_suffix) {
  return HashIndex::nonzero_key(detail::combine(detail::hash_bytes(lower_suffix) ^ 0x5eed, xpos));
}
uint32_t Lemmatizer::lexicon_key(std::string_view lower_lemma, uint32_t cls) {
  return static_cast<uint32_t>(detail::combine(detail::hash_bytes(lower_lemma), cls) >> 32);
}

bool Lemmatizer::known(std::string_view lower_lemma, uint32_t cls) const {
  return lexicon_.find(HashIndex::nonzero_key((1ull << 32) | lexicon_key(lower_lemma, cls))) != HashIndex::kNone;
}

uint64_t Lemmatizer::exception_key(uint16_t xpos, std::string_view form) {
  return HashIndex::nonzero_key(detail::combine(detail::hash_bytes(form), 1000 + xpos));
}

Lemmatizer Lemmatizer::train(const std::vector<Example>& examples) {
  Lemmatizer lem;
  std::string lower;
  // 1. Edits by (XPOS, suffix of the lowercase form).
  std::map<std::string, uint32_t> edit_ids;
  std::vector<std::string> edit_names;
  struct Context {
    uint16_t xpos;
    std::string suffix;
    std::unordered_map<uint32_t, uint32_t> counts;
  };
  std::unordered_map<uint64_t, Context> contexts;
  for (const Example& e : examples) {
    if (e.form.empty() || e.lemma.empty()) continue;
    std::string name = edit_of(e.form, e.lemma, lower);
    auto [it, added] = edit_ids.emplace(name, static_cast<uint32_t>(edit_names.size()));
    if (added) edit_names.push_back(name);
    for (size_t k = 0; k <= std::min(kMaxSuffix, lower.size()); ++k) {
      std::string_view suf = std::string_view(lower).substr(lower.size() - k);
      Context& c = contexts[rule_key(e.xpos, suf)];
      if (c.counts.empty()) c.xpos = e.xpos, c.suffix = suf;
      ++c.counts[it->second];
    }
  }
  for (const std::string& name : edit_names) {
    Edit ed;
    ed.lower = name[0] == 'L';
    size_t bar = name.find('|', 2);
    ed.strip = static_cast<uint8_t>(std::min(255, std::stoi(name.substr(2, bar - 2))));
    ed.append = name.substr(bar + 1);
    lem.edits_.push_back(std::move(ed));
  }
  auto best_of = [](const Context& c) {
    uint32_t best = 0, best_n = 0;
    for (auto [id, n] : c.counts)
      if (n > best_n || (n == best_n && id < best)) best = id, best_n = n;
    return best;
  };
  // Keep a suffix only where its edit differs from its parent's (one byte shorter).
  std::vector<std::pair<uint64_t, uint32_t>> rules;
  for (const auto& [key, c] : contexts) {
    uint32_t best = best_of(c);
    if (!c.suffix.empty()) {
      auto parent = contexts.find(rule_key(c.xpos, std::string_view(c.suffix).substr(1)));
      if (parent != contexts.end() && best_of(parent->second) == best) continue;
    }
    rules.emplace_back(key, best);
  }
  std::sort(rules.begin(), rules.end());
  for (auto [k, v] : rules) lem.rule_keys_.push_back(k), lem.rule_edits_.push_back(v);
  lem.index();

  // 2. Lexicon: the lemmas of open-class words, lowercase letters only.
  for (const Example& e : examples) {
    uint32_t cls = lexicon_class(e.xpos);
    if (cls == kNotInLexicon) continue;
    detail::lower_into(e.lemma, lower);
    if (lower_alpha(lower)) lem.lexicon_keys_.push_back(lexicon_key(lower, cls));
  }
  std::sort(lem.lexicon_keys_.begin(), lem.lexicon_keys_.end());
  lem.lexicon_keys_.erase(std::unique(lem.lexicon_keys_.begin(), lem.lexicon_keys_.end()),
                          lem.lexicon_keys_.end());
  lem.index();

  // 3. Exceptions: the most frequent lemma of (form, XPOS) where rules and lexicon miss it.
  std::unordered_map<uint64_t, std::pair<std::string, std::unordered_map<std::string, uint32_t>>> seen;
  for (const Example& e : examples) {
    if (e.form.empty() || e.lemma.empty()) continue;
    auto& entry = seen[exception_key(e.xpos, e.form)];
    if (entry.first.empty()) entry.first = std::string(e.form) + '\t' + std::to_string(e.xpos);
    ++entry.second[std::string(e.lemma)];
  }
  for (const auto& o : kOverrides) {
    auto& entry = seen[exception_key(xpos_id(o[1]), o[0])];
    entry.first = std::string(o[0]) + '\t' + std::to_string(xpos_id(o[1]));
    entry.second.clear();
    entry.second[o[2]] = 1;
  }
  std::vector<std::pair<uint64_t, std::string>> exceptions;
  std::string scratch;
  for (const auto& [key, entry] : seen) {
    const std::string* best = nullptr;
    uint32_t best_n = 0;
    for (const auto& [l, n] : entry.second)
      if (n > best_n || (n == best_n && l < *best)) best = &l, best_n = n;
    size_t tab = entry.first.rfind('\t');
    std::string_view form = std::string_view(entry.first).substr(0, tab);
    uint16_t xpos = static_cast<uint16_t>(std::stoi(entry.first.substr(tab + 1)));
    if (lem.guess(form, xpos, scratch) != *best) exceptions.emplace_back(key, *best);
  }
  std::sort(exceptions.begin(), exceptions.end());
  for (const auto& [k, l] : exceptions) {
    lem.exception_keys_.push_back(k);
    lem.exception_offsets_.push_back(static_cast<uint32_t>(lem.exception_text_.size()));
    lem.exception_text_ += l;
  }
  lem.index();
  return lem;
}

Result<std::vector<Lemmatizer::IrregularForm>> Lemmatizer::read_irregular_verbs(const std::string& path) {
  std::string bytes;
  SITREP_RETURN_IF_ERROR(io::read_file_bytes(path, &bytes));
  auto lower_word = [](std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  std::vector<IrregularForm> out;
  int number = 0;
  for (std::string_view line : text::split(bytes, '\n')) {
    ++number;
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    const std::vector<std::string_view> cols = text::split(line, '\t');
    if (cols.size() != 3 || !lower_word(cols[0]))
      return Status::InvalidArgument(fmt::format("{}:{}: expected lemma, past tense and past participle "
                                                 "separated by tabs, in lower-case letters", path, number));
    for (size_t c = 1; c < 3; ++c)
      for (std::string_view form : text::split(cols[c], '|')) {
        if (!lower_word(form)) return Status::InvalidArgument(fmt::format("{}:{}: bad form '{}'", path, number, form));
        if (std::none_of(out.begin(), out.end(), [&](const IrregularForm& f) { return f.form == form; }))
          out.push_back({std::string(form), std::string(cols[0])});
      }
  }
  return out;
}

size_t Lemmatizer::add_irregular(const std::vector<IrregularForm>& forms) {
  static const uint16_t kTags[] = {xpos_id("VBD"), xpos_id("VBN"), xpos_id("VBG"), xpos_id("VBP")};
  std::vector<std::pair<uint64_t, std::string>> exceptions;
  for (uint32_t i = 0; i < exception_keys_.size(); ++i)
    exceptions.emplace_back(exception_keys_[i], std::string(exception_at(i)));
  size_t before = exceptions.size();
  std::string scratch;
  for (const IrregularForm& f : forms)
    for (uint16_t x : kTags) {
      uint64_t key = exception_key(x, f.form);
      if (exceptions_.find(key) == HashIndex::kNone && guess(f.form, x, scratch) != f.lemma)
        exceptions.emplace_back(key, f.lemma);
    }
  for (const IrregularForm& f : forms) lexicon_keys_.push_back(lexicon_key(f.lemma, kVerb));
  std::sort(lexicon_keys_.begin(), lexicon_keys_.end());
  lexicon_keys_.erase(std::unique(lexicon_keys_.begin(), lexicon_keys_.end()), lexicon_keys_.end());
  size_t added = exceptions.size() - before;
  std::sort(exceptions.begin(), exceptions.end());
  exceptions.erase(std::unique(exceptions.begin(), exceptions.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   exceptions.end());
  exception_keys_.clear(), exception_offsets_.clear(), exception_text_.clear();
  for (const auto& [k, l] : exceptions) {
    exception_keys_.push_back(k);
    exception_offsets_.push_back(static_cast<uint32_t>(exception_text_.size()));
    exception_text_ += l;
  }
  index();
  return added;
}

void Lemmatizer::index() {
  rules_ = HashIndex(rule_keys_.size());
  for (uint32_t i = 0; i < rule_keys_.size(); ++i) rules_.at(rule_keys_[i], i);
  exceptions_ = HashIndex(exception_keys_.size());
  for (uint32_t i = 0; i < exception_keys_.size(); ++i) exceptions_.at(exception_keys_[i], i);
  lexicon_ = HashIndex(lexicon_keys_.size());
  for (uint32_t i = 0; i < lexicon_keys_.size(); ++i)
    lexicon_.at(HashIndex::nonzero_key((1ull << 32) | lexicon_keys_[i]), i);
}

std::string_view Lemmatizer::apply_rules(std::string_view form, uint16_t xpos, std::string& scratch) const {
  // scratch = lowercase form; the longest known suffix decides.
  detail::lower_into(form, scratch);
  std::string_view lower = scratch;
  const Edit* edit = nullptr;
  for (size_t k = std::min(kMaxSuffix, lower.size()) + 1; k-- > 0;) {
    uint32_t i = rules_.find(rule_key(xpos, lower.substr(lower.size() - k)));
    if (i != HashIndex::kNone) {
      edit = &edits_[rule_edits_[i]];
      break;
    }
  }
  if (!edit || edit->strip >= form.size()) return edit && edit->lower ? lower : form;
  if (edit->strip == 0 && edit->append.empty()) return edit->lower ? lower : form;
  // A rule learned on English suffixes never cuts a character beyond ASCII in two
  // ("中国" must not become invalid UTF-8): such a word keeps its form.
  if (edit->strip > 0 && (static_cast<unsigned char>(form[form.size() - edit->strip]) & 0xC0) == 0x80) return form;
  if (!edit->lower) scratch.assign(form);
  scratch.resize(scratch.size() - edit->strip);
  scratch += edit->append;
  return scratch;
}

std::string_view Lemmatizer::guess(std::string_view form, uint16_t xpos, std::string& scratch) const {
  std::string_view rule = apply_rules(form, xpos, scratch);
  if (lexicon_keys_.empty() || !inflected_verb(xpos) || known(rule, kVerb)) return rule;
  // The regular alternatives, in order: stem as is ("shelled"), stem + e
  // ("blamed", "freed"), doubled final consonant undone ("planned"), -ies -> y. Built in
  // a stack buffer: no allocation per word.
  char buf[48];
  if (form.size() + 1 > sizeof buf) return rule;
  size_t n = form.size();
  for (size_t i = 0; i < n; ++i) buf[i] = (form[i] >= 'A' && form[i] <= 'Z') ? form[i] - 'A' + 'a' : form[i];
  std::string_view lower(buf, n);
  if (lower.ends_with("ing") && n > 5) n -= 3;
  else if (lower.ends_with("ed") && n > 4) n -= 2;
  else if (lower.ends_with("es") && n > 4) n -= 1;  // "es" -> "e", then without it below
  else if (lower.ends_with("s") && n > 3) n -= 1;
  else return rule;
  char last = buf[n - 1];
  // Known verbs first; then, if the rule's own answer is no known noun, nouns.
  uint32_t cls = kVerb;
  auto take = [&](size_t len, char extra) {
    buf[len] = extra ? extra : buf[len];
    std::string_view cand(buf, len + (extra ? 1 : 0));
    if (!known(cand, cls)) return false;
    scratch.assign(cand);
    return true;
  };
  bool doubled = n > 2 && last == buf[n - 2] && !is_vowel(last);
  auto any = [&] {
    bool found = take(n, 0) || take(n, 'e') || (doubled && take(n - 1, 0)) ||
                 (last == 'e' && take(n - 1, 0)) || (last == 'i' && take(n - 1, 'y'));
    buf[n - 1] = last;  // restore what "-i" -> "y" overwrote
    return found;
  };
  if (any()) return scratch;
  cls = kNoun;
  if (!known(rule, kNoun) && any()) return scratch;
  return rule;  // nothing known: scratch is untouched, the rule's answer stands
}

bool Lemmatizer::irregular_past(std::string_view form, std::string& scratch) const {
  if (lexicon_keys_.empty()) return false;
  auto same = [&](std::string_view lemma) {
    if (lemma.size() != form.size()) return false;
    for (size_t i = 0; i < form.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(form[i])) != static_cast<unsigned char>(lemma[i])) return false;
    return true;
  };
  // Not a regular form ("parked", "training", "refinery": the rules' verbs of nouns), and
  // a lemma that keeps the form's first letter ("shot"/"shoot", "fought"/"fight").
  if (form.size() < 3 || form.ends_with("ed") || form.ends_with("ing") || form.ends_with("y")) return false;
  for (uint16_t xpos : {xpos_id("VBD"), xpos_id("VBN")}) {
    std::string_view lemma = lemmatize(form, xpos, scratch);
    if (known(lemma, kVerb) && !same(lemma) && !lemma.empty() &&
        std::tolower(static_cast<unsigned char>(form[0])) == static_cast<unsigned char>(lemma[0]))
      return true;
  }
  return false;
}

bool Lemmatizer::past_form(std::string_view form, std::string& scratch) const {
  if (lexicon_keys_.empty() || form.size() < 4) return false;
  if (!form.ends_with("ed")) return irregular_past(form, scratch);
  std::string_view lemma = lemmatize(form, xpos_id("VBD"), scratch);
  return !lemma.empty() && lemma.size() < form.size() && known(lemma, kVerb);
}

bool Lemmatizer::listed_past(std::string_view form, std::string& scratch) const {
  detail::lower_into(form, scratch);
  for (uint16_t xpos : {xpos_id("VBN"), xpos_id("VBD")}) {
    const uint32_t i = exceptions_.find(exception_key(xpos, scratch));
    if (i != HashIndex::kNone && exception_at(i) != scratch) return true;
  }
  return false;
}

bool Lemmatizer::known_verb(std::string_view lemma) const { return !lexicon_keys_.empty() && known(lemma, kVerb); }

bool Lemmatizer::dictionary_word(std::string_view word, std::string& scratch) const {
  if (lexicon_keys_.empty() || word.empty()) return false;
  if (known(word, kVerb) || known(word, kNoun)) return true;
  // (Only the endings each inflection has: the rules of one tag applied to any word make
  // names words, "alexei" read as a gerund gave "ale".)
  static const uint16_t kVbd = xpos_id("VBD"), kVbg = xpos_id("VBG");
  static const uint16_t kInflected[] = {kVbd, kVbg, xpos_id("VBZ"), xpos_id("NNS")};
  for (uint16_t x : kInflected) {
    if (x == kVbd ? !word.ends_with("ed") && !irregular_past(word, scratch)
                  : x == kVbg ? !word.ends_with("ing") : !word.ends_with('s'))
      continue;
    std::string_view lemma = lemmatize(word, x, scratch);
    if (lemma.size() < word.size() && (known(lemma, kVerb) || known(lemma, kNoun))) return true;
  }
  return false;
}

std::string_view Lemmatizer::exception_at(uint32_t i) const {
  size_t b = exception_offsets_[i];
  size_t e = i + 1 < exception_offsets_.size() ? exception_offsets_[i + 1] : exception_text_.size();
  return std::string_view(exception_text_).substr(b, e - b);
}

std::string_view Lemmatizer::lemmatize(std::string_view form, uint16_t xpos, std::string& scratch) const {
  uint32_t i = exceptions_.find(exception_key(xpos, form));
  if (i == HashIndex::kNone) {
    detail::lower_into(form, scratch);
    if (scratch != form) i = exceptions_.find(exception_key(xpos, scratch));
  }
  if (i != HashIndex::kNone) return exception_at(i);
  static const uint16_t kVb = xpos_id("VB"), kVbp = xpos_id("VBP"), kVbd = xpos_id("VBD"), kVbn = xpos_id("VBN");
  // A past form in "-eed" is an "-ee" verb's past ("freed" -> "free", "agreed"), even of a
  // verb the treebanks never saw, never a shorter stem the lexicon may hold ("fre", a typo
  // there); a word that ends so itself ("proceed", "speed", "need" mis-tagged) keeps its form.
  if ((xpos == kVbd || xpos == kVbn) && form.size() >= 5 && !lexicon_keys_.empty()) {
    detail::lower_into(form, scratch);
    if (scratch.ends_with("eed") && !scratch.ends_with("ceed") && !known(scratch, kVerb) && !known(scratch, kNoun)) {
      scratch.pop_back();
      return scratch;
    }
  }
  // A third person in "-ees" is an "-ee" verb's ("frees" -> "free", "flees"), never a shorter
  // stem ("fre").
  static const uint16_t kVbz = xpos_id("VBZ");
  if (xpos == kVbz && form.size() >= 5 && !lexicon_keys_.empty()) {
    detail::lower_into(form, scratch);
    if (scratch.ends_with("ees")) {
      scratch.pop_back();
      return scratch;
    }
  }
  // A past form the tagger gave a present tag ("shot"/VBP, "froze"/VB): what the past
  // tags make of it, when that is a known verb and the form itself is none ("lay", "beat" stay).
  if ((xpos == kVb || xpos == kVbp) && !lexicon_keys_.empty() && !known(scratch, kVerb)) {
    for (uint16_t tag : {kVbd, kVbn}) {
      std::string_view past = lemmatize(form, tag, scratch);
      if (known(past, kVerb)) return past;
      detail::lower_into(form, scratch);
    }
  }
  std::string_view g = guess(form, xpos, scratch);
  if ((xpos != kVbd && xpos != kVbn) || lexicon_keys_.empty() || known(g, kVerb)) return g;
  // "shot"/VBD: the rules make "shet", no known verb; what the other past tag makes of it
  // ("shoot") when that is one. (`g` may live in `scratch`: made again when the other fails.)
  const uint16_t other = xpos == kVbd ? kVbn : kVbd;
  detail::lower_into(form, scratch);
  uint32_t k = exceptions_.find(exception_key(other, scratch));
  std::string_view alt = k != HashIndex::kNone ? exception_at(k) : guess(form, other, scratch);
  if (known(alt, kVerb)) return alt;
  return guess(form, xpos, scratch);
}

void Lemmatizer::save(ByteWriter& w) const {
  w.u32(static_cast<uint32_t>(edits_.size()));
  for (const Edit& e : edits_) {
    w.u8(e.lower);
    w.u8(e.strip);
    w.str(e.append);
  }
  w.array(rule_keys_);
  w.array(rule_edits_);
  w.array(exception_keys_);
  w.array(exception_offsets_);
  w.str(exception_text_);
  w.array(lexicon_keys_);
}

Result<Lemmatizer> Lemmatizer::load(std::string_view bytes) {
  Lemmatizer lem;
  ByteReader r(bytes);
  uint32_t n;
  auto bad = [] { return Status::Error("corrupt section \"lemmas\""); };
  if (!r.u32(&n) || n > (1u << 24)) return bad();
  lem.edits_.resize(n);
  for (Edit& e : lem.edits_) {
    uint8_t lower;
    if (!r.u8(&lower) || !r.u8(&e.strip) || !r.str(&e.append)) return bad();
    e.lower = lower != 0;
  }
  if (!r.array(&lem.rule_keys_) || !r.array(&lem.rule_edits_) || !r.array(&lem.exception_keys_) ||
      !r.array(&lem.exception_offsets_) || !r.str(&lem.exception_text_) ||
      lem.rule_keys_.size() != lem.rule_edits_.size() ||
      lem.exception_keys_.size() != lem.exception_offsets_.size())
    return bad();
  // A model from before the lexicon ends here: it lemmatizes by the rules alone.
  if (!r.done() && (!r.array(&lem.lexicon_keys_) || !r.done())) return bad();
  for (uint32_t e : lem.rule_edits_)
    if (e >= n) return bad();
  for (size_t i = 0; i < lem.exception_offsets_.size(); ++i)
    if (lem.exception_offsets_[i] > lem.exception_text_.size() ||
        (i && lem.exception_offsets_[i] < lem.exception_offsets_[i - 1]))
      return bad();
  lem.index();
  return lem;
}

}  // namespace sitrep::tagger
