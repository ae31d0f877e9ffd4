// The shipped dictionary against our own tagger, lemmatizer and parser: on
// sentences we wrote, a plain reference matcher (here, not the coder) finds the
// codes the dictionary means. This checks that the lemmas and dependency
// shapes the patterns name are those our models produce.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/tagset.h"
#include "events/verb_dictionary.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

using namespace sitrep;
using events::VerbPattern;

namespace {

struct Tree {
  const Document& doc;
  uint32_t first = 0, count = 0;
  std::string lemma(uint32_t i) const {
    std::string s(doc.pooled(doc.words[first + i].lemma));
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }
  std::string_view deprel(uint32_t i) const { return kDeprel[doc.words[first + i].deprel]; }
  std::string_view upos(uint32_t i) const { return kUpos[doc.words[first + i].upos]; }
  std::vector<uint32_t> children(uint32_t i) const {
    std::vector<uint32_t> out;
    for (uint32_t c = 0; c < count; ++c)
      if (doc.words[first + c].head == i + 1) out.push_back(c);
    return out;
  }
};

bool in(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Children of `w` that are phrases with preposition `prep` (and head in `heads` when given).
std::vector<uint32_t> phrases(const Tree& t, uint32_t w, const std::string& prep,
                              const std::vector<std::string>& heads) {
  std::vector<uint32_t> out;
  for (uint32_t c : t.children(w)) {
    if (!t.deprel(c).starts_with("obl") && !t.deprel(c).starts_with("nmod") && t.deprel(c) != "advcl") continue;
    if (!heads.empty() && !in(heads, t.lemma(c))) continue;
    for (uint32_t m : t.children(c))
      if ((t.deprel(m) == "case" || t.deprel(m) == "mark") && t.lemma(m) == prep) out.push_back(c);
  }
  return out;
}

std::vector<uint32_t> objects(const Tree& t, uint32_t w, const std::vector<std::string>& lemmas) {
  std::vector<uint32_t> out;
  for (uint32_t c : t.children(w))
    if ((t.deprel(c) == "obj" || t.deprel(c) == "nsubj:pass") && (lemmas.empty() || in(lemmas, t.lemma(c))))
      out.push_back(c);
  return out;
}

bool matches(const Tree& t, uint32_t w, const VerbPattern& p) {
  if (t.lemma(w) != p.head) return false;
  bool noun = t.upos(w) == "NOUN" || t.upos(w) == "PROPN";
  if (noun != p.noun) return false;
  std::vector<uint32_t> nouns = {w};  // where modifiers may sit
  if (!p.particle.empty()) {
    auto kids = t.children(w);
    if (std::none_of(kids.begin(), kids.end(), [&](uint32_t c) {
          return t.deprel(c) == "compound:prt" && t.lemma(c) == p.particle;
        }))
      return false;
  }
  if (!p.object.empty()) {
    auto objs = objects(t, w, p.object);
    if (objs.empty()) return false;
    nouns.insert(nouns.end(), objs.begin(), objs.end());
  }
  if (!p.prep.empty()) {
    auto found = phrases(t, w, p.prep, p.prep_object);
    for (uint32_t o : objects(t, w, p.object)) {
      auto more = phrases(t, o, p.prep, p.prep_object);
      found.insert(found.end(), more.begin(), more.end());
    }
    if (found.empty()) return false;
    nouns.insert(nouns.end(), found.begin(), found.end());
  }
  if (!p.xcomp.empty()) {
    bool ok = false;
    for (uint32_t c : t.children(w)) {
      if (t.deprel(c) != "xcomp" || !in(p.xcomp, t.lemma(c))) continue;
      if (!p.xcomp_object.empty() && objects(t, c, p.xcomp_object).empty()) continue;
      if (!p.xcomp_prep.empty() && phrases(t, c, p.xcomp_prep, p.xcomp_prep_object).empty()) continue;
      ok = true;
    }
    if (!ok) return false;
  }
  if (!p.modifiers.empty()) {
    bool ok = false;
    for (uint32_t n : nouns)
      for (uint32_t c : t.children(n))
        if ((t.deprel(c) == "amod" || t.deprel(c) == "compound" || t.deprel(c).starts_with("nmod")) &&
            in(p.modifiers, t.lemma(c)))
          ok = true;
    if (!ok) return false;
  }
  return true;
}

class DictionaryMatch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The models and data/cameo ship in the repository: not loading them is a failure.
    auto pipeline = Pipeline::load_default();
    ASSERT_TRUE(pipeline.ok()) << pipeline.status().message();
    auto ontology = events::Ontology::load_default();
    ASSERT_TRUE(ontology.ok()) << ontology.status().message();
    auto dict = events::load_default_verb_dictionary(ontology.value());
    ASSERT_TRUE(dict.ok()) << dict.status().message();
    pipeline_ = new Pipeline(std::move(pipeline).value());
    patterns_ = new std::vector<VerbPattern>(std::move(dict).value());
  }
  void SetUp() override {
    ASSERT_NE(pipeline_, nullptr) << "models or data/cameo did not load";
  }
  // Codes of every pattern matching somewhere in the one-sentence text.
  std::set<std::string> codes(const std::string& text) {
    Document doc;
    Status st = io::read_bytes("s.txt", text, io::InputFormat::kText, [&](Document&& d) { doc = std::move(d); },
                               [](const std::string&) {});
    EXPECT_TRUE(st.ok()) << st.message();
    pipeline_->process(doc);
    std::set<std::string> out;
    for (const Sentence& s : doc.sentences) {
      Tree t{doc, s.first_word, s.word_count};
      for (uint32_t w = 0; w < t.count; ++w)
        for (const auto& p : *patterns_)
          if (matches(t, w, p)) out.insert(p.code);
    }
    return out;
  }
  static inline Pipeline* pipeline_ = nullptr;
  static inline std::vector<VerbPattern>* patterns_ = nullptr;
};

}  // namespace

