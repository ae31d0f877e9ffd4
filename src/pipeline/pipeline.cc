#include "pipeline/pipeline.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "entities/actor_dictionary.h"
#include "entities/actors.h"
#include "entities/coref.h"
#include "entities/mentions.h"
#include "events/tree_repairs.h"
#include "entities/ner.h"
#include "events/chain_resolver.h"
#include "events/claims.h"
#include "events/coder.h"
#include "events/event_context.h"
#include "events/magnitudes.h"
#include "events/ontology.h"
#include "events/petrarch_dictionaries.h"
#include "events/verb_dictionary.h"
#include "places/places.h"
#include "quotes/quotes.h"
#include "text/truecase.h"
#include "time/time_expressions.h"

namespace sitrep {
namespace {

constexpr size_t kBatchDocuments = 256;
constexpr uint64_t kBatchBytes = 16u << 20;
constexpr size_t kKeptDates = 4096;  // dates of recent documents kept to date undated ones

template <typename T>
Result<std::shared_ptr<const T>> shared(Result<T> r) {
  if (!r.ok()) return r.status();
  return std::shared_ptr<const T>(std::make_shared<T>(std::move(r).value()));
}

}  // namespace

Result<Stage> parse_stage(std::string_view name) {
  if (name == "tokenize") return Stage::kTokenize;
  if (name == "tag") return Stage::kTag;
  if (name == "parse") return Stage::kParse;
  if (name == "entities") return Stage::kEntities;
  if (name == "events") return Stage::kEvents;
  return Status::Error(
      fmt::format("unknown stage '{}' (expected tokenize, tag, parse, entities or events)", name));
}

Pipeline::Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::load_default(Stage last) {
  Pipeline p;
  p.last_ = last;
  SITREP_ASSIGN_OR_RETURN(p.tokenizer_, text::Tokenizer::load_default());
  if (last >= Stage::kTag) {
    SITREP_ASSIGN_OR_RETURN(p.tagger_, tagger::Tagger::load_default());
  }
  if (last >= Stage::kParse) {
    SITREP_ASSIGN_OR_RETURN(p.parser_, Parser::load_default());
  }
  if (last >= Stage::kEntities) {
    SITREP_ASSIGN_OR_RETURN(p.ner_, shared(entities::Ner::load_default()));
    SITREP_ASSIGN_OR_RETURN(p.actors_, shared(entities::ActorDictionary::load_default()));
    p.truecaser_ = std::make_shared<const text::Truecaser>(p.actors_->name_phrases());
    SITREP_ASSIGN_OR_RETURN(p.gazetteer_, shared(places::Gazetteer::load_default(*p.actors_)));
    SITREP_ASSIGN_OR_RETURN(p.cues_, shared(CueLexicon::load_default()));
  }
  if (last >= Stage::kEvents) {
    SITREP_ASSIGN_OR_RETURN(p.ontology_, shared(events::Ontology::load_default()));
    SITREP_ASSIGN_OR_RETURN(auto patterns, events::load_default_verb_dictionary(*p.ontology_));
    auto resolver = std::make_shared<events::ChainActorResolver>(*p.actors_);
    p.coder_ = std::make_shared<events::Coder>(std::move(patterns), *resolver);
    p.resolver_ = std::move(resolver);
  }
  return p;
}

Status Pipeline::use_petrarch_dictionaries(const std::string& dir, std::vector<std::string>* warnings) {
  if (last_ < Stage::kEvents) return Status::Error("PETRARCH dictionaries need the events stage");
  SITREP_ASSIGN_OR_RETURN(auto dicts, shared(events::load_petrarch_dictionaries(dir)));
  if (warnings) *warnings = dicts->warnings;
  auto resolver = std::make_shared<events::PetrarchActorResolver>(*dicts);
  auto coder = std::make_shared<events::Coder>(dicts->patterns, *resolver);
  coder->use_petrarch(*dicts);
  petrarch_ = std::move(dicts);
  resolver_ = std::move(resolver);
  coder_ = std::move(coder);
  return Status::Ok();
}

void Pipeline::process(Document& doc, StageSeconds* seconds, const std::vector<Date>& batch_dates, Stage first,
                       Stage last) const {
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  auto lap = [&](double StageSeconds::*field) {
    auto t1 = Clock::now();
    if (seconds) seconds->*field += std::chrono::duration<double>(t1 - t0).count();
    t0 = t1;
  };
  if (first <= Stage::kTokenize) {
    // Caseless text is analysed with its capitals restored; the text as read comes back at the end.
    // So are the all-caps places of datelines in mixed text ("KABUL (Reuters) -").
    text::Capitalisation caps;
    if (tagger_) caps = [this](std::string_view lower) { return tagger_->capitalisation(lower); };
    bool caseless = false;
    if (truecaser_ && doc.tokens.empty() && doc.original_text.empty())
      if (auto c = text::text_case(doc.text); c != text::TextCase::kMixed) {
        std::string cased = truecaser_->restore(doc.text, c, caps);
        doc.original_text = std::move(doc.text);
        doc.text = std::move(cased);
        caseless = true;
      }
    if (doc.tokens.empty()) {  // CoNLL-U input comes tokenized
      tokenizer_.process(doc);
      if (truecaser_ && !caseless) truecaser_->restore_datelines(doc, caps);
    }
    lap(&StageSeconds::tokenize);
  }
  if (first <= Stage::kTag && last >= Stage::kTag && tagger_) {
    tagger_->tag(doc);
    lap(&StageSeconds::tag);
  }
  if (first <= Stage::kParse && last >= Stage::kParse && parser_) {
    parser_->parse(doc);
    lap(&StageSeconds::parse);
  }
  if (first <= Stage::kEntities && last >= Stage::kEntities && ner_) {
    // News sentences' commonest parse errors, for every stage below.
    events::repair_trees(doc, tagger_ ? &tagger_->lemmatizer() : nullptr);
    timex::resolve_document_date(doc, batch_dates);  // actors' offices and times depend on it
    doc.mentions.clear();
    doc.chains.clear();
    ner_->tag(doc);
    entities::split_coordinated_names(doc);
    entities::add_dictionary_names(doc, *actors_);
    entities::add_name_mentions_from_parse(doc);  // proper-noun runs the NER missed
    entities::add_nominal_and_pronoun_mentions(doc, actors_.get());
    entities::resolve_coreference(doc);
    entities::assign_actors(doc, *actors_);
    timex::find_times(doc);
    places::resolve_places(doc, *gazetteer_, *actors_);
    entities::localize_agents(doc, *actors_);
    find_quotes(doc, *cues_);
    lap(&StageSeconds::entities);
  }
  if (last >= Stage::kEvents && coder_) {
    doc.events.clear();
    coder_->code(doc);
    events::attach_event_context(doc);
    events::attach_magnitudes(doc);
    events::attach_claims(doc);
    lap(&StageSeconds::events);
  }
  if (last >= last_ && !doc.original_text.empty()) {
    doc.text = std::move(doc.original_text);
    doc.original_text.clear();
  }
}

void RunStats::add(const Document& doc) {
  ++documents;
  sentences += doc.sentences.size();
  tokens += doc.tokens.size();
  words += doc.words.size();
  bytes += doc.text.size();
}

BatchRunner::BatchRunner(const Pipeline& pipeline, unsigned threads, Sink sink)
    : pipeline_(pipeline), threads_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())),
      sink_(std::move(sink)) {
  batch_.reserve(kBatchDocuments);
}

