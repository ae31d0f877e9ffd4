// The event coder on hand-built trees (so the tests check the coder, not the
// parser), with a small PETRARCH-format dictionary written here.
#include "events/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/tagset.h"
#include "events/petrarch_dictionaries.h"

namespace sitrep::events {
namespace {

constexpr const char* kVerbs = R"(# test verbs
&TIES_
+TIES
+RELATIONS
--- CONDEMN [111] ---
CONDEMN
--- MEET [040:040] ---
MEET {MET MEETS MEETING}
--- ATTACK [190] ---
ATTACK
--- SAY [010] ---
SAY {SAID SAYS}
--- RESTORE [---] ---
RESTORE
- * &TIES [050]
--- AGREE [050] ---
AGREE
- % * [057]
)";

constexpr const char* kActors = R"(FREEDONIA [FRE]
+FREEDONIAN
SYLVANIA [SYL]
BORDURIA [BOR]
RUFUS_FIREFLY
	[FREGOV 19330101-19331231]
	[FREELI >19340101]
)";

constexpr const char* kAgents = R"(POLICE {} [~COP]
MINISTER [~GOV]
CHARITY [NGO~]
)";

// 050 and 110 are each other's negation, as in PETRARCH's coding ontology.
constexpr const char* kOntology = "050:0x0080#DiplomaticCoop\n110:0x1007f#0xFFFF+0x0080\n";

struct Row {
  const char* form;
  const char* lemma;
  const char* upos;
  const char* xpos;
  uint32_t head;  // 1-based, 0 = root
  const char* deprel;
};

// One sentence from rows, as the tagger and the parser would leave it.
Document tree(const std::vector<Row>& rows, Date date = {1995, 1, 1}) {
  Document doc;
  doc.date = date;
  Sentence s;
  for (const Row& r : rows) {
    if (!doc.text.empty()) doc.text += ' ';
    Word w;
    w.span = {static_cast<uint32_t>(doc.text.size()), static_cast<uint32_t>(doc.text.size() + strlen(r.form))};
    doc.text += r.form;
    w.token = static_cast<uint32_t>(doc.tokens.size());
    w.upos = upos_id(r.upos), w.xpos = xpos_id(r.xpos), w.deprel = deprel_id(r.deprel), w.head = r.head;
    w.lemma = doc.add_to_pool(r.lemma);
    doc.tokens.push_back({w.span, static_cast<uint32_t>(doc.words.size()), 1, true});
    doc.words.push_back(w);
  }
  s.span = {0, static_cast<uint32_t>(doc.text.size())};
  s.token_count = s.word_count = static_cast<uint32_t>(rows.size());
  doc.sentences.push_back(s);
  doc.blocks.push_back({s.span, BlockKind::kNews});
  return doc;
}

class CoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(parse_petrarch_verbs(kVerbs, "verbs.txt", dicts_).ok());
    ASSERT_TRUE(parse_petrarch_actors(kActors, "actors.txt", dicts_).ok());
    ASSERT_TRUE(parse_petrarch_agents(kAgents, "agents.txt", dicts_).ok());
    ASSERT_TRUE(parse_petrarch_ontology(kOntology, "ontology.txt", dicts_).ok());
  }
  // "SRC>TGT:CODE" for each event.
  std::vector<std::string> code(Document doc, std::vector<VerbPattern> extra = {}) {
    PetrarchActorResolver resolver(dicts_);
    std::vector<VerbPattern> patterns = dicts_.patterns;
    patterns.insert(patterns.end(), extra.begin(), extra.end());
    Coder coder(patterns, resolver);
    coder.use_petrarch(dicts_);
    coder.code(doc);
    last_ = doc.events;
    std::vector<std::string> out;
    for (const Event& e : doc.events) out.push_back(e.source.code + ">" + e.target.code + ":" + e.code);
    std::sort(out.begin(), out.end());
    return out;
  }
  PetrarchDictionaries dicts_;
  std::vector<Event> last_;
};

using V = std::vector<std::string>;

TEST_F(CoderTest, ActiveClauseSubjectToObject) {
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"condemned", "condemn", "VERB", "VBD", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 2, "obj"}})),
            V{"FRE>SYL:111"});
  ASSERT_EQ(last_.size(), 1u);
  EXPECT_FALSE(last_[0].negated);
  EXPECT_EQ(last_[0].date, (Date{1995, 1, 1}));
}

