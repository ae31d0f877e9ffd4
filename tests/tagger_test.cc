#include "tagger/tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/tagset.h"
#include "shipped_tagger.h"
#include "tagger/tagger_eval.h"
#include "tagger/tagger_train.h"

namespace sitrep::tagger {
namespace {

// Hand-written sentences: "form|UPOS|XPOS|lemma" tokens.
const char* const kSentences[] = {
    "Officials|NOUN|NNS|official said|VERB|VBD|say the|DET|DT|the talks|NOUN|NNS|talk "
    "would|AUX|MD|would resume|VERB|VB|resume .|PUNCT|.|.",
    "The|DET|DT|the minister|NOUN|NN|minister met|VERB|VBD|meet his|PRON|PRP$|his "
    "counterparts|NOUN|NNS|counterpart in|ADP|IN|in Paris|PROPN|NNP|Paris .|PUNCT|.|.",
    "Police|NOUN|NNS|police arrested|VERB|VBD|arrest two|NUM|CD|two men|NOUN|NNS|man "
    "on|ADP|IN|on Monday|PROPN|NNP|Monday .|PUNCT|.|.",
    "The|DET|DT|the army|NOUN|NN|army was|AUX|VBD|be attacked|VERB|VBN|attack by|ADP|IN|by "
    "rebels|NOUN|NNS|rebel ,|PUNCT|,|, officials|NOUN|NNS|official said|VERB|VBD|say .|PUNCT|.|.",
    "Protesters|NOUN|NNS|protester marched|VERB|VBD|march through|ADP|IN|through the|DET|DT|the "
    "capital|NOUN|NN|capital on|ADP|IN|on Friday|PROPN|NNP|Friday .|PUNCT|.|.",
    "She|PRON|PRP|she will|AUX|MD|will visit|VERB|VB|visit the|DET|DT|the region|NOUN|NN|region "
    "soon|ADV|RB|soon .|PUNCT|.|.",
};

std::vector<TrainSentence> hand_written() {
  std::vector<TrainSentence> out;
  for (const char* line : kSentences) {
    TrainSentence s;
    std::istringstream in(line);
    std::string tok;
    while (in >> tok) {
      size_t a = tok.find('|'), b = tok.find('|', a + 1), c = tok.find('|', b + 1);
      s.forms.push_back(tok.substr(0, a));
      s.upos.push_back(upos_id(tok.substr(a + 1, b - a - 1)));
      s.xpos.push_back(xpos_id(tok.substr(b + 1, c - b - 1)));
      s.lemmas.push_back(tok.substr(c + 1));
      s.feats.push_back("");
    }
    out.push_back(std::move(s));
  }
  return out;
}

TaggerTrainOptions tiny_options() {
  TaggerTrainOptions o;
  o.epochs = 10;
  o.min_feature_count = 1;
  o.min_class_count = 1;
  o.dict_min_count = 1;
  return o;
}

const Tagger& tiny_tagger() {
  static const Tagger t = [] {
    auto data = hand_written();
    auto r = train_tagger(data, data, tiny_options());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(r).value();
  }();
  return t;
}

std::vector<WordTags> tag(const Tagger& t, const std::vector<std::string>& words) {
  std::vector<std::string_view> forms(words.begin(), words.end());
  std::vector<WordTags> tags(forms.size());
  t.tag_words(forms, tags);
  return tags;
}

TEST(TaggerTest, TinyModelTagsItsTrainingSentences) {
  const Tagger& t = tiny_tagger();
  for (const TrainSentence& s : hand_written()) {
    auto tags = tag(t, s.forms);
    for (size_t i = 0; i < s.forms.size(); ++i) {
      EXPECT_EQ(kUpos[tags[i].upos], kUpos[s.upos[i]]) << s.forms[i];
      EXPECT_EQ(kXpos[tags[i].xpos], kXpos[s.xpos[i]]) << s.forms[i];
      std::string scratch;
      EXPECT_EQ(t.lemma(s.forms[i], tags[i], scratch), s.lemmas[i]) << s.forms[i];
    }
  }
}

TEST(TaggerTest, SaveLoadRoundTripGivesIdenticalPredictions) {
  const Tagger& t = tiny_tagger();
  auto path = std::filesystem::temp_directory_path() / "sitrep_tagger_test.bin";
  ASSERT_TRUE(t.save(path.string(), "hand-written test sentences").ok());
  auto back = Tagger::load(path.string());
  ASSERT_TRUE(back.ok()) << back.status().message();
  std::vector<std::string> words = {"Rebels", "said", "the", "minister", "met", "officials", "in", "London", "."};
  auto a = tag(t, words), b = tag(back.value(), words);
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(a[i].cls, b[i].cls);
    std::string s1, s2;
    EXPECT_EQ(t.lemma(words[i], a[i], s1), back.value().lemma(words[i], b[i], s2));
  }
  // The bytes are identical too: saving is deterministic.
  EXPECT_EQ(encode_model_file(t.to_model_file("n")), encode_model_file(back.value().to_model_file("n")));
  std::filesystem::remove(path);
}

TEST(TaggerTest, WrongVersionIsAClearError) {
  ModelFile m = tiny_tagger().to_model_file("note");
  m.kind_version = kTaggerVersion + 1;
  auto r = Tagger::from_model_file(m, "old.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("old.bin"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("version"), std::string::npos) << r.status().message();
  m.kind_version = kTaggerVersion;
  m.kind = "parser";
  EXPECT_FALSE(Tagger::from_model_file(m, "x").ok());
}

TEST(TaggerTest, MissingFileIsAnError) {
  EXPECT_FALSE(Tagger::load("/nonexistent/tagger.bin").ok());
}

TEST(TaggerTest, TagFillsDocumentWords) {
  const Tagger& t = tiny_tagger();
  Document doc;
  doc.text = "Officials said the talks would resume.";
  const uint32_t bounds[][2] = {{0, 9}, {10, 14}, {15, 18}, {19, 24}, {25, 30}, {31, 37}, {37, 38}};
  for (auto [b, e] : bounds) {
    doc.tokens.push_back(Token{Span{b, e}, static_cast<uint32_t>(doc.words.size()), 1, true});
    Word w;
    w.span = Span{b, e};
    w.token = static_cast<uint32_t>(doc.tokens.size() - 1);
    doc.words.push_back(w);
  }
  Sentence s;
  s.span = Span{0, 38};
  s.token_count = s.word_count = 7;
  doc.sentences.push_back(s);
  t.tag(doc);
  EXPECT_EQ(kUpos[doc.words[1].upos], "VERB");
  EXPECT_EQ(kXpos[doc.words[1].xpos], "VBD");
  EXPECT_EQ(doc.pooled(doc.words[1].lemma), "say");
  EXPECT_EQ(doc.pooled(doc.words[3].lemma), "talk");
}

TEST(TaggerTest, AccuracyOnAGoldFile) {
  // A gold CoNLL-U file of our own: one multi-word token, one document filter.
  const char* conllu =
      "# newdoc id = news_a\n"
      "# sent_id = 1\n"
      "# text = Officials said the talks would resume.\n"
      "1\tOfficials\tofficial\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
      "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
      "4\ttalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
      "5\twould\twould\tAUX\tMD\t_\t6\taux\t_\t_\n"
      "6\tresume\tresume\tVERB\tVB\t_\t2\tccomp\t_\tSpaceAfter=No\n"
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "\n"
      "# newdoc id = other_b\n"
      "# sent_id = 2\n"
      "# text = She will visit the region soon.\n"
      "1\tShe\tshe\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
      "2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_\n"
      "3\tvisit\tvisit\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
      "5\tregion\tregion\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
      "6\tsoon\tsoon\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No\n"
      "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
      "\n";
  auto path = std::filesystem::temp_directory_path() / "sitrep_tagger_gold.conllu";
  {
    std::ofstream out(path);
    out << conllu;
  }
  TaggerScores all, news;
  ASSERT_TRUE(tagger_accuracy(tiny_tagger(), path.string(), "", &all).ok());
  ASSERT_TRUE(tagger_accuracy(tiny_tagger(), path.string(), "news_", &news).ok());
  EXPECT_EQ(all.words, 14u);
  EXPECT_EQ(news.words, 7u);
  EXPECT_EQ(all.upos, 14u);
  EXPECT_EQ(all.xpos, 14u);
  EXPECT_EQ(all.lemma, 14u);
  EXPECT_NE(format_tagger_scores(all).find("UPOS 100.00"), std::string::npos) << format_tagger_scores(all);
  TaggerScores none;
  EXPECT_FALSE(tagger_accuracy(tiny_tagger(), path.string(), "absent_", &none).ok());
  EXPECT_FALSE(tagger_accuracy(tiny_tagger(), "/nonexistent.conllu", "", &none).ok());
  std::filesystem::remove(path);
}

TEST(TaggerTest, EmptyAndOddInput) {
  const Tagger& t = tiny_tagger();
  std::vector<std::string_view> none;
  std::vector<WordTags> tags;
  t.tag_words(none, tags);  // nothing to do, nothing to crash
  auto odd = tag(t, {"", "\xff\xfe", std::string(300, 'x'), "\xc3\xa9t\xc3\xa9", "123,456.78", "--"});
  EXPECT_EQ(odd.size(), 6u);
  for (const auto& w : odd) EXPECT_LT(w.cls, t.classes().size());
}

// The shipped model on a sentence of our own.
TEST(TaggerTest, ShippedModelTagsANewsSentence) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  auto tags = tag(t, {"Officials", "said", "the", "talks", "would", "resume", "."});
  std::vector<std::string_view> upos;
  for (const auto& x : tags) upos.push_back(kUpos[x.upos]);
  EXPECT_EQ(upos, (std::vector<std::string_view>{"NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"}));
  auto tags2 = tag(t, {"Rebels", "attacked", "a", "convoy", "near", "the", "border", "on", "Tuesday", "."});
  std::vector<std::string_view> upos2;
  for (const auto& x : tags2) upos2.push_back(kUpos[x.upos]);
  EXPECT_EQ(upos2, (std::vector<std::string_view>{"NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP",
                                                 "PROPN", "PUNCT"}));
  std::string scratch;
  EXPECT_EQ(t.lemma("said", tags[1], scratch), "say");
  EXPECT_EQ(t.lemma("talks", tags[3], scratch), "talk");
}

// A sentence has a finite verb: the only verb of a sentence that opens on a noun phrase is
// its past tense, not a participle ("A firefight ... erupted", "Police clashed with
// youths"); a headline's participle ("Document found on street", no full stop) and a
// participle with its "by" stay participles.
TEST(TaggerTest, ShippedModelGivesASentenceAFiniteVerb) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  auto xpos_of = [&](const std::vector<std::string>& words, size_t i) {
    return std::string(kXpos[tag(t, words)[i].xpos]);
  };
  EXPECT_EQ(xpos_of({"A", "firefight", "between", "Syrian", "rebels", "and", "Filipino", "peacekeepers", "erupted", "in",
                     "the", "Golan", "Heights", "."},
                    8),
            "VBD");
  EXPECT_EQ(xpos_of({"A", "huge", "car", "bomb", "exploded", "in", "central", "Beirut", ",", "killing", "the", "former",
                     "prime", "minister", "."},
                    4),
            "VBD");
  EXPECT_NE(xpos_of({"Document", "found", "on", "street"}, 1), "VBD");
  EXPECT_NE(xpos_of({"Two", "soldiers", "killed", "by", "a", "roadside", "bomb", "."}, 2), "VBD");
  // With no participle, an irregular past form read as a noun right after the subject is the
  // verb ("police shot dead two suspects": "shot", lemma "shoot"); a noun that only looks
  // like one is not ("Great parking space .").
  std::vector<std::string> shot{"Indonesian", "police", "shot", "dead", "two", "suspected", "terrorists", "."};
  std::vector<WordTags> tags = tag(t, shot);
  EXPECT_EQ(std::string(kXpos[tags[2].xpos]), "VBD");
  std::string scratch;
  EXPECT_EQ(t.lemma("shot", tags[2], scratch), "shoot");
  EXPECT_NE(xpos_of({"Great", "parking", "space", "."}, 1), "VBD");
  // A time between the subject and that verb is not it ("police Monday morning shot dead").
  std::vector<std::string> morning{"Zambian", "police", "Monday", "morning", "shot", "dead", "four", "suspects", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, morning)[4].xpos]), "VBD");
  // Nor where the shot went ("Gunmen shot into a crowded market"), the subject a plural in
  // "-men" the tagger read as a name where the sentence opens; a singular noun's compound
  // stays a noun ("A warning shot into the air.", no verb either).
  std::vector<std::string> into{"Gunmen", "shot", "into", "a", "crowded", "market", ",", "killing", "nine", "people", "."};
  tags = tag(t, into);
  EXPECT_EQ(std::string(kXpos[tags[0].xpos]), "NNS");
  EXPECT_EQ(std::string(kXpos[tags[1].xpos]), "VBD");
  EXPECT_NE(xpos_of({"A", "warning", "shot", "into", "the", "air", "."}, 2), "VBD");
}

