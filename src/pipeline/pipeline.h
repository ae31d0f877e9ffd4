// Pipeline: the stages that turn a read Document into an analysed one, and a
// runner that drives them over a stream of documents on several threads.
//
// Today: tokenize and split sentences (readers have already normalised the
// text and classified its blocks), tag and lemmatize, parse. Later stages
// (entities, events) are added to Pipeline::process.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "parser/parser.h"
#include "tagger/tagger.h"
#include "text/tokenizer.h"

namespace sitrep {

// The stages in order; a pipeline may stop after any of them.
enum class Stage { kTokenize, kTag, kParse };
// "tokenize", "tag", "parse" -> stage; anything else is an error.
Result<Stage> parse_stage(std::string_view name);

class Pipeline {
 public:
  // Loads the bundled models of the stages up to `last`.
  static Result<Pipeline> load_default(Stage last = Stage::kParse);

  // Seconds spent in each stage (summed over threads).
  struct StageSeconds {
    double tokenize = 0, tag = 0, parse = 0;
    void add(const StageSeconds& o) { tokenize += o.tokenize, tag += o.tag, parse += o.parse; }
  };

  // Runs the stages up to the last one on one document; with `seconds`, adds
  // the time each stage took. Thread-safe: the pipeline is immutable.
  void process(Document& doc, StageSeconds* seconds = nullptr) const;

 private:
  Pipeline() = default;
  text::Tokenizer tokenizer_;
  std::optional<tagger::Tagger> tagger_;
  std::optional<Parser> parser_;
};

struct RunStats {
  uint64_t documents = 0;
  uint64_t sentences = 0;
  uint64_t tokens = 0;
  uint64_t words = 0;
  uint64_t bytes = 0;  // of document text
  Pipeline::StageSeconds stage_seconds;
  void add(const Document& doc);
};

// Feeds documents through a Pipeline on `threads` threads (0 = all cores) in
// batches, handing each analysed document to `sink` in input order. Memory is
// bounded by one batch, whatever the number of documents.
class BatchRunner {
 public:
  using Sink = std::function<void(Document&)>;
  BatchRunner(const Pipeline& pipeline, unsigned threads, Sink sink);
  ~BatchRunner();  // flushes

  void add(Document&& doc);
  void flush();
  const RunStats& stats() const { return stats_; }

 private:
  const Pipeline& pipeline_;
  unsigned threads_;
  Sink sink_;
  std::vector<Document> batch_;
  uint64_t batch_bytes_ = 0;
  RunStats stats_;
};

// Peak resident memory of this process so far, in bytes.
uint64_t peak_memory_bytes();

}  // namespace sitrep
