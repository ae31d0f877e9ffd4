// sitrep parse PATH...: documents to sentences and tokens (CoNLL-U or JSONL).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/pipeline_run.h"
#include "io/readers.h"
#include "io/writers.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> paths;
  std::string format = "conllu";
  std::string input_format = "auto";
  uint64_t max_document_bytes = io::kDefaultMaxDocumentBytes;
  std::string output = "-";
  std::string until = "parse";
  unsigned threads = 1;
  bool stats = false;
  bool keep_all = false;
};

// --keep-all: every block is parsed (headers, captions, boilerplate, repeated
// lines as body text); else each document whose blocks are left out says so.
void keep_or_report(Document& doc, bool keep_all) {
  int dropped[6] = {};
  int total = 0;
  for (Block& b : doc.blocks) {
    if (b.kind == BlockKind::kNews || b.kind == BlockKind::kTitle || b.span.empty()) continue;
    if (keep_all) {
      b.kind = BlockKind::kNews;
      continue;
    }
    ++dropped[static_cast<int>(b.kind)];
    ++total;
  }
  if (total == 0) return;
  std::string kinds;
  for (BlockKind k : {BlockKind::kHeader, BlockKind::kBoilerplate, BlockKind::kCaption, BlockKind::kRepeated})
    if (int n = dropped[static_cast<int>(k)]) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, block_kind_name(k));
  fmt::print(stderr, "sitrep: warning: {}: {} block{} not parsed ({}; --keep-all parses them)\n", doc.path, total,
             total == 1 ? "" : "s", kinds);
}

double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

int run_parse(const ParseOptions& opt) {
  auto out_format = io::parse_output_format(opt.format);
  auto in_options = read_options(opt.input_format, opt.max_document_bytes);
  auto until = parse_stage(opt.until);
  for (const Status& st : {out_format.status(), in_options.status(), until.status()}) {
    if (!st.ok()) {
      return fail(st);
    }
  }
  auto pipeline = Pipeline::load_default(until.value());
  if (!pipeline.ok()) {
    return fail(pipeline.status());
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (opt.output != "-") {
    file.open(opt.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      fmt::print(stderr, "sitrep: error: {}: cannot open for writing\n", opt.output);
      return kExitBadInput;
    }
    out = &file;
  }
  std::ios::sync_with_stdio(false);

  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  double cpu_start = process_cpu_seconds();
  double write_seconds = 0;  // spent writing the output (main thread)
  BatchRunner runner(pipeline.value(), opt.threads, [&](Document& doc) {
    auto t = Clock::now();
    io::write_document(doc, out_format.value(), *out);
    write_seconds += std::chrono::duration<double>(Clock::now() - t).count();
  });
  Status read = io::read_inputs(
      opt.paths, in_options.value(),
      [&](Document&& doc) {
        keep_or_report(doc, opt.keep_all);
        runner.add(std::move(doc));
      },
      [](const std::string& warning) { print_warning(warning); });
  runner.flush();
  out->flush();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  double cpu_seconds = process_cpu_seconds() - cpu_start;

  if (opt.stats) {
    // Wall-clock figures, then the same without the time spent writing the
    // output (reading + analysis, the pipeline's own speed), then CPU time.
    const RunStats& s = runner.stats();
    double mb = static_cast<double>(s.bytes) / 1e6;
    double analysis = std::max(seconds - write_seconds, 1e-9);
    // A rate only where its stages ran and took measurable time (--until tokenize runs neither).
    double tp = s.stage_seconds.tag + s.stage_seconds.parse;
    std::string tag_parse_rate = tp >= 1e-4 ? fmt::format("{:.0f} words/s", s.words / tp) : std::string("(not run)");
    fmt::print(stderr,
               "documents {}  sentences {}  tokens {}  words {}  text {:.2f} MB  stages up to {}  threads {}\n"
               "wall {:.3f} s: tokens/s {:.0f}  sentences/s {:.0f}  MB/s {:.2f}\n"
               "writing the output took {:.3f} s; without it: tokens/s {:.0f}  sentences/s {:.0f}  MB/s {:.2f}\n"
               "CPU {:.3f} s (all threads): MB per CPU second {:.2f}  peak memory {:.1f} MB\n"
               "stages (seconds summed over threads): tokenize {:.3f}  tag {:.3f}  parse {:.3f}; "
               "tag + parse {} per thread\n",
               s.documents, s.sentences, s.tokens, s.words, mb, opt.until, opt.threads, seconds, s.tokens / seconds,
               s.sentences / seconds, mb / seconds, write_seconds, s.tokens / analysis, s.sentences / analysis,
               mb / analysis, cpu_seconds, mb / std::max(cpu_seconds, 1e-9), peak_memory_bytes() / 1e6,
               s.stage_seconds.tokenize, s.stage_seconds.tag, s.stage_seconds.parse,
               tag_parse_rate);
  }
  if (opt.output != "-") fmt::print(stderr, "sitrep: wrote {} documents to {}\n", runner.stats().documents, opt.output);
  if (!read.ok()) {
    return fail(read);
  }
  return 0;
}

}  // namespace

void add_parse_command(CLI::App& app) {
  auto opt = std::make_shared<ParseOptions>();
  auto* cmd = app.add_subcommand("parse", "Read articles and write their sentences and tokens");
  cmd->add_option("paths", opt->paths, "Files, directories (recursive) or - for standard input")->required();
  cmd->add_option("--format", opt->format, "Output format: conllu or jsonl")->capture_default_str();
  cmd->add_option("--input-format", opt->input_format, "auto (by extension), text, html, jsonl, conllu (keeps its tokenization)")
      ->capture_default_str();
  add_max_document_option(*cmd, opt->max_document_bytes);
  cmd->add_option("-o,--output", opt->output, "Output file (- for standard output)")->capture_default_str();
  cmd->add_option("--until", opt->until, "Last stage to run: tokenize, tag or parse")->capture_default_str();
  cmd->add_option("--threads", opt->threads, "Worker threads (0 = all cores)")->capture_default_str();
  cmd->add_flag("--keep-all", opt->keep_all,
                "Parse every block, also those read as headers, captions, boilerplate or repeated lines "
                "(for scoring raw text with an outside scorer); without it each left-out block is reported");
  cmd->add_flag("--stats", opt->stats, "Print documents, sentences, tokens, speed and peak memory to stderr");
  cmd->callback([opt] { throw CLI::RuntimeError(run_parse(*opt)); });
}

}  // namespace sitrep::cli