// "Clashes between police and protesters erupted": a sentence opening on a present verb with
// no subject and "between" after it opens on a plural noun; "Sounds like a plan" stays.
TEST(TaggerTest, ShippedModelReadsAnOpeningEventNounAsANoun) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> clashes{"Clashes", "between", "Guinean", "police", "and", "protesters", "erupted", "in",
                                   "Conakry", "."};
  std::vector<WordTags> tags = tag(t, clashes);
  EXPECT_EQ(std::string(kXpos[tags[0].xpos]), "NNS");
  EXPECT_EQ(std::string(kXpos[tags[6].xpos]), "VBD");
  std::vector<std::string> sounds{"Sounds", "like", "a", "plan", "."};
  EXPECT_NE(std::string(kXpos[tag(t, sounds)[0].xpos]), "NNS");
}

// "Somali pirates hijacked a Greek cargo ship": a present verb in -s after a noun or adjective,
// before a past form with an object, is the subject's plural; "the minister feels betrayed by"
// keeps its verb.
TEST(TaggerTest, ShippedModelReadsAPluralSubjectBeforeAPastVerb) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> pirates{"Somali", "pirates", "hijacked", "a", "Greek", "cargo", "ship", "."};
  std::vector<WordTags> tags = tag(t, pirates);
  EXPECT_EQ(std::string(kXpos[tags[1].xpos]), "NNS");
  EXPECT_EQ(std::string(kXpos[tags[2].xpos]), "VBD");
  std::vector<std::string> feels{"The", "minister", "feels", "betrayed", "by", "his", "party", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, feels)[2].xpos]), "VBZ");
}

