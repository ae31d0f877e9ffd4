#include "pipeline/pipeline.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <fmt/format.h>

namespace sitrep {
namespace {

constexpr size_t kBatchDocuments = 256;
constexpr uint64_t kBatchBytes = 16u << 20;

}  // namespace

Result<Stage> parse_stage(std::string_view name) {
  if (name == "tokenize") return Stage::kTokenize;
  if (name == "tag") return Stage::kTag;
  if (name == "parse") return Stage::kParse;
  return Status::Error(fmt::format("unknown stage '{}' (expected tokenize, tag or parse)", name));
}

Result<Pipeline> Pipeline::load_default(Stage last) {
  Pipeline p;
  auto tokenizer = text::Tokenizer::load_default();
  if (!tokenizer.ok()) return tokenizer.status();
  p.tokenizer_ = std::move(tokenizer).value();
  if (last >= Stage::kTag) {
    auto tagger = tagger::Tagger::load_default();
    if (!tagger.ok()) return tagger.status();
    p.tagger_ = std::move(tagger).value();
  }
  if (last >= Stage::kParse) {
    auto parser = Parser::load_default();
    if (!parser.ok()) return parser.status();
    p.parser_ = std::move(parser).value();
  }
  return p;
}

void Pipeline::process(Document& doc, StageSeconds* seconds) const {
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  if (doc.tokens.empty()) tokenizer_.process(doc);  // CoNLL-U input comes tokenized
  auto t1 = Clock::now();
  if (tagger_) tagger_->tag(doc);
  auto t2 = Clock::now();
  if (parser_) parser_->parse(doc);
  if (seconds) {
    auto t3 = Clock::now();
    seconds->tokenize += std::chrono::duration<double>(t1 - t0).count();
    seconds->tag += std::chrono::duration<double>(t2 - t1).count();
    seconds->parse += std::chrono::duration<double>(t3 - t2).count();
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

void BatchRunner::flush() {
  if (batch_.empty()) return;
  unsigned n = std::min<unsigned>(threads_, static_cast<unsigned>(batch_.size()));
  if (n <= 1) {
    for (Document& doc : batch_) pipeline_.process(doc, &stats_.stage_seconds);
  } else {
    // Workers take the next unprocessed document; output order is kept by the batch.
    std::atomic<size_t> next{0};
    std::vector<Pipeline::StageSeconds> seconds(n);
    auto work = [&](unsigned worker) {
      for (size_t i; (i = next.fetch_add(1)) < batch_.size();) pipeline_.process(batch_[i], &seconds[worker]);
    };
    {
      std::vector<std::jthread> pool;
      for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t);
      work(0);
    }
    for (const auto& s : seconds) stats_.stage_seconds.add(s);
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
