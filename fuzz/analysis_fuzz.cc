// libFuzzer target for the stages that read token arrays: the tagger, the
// lemmatizer and the parser, on arbitrary words. The input (made valid UTF-8 as
// the readers make it) is cut into words at ASCII white space and into
// sentences at newlines (at most text::kMaxSentenceTokens words each, as the
// splitter guarantees); the document is then tagged, lemmatized and parsed.
// Checked: every word gets tags of the tag set, a lemma of valid UTF-8, and a
// head inside its sentence, and the heads of a sentence form one tree.
//   ninja -C build-fuzz analysis_fuzz && ./build-fuzz/analysis_fuzz -max_total_time=60
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/tagset.h"
#include "pipeline/pipeline.h"
#include "text/normalize.h"
#include "text/sentence_splitter.h"

namespace {

const sitrep::Pipeline& pipeline() {
  static const sitrep::Pipeline p = sitrep::Pipeline::load_default(sitrep::Stage::kParse).value();
  return p;
}

void check(bool ok) {
  if (!ok) std::abort();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Words and sentences straight from the bytes: one token of one word each.
sitrep::Document make_document(std::string text) {
  sitrep::Document doc;
  doc.text = std::move(text);
  doc.blocks.push_back({sitrep::Span{0, static_cast<uint32_t>(doc.text.size())}, sitrep::BlockKind::kNews});
  uint32_t sentence_start = 0;
  auto close_sentence = [&] {
    uint32_t n = static_cast<uint32_t>(doc.tokens.size()) - sentence_start;
    if (n == 0) return;
    sitrep::Sentence s;
    s.first_token = s.first_word = sentence_start;
    s.token_count = s.word_count = n;
    s.span = {doc.tokens[sentence_start].span.begin, doc.tokens.back().span.end};
    doc.sentences.push_back(s);
    sentence_start = static_cast<uint32_t>(doc.tokens.size());
  };
  const std::string& t = doc.text;
  for (size_t i = 0; i < t.size();) {
    if (is_space(t[i])) {
      if (t[i] == '\n') close_sentence();
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && !is_space(t[j])) ++j;
    sitrep::Span span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    sitrep::Token tok;
    tok.span = span;
    tok.first_word = static_cast<uint32_t>(doc.words.size());
    tok.word_count = 1;
    tok.space_after = j < t.size();
    doc.words.push_back({span, static_cast<uint32_t>(doc.tokens.size())});
    doc.tokens.push_back(tok);
    if (doc.tokens.size() - sentence_start == sitrep::text::kMaxSentenceTokens) close_sentence();
    i = j;
  }
  close_sentence();
  return doc;
}

bool valid_utf8(const std::string& s) {
  sitrep::text::NormalizeReport rep;
  sitrep::text::normalize(s, &rep);
  return rep.invalid_sequences == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  std::string text = sitrep::text::normalize(std::string_view(reinterpret_cast<const char*>(data), size));
  sitrep::Document doc = make_document(std::move(text));
  if (doc.sentences.empty()) return 0;
  pipeline().process(doc);
  for (const sitrep::Sentence& s : doc.sentences) {
    int roots = 0;
    for (uint32_t w = s.first_word; w < s.first_word + s.word_count; ++w) {
      const sitrep::Word& word = doc.words[w];
      check(word.head <= s.word_count && word.head != w - s.first_word + 1);
      roots += word.head == 0;
      check(word.upos > 0 && word.upos < sitrep::kUposCount && word.xpos > 0 && word.xpos < sitrep::kXposCount);
      check(word.deprel > 0 && word.deprel < sitrep::kDeprelCount);
      check(valid_utf8(std::string(doc.pooled(word.lemma))));
      // Following heads from any word reaches the root without a cycle.
      uint32_t k = w - s.first_word + 1, steps = 0;
      while (k != 0 && steps++ <= s.word_count) k = doc.words[s.first_word + k - 1].head;
      check(k == 0);
    }
    check(roots >= 1);
  }
  return 0;
}