TEST_F(CoderTest, PassiveByAgentIsTheSource) {
  EXPECT_EQ(code(tree({{"Sylvania", "Sylvania", "PROPN", "NNP", 3, "nsubj:pass"},
                       {"was", "be", "AUX", "VBD", 3, "aux:pass"},
                       {"condemned", "condemn", "VERB", "VBN", 0, "root"},
                       {"by", "by", "ADP", "IN", 5, "case"},
                       {"Freedonia", "Freedonia", "PROPN", "NNP", 3, "obl:agent"}})),
            V{"FRE>SYL:111"});
}

TEST_F(CoderTest, NegationNeverGivesThePositiveCode) {
  // No negation known for 111: nothing.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 4, "nsubj"},
                       {"did", "do", "AUX", "VBD", 4, "aux"},
                       {"not", "not", "PART", "RB", 4, "advmod"},
                       {"condemn", "condemn", "VERB", "VB", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 4, "obj"}})),
            V{});
  // The ontology says not-050 is 110.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 4, "nsubj"},
                       {"did", "do", "AUX", "VBD", 4, "aux"},
                       {"n't", "not", "PART", "RB", 4, "advmod"},
                       {"restore", "restore", "VERB", "VB", 0, "root"},
                       {"ties", "tie", "NOUN", "NNS", 4, "obj"},
                       {"with", "with", "ADP", "IN", 7, "case"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 5, "nmod"}})),
            V{"FRE>SYL:110"});
  ASSERT_EQ(last_.size(), 1u);
  EXPECT_TRUE(last_[0].negated);
}

TEST_F(CoderTest, RefusalNegatesTheComplement) {
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"refused", "refuse", "VERB", "VBD", 0, "root"},
                       {"to", "to", "PART", "TO", 4, "mark"},
                       {"condemn", "condemn", "VERB", "VB", 2, "xcomp"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 4, "obj"}})),
            V{});
}

TEST_F(CoderTest, ModalityMarksFuture) {
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 3, "nsubj"},
                       {"will", "will", "AUX", "MD", 3, "aux"},
                       {"attack", "attack", "VERB", "VB", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 3, "obj"}})),
            V{"FRE>SYL:190"});
  ASSERT_EQ(last_.size(), 1u);
  EXPECT_TRUE(last_[0].future);
}

TEST_F(CoderTest, ReportedSpeechCodesTheReportedEvent) {
  Document doc = tree({{"Borduria", "Borduria", "PROPN", "NNP", 2, "nsubj"},
                       {"said", "say", "VERB", "VBD", 0, "root"},
                       {"Freedonia", "Freedonia", "PROPN", "NNP", 4, "nsubj"},
                       {"attacked", "attack", "VERB", "VBD", 2, "ccomp"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 4, "obj"}});
  EXPECT_EQ(code(doc), V{"FRE>SYL:190"});
  ASSERT_EQ(last_.size(), 1u);
  EXPECT_EQ(last_[0].reported_by.code, "BOR");
  EXPECT_EQ(doc.str(last_[0].reported_by.text), "Borduria");
  // Nothing coded inside: the statement itself, toward the complement's actor.
  EXPECT_EQ(code(tree({{"Borduria", "Borduria", "PROPN", "NNP", 2, "nsubj"},
                       {"said", "say", "VERB", "VBD", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 5, "nsubj"},
                       {"is", "be", "AUX", "VBZ", 5, "cop"},
                       {"large", "large", "ADJ", "JJ", 2, "ccomp"}})),
            V{"BOR>SYL:010"});
}

TEST_F(CoderTest, CompoundSubjectGivesOneEventPerActor) {
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 4, "nsubj"},
                       {"and", "and", "CCONJ", "CC", 3, "cc"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 1, "conj"},
                       {"condemned", "condemn", "VERB", "VBD", 0, "root"},
                       {"Borduria", "Borduria", "PROPN", "NNP", 4, "obj"}})),
            (V{"FRE>BOR:111", "SYL>BOR:111"}));
  // `%`: an event between the members of the compound, both ways.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 4, "nsubj"},
                       {"and", "and", "CCONJ", "CC", 3, "cc"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 1, "conj"},
                       {"agree", "agree", "VERB", "VBP", 0, "root"}})),
            (V{"FRE>SYL:057", "SYL>FRE:057"}));
}

TEST_F(CoderTest, PairedCodeGivesBothDirections) {
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"met", "meet", "VERB", "VBD", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 2, "obj"}})),
            (V{"FRE>SYL:040", "SYL>FRE:040"}));
}

