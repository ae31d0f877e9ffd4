// Throughput of the reading front end alone: normalisation, the plain-text
// reader (header, headline, block classification), HTML and JSONL, over
// synthetic wire-style text (ASCII with curly quotes, dashes and a few
// accented names, as news text is). Reports bytes/s.
#include <benchmark/benchmark.h>

#include <string>

#include "io/readers.h"
#include "text/normalize.h"

namespace {

// About 1 MB of article text: a header, a headline, then paragraphs.
const std::string& article() {
  static const std::string text = [] {
    std::string t = "date 2022-03-02\nRebels seize airport as talks stall\n\n";
    const char* paragraphs[] = {
        "Rebel fighters seized the airport outside Kela on Sunday, the army said, in the biggest "
        "setback for government forces since the ceasefire collapsed in January.",
        "\xE2\x80\x9CWe will not negotiate under fire,\xE2\x80\x9D the defence minister told reporters in the "
        "capital \xE2\x80\x94 a day after envoys met in Gen\xC3\xA8ve.",
        "The ministry\xE2\x80\x99s spokesman, Jos\xC3\xA9 Mart\xC3\xADnez, said 14 civilians were killed and "
        "at least 40 wounded when shells hit a market near the terminal.",
        "Sign up to receive our latest news!",
    };
    while (t.size() < (1u << 20))
      for (const char* p : paragraphs) (t += p) += "\n\n";
    return t;
  }();
  return text;
}

void BM_Normalize(benchmark::State& state) {
  const std::string& text = article();
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::text::normalize(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void read(benchmark::State& state, const std::string& name, const std::string& bytes) {
  size_t blocks = 0;
  for (auto _ : state)
    sitrep::io::read_bytes(
        name, bytes, sitrep::io::InputFormat::kAuto, [&](sitrep::Document&& d) { blocks += d.blocks.size(); },
        [](const std::string&) {});
  benchmark::DoNotOptimize(blocks);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_ReadText(benchmark::State& state) { read(state, "a.txt", article()); }
BENCHMARK(BM_ReadText)->Unit(benchmark::kMillisecond);

void BM_ReadHtml(benchmark::State& state) {
  static const std::string html = [] {
    std::string h = "<html><head><meta property=\"og:title\" content=\"Rebels seize airport\"></head><body>"
                    "<nav><a href=\"/\">Home</a></nav><article>";
    std::string_view text = article();
    for (size_t pos = 0; pos < text.size();) {
      size_t end = std::min(text.find("\n\n", pos), text.size());
      (h += "<p>").append(text.substr(pos, end - pos)) += "</p>\n";
      pos = end + 2;
    }
    return h + "</article></body></html>";
  }();
  read(state, "a.html", html);
}
BENCHMARK(BM_ReadHtml)->Unit(benchmark::kMillisecond);

void BM_ReadJsonl(benchmark::State& state) {
  static const std::string jsonl = [] {
    std::string j;
    std::string_view text = article();
    for (size_t pos = 0; pos < text.size(); pos += 4096) {
      std::string body(text.substr(pos, 4096));
      std::string escaped;
      for (char c : body) {
        if (c == '\n') escaped += "\\n";
        else if (c == '"' || c == '\\') (escaped += '\\') += c;
        else escaped += c;
      }
      j += "{\"title\":\"Rebels seize airport\",\"date\":\"2022-03-02\",\"text\":\"" + escaped + "\"}\n";
    }
    return j;
  }();
  read(state, "a.jsonl", jsonl);
}
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
