// Time per pipeline stage on real news (bench/corpus.h), and what the stages
// after the parser cost next to it: the entity stage (NER, mentions,
// coreference, actors, times, places, quotes) against tokenize + tag + parse
// (issue bar: at most +30%), and event coding against everything before it
// (bar: at most +20%).
//
//   build/stages_bench [--repeat N] [--threads 1,0]     (0 = all cores)
#include <chrono>
#include <cstring>
#include <sstream>

#include <fmt/format.h>

#include "bench/corpus.h"
#include "io/readers.h"
#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  using namespace sitrep;
  int repeat = 3;
  std::vector<unsigned> threads = {1, 0};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--threads")) {
      threads.clear();
      std::stringstream ss(argv[i + 1]);
      for (std::string t; std::getline(ss, t, ',');) threads.push_back(static_cast<unsigned>(std::stoul(t)));
    }
  }
  auto pipeline = Pipeline::load_default(Stage::kEvents);
  if (!pipeline.ok()) {
    fmt::print(stderr, "stages_bench: {}\n", pipeline.status().message());
    return 1;
  }
  const std::vector<std::string> corpus = bench::load_corpus();
  fmt::print("corpus: {} articles x {} repeats\n", corpus.size(), repeat);
  for (unsigned t : threads) {
    uint64_t events = 0;
    auto start = std::chrono::steady_clock::now();
    BatchRunner runner(pipeline.value(), t, [&](Document& doc) { events += doc.events.size(); });
    for (int r = 0; r < repeat; ++r)
      for (size_t i = 0; i < corpus.size(); ++i)
        (void)io::read_bytes(fmt::format("a{}-{}.txt", r, i), corpus[i], io::InputFormat::kText,
                             [&](Document&& d) { runner.add(std::move(d)); }, [](const std::string&) {});
    runner.flush();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const RunStats& s = runner.stats();
    const auto& st = s.stage_seconds;
    double text = st.tokenize + st.tag + st.parse;
    fmt::print("threads {}: {} docs, {} sentences, {} tokens, {} events in {:.2f} s wall: {:.0f} tokens/s, "
               "{:.0f} sentences/s, {:.1f} docs/s\n",
               t == 0 ? "all" : std::to_string(t), s.documents, s.sentences, s.tokens, events, wall, s.tokens / wall,
               s.sentences / wall, s.documents / wall);
    fmt::print("  stage CPU seconds: tokenize {:.3f}, tag {:.3f}, parse {:.3f}, entities {:.3f}, events {:.3f}\n",
               st.tokenize, st.tag, st.parse, st.entities, st.events);
    fmt::print("  entities add {:.1f}% to tokenize+tag+parse (bar 30%); coding adds {:.1f}% to the stages before it "
               "(bar 20%)\n",
               100 * st.entities / text, 100 * st.events / (text + st.entities));
  }
  fmt::print("peak memory {:.0f} MB\n", peak_memory_bytes() / 1048576.0);
  return 0;
}
