// libFuzzer target: any bytes as the text of a document, cut into blocks at
// "\n\n" (every third block a title), tokenized and split with and without the
// sentence model; the tokenizer's promises are checked and a broken one aborts. The
// truecaser (text/truecase.h) runs on the same bytes: it may change the case of ASCII
// letters and nothing else, and its output is tokenized too.
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DSITREP_FUZZ=ON \
//     -DSITREP_TESTS=OFF -DSITREP_BENCH=OFF && ninja -C build-fuzz tokenizer_fuzz && ./build-fuzz/tokenizer_fuzz -max_total_time=60
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "text/tokenizer.h"
#include "text/truecase.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_document(const sitrep::Document& doc) {
  uint32_t prev = 0, next_word = 0, next_token = 0;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const sitrep::Token& tk = doc.tokens[t];
    check(tk.span.begin < tk.span.end && tk.span.end <= doc.text.size() && tk.span.begin >= prev);
    prev = tk.span.end;
    for (char c : doc.token_text(t)) check(c != ' ' && c != '\n' && c != '\t' && c != '\r');
    check(tk.first_word == next_word && tk.word_count >= 1);
    uint32_t pos = tk.span.begin;
    for (uint32_t w = tk.first_word; w < tk.first_word + tk.word_count; ++w) {
      check(w < doc.words.size() && doc.words[w].token == t && doc.words[w].span.begin == pos &&
            doc.words[w].span.end > pos);
      pos = doc.words[w].span.end;
    }
    check(pos == tk.span.end);
    next_word = tk.first_word + tk.word_count;
  }
  check(next_word == doc.words.size());
  for (const sitrep::Sentence& s : doc.sentences) {
    check(s.first_token == next_token && s.token_count > 0);
    next_token += s.token_count;
    check(next_token <= doc.tokens.size());
    const sitrep::Block& b = doc.blocks[s.block];
    check(s.span.begin >= b.span.begin && s.span.end <= b.span.end);
  }
  check(next_token == doc.tokens.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::text::Tokenizer with_model = [] {
    auto t = sitrep::text::Tokenizer::load_default();
    return t.ok() ? std::move(t).value() : sitrep::text::Tokenizer();
  }();
  static const sitrep::text::Tokenizer rules;
  sitrep::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  uint32_t begin = 0, n = 0;
  for (uint32_t i = 0; i <= doc.text.size(); ++i) {
    if (i == doc.text.size() || (i + 1 < doc.text.size() && doc.text[i] == '\n' && doc.text[i + 1] == '\n')) {
      doc.blocks.push_back({{begin, i}, n++ % 3 == 2 ? sitrep::BlockKind::kTitle : sitrep::BlockKind::kNews});
      begin = i + 2;
      ++i;
    }
  }
  sitrep::Document copy = doc;
  static const sitrep::text::Truecaser truecaser({"Minsk", "U.N.", "United Nations", "NATO", "Joe Biden", "São Paulo"});
  sitrep::Document cased = doc;
  for (auto from : {sitrep::text::TextCase::kLower, sitrep::text::TextCase::kUpper}) {
    std::string out = truecaser.restore(doc.text, from);
    check(out.size() == doc.text.size());
    for (size_t i = 0; i < out.size(); ++i) {
      char a = out[i], b = doc.text[i];
      auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
      check(a == b || fold(a) == fold(b));
    }
    cased.text = out;
  }
  with_model.process(doc);
  check_document(doc);
  rules.process(copy);
  check_document(copy);
  rules.process(cased);
  check_document(cased);
  return 0;
}
