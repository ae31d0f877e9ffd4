#include "eval/events_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace sitrep::eval {
namespace {

// Multiset intersection size of two sorted lists.
template <typename T>
uint64_t common(std::vector<T> a, std::vector<T> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out.size();
}

std::vector<EventTriple> roots(std::vector<EventTriple> v) {
  for (EventTriple& t : v) t.code = t.code.substr(0, 2);
  return v;
}

std::vector<EventTriple> unique_sorted(std::vector<EventTriple> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

Result<std::vector<EventRecord>> read_event_records(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot read");
  std::vector<EventRecord> out;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto j = nlohmann::json::parse(line);
      EventRecord r;
      r.id = j.value("id", "");
      r.category = j.value("category", "");
      r.text = j.at("text").get<std::string>();
      std::string d = j.value("date", "");
      if (d.size() == 8 && std::all_of(d.begin(), d.end(), ::isdigit))
        r.date = Date{static_cast<int16_t>(std::stoi(d.substr(0, 4))), static_cast<uint8_t>(std::stoi(d.substr(4, 2))),
                      static_cast<uint8_t>(std::stoi(d.substr(6, 2)))};
      for (const auto& e : j.value("expected", nlohmann::json::array()))
        r.expected.push_back({e.value("source", ""), e.value("target", ""), e.value("code", "")});
      if (j.value("noevents", false)) r.expected.clear();
      for (const auto& c : j.value("comments", nlohmann::json::array()))
        if (c.is_string()) r.comments.push_back(c.get<std::string>());
      out.push_back(std::move(r));
    } catch (const std::exception& e) {
      return Status::Error(fmt::format("{}:{}: {}", path, n, e.what()));
    }
  }
  return out;
}

std::vector<EventTriple> event_triples(const Document& doc) {
  std::vector<EventTriple> out;
  for (const Event& e : doc.events) out.push_back({e.source.code, e.target.code, e.code});
  return out;
}

bool score_record(const EventRecord& record, const std::vector<EventTriple>& coded, EventScores& s) {
  std::vector<EventTriple> gold = unique_sorted(record.expected), got = unique_sorted(coded);
  uint64_t tp = common(gold, got);
  s.tp += tp, s.fp += got.size() - tp, s.fn += gold.size() - tp;
  uint64_t rtp = common(roots(gold), roots(got));
  s.root_tp += rtp, s.root_fp += got.size() - rtp, s.root_fn += gold.size() - rtp;
  bool right = gold == got;
  ++s.records;
  s.records_right += right;
  auto& c = s.categories[record.category];
  c.first += right, ++c.second;
  return right;
}

std::string events_table(const EventScores& s) {
  auto pct = [](uint64_t a, uint64_t b) { return b ? 100.0 * a / b : 0.0; };
  std::string out;
  out += fmt::format("{:<10} {:>9} {:>9} {:>9}\n", "", "precision", "recall", "F1");
  out += fmt::format("{:<10} {:>9.2f} {:>9.2f} {:>9.2f}\n", "exact", pct(s.tp, s.tp + s.fp), pct(s.tp, s.tp + s.fn),
                     s.exact_f1());
  out += fmt::format("{:<10} {:>9.2f} {:>9.2f} {:>9.2f}\n", "root", pct(s.root_tp, s.root_tp + s.root_fp),
                     pct(s.root_tp, s.root_tp + s.root_fn), s.root_f1());
  out += fmt::format("\nrecords fully correct: {}/{} = {:.2f}%\n", s.records_right, s.records, s.all_correct());
  for (const auto& [cat, c] : s.categories)
    out += fmt::format("  {:<12} {:>3}/{:<3} {:6.2f}%\n", cat.empty() ? "(none)" : cat, c.first, c.second,
                       pct(c.first, c.second));
  return out;
}

std::string events_json(const EventScores& s) {
  nlohmann::json j;
  j["exact_f1"] = s.exact_f1();
  j["root_f1"] = s.root_f1();
  j["records_all_correct"] = s.all_correct();
  j["records"] = s.records;
  nlohmann::json cats;
  for (const auto& [cat, c] : s.categories) cats[cat] = c.second ? 100.0 * c.first / c.second : 0.0;
  j["categories"] = cats;
  return j.dump();
}

}  // namespace sitrep::eval
