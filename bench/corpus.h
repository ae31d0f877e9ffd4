// The benchmark corpus: real news text from ../shared/data/news-te3-silver
// (AFP and Xinhua, research use: read at run time, never committed), with the
// TimeML tags stripped. Falls back to our own examples/ when ../shared is absent.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace sitrep::bench {

inline std::string strip_tags(const std::string& xml) {
  std::string out;
  out.reserve(xml.size());
  bool in_tag = false;
  for (char c : xml) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}

// One string per article: headline line, blank line, body.
inline std::vector<std::string> load_corpus() {
  namespace fs = std::filesystem;
  std::vector<std::string> docs;
  fs::path dir = fs::path(SITREP_SOURCE_DIR) / ".." / "shared" / "data" / "news-te3-silver";
  if (fs::is_directory(dir)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto title_b = xml.find("<TITLE>"), title_e = xml.find("</TITLE>");
      auto text_b = xml.find("<TEXT>"), text_e = xml.find("</TEXT>");
      if (text_b == std::string::npos || text_e == std::string::npos) continue;
      std::string doc;
      if (title_b != std::string::npos && title_e != std::string::npos)
        doc = strip_tags(xml.substr(title_b + 7, title_e - title_b - 7)) + "\n\n";
      doc += strip_tags(xml.substr(text_b + 6, text_e - text_b - 6));
      docs.push_back(std::move(doc));
    }
  }
  if (docs.empty()) {
    for (const auto& e : fs::directory_iterator(fs::path(SITREP_SOURCE_DIR) / "examples")) {
      std::ifstream in(e.path(), std::ios::binary);
      docs.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
  }
  return docs;
}

}  // namespace sitrep::bench