BatchRunner::~BatchRunner() { flush(); }

void BatchRunner::add(Document&& doc) {
  batch_bytes_ += doc.text.size();
  batch_.push_back(std::move(doc));
  if (batch_.size() >= kBatchDocuments || batch_bytes_ >= kBatchBytes) flush();
}

void BatchRunner::run(Stage first, Stage last) {
  unsigned n = std::min<unsigned>(threads_, static_cast<unsigned>(batch_.size()));
  auto process = [&](Document& doc, Pipeline::StageSeconds* seconds) {
    pipeline_.process(doc, seconds, dates_, first, last);
  };
  if (n <= 1) {
    for (Document& doc : batch_) process(doc, &stats_.stage_seconds);
    return;
  }
  // Workers take the next unprocessed document; output order is kept by the batch.
  std::atomic<size_t> next{0};
  std::vector<Pipeline::StageSeconds> seconds(n);
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1)) < batch_.size();) process(batch_[i], &seconds[worker]);
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t);
    work(0);
  }
  for (const auto& s : seconds) stats_.stage_seconds.add(s);
}

void BatchRunner::flush() {
  if (batch_.empty()) return;
  if (pipeline_.last() < Stage::kEntities) {
    run(Stage::kTokenize, pipeline_.last());
  } else {
    // The text stages first, so that documents their text dates can date the
    // others of the batch (and of the batches before) in the entity stage.
    run(Stage::kTokenize, Stage::kParse);
    for (const Document& doc : batch_) {
      Date d = doc.date.known() ? doc.date : timex::infer_document_date(doc);  // the text alone: no batch given
      if (d.known()) dates_.push_back(d);
    }
    if (dates_.size() > kKeptDates) dates_.erase(dates_.begin(), dates_.end() - kKeptDates / 2);
    run(Stage::kEntities, pipeline_.last());
  }
  for (Document& doc : batch_) {
    stats_.add(doc);
    sink_(doc);
  }
  batch_.clear();
  batch_bytes_ = 0;
}

uint64_t peak_memory_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

}  // namespace sitrep
