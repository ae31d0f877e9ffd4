#include "eval/tokenize_eval.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/conllu_reader.h"
#include "tokenizer_test_util.h"

namespace sitrep {
namespace {

// Two paragraphs; the first has three sentences, the last of them without final punctuation.
constexpr const char* kGold =
    "# newdoc id = t1\n"
    "# newpar\n"
    "# sent_id = 1\n"
    "# text = We don't swim.\n"
    "1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tswim\tswim\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4.1\tswam\tswim\tVERB\tVBD\t_\t_\t_\t0:root\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 2\n"
    "# text = Boats sank.\n"
    "1\tBoats\tboat\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tsank\tsink\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 3\n"
    "# text = Nobody drowned\n"
    "1\tNobody\tnobody\tPRON\tNN\t_\t2\tnsubj\t_\t_\n"
    "2\tdrowned\tdrown\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "\n"
    "# newpar\n"
    "# sent_id = 4\n"
    "# text = Help came.\n"
    "1\tHelp\thelp\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
    "2\tcame\tcome\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

io::ConlluCorpus parse(std::string_view conllu) {
  auto c = io::parse_conllu(conllu, "test.conllu");
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? c.value() : io::ConlluCorpus();
}

io::ConlluCorpus gold() { return parse(kGold); }

TEST(ConlluReaderTest, ReadsSentencesTokensAndMultiWordTokens) {
  io::ConlluCorpus c = gold();
  ASSERT_EQ(c.sentences.size(), 4u);
  EXPECT_TRUE(c.has_newpar);
  EXPECT_EQ(c.sentences[0].doc_id, "t1");
  EXPECT_EQ(c.sentences[3].doc_id, "t1");
  EXPECT_TRUE(c.sentences[0].new_doc);
  EXPECT_TRUE(c.sentences[3].new_par);
  EXPECT_FALSE(c.sentences[1].new_par);
  EXPECT_EQ(c.sentences[0].id, "1");
  EXPECT_EQ(c.sentences[0].text, "We don't swim.");
  EXPECT_EQ(c.sentences[0].token_count, 4u);  // We don't swim .
  EXPECT_EQ(c.sentences[0].word_count, 5u);   // the empty node 4.1 is skipped
  const io::ConlluToken& dont = c.tokens[1];
  EXPECT_EQ(dont.form, "don't");
  EXPECT_EQ(dont.word_count, 2u);
  EXPECT_EQ(c.words[dont.first_word].form, "do");
  EXPECT_EQ(c.words[dont.first_word + 1].form, "n't");
  EXPECT_EQ(c.words[dont.first_word + 1].lemma, "not");
  EXPECT_FALSE(c.tokens[2].space_after);  // swim
  EXPECT_TRUE(c.tokens[3].space_after);
  EXPECT_EQ(c.tokens.size(), 12u);
  EXPECT_EQ(c.words.size(), 13u);
}

TEST(ConlluReaderTest, MalformedLinesAreErrorsWithTheirLine) {
  auto c = io::parse_conllu("# text = a\n1\ta\n", "bad.conllu");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("bad.conllu:2"), std::string::npos) << c.status().message();
  auto d = io::parse_conllu("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", "gap.conllu");
  EXPECT_FALSE(d.ok());
}

TEST(TokenizeEvalTest, GoldDocumentJoinsSentencesAndSeparatesParagraphs) {
  Document doc = eval::gold_document(gold());
  EXPECT_EQ(doc.text, "We don't swim. Boats sank. Nobody drowned\n\nHelp came.");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.str(doc.blocks[0].span), "We don't swim. Boats sank. Nobody drowned");
  EXPECT_EQ(doc.str(doc.blocks[1].span), "Help came.");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kNews);
}

TEST(TokenizeEvalTest, WithoutNewparEachDocumentIsOneParagraph) {
  std::string two_docs =
      "# newdoc id = a\n# text = Hi.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
      "# text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
      "# newdoc id = b\n# text = No.\n1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
  io::ConlluCorpus c = parse(two_docs);
  EXPECT_FALSE(c.has_newpar);
  Document doc = eval::gold_document(c);
  EXPECT_EQ(doc.text, "Hi. Yes.\n\nNo.");
  EXPECT_EQ(doc.blocks.size(), 2u);
}

TEST(TokenizeEvalTest, SentenceWithoutTextCommentIsRebuiltFromTokens) {
  std::string no_text =
      "1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
      "2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  EXPECT_EQ(eval::gold_document(parse(no_text)).text, "Rain fell.");
}