TEST_F(CoderTest, AgentsCombineWithTheirCountry) {
  EXPECT_EQ(code(tree({{"Freedonian", "Freedonian", "ADJ", "JJ", 2, "amod"},
                       {"police", "police", "NOUN", "NN", 3, "nsubj"},
                       {"attacked", "attack", "VERB", "VBD", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 5, "nmod:poss"},
                       {"minister", "minister", "NOUN", "NN", 3, "obj"}})),
            V{"FRECOP>SYLGOV:190"});
  EXPECT_EQ(code(tree({{"charity", "charity", "NOUN", "NN", 2, "compound"},
                       {"Borduria", "Borduria", "PROPN", "NNP", 3, "nsubj"},
                       {"condemned", "condemn", "VERB", "VBD", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 3, "obj"}})),
            V{"NGOBOR>SYL:111"});
}

TEST_F(CoderTest, AppositionIsNotASecondActorButAListItemIs) {
  // "... at Sylvania, a Borduria minister": the apposition describes Sylvania.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"attacked", "attack", "VERB", "VBD", 0, "root"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 2, "obj"},
                       {",", ",", "PUNCT", ",", 7, "punct"},
                       {"a", "a", "DET", "DT", 7, "det"},
                       {"Borduria", "Borduria", "PROPN", "NNP", 7, "compound"},
                       {"minister", "minister", "NOUN", "NN", 3, "appos"}})),
            V{"FRE>SYL:190"});
  // A list the parser read as an apposition plus a conjunct: every item.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 7, "nsubj"},
                       {",", ",", "PUNCT", ",", 3, "punct"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 1, "appos"},
                       {",", ",", "PUNCT", ",", 6, "punct"},
                       {"and", "and", "CCONJ", "CC", 6, "cc"},
                       {"Borduria", "Borduria", "PROPN", "NNP", 1, "conj"},
                       {"condemned", "condemn", "VERB", "VBD", 0, "root"},
                       {"Rufus", "Rufus", "PROPN", "NNP", 7, "obj"},
                       {"Firefly", "Firefly", "PROPN", "NNP", 8, "flat"}},
                      {1933, 3, 1})),
            (V{"BOR>FREGOV:111", "FRE>FREGOV:111", "SYL>FREGOV:111"}));
}

TEST_F(CoderTest, TargetIsTheAgentTheCountryBelongsTo) {
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"condemned", "condemn", "VERB", "VBD", 0, "root"},
                       {"the", "the", "DET", "DT", 4, "det"},
                       {"minister", "minister", "NOUN", "NN", 2, "obj"},
                       {"of", "of", "ADP", "IN", 6, "case"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 4, "nmod"}})),
            V{"FRE>SYLGOV:111"});
}

TEST_F(CoderTest, ImplausibleTreeFallsBackOnWordOrder) {
  // The name mis-tagged as the main verb, the date taken for the subject.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "VERB", "VB", 0, "root"},
                       {"on", "on", "ADP", "IN", 3, "case"},
                       {"Thursday", "Thursday", "PROPN", "NNP", 4, "nsubj"},
                       {"attacked", "attack", "VERB", "VBD", 1, "conj"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 4, "obj"}})),
            V{"FRE>SYL:190"});
  // A subject that is a common noun without an actor is trusted: no source.
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "compound"},
                       {"crowds", "crowd", "NOUN", "NNS", 0, "root"},
                       {"rioters", "rioter", "NOUN", "NNS", 4, "nsubj"},
                       {"attacked", "attack", "VERB", "VBD", 2, "acl:relcl"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 4, "obj"}})),
            V{});
}

TEST_F(CoderTest, ActorCodeFollowsTheDocumentDate) {
  auto rows = std::vector<Row>{{"Rufus", "Rufus", "PROPN", "NNP", 3, "nsubj"},
                               {"Firefly", "Firefly", "PROPN", "NNP", 1, "flat"},
                               {"condemned", "condemn", "VERB", "VBD", 0, "root"},
                               {"Sylvania", "Sylvania", "PROPN", "NNP", 3, "obj"}};
  EXPECT_EQ(code(tree(rows, {1933, 6, 1})), V{"FREGOV>SYL:111"});
  EXPECT_EQ(code(tree(rows, {1950, 6, 1})), V{"FREELI>SYL:111"});
  EXPECT_EQ(code(tree(rows, {1920, 6, 1})), V{});  // no code before 1933
}

