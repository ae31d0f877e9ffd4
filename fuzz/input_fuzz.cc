// libFuzzer target for everything that reads untrusted input: the text, HTML
// JSONL and CoNLL-U readers, normalisation, block classification, the tokenizer and
// the sentence splitter, and the writers. The first byte picks the format.
// Besides sanitizer findings it checks the invariants the rest of sitrep
// relies on: valid spans, in order, inside the text. The tagger and the parser
// read only token arrays; their adversarial tests are in tests/parser_test.cc.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "io/readers.h"
#include "io/writers.h"
#include "pipeline/pipeline.h"
#include "text/sentence_splitter.h"

namespace {

const sitrep::Pipeline& pipeline() {
  static const sitrep::Pipeline p = sitrep::Pipeline::load_default(sitrep::Stage::kTokenize).value();
  return p;
}

// Names the failed invariant (and its line) before aborting, so a finding says which.
#define check(ok)                                                           \
  do {                                                                      \
    if (!(ok)) {                                                            \
      std::fprintf(stderr, "input_fuzz.cc:%d: invariant failed: %s\n", __LINE__, #ok); \
      std::abort();                                                         \
    }                                                                       \
  } while (0)

// `split`: sentences come from our splitter (not from CoNLL-U), so none is over the cap.
void check_document(const sitrep::Document& doc, bool split) {
  const uint32_t n = static_cast<uint32_t>(doc.text.size());
  uint32_t last_end = 0;
  for (const auto& t : doc.tokens) {
    check(t.span.begin < t.span.end && t.span.end <= n && t.span.begin >= last_end);
    check(t.first_word + t.word_count <= doc.words.size());
    last_end = t.span.end;
  }
  for (const auto& w : doc.words) {
    check(w.token < doc.tokens.size());
    const auto& t = doc.tokens[w.token].span;
    check(w.span.begin >= t.begin && w.span.end <= t.end && w.span.begin < w.span.end);
  }
  for (const auto& s : doc.sentences) {
    check(s.token_count > 0 && s.first_token + s.token_count <= doc.tokens.size());
    check(!split || s.token_count <= sitrep::text::kMaxSentenceTokens);
    check(s.first_word + s.word_count <= doc.words.size());
    check(s.block < doc.blocks.size());
    const auto& b = doc.blocks[s.block].span;
    check(doc.tokens[s.first_token].span.begin >= b.begin &&
          doc.tokens[s.first_token + s.token_count - 1].span.end <= b.end);
  }
  for (const auto& b : doc.blocks) check(b.span.begin <= b.span.end && b.span.end <= n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const sitrep::io::InputFormat kFormats[] = {
      sitrep::io::InputFormat::kText, sitrep::io::InputFormat::kHtml, sitrep::io::InputFormat::kJsonl,
      sitrep::io::InputFormat::kConllu};
  auto format = kFormats[data[0] % 4];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)sitrep::io::read_bytes(
      "fuzz.input", bytes, format,
      [&](sitrep::Document&& doc) {
        pipeline().process(doc);
        check_document(doc, format != sitrep::io::InputFormat::kConllu);
        std::ostringstream out;
        sitrep::io::write_conllu(doc, out);
        sitrep::io::write_jsonl(doc, out);
      },
      [](const std::string&) {});
  return 0;
}
