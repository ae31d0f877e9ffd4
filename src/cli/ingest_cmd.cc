// sitrep ingest PATH... --db FILE: runs the pipeline over a corpus and stores it.
//
// The work is the library's Ingester (src/pipeline/ingest.h: analysis on all
// cores, one writer thread, a bounded queue, a transaction per batch, resume);
// this command reads the inputs, draws progress and prints the summary.
// Exit status: 0 when every input was read and stored; 2 when an input was
// missing, unreadable or skipped (not text), or the --db file is not a sitrep
// database (the other inputs are still stored); 1 when the store failed while
// writing (what was committed stays; a re-run completes the job).
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/pipeline_run.h"
#include "io/readers.h"
#include "events/ontology.h"
#include "pipeline/ingest.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct IngestOptions {
  PipelineRunOptions run;  // paths, --input-format, --max-document-bytes, --date, --threads
  std::string db = "sitrep.db";
  std::string until;  // empty: the whole pipeline
  uint64_t progress_every = 1000;
  size_t commit_every = IngestRunOptions{}.commit_every;
  bool quiet = false;
};

// Input sizes, to show progress by bytes of finished files (-1: unknown, e.g. stdin).
int64_t input_sizes(const std::vector<std::string>& paths, std::unordered_map<std::string, uint64_t>& sizes) {
  int64_t total = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") return -1;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) total += sizes[it->path().string()] = it->file_size(ec);
    } else if (fs::is_regular_file(p, ec)) {
      total += sizes[p] = fs::file_size(p, ec);
    }
  }
  return total;
}

std::string clock_time(double seconds) {
  auto s = static_cast<long>(seconds);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60) : fmt::format("{}:{:02}", s / 60, s % 60);
}

int run_ingest(const IngestOptions& opt) {
  auto inputs = read_options(opt.run.input_format, opt.run.max_document_bytes);
  if (!inputs.ok()) return fail(inputs.status());
  auto pipeline = opt.until.empty() ? Pipeline::load_default(Stage::kEvents)
                                    : [&]() -> Result<Pipeline> {
                                        SITREP_ASSIGN_OR_RETURN(auto stage, parse_stage(opt.until));
                                        return Pipeline::load_default(stage);
                                      }();
  if (!pipeline.ok()) return fail(pipeline.status());
  std::optional<Date> given;
  if (!parse_date_option(opt.run.date, given)) return kExitBadInput;
  auto opened = store::Store::open(opt.db);
  if (!opened.ok()) return fail(opened.status());
  store::Store store = std::move(opened).value();

  std::unordered_map<std::string, uint64_t> sizes;
  const int64_t total_bytes = input_sizes(opt.run.paths, sizes);
  const bool tty = isatty(STDERR_FILENO) && !opt.quiet;
  std::mutex err_mu;  // stderr: warnings (reader thread) and progress (writer thread)
  bool bar_shown = false;
  auto say = [&](const std::string& line) {
    std::lock_guard lock(err_mu);
    fmt::print(stderr, "{}{}\n", bar_shown ? "\r\033[K" : "", line);
    bar_shown = false;
  };
  auto start = Clock::now();

  // Progress, drawn from the writer thread as documents are stored (src/pipeline/ingest.h).
  uint64_t done_bytes = 0, last_report = 0;
  std::string current_path;
  auto last_bar = Clock::now() - std::chrono::seconds(1);
  auto progress = [&](const IngestTally& tally, bool force) {
    double secs = std::chrono::duration<double>(Clock::now() - start).count();
    double rate = tally.read / std::max(secs, 1e-9);
    if (tty) {
      if (!force && Clock::now() - last_bar < std::chrono::milliseconds(200)) return;
      last_bar = Clock::now();
      std::string line;
      if (total_bytes > 0) {
        double frac = std::min(1.0, static_cast<double>(done_bytes) / total_bytes);
        int filled = static_cast<int>(frac * 30);
        std::string eta = frac > 0.01 ? clock_time(secs / frac - secs) : "?";
        line = fmt::format("[{}{}] {:3.0f}%  {} documents  {:.0f} docs/s  ETA {}", std::string(filled, '#'),
                           std::string(30 - filled, '.'), frac * 100, tally.read, rate, eta);
      } else {
        line = fmt::format("{} documents  {:.0f} docs/s", tally.read, rate);
      }
      std::lock_guard lock(err_mu);
      fmt::print(stderr, "\r\033[K{}", line);
      bar_shown = true;
    } else if (!opt.quiet && (force || tally.read - last_report >= opt.progress_every)) {
      last_report = tally.read;
      say(fmt::format("sitrep: ingest: {} documents ({:.0f} docs/s), {} event mentions, {}", tally.read, rate,
                      tally.events, clock_time(secs)));
    }
  };
  IngestRunOptions run_options;
  run_options.threads = opt.run.threads;
  run_options.commit_every = opt.commit_every;
  auto started = Ingester::start(
      pipeline.value(), store, run_options,
      [&](const IngestTally& tally, const Document& doc) {
        if (doc.path != current_path) {  // the previous file is finished
          if (auto it = sizes.find(current_path); it != sizes.end()) done_bytes += it->second;
          current_path = doc.path;
        }
        progress(tally, false);
      },
      [&](const std::string& error) { say("sitrep: error: " + error); });
  if (!started.ok()) return fail(started.status());
  Ingester& ingester = *started.value();

  int bad_inputs = 0;
  Status read = io::read_inputs(
      opt.run.paths, inputs.value(),
      [&](Document&& doc) {
        date_if_undated(doc, given);
        ingester.add(std::move(doc));
      },
      [&](const std::string& warning) {
        std::lock_guard lock(err_mu);  // the progress line is redrawn from the writer thread
        if (bar_shown) fmt::print(stderr, "\r\033[K");
        bar_shown = false;
        bad_inputs += print_warning(warning);
      });
  const IngestTally tally = ingester.finish();
  if (auto it = sizes.find(current_path); it != sizes.end()) done_bytes += it->second;
  if (tty) {
    progress(tally, true);
    std::lock_guard lock(err_mu);
    fmt::print(stderr, "\n");
    bar_shown = false;
  }

  if (!read.ok()) {
    say("sitrep: error: " + read.message());
    ++bad_inputs;
  }
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  auto counts = store.counts();
  if (!opt.quiet) {
    say(fmt::format("sitrep: ingest: {} documents in {:.1f} s ({:.0f} docs/s): {} added, {} replaced, {} unchanged, "
                    "{} near-duplicates, {} failed; {} analysed; {} event mentions",
                    tally.read, secs, tally.read / std::max(secs, 1e-9), tally.added, tally.replaced, tally.unchanged,
                    tally.duplicates, tally.failed, tally.analysed, tally.events));
    if (counts.ok())
      say(fmt::format("sitrep: {} now holds {} documents, {} sentences, {} events ({} mentions), {} quotes",
                      opt.db, counts.value().documents, counts.value().sentences, counts.value().events,
                      counts.value().event_mentions, counts.value().quotes));
  }
  if (ingester.store_failed() || tally.failed) return kExitFailure;
  return bad_inputs ? kExitBadInput : 0;
}

}  // namespace

void add_ingest_command(CLI::App& app) {
  auto opt = std::make_shared<IngestOptions>();
  auto* cmd = app.add_subcommand("ingest", "Analyse articles and store them, with their events, in a database");
  add_pipeline_run_options(*cmd, opt->run, false);
  cmd->get_option("paths")->required();
  cmd->add_option("--db", opt->db, "SQLite file (created if absent) or postgresql:// URL")->capture_default_str();
  cmd->add_option("--until", opt->until, "Last pipeline stage (default: all)");
  cmd->add_option("--progress-every", opt->progress_every, "Without a terminal: a progress line every N documents")
      ->capture_default_str();
  cmd->add_option("--commit-every", opt->commit_every, "Documents per transaction (also committed every 2 s)")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress and no summary");
  cmd->callback([opt] { throw CLI::RuntimeError(run_ingest(*opt)); });
}

}  // namespace sitrep::cli
