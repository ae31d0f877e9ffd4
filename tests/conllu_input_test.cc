// CoNLL-U as input: the given tokenization is kept (`sitrep parse --input-format conllu`).
#include <gtest/gtest.h>

#include "io/readers.h"

namespace sitrep::io {
namespace {

// Written for this test: two documents, a paragraph break, a multi-word token.
constexpr std::string_view kGold =
    "# newdoc id = d1\n"
    "# newpar\n"
    "# sent_id = 1\n"
    "# text = Envoys didn't vote.\n"
    "1\tEnvoys\tenvoy\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tvote\tvote\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 2\n"
    "# text = Talks resume.\n"
    "1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tresume\tresume\tVERB\tVBP\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# sent_id = 3\n"
    "# text = Fine.\n"
    "1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = d2\n"
    "# sent_id = 4\n"
    "# text = Done\n"
    "1\tDone\tdo\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "\n";

TEST(ConlluInputTest, KeepsTokensSentencesParagraphsAndDocuments) {
  std::vector<Document> docs;
  Status st = read_bytes("gold.conllu", kGold, InputFormat::kAuto, [&](Document&& d) { docs.push_back(std::move(d)); },
                         [](const std::string& w) { ADD_FAILURE() << w; });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(docs.size(), 2u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "d1");
  EXPECT_EQ(d.text, "Envoys didn't vote. Talks resume.\n\nFine.");
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.str(d.sentences[0].span), "Envoys didn't vote.");
  EXPECT_EQ(d.str(d.sentences[1].span), "Talks resume.");
  EXPECT_EQ(d.sentences[0].block, d.sentences[1].block);
  EXPECT_NE(d.sentences[1].block, d.sentences[2].block);
  ASSERT_EQ(d.tokens.size(), 9u);
  EXPECT_EQ(d.token_text(1), "didn't");
  EXPECT_EQ(d.tokens[1].word_count, 2);
  EXPECT_EQ(d.word_text(d.tokens[1].first_word), "did");
  EXPECT_EQ(d.word_text(d.tokens[1].first_word + 1), "n't");
  EXPECT_FALSE(d.tokens[2].space_after);
  EXPECT_EQ(docs[1].id, "d2");
  EXPECT_EQ(docs[1].text, "Done");
}

TEST(ConlluInputTest, MalformedFileIsAnErrorNamingIt) {
  Status st = read_bytes("bad.conllu", "1\tonly-two-columns\n\n", InputFormat::kConllu, [](Document&&) {},
                         [](const std::string&) {});
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("bad.conllu"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace sitrep::io