#define EXPECT_CODE(text, code) EXPECT_TRUE(codes(text).count(code)) << (text) << " lacks " << (code)

TEST_F(DictionaryMatch, IssueExamples) {
  EXPECT_CODE("The foreign minister condemned the attack.", "111");
  EXPECT_CODE("China called for talks between the two countries.", "026");
  EXPECT_CODE("Biden spoke by telephone with the Chinese president on Tuesday.", "041");
  EXPECT_CODE("The two leaders held a phone call on Monday.", "041");
  EXPECT_CODE("The phone call between the two ministers lasted an hour.", "041");
  EXPECT_CODE("The European Union imposed new sanctions on Russia.", "163");
  EXPECT_CODE("India voted against the resolution.", "120");
  EXPECT_CODE("The president expressed condolences to the families of the victims.", "018");
  EXPECT_CODE("The envoy urged Russia to withdraw its troops.", "0256");
  EXPECT_CODE("Germany encouraged both sides to show restraint.", "020");
  EXPECT_CODE("Moscow warned Washington of serious consequences.", "130");
  EXPECT_CODE("The minister thanked Japan for its support.", "051");
  EXPECT_CODE("The government denied any involvement in the bombing.", "016");
  EXPECT_CODE("Officials blame the rebels for the violence.", "112");
  EXPECT_CODE("Kyiv accused Moscow of war crimes.", "1124");
  EXPECT_CODE("The shelling of the city continued overnight.", "194");
  EXPECT_CODE("A missile strike hit the train station.", "195");
  EXPECT_CODE("Israeli jets carried out air strikes on the camp.", "195");
}

TEST_F(DictionaryMatch, OtherShapes) {
  EXPECT_CODE("Police arrested dozens of protesters.", "173");
  EXPECT_CODE("The United States hit Russia with new sanctions.", "163");  // not force
  EXPECT_CODE("The two sides signed a peace agreement.", "057");
  EXPECT_CODE("The rebels refused to negotiate with the government.", "125");
  EXPECT_CODE("The government refused to lift the sanctions.", "1244");
  EXPECT_CODE("Thousands of people protested against the new law.", "1412");
  EXPECT_CODE("The ambassador was summoned by the foreign ministry.", "114");
  EXPECT_CODE("The army deployed more troops to the border.", "154");
  EXPECT_CODE("The talks between the delegations resumed in Istanbul.", "046");
  EXPECT_CODE("The president will visit Beijing next week.", "042");
  EXPECT_CODE("Gunmen kidnapped two aid workers.", "181");
  EXPECT_CODE("The rebels released the hostages on Sunday.", "0841");
  EXPECT_CODE("The country severed diplomatic ties with its neighbour.", "161");
}

// Past tenses the suffix rules alone got wrong ("blamed" -> "blam", "shelled" ->
// "shel"); the lemmatizer's lexicon of known lemmas fixes them.
TEST_F(DictionaryMatch, PastTensesWithDoubledOrDroppedLetters) {
  EXPECT_CODE("Officials blamed the rebels for the violence.", "112");
  EXPECT_CODE("Russian forces shelled the town.", "194");
}

// The coder and the reference matcher read the same patterns on the same trees:
// every code the coder emits is one a pattern matches in the sentence (nothing
// from thin air), and where the patterns name complements (xobj:, xprep:,
// prep:L), the coder's code is the one they name.
TEST_F(DictionaryMatch, TheCoderCodesWhatTheReferenceMatcherFinds) {
  struct Case {
    const char* text;
    const char* code;  // the code the coder must give
  };
  const Case cases[] = {
      {"Russia threatened to cut diplomatic ties with Ukraine.", "1313"},
      {"Israel threatened to impose a curfew on Gaza.", "1323"},
      {"China called for peace talks between Russia and Ukraine.", "026"},
      {"The European Union imposed new sanctions on Russia.", "163"},
      {"Kyiv accused Moscow of war crimes.", "1124"},
      {"Police arrested dozens of protesters in Minsk.", "173"},
      {"Israel and Jordan signed a peace agreement in Washington.", "057"},
  };
  static const Pipeline coder = Pipeline::load_default(Stage::kEvents).value();
  for (const Case& c : cases) {
    std::set<std::string> reference = codes(c.text);
    Document doc;
    Status st = io::read_bytes("s.txt", c.text, io::InputFormat::kText, [&](Document&& d) { doc = std::move(d); },
                               [](const std::string&) {});
    ASSERT_TRUE(st.ok()) << st.message();
    doc.date = {2022, 4, 5};
    coder.process(doc);
    std::set<std::string> coded;
    for (const Event& e : doc.events)
      if (!e.negated) coded.insert(e.code);
    EXPECT_TRUE(coded.count(c.code)) << c.text << ": the coder gave " << ::testing::PrintToString(coded);
    for (const std::string& code : coded)
      EXPECT_TRUE(reference.count(code)) << c.text << ": " << code << " matches no pattern here";
  }
}
