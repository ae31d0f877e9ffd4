// Analysing articles into a store: the bounded queue between the analysis
// threads and the one writer, the commit policy, resume (an article stored
// unchanged is not analysed again) and the tallies. `sitrep ingest` drives it
// and only draws progress; the server or a binding can drive it the same way.
//
//   auto ingester = Ingester::start(pipeline, store, {}, on_stored, on_error).value();
//   read_inputs(paths, ..., [&](Document&& d) { ingester->add(std::move(d)); }, ...);
//   IngestTally t = ingester->finish();
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace sitrep {

struct IngestTally {
  uint64_t read = 0;  // documents that reached the writer
  uint64_t added = 0, replaced = 0, unchanged = 0, duplicates = 0, failed = 0;
  uint64_t events = 0;    // event mentions stored
  uint64_t analysed = 0;  // documents the pipeline ran on (the others were stored unchanged)
};

struct IngestRunOptions {
  unsigned threads = 0;          // analysis threads (0: all cores)
  size_t commit_every = 256;     // documents per transaction...
  double commit_seconds = 2.0;   // ...and a commit at least this often
  size_t queue_documents = 512;  // analysed documents waiting for the writer, at most
};

class Ingester {
 public:
  // Runs on the writer thread after each document is stored or failed.
  using Stored = std::function<void(const IngestTally&, const Document&)>;
  // A store error, one line naming the file ("DB: commit failed: ..."); the writer thread.
  using Error = std::function<void(const std::string&)>;

  // Reads every stored key and hash (for resume), then starts the writer thread.
  static Result<std::unique_ptr<Ingester>> start(const Pipeline& pipeline, store::Store& store,
                                                 const IngestRunOptions& options, Stored on_stored, Error on_error);
  ~Ingester();  // finish()

  // Adds one document (from one thread): straight to the writer when the store
  // holds it unchanged, else through the pipeline first.
  void add(Document&& doc);
  // Waits until every added document is stored or failed; the final tally.
  IngestTally finish();
  // Whether the store failed (a commit or a transaction could not start): later
  // documents are dropped, and the caller should exit with an error.
  bool store_failed() const;

 private:
  struct Impl;
  explicit Ingester(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep
