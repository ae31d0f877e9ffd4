#include "pipeline/ingest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace sitrep {
namespace {

using Clock = std::chrono::steady_clock;

// A bounded queue between the analysis threads and the writer.
class DocQueue {
 public:
  explicit DocQueue(size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {}
  void push(Document&& doc) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < capacity_; });
    q_.push_back(std::move(doc));
    not_empty_.notify_one();
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // Waits up to `wait` for a document; false when none came (check done()).
  bool pop(Document& out, std::chrono::milliseconds wait) {
    std::unique_lock lock(mu_);
    if (!not_empty_.wait_for(lock, wait, [&] { return !q_.empty() || closed_; }) || q_.empty()) return false;
    out = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return true;
  }
  bool done() {
    std::lock_guard lock(mu_);
    return closed_ && q_.empty();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Document> q_;
  bool closed_ = false;
};

}  // namespace

struct Ingester::Impl {
  store::Store& store;
  IngestRunOptions options;
  Stored on_stored;
  Error on_error;
  std::unordered_map<std::string, int64_t> stored_hashes;  // read once, before the writer starts
  DocQueue queue;
  IngestTally tally;  // the writer's; `analysed` is the adding thread's (joined in finish)
  uint64_t analysed = 0;
  std::atomic<bool> failed{false};
  std::optional<BatchRunner> runner;
  std::thread writer;
  bool finished = false;

  Impl(store::Store& s, const IngestRunOptions& o, Stored stored, Error error)
      : store(s), options(o), on_stored(std::move(stored)), on_error(std::move(error)), queue(o.queue_documents) {}

  void fail(const Status& st) {
    if (on_error) on_error(st.message());
    failed = true;
  }

  // The only thread touching the store: transactions of `commit_every` documents,
  // or of what came in `commit_seconds`.
  void write() {
    auto batch_start = Clock::now();
    size_t in_batch = 0;
    auto commit = [&] {
      if (in_batch == 0) return;
      Status st = store.commit();
      in_batch = 0;
      if (!st.ok()) fail(st);
    };
    Document doc;
    while (!queue.done()) {
      bool got = queue.pop(doc, std::chrono::milliseconds(200));
      if (got && !failed) {
        if (in_batch == 0) {
          if (Status st = store.begin(); !st.ok()) {
            fail(st);
            continue;
          }
          batch_start = Clock::now();
        }
        ++in_batch;
        ++tally.read;
        auto r = store.ingest(doc);
        if (!r.ok()) {
          if (on_error) on_error(r.status().message());
          ++tally.failed;
        } else {
          switch (r.value().outcome) {
            case store::IngestOutcome::kAdded: ++tally.added; break;
            case store::IngestOutcome::kReplaced: ++tally.replaced; break;
            case store::IngestOutcome::kUnchanged: ++tally.unchanged; break;
          }
          tally.duplicates += r.value().duplicate_of != 0;
          tally.events += static_cast<uint64_t>(r.value().events);
        }
        if (on_stored) on_stored(tally, doc);
      }
      if (in_batch >= std::max<size_t>(1, options.commit_every) ||
          (in_batch > 0 && std::chrono::duration<double>(Clock::now() - batch_start).count() >= options.commit_seconds))
        commit();
    }
    commit();
  }
};

Result<std::unique_ptr<Ingester>> Ingester::start(const Pipeline& pipeline, store::Store& store,
                                                  const IngestRunOptions& options, Stored on_stored, Error on_error) {
  auto impl = std::make_unique<Impl>(store, options, std::move(on_stored), std::move(on_error));
  SITREP_ASSIGN_OR_RETURN(impl->stored_hashes, store.stored_hashes());
  Impl* p = impl.get();
  p->runner.emplace(pipeline, options.threads, [p](Document& doc) {
    ++p->analysed;
    if (!p->failed) p->queue.push(std::move(doc));
  });
  p->writer = std::thread([p] { p->write(); });
  return std::unique_ptr<Ingester>(new Ingester(std::move(impl)));
}

Ingester::Ingester(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ingester::~Ingester() { finish(); }

void Ingester::add(Document&& doc) {
  // Resume: an article stored unchanged skips analysis; the writer still counts
  // it (store.ingest finds it unchanged).
  auto it = impl_->stored_hashes.find(store::document_key(doc));
  if (it != impl_->stored_hashes.end() && it->second == store::content_hash(doc)) impl_->queue.push(std::move(doc));
  else impl_->runner->add(std::move(doc));
}

IngestTally Ingester::finish() {
  if (!impl_->finished) {
    impl_->finished = true;
    impl_->runner->flush();
    impl_->queue.close();
    impl_->writer.join();
    impl_->runner.reset();
    if (impl_->tally.added + impl_->tally.replaced > 0)  // the queries' plans see the new rows
      if (Status st = impl_->store.update_statistics(); !st.ok() && impl_->on_error) impl_->on_error(st.message());
    impl_->tally.analysed = impl_->analysed;
  }
  return impl_->tally;
}

bool Ingester::store_failed() const { return impl_->failed; }

}  // namespace sitrep