// A system analysis built by hand: "don't" left as one word and the boundary
// between "Boats sank." and "Nobody drowned" missed.
Document hand_made_system() {
  Document doc = eval::gold_document(gold());
  const char* toks[] = {"We", "don't", "swim", ".", "Boats", "sank", ".", "Nobody", "drowned", "Help", "came", "."};
  size_t pos = 0;
  for (const char* t : toks) {
    size_t at = doc.text.find(t, pos);
    uint32_t ti = static_cast<uint32_t>(doc.tokens.size());
    Token tok;
    tok.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::string_view(t).size())};
    tok.first_word = ti;
    doc.tokens.push_back(tok);
    doc.words.push_back({tok.span, ti});
    pos = tok.span.end;
  }
  auto sentence = [&](uint32_t first, uint32_t count, uint32_t block) {
    Sentence s;
    s.first_token = first;
    s.token_count = count;
    s.first_word = first;
    s.word_count = count;
    s.span = {doc.tokens[first].span.begin, doc.tokens[first + count - 1].span.end};
    s.block = block;
    doc.sentences.push_back(s);
  };
  sentence(0, 4, 0);
  sentence(4, 5, 0);
  sentence(9, 3, 1);
  return doc;
}

TEST(TokenizeEvalTest, ScoresAHandMadeSystemAsComputedByHand) {
  auto r = eval::score_tokenization(gold(), hand_made_system());
  ASSERT_TRUE(r.ok()) << r.status().message();
  const eval::TokenizeScores& s = r.value();
  // Tokens: the same 12 spans.
  EXPECT_EQ(s.tokens.gold, 12u);
  EXPECT_EQ(s.tokens.system, 12u);
  EXPECT_EQ(s.tokens.correct, 12u);
  EXPECT_DOUBLE_EQ(s.tokens.f1(), 100.0);
  // Words: 13 gold, 12 system; "do n't" against "don't" aligns nothing, the other 11 align.
  EXPECT_EQ(s.words.gold, 13u);
  EXPECT_EQ(s.words.system, 12u);
  EXPECT_EQ(s.words.correct, 11u);
  EXPECT_NEAR(s.words.precision(), 100.0 * 11 / 12, 1e-9);
  EXPECT_NEAR(s.words.recall(), 100.0 * 11 / 13, 1e-9);
  EXPECT_NEAR(s.words.f1(), 88.0, 1e-9);  // 2 * 11 / (12 + 13)
  // Sentences: 4 gold, 3 system, 2 right (the first and the last).
  EXPECT_EQ(s.sentences.correct, 2u);
  EXPECT_NEAR(s.sentences.precision(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(s.sentences.recall(), 50.0, 1e-9);
  EXPECT_NEAR(s.sentences.f1(), 400.0 / 7, 1e-9);
  // The gold multi-word token is missed.
  EXPECT_EQ(s.multiwords.gold, 1u);
  EXPECT_EQ(s.multiwords.system, 0u);
  EXPECT_EQ(s.multiwords.correct, 0u);
}

TEST(TokenizeEvalTest, WrongWordsInsideAMultiWordTokenCount) {
  Document sys = hand_made_system();
  // "don't" as do + n't: now every word aligns.
  Token& t = sys.tokens[1];
  t.word_count = 2;
  sys.words.insert(sys.words.begin() + 2, Word{{t.span.begin + 2, t.span.end}, 1});
  sys.words[1].span = {t.span.begin, t.span.begin + 2};
  for (uint32_t i = 2; i < sys.tokens.size(); ++i) sys.tokens[i].first_word += 1;
  for (uint32_t i = 3; i < sys.words.size(); ++i) sys.words[i].token = i - 1;
  auto r = eval::score_tokenization(gold(), sys);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value().words.correct, 13u);
  EXPECT_EQ(r.value().multiwords.correct, 1u);
}

TEST(TokenizeEvalTest, DifferentTextIsAnError) {
  Document sys = hand_made_system();
  sys.text[sys.tokens[0].span.begin] = 'M';  // "Me" instead of "We"
  auto r = eval::score_tokenization(gold(), sys);
  EXPECT_FALSE(r.ok());
}

TEST(TokenizeEvalTest, TheTokenizerGetsTheTinyGoldTokensRight) {
  auto r = eval::evaluate_tokenizer(gold(), testing::default_tokenizer());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r.value().tokens.f1(), 100.0);
  EXPECT_DOUBLE_EQ(r.value().words.f1(), 100.0);
}

TEST(TokenizeEvalTest, CommandLinePrintsOneJsonLine) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_tokenize_eval_test";
  std::filesystem::create_directories(dir);
  auto path = dir / "gold.conllu";
  std::ofstream(path) << kGold;
  std::string cmd = std::string(SITREP_BINARY) + " eval tokenize --json --gold " + path.string();
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof(buf), p)) out.append(buf, n);
  int rc = pclose(p);
  EXPECT_EQ(rc, 0);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_DOUBLE_EQ(j["tokens_f1"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(j["words_f1"].get<double>(), 100.0);
  for (const char* key : {"sentences_f1", "sentences_precision", "sentences_recall", "tokens_precision",
                          "tokens_recall", "words_precision", "words_recall"})
    EXPECT_TRUE(j.contains(key)) << key;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
