// Document: one article and everything the pipeline learns about it.
//
// A Document owns its text and keeps the results of every stage in flat arrays
// that refer into it by byte offsets (Span) or by index: nothing is a graph of
// heap nodes. Stages append to it; readers fill the metadata and the text.
//
//   text      the article text as read: for HTML the extracted text, for JSONL
//             the `text` field; invalid UTF-8 replaced by U+FFFD and NFC-normalised
//             (see text/normalize.h). Every offset in this file is a byte offset
//             into `text`.
//   blocks    paragraphs, each classified (news, title, header, boilerplate...).
//   tokens    surface tokens: contiguous byte ranges of the text.
//   words     syntactic words (CoNLL-U rows); a multi-word token ("don't")
//             has several words ("do", "n't") whose spans lie inside it.
//   sentences runs of tokens and words inside one block.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A calendar date; year 0 means unknown.
struct Date {
  int16_t year = 0;
  uint8_t month = 0;  // 1..12
  uint8_t day = 0;    // 1..31
  bool known() const { return year != 0; }
  std::string iso() const;  // "2022-03-02", or "" when unknown
  friend bool operator==(const Date&, const Date&) = default;
};

// What a paragraph of the text is. Only kNews and kTitle blocks are tokenized
// into sentences; the others stay in the document, marked, and out of the news.
// DO NOT CHANGE the values: they are stored.
enum class BlockKind : uint8_t {
  kNews = 0,         // body text
  kTitle = 1,        // the headline (tokenized: headlines report events too)
  kHeader = 2,       // a metadata header line ("date 2022-03-02", "Source: ...")
  kBoilerplate = 3,  // newsletter prompts, share/follow lines, legal lines
  kCaption = 4,      // photo captions and credits
  kRepeated = 5,     // a headline line repeated later in the body
};
const char* block_kind_name(BlockKind kind);

struct Block {
  Span span;
  BlockKind kind = BlockKind::kNews;
};

struct Token {
  Span span;
  uint32_t first_word = 0;  // index into Document::words
  uint16_t word_count = 1;  // > 1 for a multi-word token
  bool space_after = true;  // false when the next token follows without white space
};

struct Word {
  Span span;           // bytes of this word inside its token's span
  uint32_t token = 0;  // index into Document::tokens
  // Filled by the tagger and the parser (0 = not analysed yet).
  uint16_t upos = 0, xpos = 0, deprel = 0;  // ids into core/tagset.h
  uint32_t head = 0;   // CoNLL-U HEAD: 0 = root, else 1-based index within the sentence
  Span lemma;          // bytes in Document::pool (empty: not lemmatised)
  Span feats;          // bytes in Document::pool ("Number=Sing|..."; empty: "_")
};

struct Sentence {
  Span span;
  uint32_t first_token = 0, token_count = 0;
  uint32_t first_word = 0, word_count = 0;
  uint32_t block = 0;  // index into Document::blocks
};

struct Document {
  // Metadata.
  std::string id;      // file stem, or the `id` field
  std::string title;   // may be empty
  Date date;           // publication date; may be unknown
  std::string source;  // outlet; may be empty
  std::string url;     // may be empty
  std::string path;    // where it was read from ("-" for standard input)

  std::string text;
  std::vector<std::string> warnings;  // repaired bytes, skipped parts... (for the user)

  std::vector<Block> blocks;
  std::vector<Token> tokens;
  std::vector<Word> words;
  std::vector<Sentence> sentences;
  std::string pool;  // lemmas and features of the words (Word::lemma, Word::feats)

  std::string_view str(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view token_text(uint32_t i) const { return str(tokens[i].span); }
  std::string_view word_text(uint32_t i) const { return str(words[i].span); }
  std::string_view pooled(Span s) const { return std::string_view(pool).substr(s.begin, s.size()); }
  // Appends `s` to the pool and returns where it lies.
  Span add_to_pool(std::string_view s) {
    Span span{static_cast<uint32_t>(pool.size()), static_cast<uint32_t>(pool.size() + s.size())};
    pool.append(s);
    return span;
  }
};

}  // namespace sitrep
