// Pipeline: the stages that turn a read Document into an analysed one, and a
// runner that drives them over a stream of documents on several threads.
//
// tokenize and split sentences (readers have already normalised the text and
// classified its blocks) -> tag and lemmatize -> parse -> entities (document
// date, names, mentions, coreference, actors, times, places, quotes) -> events
// (the CAMEO coder, then each event's date, place and quote).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "parser/parser.h"
#include "tagger/tagger.h"
#include "text/tokenizer.h"

namespace sitrep {
namespace entities {
class Ner;
class ActorDictionary;
}  // namespace entities
namespace places {
class Gazetteer;
}
namespace events {
class Ontology;
class Coder;
struct ActorResolver;
struct PetrarchDictionaries;
}  // namespace events
class CueLexicon;

// The stages in order; a pipeline may stop after any of them.
enum class Stage { kTokenize, kTag, kParse, kEntities, kEvents };
// "tokenize", "tag", "parse", "entities", "events" -> stage; anything else is an error.
Result<Stage> parse_stage(std::string_view name);

namespace text {
class Truecaser;
}

class Pipeline {
 public:
  // Loads the bundled models and data of the stages up to `last`.
  static Result<Pipeline> load_default(Stage last = Stage::kParse);
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  // Codes events with a user's PETRARCH2 dictionaries (verbs, actors, agents,
  // discards) instead of ours; the entity stage still finds quotes and places.
  Status use_petrarch_dictionaries(const std::string& dir, std::vector<std::string>* warnings = nullptr);

  // Seconds spent in each stage (summed over threads).
  struct StageSeconds {
    double tokenize = 0, tag = 0, parse = 0, entities = 0, events = 0;
    void add(const StageSeconds& o) {
      tokenize += o.tokenize, tag += o.tag, parse += o.parse, entities += o.entities, events += o.events;
    }
  };

  // Runs stages `first`..min(`last`, last()) on one document; with `seconds`, adds the time
  // each stage took. An undated document is dated from its text, else from
  // `batch_dates` (the dates of the other documents of its batch: time/).
  // Thread-safe: the pipeline is immutable.
  // A caseless text is analysed truecased from the first stage on (doc.original_text keeps
  // the text as read); the call whose `last` reaches the pipeline's last stage puts it back.
  // A caller stopping earlier must call it again up to last() (BatchRunner does).
  void process(Document& doc, StageSeconds* seconds = nullptr, const std::vector<Date>& batch_dates = {},
               Stage first = Stage::kTokenize, Stage last = Stage::kEvents) const;

  Stage last() const { return last_; }
  // The CAMEO ontology (loaded with the events stage; nullptr before).
  const events::Ontology* ontology() const { return ontology_.get(); }
  const entities::ActorDictionary* actor_dictionary() const { return actors_.get(); }
  // The event coder, and the PETRARCH dictionaries it codes with (nullptr: ours).
  const events::Coder* coder() const { return coder_.get(); }
  const events::PetrarchDictionaries* petrarch_dictionaries() const { return petrarch_.get(); }

 private:
  Pipeline();
  Stage last_ = Stage::kParse;
  text::Tokenizer tokenizer_;
  std::optional<tagger::Tagger> tagger_;
  std::optional<Parser> parser_;
  // Entities and events: shared, immutable, kept at stable addresses (the
  // gazetteer points at the dictionary, the coder at its resolver).
  std::shared_ptr<const entities::Ner> ner_;
  std::shared_ptr<const entities::ActorDictionary> actors_;
  std::shared_ptr<const text::Truecaser> truecaser_;  // with the actor dictionary's names
  std::shared_ptr<const places::Gazetteer> gazetteer_;
  std::shared_ptr<const CueLexicon> cues_;
  std::shared_ptr<const events::Ontology> ontology_;
  std::shared_ptr<const events::PetrarchDictionaries> petrarch_;
  std::shared_ptr<const events::ActorResolver> resolver_;
  std::shared_ptr<const events::Coder> coder_;
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
  // The dates of the documents seen so far (to date undated ones).
  const std::vector<Date>& dates() const { return dates_; }
  const RunStats& stats() const { return stats_; }

 private:
  void run(Stage first, Stage last);  // over the batch, on the threads
  const Pipeline& pipeline_;
  unsigned threads_;
  Sink sink_;
  std::vector<Document> batch_;
  uint64_t batch_bytes_ = 0;
  std::vector<Date> dates_;  // of the documents seen (the latest few thousand), to date undated ones
  RunStats stats_;
};

// Peak resident memory of this process so far, in bytes.
uint64_t peak_memory_bytes();

}  // namespace sitrep
