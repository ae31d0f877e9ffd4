// Helpers shared by the tokenizer, sentence and evaluation tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "text/tokenizer.h"

namespace sitrep::testing {

// The default tokenizer (models/sentences.bin from the source tree).
inline const text::Tokenizer& default_tokenizer() {
  static const text::Tokenizer tok = [] {
    auto t = text::Tokenizer::load_default();
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? std::move(t).value() : text::Tokenizer();
  }();
  return tok;
}

// A document whose blocks are `parts` (kind, text) separated by "\n\n".
inline Document make_doc(const std::vector<std::pair<BlockKind, std::string>>& parts) {
  Document doc;
  for (const auto& [kind, text] : parts) {
    if (!doc.text.empty()) doc.text += "\n\n";
    uint32_t begin = static_cast<uint32_t>(doc.text.size());
    doc.text += text;
    doc.blocks.push_back({{begin, static_cast<uint32_t>(doc.text.size())}, kind});
  }
  return doc;
}

inline Document tokenize(const std::string& text, BlockKind kind = BlockKind::kNews) {
  Document doc = make_doc({{kind, text}});
  default_tokenizer().process(doc);
  return doc;
}

inline std::vector<std::string> token_texts(const Document& doc) {
  std::vector<std::string> out;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) out.emplace_back(doc.token_text(t));
  return out;
}

// The words of token t.
inline std::vector<std::string> words_of(const Document& doc, uint32_t t) {
  std::vector<std::string> out;
  const Token& tk = doc.tokens[t];
  for (uint32_t w = tk.first_word; w < tk.first_word + tk.word_count; ++w) out.emplace_back(doc.word_text(w));
  return out;
}

// The index of the first token whose text is `text`, or -1.
inline int find_token(const Document& doc, const std::string& text) {
  for (uint32_t t = 0; t < doc.tokens.size(); ++t)
    if (doc.token_text(t) == text) return static_cast<int>(t);
  return -1;
}

inline std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.str(s.span));
  return out;
}

inline bool is_white(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Everything the tokenizer promises about a document it processed.
inline void expect_invariants(const Document& doc) {
  uint32_t prev_end = 0;
  uint32_t next_word = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& tk = doc.tokens[t];
    ASSERT_LT(tk.span.begin, tk.span.end) << "empty token " << t;
    ASSERT_LE(tk.span.end, doc.text.size());
    ASSERT_GE(tk.span.begin, prev_end) << "token " << t << " overlaps or goes back";
    prev_end = tk.span.end;
    for (char c : doc.token_text(t)) ASSERT_FALSE(is_white(c)) << "white space in token " << t;
    bool inside = false;
    for (const Block& b : doc.blocks)
      if (tk.span.begin >= b.span.begin && tk.span.end <= b.span.end &&
          (b.kind == BlockKind::kNews || b.kind == BlockKind::kTitle))
        inside = true;
    ASSERT_TRUE(inside) << "token " << t << " outside its block";
    // Words: consecutive, tiling the token.
    ASSERT_EQ(tk.first_word, next_word);
    ASSERT_GE(tk.word_count, 1);
    uint32_t pos = tk.span.begin;
    for (uint32_t w = tk.first_word; w < tk.first_word + tk.word_count; ++w) {
      ASSERT_LT(w, doc.words.size());
      EXPECT_EQ(doc.words[w].token, t);
      EXPECT_EQ(doc.words[w].span.begin, pos);
      EXPECT_GT(doc.words[w].span.end, doc.words[w].span.begin);
      pos = doc.words[w].span.end;
    }
    EXPECT_EQ(pos, tk.span.end);
    next_word = tk.first_word + tk.word_count;
    if (t + 1 < doc.tokens.size()) {
      EXPECT_EQ(tk.space_after, doc.tokens[t + 1].span.begin != tk.span.end) << "space_after of token " << t;
    }
  }
  EXPECT_EQ(next_word, doc.words.size());
  // Sentences: consecutive, covering every token, inside one block.
  uint32_t next_token = 0;
  for (const Sentence& s : doc.sentences) {
    ASSERT_EQ(s.first_token, next_token);
    ASSERT_GT(s.token_count, 0u);
    const Token& first = doc.tokens[s.first_token];
    const Token& last = doc.tokens[s.first_token + s.token_count - 1];
    EXPECT_EQ(s.span.begin, first.span.begin);
    EXPECT_EQ(s.span.end, last.span.end);
    EXPECT_EQ(s.first_word, first.first_word);
    EXPECT_EQ(s.word_count, last.first_word + last.word_count - first.first_word);
    const Block& b = doc.blocks[s.block];
    EXPECT_GE(s.span.begin, b.span.begin);
    EXPECT_LE(s.span.end, b.span.end);
    next_token = s.first_token + s.token_count;
  }
  EXPECT_EQ(next_token, doc.tokens.size());
}

}  // namespace sitrep::testing