// "Demonstrators set fire to ...", "Youths threw stones at ...": a capitalised plural noun
// opening the sentence, read as a verb or a name, before a past form; "Protests erupted" and a
// name ("Reyes said") keep their tags.
TEST(TaggerTest, ShippedModelReadsAnOpeningPluralSubject) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> set{"Demonstrators", "set", "fire", "to", "the", "parliament", "building", "."};
  std::vector<WordTags> tags = tag(t, set);
  EXPECT_EQ(std::string(kXpos[tags[0].xpos]), "NNS");
  EXPECT_EQ(std::string(kXpos[tags[1].xpos]), "VBD");
  std::vector<std::string> youths{"Youths", "threw", "stones", "at", "police", "in", "Sevran", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, youths)[0].xpos]), "NNS");
  std::vector<std::string> name{"Williams", "said", "the", "talks", "failed", "."};
  EXPECT_NE(std::string(kXpos[tag(t, name)[0].xpos]), "NNS");
  std::vector<std::string> agency{"Reuters", "reported", "the", "attack", "."};
  EXPECT_NE(std::string(kXpos[tag(t, agency)[0].xpos]), "NNS");
}

// A headline with no verb the tagger saw: the present tense of a known verb right after the
// subject's noun, before its object ("Israel strikes Gaza", "Police arrest 40 protesters");
// a noun phrase with a participle keeps its nouns.
TEST(TaggerTest, ShippedModelFindsAHeadlinesVerb) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> strikes{"Israel", "strikes", "Gaza", "after", "rocket", "fire"};
  EXPECT_EQ(std::string(kXpos[tag(t, strikes)[1].xpos]), "VBZ");
  std::vector<std::string> arrest{"Police", "arrest", "40", "protesters", "in", "Minsk"};
  EXPECT_EQ(std::string(kXpos[tag(t, arrest)[1].xpos]), "VBP");
  std::vector<std::string> blast{"Key", "Delhi", "blast", "suspect", "arrested"};
  EXPECT_EQ(std::string(kXpos[tag(t, blast)[2].xpos]), "NN");
}

