// IOB2 files as Universal NER publishes them: `# newdoc id`, `# sent_id` and
// `# text` comments, then one word per line, tab-separated: index, form, tag
// ("O", "B-PER", "I-ORG", ...), and annotation columns we ignore; a blank line
// ends a sentence. The words are UD syntactic words ("do", "n't").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "io/conllu_reader.h"

namespace sitrep::io {

struct Iob2Span {
  uint32_t sentence = 0;    // corpus sentence index
  uint32_t first_word = 0;  // corpus word index
  uint32_t word_count = 0;
  std::string type;         // "PER", "ORG", "LOC", ...
};

struct Iob2Corpus {
  // One token per word; space_after from `# text` where the words can be found
  // in it, else true. Only the form column of the words is filled.
  ConlluCorpus corpus;
  std::vector<std::string> tags;  // per word
  std::vector<Iob2Span> spans;    // decoded; an I- tag without its B- starts a span
};

Result<Iob2Corpus> parse_iob2(std::string_view bytes, std::string_view name);
Result<Iob2Corpus> read_iob2_file(const std::string& path);

}  // namespace sitrep::io