TEST_F(CoderTest, OwnPatternsWithObjectAndNominalEvents) {
  VerbPattern impose;
  impose.code = "163", impose.head = "impose", impose.object = {"sanction"};
  impose.target = TargetFrom::kPreposition, impose.target_prep = "on";
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"imposed", "impose", "VERB", "VBD", 0, "root"},
                       {"sanctions", "sanction", "NOUN", "NNS", 2, "obj"},
                       {"on", "on", "ADP", "IN", 5, "case"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 2, "obl"}}),
                 {impose}),
            V{"FRE>SYL:163"});
  VerbPattern talks;
  talks.code = "043", talks.head = "talk", talks.noun = true, talks.symmetric = true;
  EXPECT_EQ(code(tree({{"Talks", "talk", "NOUN", "NNS", 6, "nsubj"},
                       {"between", "between", "ADP", "IN", 3, "case"},
                       {"Freedonia", "Freedonia", "PROPN", "NNP", 1, "nmod"},
                       {"and", "and", "CCONJ", "CC", 5, "cc"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 3, "conj"},
                       {"ended", "end", "VERB", "VBD", 0, "root"}}),
                 {talks}),
            (V{"FRE>SYL:043", "SYL>FRE:043"}));
}

TEST_F(CoderTest, NominalEventTakesTheSubjectOfItsVerb) {
  VerbPattern strike;
  strike.code = "195", strike.head = "strike", strike.noun = true, strike.modifiers = {"air"};
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 2, "nsubj"},
                       {"launched", "launch", "VERB", "VBD", 0, "root"},
                       {"an", "a", "DET", "DT", 5, "det"},
                       {"air", "air", "NOUN", "NN", 5, "compound"},
                       {"strike", "strike", "NOUN", "NN", 2, "obj"},
                       {"on", "on", "ADP", "IN", 7, "case"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 5, "nmod"}}),
                 {strike}),
            V{"FRE>SYL:195"});
  // "X and Y held talks": symmetric, no target, among the sources.
  VerbPattern talks;
  talks.code = "043", talks.head = "hold", talks.object = {"talk"}, talks.symmetric = true;
  EXPECT_EQ(code(tree({{"Freedonia", "Freedonia", "PROPN", "NNP", 4, "nsubj"},
                       {"and", "and", "CCONJ", "CC", 3, "cc"},
                       {"Sylvania", "Sylvania", "PROPN", "NNP", 1, "conj"},
                       {"held", "hold", "VERB", "VBD", 0, "root"},
                       {"talks", "talk", "NOUN", "NNS", 4, "obj"}}),
                 {talks}),
            (V{"FRE>SYL:043", "SYL>FRE:043"}));
}

TEST(PetrarchDictionariesTest, ErrorsNameFileAndLine) {
  PetrarchDictionaries d;
  Status st = parse_petrarch_verbs("--- X [010] ---\nX\n- * THING\n", "v.txt", d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("v.txt:3"), std::string::npos) << st.message();
  st = parse_petrarch_verbs("--- X [010] ---\nX\n\n- * {OPEN THING [020]\n", "v.txt", d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("v.txt:4"), std::string::npos) << st.message();
  st = parse_petrarch_actors("# c\n+SYNONYM\n", "a.txt", d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("a.txt:2"), std::string::npos) << st.message();
  st = parse_petrarch_agents("POLICE [COP]\n", "g.txt", d);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("g.txt:1"), std::string::npos) << st.message();
}

TEST(PetrarchDictionariesTest, ReadsBlocksFormsSynsetsAndMultiwordVerbs) {
  PetrarchDictionaries d;
  ASSERT_TRUE(parse_petrarch_verbs("&FOOD\n+BREAD\n+SOFT_CHEESE\n--- EAT [---] ---\nEAT {ATE EATEN}\n"
                                   "+GOBBLE_UP [030]\n- * &FOOD (WITH +) [042:043]\n",
                                   "v.txt", d)
                  .ok());
  // Two verbs, each with its default and the block's pattern.
  ASSERT_EQ(d.patterns.size(), 4u);
  EXPECT_EQ(d.patterns[0].head, "eat");
  EXPECT_EQ(d.patterns[0].code, "---");
  EXPECT_EQ(d.patterns[1].code, "042");
  EXPECT_EQ(d.patterns[1].reverse_code, "043");
  ASSERT_EQ(d.patterns[1].after.size(), 3u);
  EXPECT_EQ(d.patterns[1].after[0].alternatives.size(), 2u);  // the synset's two phrases
  EXPECT_EQ(d.patterns[1].after[0].alternatives[1], (std::vector<std::string>{"soft", "cheese"}));
  EXPECT_EQ(d.patterns[1].after[2].kind, PatternToken::kTarget);
  EXPECT_EQ(d.patterns[2].head, "gobble");
  EXPECT_EQ(d.patterns[2].head_suffix, std::vector<std::string>{"up"});
  EXPECT_EQ(d.patterns[2].code, "030");
  EXPECT_EQ(d.verb_forms.size(), 2u);  // ate, eaten -> eat
}

}  // namespace
}  // namespace sitrep::events
