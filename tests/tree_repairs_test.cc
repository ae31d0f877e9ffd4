// Tree repairs (src/events/tree_repairs.h) on the misparses a statistical parser makes of
// news sentences: each test gives a tree as a parser wrote it (sentences and trees written
// for these tests) and checks the tree the stages after the parser read.
#include "events/tree_repairs.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/tagset.h"
#include "io/conllu_reader.h"

namespace sitrep::events {
namespace {

// One sentence from rows "form lemma UPOS XPOS head deprel", its words analysed as given.
Document tree(const std::vector<std::string>& rows) {
  std::string conllu;
  std::vector<std::vector<std::string>> cols;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::istringstream in(rows[i]);
    std::vector<std::string> c(6);
    for (std::string& x : c) in >> x;
    conllu += std::to_string(i + 1) + "\t" + c[0] + "\t" + c[1] + "\t" + c[2] + "\t" + c[3] + "\t_\t" + c[4] + "\t" +
              c[5] + "\t_\t_\n";
    cols.push_back(c);
  }
  auto corpus = io::parse_conllu(conllu + "\n", "test");
  EXPECT_TRUE(corpus.ok());
  std::vector<Document> docs = io::conllu_documents(corpus.value(), "test");
  Document doc = std::move(docs.at(0));
  for (size_t i = 0; i < cols.size(); ++i) {
    Word& w = doc.words[i];
    w.lemma = doc.add_to_pool(cols[i][1]);
    w.upos = upos_id(cols[i][2]);
    w.xpos = xpos_id(cols[i][3]);
    w.head = static_cast<uint32_t>(std::stoi(cols[i][4]));
    w.deprel = deprel_id(cols[i][5]);
  }
  repair_trees(doc);
  return doc;
}

// Word i's (1-based) head and relation after the repairs, as "head:deprel".
std::string arc(const Document& doc, int i) {
  const Word& w = doc.words[static_cast<size_t>(i - 1)];
  return std::to_string(w.head) + ":" + std::string(kDeprel[w.deprel]);
}

TEST(TreeRepairsTest, ReportReadAsRelativeClauseOfTheSpeechVerbsObject) {
  // "persons were killed" read as a relative clause on the object of "said": a clause with an
  // auxiliary and neither a subject nor a relative word is what the persons underwent.
  Document d = tree({"Witnesses witness NOUN NNS 2 nsubj", "said say VERB VBD 0 root", "12 12 NUM CD 4 nummod",
                     "people person NOUN NNS 2 obj", "were be AUX VBD 6 aux:pass", "killed kill VERB VBN 4 acl:relcl",
                     "in in ADP IN 9 case", "the the DET DT 9 det", "blast blast NOUN NN 6 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 6), "2:ccomp");
  EXPECT_EQ(arc(d, 4), "6:nsubj:pass");
  // A real relative clause keeps its reading.
  Document r = tree({"Witnesses witness NOUN NNS 2 nsubj", "saw see VERB VBD 0 root", "people person NOUN NNS 2 obj",
                     "who who PRON WP 6 nsubj", "were be AUX VBD 6 aux", "fleeing flee VERB VBG 3 acl:relcl",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(r, 6), "3:acl:relcl");
}

TEST(TreeRepairsTest, SentenceFinalReportWithItsSubjectReadAsRelativeClause) {
  Document d = tree({"Two two NUM CD 2 nummod", "people person NOUN NNS 3 nsubj", "died die VERB VBD 0 root",
                     "when when ADV WRB 6 advmod", "police police NOUN NN 6 nsubj", "fired fire VERB VBD 3 advcl",
                     "on on ADP IN 9 case", "the the DET DT 9 det", "crowd crowd NOUN NN 6 obl", ", , PUNCT , 14 punct",
                     "the the DET DT 13 det", "news news NOUN NN 13 compound", "agency agency NOUN NN 14 nsubj",
                     "reported report VERB VBD 9 acl:relcl", "Monday Monday PROPN NNP 14 obl:unmarked",
                     ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 14), "3:parataxis");
  EXPECT_EQ(arc(d, 13), "14:nsubj");
  // "the crowd that the agency described": a relative word, no report.
  Document r = tree({"Police police NOUN NN 2 nsubj", "fired fire VERB VBD 0 root", "on on ADP IN 5 case",
                     "the the DET DT 5 det", "crowd crowd NOUN NN 2 obl", ", , PUNCT , 9 punct",
                     "which which PRON WDT 9 obj", "witnesses witness NOUN NNS 9 nsubj", "said say VERB VBD 5 acl:relcl",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(r, 9), "5:acl:relcl");
}

TEST(TreeRepairsTest, SpeakerAfterACommaReadAsTheNounTheReportHangsOn) {
  // ", a senior official said on Friday": "said" as a clause on "official", itself an
  // apposition to the noun before the comma.
  Document d = tree({"Talks talk NOUN NNS 3 nsubj", "will will AUX MD 3 aux", "resume resume VERB VB 0 root",
                     "next next ADJ JJ 5 amod", "month month NOUN NN 3 obl:unmarked", ", , PUNCT , 9 punct",
                     "a a DET DT 9 det", "senior senior ADJ JJ 9 amod", "official official NOUN NN 5 appos",
                     "said say VERB VBD 9 acl", "on on ADP IN 12 case", "Friday Friday PROPN NNP 10 obl",
                     ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 10), "3:parataxis");
  EXPECT_EQ(arc(d, 9), "10:nsubj");
}

TEST(TreeRepairsTest, ReportHungOnTheObjectAsItsParataxis) {
  // "recaptured the village, the defence ministry said": the report on the object would make
  // the ministry part of whom the act was done to.
  Document d = tree({"Troops troop NOUN NNS 2 nsubj", "recaptured recapture VERB VBD 0 root", "the the DET DT 4 det",
                     "village village NOUN NN 2 obj", ", , PUNCT , 8 punct", "the the DET DT 7 det",
                     "ministry ministry NOUN NN 8 nsubj", "said say VERB VBD 4 parataxis", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 8), "2:parataxis");
}

TEST(TreeRepairsTest, KillingClauseHungOnTheFarNoun) {
  // "claimed responsibility for the attack, which killed 12 policemen": the attack killed them.
  Document d = tree({"Rebels rebel NOUN NNS 2 nsubj", "claimed claim VERB VBD 0 root",
                     "responsibility responsibility NOUN NN 2 obj", "for for ADP IN 6 case", "the the DET DT 6 det",
                     "attack attack NOUN NN 3 nmod", ", , PUNCT , 9 punct", "which which PRON WDT 9 nsubj",
                     "killed kill VERB VBD 3 acl:relcl", "12 12 NUM CD 11 nummod", "policemen policeman NOUN NNS 9 obj",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 9), "6:acl:relcl");
}

TEST(TreeRepairsTest, KillingClauseIsTheAttacksNotTheLastNouns) {
  // "the attack on the bus, which left 28 passengers dead": the attack did it.
  Document d = tree({"Police police NOUN NNS 2 nsubj", "blamed blame VERB VBD 0 root", "rebels rebel NOUN NNS 2 obj",
                     "for for ADP IN 6 case", "the the DET DT 6 det", "attack attack NOUN NN 2 obl",
                     "on on ADP IN 9 case", "the the DET DT 9 det", "bus bus NOUN NN 6 nmod", ", , PUNCT , 12 punct",
                     "which which PRON WDT 12 nsubj", "left leave VERB VBD 9 acl:relcl", "28 28 NUM CD 14 nummod",
                     "passengers passenger NOUN NNS 12 obj", "dead dead ADJ JJ 12 xcomp", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 12), "6:acl:relcl");
}

TEST(TreeRepairsTest, OpeningNounAndParticipleReadAsAModifiedNoun) {
  // "Police blamed rebels for the attack": "Police" read as a compound, "blamed" as the
  // rebels' participle, the rebels as the root.
  Document d = tree({"Police police NOUN NNS 3 compound", "blamed blame VERB VBN 3 amod", "rebels rebel NOUN NNS 0 root",
                     "for for ADP IN 6 case", "the the DET DT 6 det", "attack attack NOUN NN 3 nmod",
                     ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 2), "0:root");
  EXPECT_EQ(arc(d, 1), "2:nsubj");
  EXPECT_EQ(arc(d, 3), "2:obj");
}

TEST(TreeRepairsTest, ObjectAndSpeakersReadAsOneList) {
  // "The bombing killed 25 people, Afghan officials said": "people, officials" read as the
  // speech verb's subject, a list.
  Document d = tree({"The the DET DT 2 det", "bombing bombing NOUN NN 3 nsubj", "killed kill VERB VBD 9 ccomp",
                     "25 25 NUM CD 5 nummod", "people person NOUN NNS 9 nsubj", ", , PUNCT , 8 punct",
                     "Afghan Afghan ADJ JJ 8 amod", "officials official NOUN NNS 5 conj", "said say VERB VBD 0 root",
                     ". . PUNCT . 9 punct"});
  EXPECT_EQ(arc(d, 5), "3:obj");
  EXPECT_EQ(arc(d, 8), "9:nsubj");
  // A list joined by "and" is a list: "Russia, China and Iran said".
  Document l = tree({"Talks talk NOUN NNS 2 nsubj", "failed fail VERB VBD 9 ccomp", "Russia Russia PROPN NNP 9 nsubj",
                     ", , PUNCT , 5 punct", "China China PROPN NNP 3 conj", "and and CCONJ CC 7 cc",
                     "Iran Iran PROPN NNP 3 conj", "have have AUX VBP 9 aux", "said say VERB VBN 0 root",
                     ". . PUNCT . 9 punct"});
  EXPECT_EQ(arc(l, 3), "9:nsubj");
}

TEST(TreeRepairsTest, ReceiverReadAsACompoundOfTheAmount) {
  // "will lend Argentina 50 billion dollars": no name modifies a phrase opening on a number.
  Document d = tree({"The the DET DT 2 det", "IMF IMF PROPN NNP 4 nsubj", "will will AUX MD 4 aux",
                     "lend lend VERB VB 0 root", "Argentina Argentina PROPN NNP 7 compound", "50 50 NUM CD 7 compound",
                     "billion billion NUM CD 8 nummod", "dollars dollar NOUN NNS 4 obj", ". . PUNCT . 4 punct"});
  EXPECT_EQ(arc(d, 5), "4:iobj");
}

TEST(TreeRepairsTest, CountedNounAfterMoreThanIsTheObject) {
  Document d = tree({"Troops troop NOUN NNS 2 nsubj", "killed kill VERB VBD 0 root", "more more ADJ JJR 2 obj",
                     "than than ADP IN 7 case", "200 200 NUM CD 7 nummod", "rebel rebel NOUN NN 7 compound",
                     "fighters fighter NOUN NNS 3 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 7), "2:obj");
  EXPECT_EQ(arc(d, 3), "5:advmod");
  EXPECT_EQ(arc(d, 4), "3:fixed");
}

// "more than 20,000 have fled their homes": a number hung on the verb after it as its
// nummod is the verb's subject; a verb with a subject keeps the tree's reading.
TEST(TreeRepairsTest, NumberReadAsTheVerbsModifierIsItsSubject) {
  Document d = tree({"more more ADJ JJR 3 advmod", "than than ADP IN 1 fixed", "20,000 20,000 NUM CD 5 nummod",
                     "have have AUX VBP 5 aux", "fled flee VERB VBN 0 root", "their their PRON PRP$ 7 nmod:poss",
                     "homes home NOUN NNS 5 obj", ". . PUNCT . 5 punct"});
  EXPECT_EQ(arc(d, 3), "5:nsubj");
  d = tree({"Police police NOUN NNS 3 nsubj", "20 20 NUM CD 3 nummod", "arrested arrest VERB VBD 0 root",
            ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 2), "3:nummod");
}

// "A spokesman said one of the fighters had carried out the attack": the speech verb hung as an
// adverbial clause on the reported verb after it reports it; a clause with its own
// subordinating word ("as he said") keeps the tree's reading.
TEST(TreeRepairsTest, SpeechVerbReadAsAdverbialClauseReportsTheVerbAfterIt) {
  const std::vector<std::string> report = {"the the DET DT 5 det", "fighters fighter NOUN NNS 7 nsubj",
                                           "had have AUX VBD 7 aux", "attacked attack VERB VBN 0 root",
                                           "the the DET DT 9 det", "post post NOUN NN 7 obj", ". . PUNCT . 7 punct"};
  auto with = [&](std::vector<std::string> rows) {
    rows.insert(rows.end(), report.begin(), report.end());
    return tree(rows);
  };
  Document d = with({"A a DET DT 2 det", "spokesman spokesman NOUN NN 3 nsubj", "said say VERB VBD 7 advcl"});
  EXPECT_EQ(arc(d, 3), "0:root");
  EXPECT_EQ(arc(d, 7), "3:ccomp");
  d = with({"As as SCONJ IN 3 mark", "he he PRON PRP 3 nsubj", "said say VERB VBD 7 advcl"});
  EXPECT_EQ(arc(d, 3), "7:advcl");
}

// "Police killed two robbers and arrested three others": the second verb read as an adjective
// of its object, joined to the first verb's object, is the first verb's conjunct.
TEST(TreeRepairsTest, SecondVerbReadAsAModifierInTheList) {
  Document d = tree({"Police police NOUN NNS 2 nsubj", "killed kill VERB VBD 0 root", "two two NUM CD 4 nummod",
                     "robbers robber NOUN NNS 2 obj", "and and CCONJ CC 8 cc", "arrested arrest VERB VBN 8 amod",
                     "three three NUM CD 8 nummod", "others other NOUN NNS 4 conj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 6), "2:conj");
  EXPECT_EQ(arc(d, 8), "6:obj");
  EXPECT_EQ(arc(d, 5), "6:cc");
}

TEST(TreeRepairsTest, PerfectReadAsPossession) {
  // "have restored diplomatic ties": "have" read as the verb, the participle as an adjective.
  Document d = tree({"Egypt Egypt PROPN NNP 4 nsubj", "and and CCONJ CC 3 cc", "Iran Iran PROPN NNP 1 conj",
                     "have have VERB VBP 0 root", "restored restore VERB VBN 7 amod", "diplomatic diplomatic ADJ JJ 7 amod",
                     "ties tie NOUN NNS 4 obj", ". . PUNCT . 4 punct"});
  EXPECT_EQ(arc(d, 5), "0:root");
  EXPECT_EQ(arc(d, 4), "5:aux");
  EXPECT_EQ(arc(d, 7), "5:obj");
  EXPECT_EQ(arc(d, 1), "5:nsubj");
  // An adjective the tagger gave its class keeps "have" the verb: "have armed guards".
  Document a = tree({"They they PRON PRP 2 nsubj", "have have VERB VBP 0 root", "armed armed ADJ JJ 4 amod",
                     "guards guard NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(a, 2), "0:root");
}

TEST(TreeRepairsTest, HeadlinePassiveWithoutAuxiliary) {
  // "Three policemen killed in ambush": a verb that always takes an object, with none, is
  // the passive its auxiliary was left out of.
  Document d = tree({"Three three NUM CD 2 nummod", "policemen policeman NOUN NNS 3 nsubj", "killed kill VERB VBD 0 root",
                     "in in ADP IN 5 case", "ambush ambush NOUN NN 3 obl", ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 2), "3:nsubj:pass");
  // "14 injured" after a comma; "two shot dead".
  Document a = tree({"Two two NUM CD 2 nsubj", "shot shoot VERB VBD 0 root", "dead dead ADJ JJ 2 xcomp",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(a, 1), "2:nsubj:pass");
  // With an object, even one the tree read as an oblique, it is the active past.
  Document b = tree({"Police police NOUN NNS 2 nsubj", "arrested arrest VERB VBD 0 root", "15 15 NUM CD 4 nummod",
                     "Palestinians Palestinian PROPN NNPS 2 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(b, 1), "2:nsubj");
  // Nor a verb that may stand alone: "Three men died".
  Document c = tree({"Three three NUM CD 2 nummod", "men man NOUN NNS 3 nsubj", "died die VERB VBD 0 root",
                     ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(c, 2), "3:nsubj");
}

TEST(TreeRepairsTest, InvertedSpeakerReadAsObject) {
  // "..., four were killed, said Palestinian medics": the speech verb joined to the report,
  // with the speaker as its object, governs the report with the speaker as its subject.
  Document d = tree({"Four four NUM CD 2 nummod", "Palestinians Palestinian PROPN NNPS 4 nsubj:pass",
                     "were be AUX VBD 4 aux:pass", "killed kill VERB VBN 0 root", ", , PUNCT , 6 punct",
                     "said say VERB VBD 4 conj", "Palestinian Palestinian ADJ JJ 8 amod", "medics medic NOUN NNS 6 obj",
                     ". . PUNCT . 4 punct"});
  EXPECT_EQ(arc(d, 6), "0:root");
  EXPECT_EQ(arc(d, 4), "6:ccomp");
  EXPECT_EQ(arc(d, 8), "6:nsubj");
  // A speech verb with an object that does not end the sentence is no inverted speaker:
  // "..., and told reporters about it".
  Document a = tree({"Police police NOUN NNS 2 nsubj", "arrived arrive VERB VBD 0 root", ", , PUNCT , 4 punct",
                     "told tell VERB VBD 2 conj", "reporters reporter NOUN NNS 4 obj", "about about ADP IN 7 case",
                     "it it PRON PRP 4 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(a, 4), "2:conj");
  EXPECT_EQ(arc(a, 5), "4:obj");
}

TEST(TreeRepairsTest, ReporterNameSplitBeforeTheSpeechVerb) {
  // "Gunmen killed two policemen in Peshawar, the Associated Press of Pakistan reported": the
  // tree made "Press" a conjunct of the place and "of Pakistan reported" a relative clause.
  Document d = tree({"Gunmen gunman NOUN NNS 2 nsubj", "killed kill VERB VBD 0 root", "two two NUM CD 4 nummod",
                     "policemen policeman NOUN NNS 2 obj", "in in ADP IN 6 case", "Peshawar Peshawar PROPN NNP 4 nmod",
                     ", , PUNCT , 10 punct", "the the DET DT 10 det", "Associated associated ADJ JJ 10 amod",
                     "Press Press PROPN NNP 6 conj", "of of ADP IN 13 case", "Pakistan Pakistan PROPN NNP 13 nsubj",
                     "reported report VERB VBD 10 acl:relcl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 13), "2:parataxis");
  EXPECT_EQ(arc(d, 10), "13:nsubj");
  EXPECT_EQ(arc(d, 12), "10:nmod");
  EXPECT_EQ(arc(d, 11), "12:case");
  EXPECT_EQ(arc(d, 6), "4:nmod");
  // A speech verb that is the root already, after a comma, reports nothing before it.
  Document p = tree({"In in ADP IN 2 case", "Kabul Kabul PROPN NNP 6 obl", ", , PUNCT , 6 punct",
                     "the the DET DT 5 det", "ministry ministry NOUN NN 6 nsubj", "said say VERB VBD 0 root",
                     ". . PUNCT . 6 punct"});
  EXPECT_EQ(arc(p, 6), "0:root");
  EXPECT_EQ(arc(p, 5), "6:nsubj");
}

TEST(TreeRepairsTest, ParticipleOnTheNounBeforeItReadAsTheRoot) {
  // "Two militants were killed in airstrikes carried out by Israeli aircraft, medics
  // reported": the tree made "carried" the past-tense root with the killing as its clausal
  // subject.
  Document d = tree({"Two two NUM CD 2 nummod", "militants militant NOUN NNS 4 nsubj:pass", "were be AUX VBD 4 aux:pass",
                     "killed kill VERB VBN 7 csubj", "in in ADP IN 6 case", "airstrikes airstrike NOUN NNS 4 obl",
                     "carried carry VERB VBD 0 root", "out out ADP RP 7 compound:prt", "by by ADP IN 11 case",
                     "Israeli Israeli ADJ JJ 11 amod", "aircraft aircraft NOUN NN 7 obl", ", , PUNCT , 14 punct",
                     "medics medic NOUN NNS 14 nsubj", "reported report VERB VBD 7 parataxis", ". . PUNCT . 7 punct"});
  EXPECT_EQ(arc(d, 4), "0:root");
  EXPECT_EQ(arc(d, 7), "6:acl");
  EXPECT_EQ(kXpos[d.words[6].xpos], std::string_view("VBN"));
  EXPECT_EQ(arc(d, 14), "4:parataxis");
  EXPECT_EQ(arc(d, 15), "4:punct");
  // A root with a subject of its own stays: "Rebels carried out attacks by night".
  Document k = tree({"Rebels rebel NOUN NNS 2 nsubj", "carried carry VERB VBD 0 root", "out out ADP RP 2 compound:prt",
                     "attacks attack NOUN NNS 2 obj", "by by ADP IN 6 case", "night night NOUN NN 2 obl",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(k, 2), "0:root");
}

TEST(TreeRepairsTest, SpeakerAfterTheCommaReadAsAnApposition) {
  // "Four Palestinians were wounded in Qabatia, Palestinian sources said": the speaker hung
  // on the place as its apposition, the report on "said" as a relative clause.
  Document d = tree({"Four four NUM CD 2 nummod", "Palestinians Palestinian PROPN NNPS 4 nsubj:pass",
                     "were be AUX VBD 4 aux:pass", "wounded wound VERB VBN 10 acl:relcl", "in in ADP IN 6 case",
                     "Qabatia Qabatia PROPN NNP 4 obl", ", , PUNCT , 9 punct", "Palestinian Palestinian ADJ JJ 9 amod",
                     "sources source NOUN NNS 6 appos", "said say VERB VBD 0 root", ". . PUNCT . 10 punct"});
  EXPECT_EQ(arc(d, 9), "10:nsubj");
  EXPECT_EQ(arc(d, 4), "10:ccomp");
  // A speech verb with a subject of its own keeps its tree.
  Document a = tree({"Officials official NOUN NNS 2 nsubj", "said say VERB VBD 0 root", "troops troop NOUN NNS 4 nsubj",
                     "left leave VERB VBD 2 ccomp", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(a, 4), "2:ccomp");
  EXPECT_EQ(arc(a, 1), "2:nsubj");
}

TEST(TreeRepairsTest, PhraseAfterACommaClosedRelativeClauseIsTheVerbs) {
  // "He blamed the attack, which took place Wednesday, on militants": the tree hung "on
  // militants" inside the relative clause.
  Document d = tree({"He he PRON PRP 2 nsubj", "blamed blame VERB VBD 0 root", "the the DET DT 4 det",
                     "attack attack NOUN NN 2 obj", ", , PUNCT , 7 punct", "which which PRON WDT 7 nsubj",
                     "took take VERB VBD 4 acl:relcl", "place place NOUN NN 7 obj", "Wednesday Wednesday PROPN NNP 7 obl",
                     ", , PUNCT , 12 punct", "on on ADP IN 12 case", "militants militant NOUN NNS 9 nmod",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 12), "2:obl");
  // A phrase inside the clause, with no comma before it, stays there: "which took place on
  // Wednesday".
  Document k = tree({"He he PRON PRP 2 nsubj", "blamed blame VERB VBD 0 root", "the the DET DT 4 det",
                     "attack attack NOUN NN 2 obj", ", , PUNCT , 7 punct", "which which PRON WDT 7 nsubj",
                     "took take VERB VBD 4 acl:relcl", "place place NOUN NN 7 obj", "on on ADP IN 10 case",
                     "Wednesday Wednesday PROPN NNP 7 obl", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(k, 10), "7:obl");
}

TEST(TreeRepairsTest, ConjunctReadAsAnApposition) {
  // "wounded four civilians and a marine": the list's second part hung as an apposition.
  Document d = tree({"Strikes strike NOUN NNS 2 nsubj", "wounded wound VERB VBD 0 root", "four four NUM CD 4 nummod",
                     "civilians civilian NOUN NNS 2 obj", "and and CCONJ CC 7 cc", "a a DET DT 7 det",
                     "marine marine PROPN NNP 4 appos", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 7), "4:conj");
  // A real apposition stays: "Kuleba, the foreign minister".
  Document a = tree({"Kuleba Kuleba PROPN NNP 4 nsubj", ", , PUNCT , 3 punct", "minister minister NOUN NN 1 appos",
                     "spoke speak VERB VBD 0 root", ". . PUNCT . 4 punct"});
  EXPECT_EQ(arc(a, 3), "1:appos");
}

TEST(TreeRepairsTest, ParticipleAfterANumberReadAsASecondVerb) {
  // "released six jailed Americans": "jailed" read as a verb joined to "released".
  Document d = tree({"Venezuela Venezuela PROPN NNP 2 nsubj", "released release VERB VBD 0 root",
                     "six six NUM CD 2 obj", "jailed jail VERB VBD 2 conj", "Americans American PROPN NNPS 4 obj",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 5), "2:obj");
  EXPECT_EQ(arc(d, 3), "5:nummod");
  EXPECT_EQ(arc(d, 4), "5:amod");
  // Two verbs joined by "and" stay: "killed two and wounded five others".
  Document k = tree({"Gunmen gunman NOUN NNS 2 nsubj", "killed kill VERB VBD 0 root", "two two NUM CD 2 obj",
                     "and and CCONJ CC 5 cc", "wounded wound VERB VBD 2 conj", "others other NOUN NNS 5 obj",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(k, 5), "2:conj");
}

TEST(TreeRepairsTest, SubjectReadAsAppositionOfAFrontedPhrase) {
  // "In another blast at the court, four people were killed": the fronted phrase read as the
  // subject and the subject after its comma as an apposition inside it.
  Document d = tree({"In in ADP IN 3 case", "another another DET DT 3 det", "blast blast NOUN NN 11 nsubj:pass",
                     "at at ADP IN 6 case", "the the DET DT 6 det", "court court NOUN NN 3 nmod",
                     ", , PUNCT , 9 punct", "four four NUM CD 9 nummod", "people person NOUN NNS 6 appos",
                     "were be AUX VBD 11 aux:pass", "killed kill VERB VBN 0 root", ". . PUNCT . 11 punct"});
  EXPECT_EQ(arc(d, 9), "11:nsubj:pass");
  EXPECT_EQ(arc(d, 3), "11:obl");
  // A subject with no preposition of its own keeps its apposition: "The minister, a lawyer,
  // was arrested".
  Document k = tree({"The the DET DT 2 det", "minister minister NOUN NN 8 nsubj:pass", ", , PUNCT , 5 punct",
                     "a a DET DT 5 det", "lawyer lawyer NOUN NN 2 appos", ", , PUNCT , 5 punct",
                     "was be AUX VBD 8 aux:pass", "arrested arrest VERB VBN 0 root", ". . PUNCT . 8 punct"});
  EXPECT_EQ(arc(k, 5), "2:appos");
  EXPECT_EQ(arc(k, 2), "8:nsubj:pass");
}

TEST(TreeRepairsTest, SecondVerbReadInsideTheFirstOnesObject) {
  // "killing one militant and wounded three others": "wounded" read as an adjective joined to
  // "militant", inside the object of "killing".
  Document d = tree({"A a DET DT 2 det", "drone drone NOUN NN 3 nsubj", "fired fire VERB VBD 0 root",
                     ", , PUNCT , 5 punct", "killing kill VERB VBG 3 advcl", "one one NUM CD 11 nummod",
                     "militant militant ADJ JJ 11 amod", "and and CCONJ CC 9 cc", "wounded wounded ADJ JJ 7 conj",
                     "three three NUM CD 11 nummod", "others other NOUN NNS 5 obj", ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 7), "5:obj");
  EXPECT_EQ(arc(d, 6), "7:nummod");
  EXPECT_EQ(arc(d, 9), "5:conj");
  EXPECT_EQ(arc(d, 11), "9:obj");
  // An adjective in a list of the object stays: "killing two armed and masked men" has no
  // number after the adjective.
  Document k = tree({"Police police NOUN NNS 2 nsubj", "shot shoot VERB VBD 0 root", "two two NUM CD 7 nummod",
                     "armed armed ADJ JJ 7 amod", "and and CCONJ CC 6 cc", "masked masked ADJ JJ 4 conj",
                     "men man NOUN NNS 2 obj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(k, 6), "4:conj");
  EXPECT_EQ(arc(k, 7), "2:obj");
}

TEST(TreeRepairsTest, TitleReadAsTheHeadOfANamedPerson) {
  // "met with visiting Thai Deputy Prime Minister Somkid": the first title word read as the
  // phrase's head and the name as its apposition.
  Document d = tree({"Wu Wu PROPN NNP 2 nsubj", "met meet VERB VBD 0 root", "with with ADP IN 6 case",
                     "visiting visiting ADJ JJ 6 amod", "Thai Thai ADJ JJ 6 amod", "Deputy deputy NOUN NN 2 obl",
                     "Prime Prime ADJ JJ 8 amod", "Minister Minister PROPN NNP 9 nmod:desc",
                     "Somkid Somkid PROPN NNP 6 appos", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 9), "2:obl");
  EXPECT_EQ(arc(d, 6), "9:nmod:desc");
  EXPECT_EQ(arc(d, 3), "9:case");
  EXPECT_EQ(arc(d, 5), "9:amod");
  // An apposition set off by a comma stays one: "the minister, Somkid, said".
  Document k = tree({"The the DET DT 2 det", "minister minister NOUN NN 6 nsubj", ", , PUNCT , 4 punct",
                     "Somkid Somkid PROPN NNP 2 appos", ", , PUNCT , 4 punct", "said say VERB VBD 0 root",
                     ". . PUNCT . 6 punct"});
  EXPECT_EQ(arc(k, 4), "2:appos");
}

TEST(TreeRepairsTest, ParticipleOnTheSubjectReadAsTheVerb) {
  // "A soldier assigned to the brigade, was killed": "assigned" read as the verb, "was
  // killed" as its conjunct.
  Document d = tree({"A a DET DT 2 det", "soldier soldier NOUN NN 3 nsubj", "assigned assign VERB VBN 0 root",
                     "to to ADP IN 6 case", "the the DET DT 6 det", "brigade brigade NOUN NN 3 obl",
                     ", , PUNCT , 9 punct", "was be AUX VBD 9 aux:pass", "killed kill VERB VBN 3 conj",
                     ". . PUNCT . 3 punct"});
  EXPECT_EQ(arc(d, 9), "0:root");
  EXPECT_EQ(arc(d, 2), "9:nsubj:pass");
  EXPECT_EQ(arc(d, 3), "2:acl");
  EXPECT_EQ(arc(d, 10), "9:punct");
  // Two verbs joined by "and" stay: "Troops advanced and were ambushed".
  Document k = tree({"Troops troops NOUN NNS 2 nsubj", "advanced advance VERB VBN 0 root", "and and CCONJ CC 5 cc",
                     "were be AUX VBD 5 aux:pass", "ambushed ambush VERB VBN 2 conj", ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(k, 5), "2:conj");
}

TEST(TreeRepairsTest, ByPhraseReadAsAConjunctOfAPlace) {
  // "Attacks on the zone in Lebanon, mainly by Hezbollah, killed 13": "by Hezbollah" read as a
  // conjunct of "Lebanon".
  Document d = tree({"Attacks attack NOUN NNS 10 nsubj", "on on ADP IN 4 case", "the the DET DT 4 det",
                     "zone zone NOUN NN 1 nmod", "in in ADP IN 6 case", "Lebanon Lebanon PROPN NNP 4 nmod",
                     ", , PUNCT , 9 punct", "by by ADP IN 9 case", "Hezbollah Hezbollah PROPN NNP 6 conj",
                     "killed kill VERB VBD 0 root", "13 13 NUM CD 10 obj", ". . PUNCT . 10 punct"});
  EXPECT_EQ(arc(d, 9), "1:nmod");
  // A list of agents stays: "by the army and by the police" (the first has its "by").
  Document k = tree({"Attacks attack NOUN NNS 0 root", "by by ADP IN 4 case", "the the DET DT 4 det",
                     "army army NOUN NN 1 nmod", "and and CCONJ CC 8 cc", "by by ADP IN 8 case",
                     "the the DET DT 8 det", "police police NOUN NN 4 conj"});
  EXPECT_EQ(arc(k, 8), "4:conj");
}

TEST(TreeRepairsTest, HyphenedDoerReadAsTheHeadOfItsNoun) {
  // "an upsurge in Taliban-blamed attacks": "Taliban" read as the head, "attacks" below it.
  Document d = tree({"an a DET DT 2 det", "upsurge upsurge NOUN NN 0 root", "in in ADP IN 4 case",
                     "Taliban Taliban PROPN NNP 2 nmod", "- - PUNCT HYPH 7 punct", "blamed blamed ADJ JJ 7 amod",
                     "attacks attack NOUN NNS 4 nmod"});
  EXPECT_EQ(arc(d, 7), "2:nmod");
  EXPECT_EQ(arc(d, 3), "7:case");
  EXPECT_EQ(arc(d, 4), "6:obl");
  // A compound read right stays: "a Taliban-claimed attack".
  Document k = tree({"a a DET DT 5 det", "Taliban Taliban PROPN NNP 4 compound", "- - PUNCT HYPH 2 punct",
                     "claimed claim VERB VBN 5 amod", "attack attack NOUN NN 0 root"});
  EXPECT_EQ(arc(k, 2), "4:compound");
  EXPECT_EQ(arc(k, 5), "0:root");
}

TEST(TreeRepairsTest, FrontedPhraseReadAsTheRoot) {
  // "Between Monday and Tuesday police freed 300 people": the fronted phrase read as the
  // root, "freed" as a modifier of "people".
  Document d = tree({"Between between ADP IN 2 case", "Monday Monday PROPN NNP 0 root", "and and CCONJ CC 4 cc",
                     "Tuesday Tuesday PROPN NNP 2 conj", "police police NOUN NN 8 obl:unmarked",
                     "freed free VERB VBN 8 amod", "300 300 NUM CD 8 nummod", "people people NOUN NNS 2 appos",
                     ". . PUNCT . 2 punct"});
  EXPECT_EQ(arc(d, 6), "0:root");
  EXPECT_EQ(arc(d, 2), "6:obl");
  EXPECT_EQ(arc(d, 5), "6:nsubj");
  EXPECT_EQ(arc(d, 8), "6:obj");
  EXPECT_EQ(arc(d, 9), "6:punct");
  // A verbless heading keeps its tree: "On the front line: trained volunteers" has no noun
  // right before the participle.
  Document k = tree({"On on ADP IN 3 case", "the the DET DT 3 det", "line line NOUN NN 0 root", ": : PUNCT : 3 punct",
                     "trained train VERB VBN 6 amod", "volunteers volunteer NOUN NNS 3 appos"});
  EXPECT_EQ(arc(k, 3), "0:root");
}

}  // namespace
}  // namespace sitrep::events