// "Greece agreed to resume talks": after a verb that takes an infinitive, "to" and a known verb
// the tagger read as a noun before its object are the infinitive; "returned to the resume
// pile" (no such verb before "to") keeps its noun.
TEST(TaggerTest, ShippedModelReadsTheInfinitiveAfterAgreedTo) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> agreed{"Greece", "agreed", "to", "resume", "talks", "with", "Turkey", "."};
  std::vector<WordTags> tags = tag(t, agreed);
  EXPECT_EQ(std::string(kXpos[tags[2].xpos]), "TO");
  EXPECT_EQ(std::string(kXpos[tags[3].xpos]), "VB");
  std::vector<std::string> pile{"She", "returned", "to", "the", "resume", "pile", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, pile)[4].xpos]), "NN");
}

// After "a" or "an", a plural noun modifies the noun that follows ("an arms embargo"), which
// the tagger read as a present verb.
TEST(TaggerTest, ShippedModelReadsAnArmsEmbargoAsANoun) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  std::vector<std::string> embargo{"They", "imposed", "an", "arms", "embargo", "on", "Sudan", "."};
  EXPECT_EQ(std::string(kXpos[tag(*shipped, embargo)[4].xpos]), "NN");
}

// After a form of "be", a past form the tagger read as a noun ("had all been shot") is the
// passive participle; a noun whose form is its own lemma stays one ("has been head of").
TEST(TaggerTest, ShippedModelReadsBeenShotAsAPassive) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> shot{"The", "victims", "had", "all", "been", "shot", "at", "close", "range", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, shot)[5].xpos]), "VBN");
  std::vector<std::string> head{"He", "has", "been", "head", "of", "the", "agency", "since", "2001", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, head)[3].xpos]), "NN");
}

// A headline's subject noun read as its verb, and its verb as a noun ("Police fire tear gas",
// "Clashes erupt in Tripoli"), trade tags; not when a noun before is the subject ("Army shells
// rebel positions": "shells" is the verb).
TEST(TaggerTest, ShippedModelReadsHeadlineSubjectAndVerb) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> fire{"Police", "fire", "tear", "gas", "at", "protesters", "in", "Caracas"};
  std::vector<WordTags> tags = tag(t, fire);
  EXPECT_EQ(std::string(kXpos[tags[0].xpos]).substr(0, 2), "NN");
  EXPECT_EQ(std::string(kXpos[tags[1].xpos]), "VBP");
  std::vector<std::string> clashes{"Clashes", "erupt", "in", "Tripoli", ",", "dozens", "dead"};
  tags = tag(t, clashes);
  EXPECT_EQ(std::string(kXpos[tags[0].xpos]), "NNS");
  EXPECT_EQ(std::string(kXpos[tags[1].xpos]), "VBP");
  std::vector<std::string> army{"Army", "shells", "rebel", "positions", "in", "eastern", "Congo"};
  EXPECT_EQ(std::string(kXpos[tag(t, army)[1].xpos]), "VBZ");
}

// "met with visiting Kenyan President Mwai Kibaki": "visiting" before a title or a
// nationality is an adjective, not a verb taking the name; "visiting relatives" stays a verb.
TEST(TaggerTest, ShippedModelReadsVisitingBeforeATitleAsAnAdjective) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> met{"Hu", "met", "with", "visiting", "Kenyan", "President", "Mwai", "Kibaki", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, met)[3].xpos]), "JJ");
  std::vector<std::string> relatives{"He", "was", "visiting", "relatives", "in", "Ohio", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, relatives)[2].xpos]), "VBG");
}

// A past form right before "dead" is the verb, in a sentence that has another finite verb
// too ("The army said its troops shot dead a gunman"): the past tense after its subject, the
// participle after "was"; a noun before "dead" that is no verb's past stays ("the death toll").
TEST(TaggerTest, ShippedModelReadsShotDeadAsTheVerb) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> said{"The", "Israeli", "army", "said", "its", "troops", "shot", "dead", "a", "gunman", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, said)[6].xpos]), "VBD");
  std::vector<std::string> troops{"Israeli", "troops", "shot", "dead", "a", "Palestinian", "gunman", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, troops)[2].xpos]), "VBD");
  std::vector<std::string> was{"A", "gunman", "was", "shot", "dead", "by", "troops", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, was)[3].xpos]), "VBN");
  std::vector<std::string> toll{"The", "toll", "of", "dead", "rose", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, toll)[1].xpos]), "NN");
}

// A participle describing the subject is no verb of the sentence when a past form follows
// with its object ("A grenade lobbed from a car injured two officers": "lobbed" VBN,
// "injured" VBD); a past tense followed by a noun that is no verb stays ("Police fired at
// protesters in the square .").
TEST(TaggerTest, ShippedModelReadsAReducedRelativeBeforeTheVerb) {
  const Tagger* shipped = shipped_tagger();
  if (!shipped) GTEST_FAIL() << "models/tagger.bin (shipped) is absent or unreadable";
  const Tagger& t = *shipped;
  std::vector<std::string> grenade{"A",   "grenade", "lobbed",  "from", "a",   "moving",   "car",
                                   "at",  "a",       "police",  "post", "injured", "two", "police",
                                   "officers", "in", "Acapulco", "."};
  std::vector<WordTags> tags = tag(t, grenade);
  EXPECT_EQ(std::string(kXpos[tags[2].xpos]), "VBN");
  EXPECT_EQ(std::string(kXpos[tags[11].xpos]), "VBD");
  std::vector<std::string> fired{"Police", "fired", "at", "protesters", "in", "the", "square", "."};
  EXPECT_EQ(std::string(kXpos[tag(t, fired)[1].xpos]), "VBD");
}

}  // namespace
}  // namespace sitrep::tagger
