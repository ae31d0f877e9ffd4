#include "eval/events_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "text/text_util.h"

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

std::vector<EventTriple> at_level(std::vector<EventTriple> v, EventLevel l) {
  for (EventTriple& t : v) {
    t.source = actor_key(t.source, l), t.target = actor_key(t.target, l);
    if (l != EventLevel::kExact) t.code = t.code.substr(0, 2);
    if (l == EventLevel::kRoot) t.source.clear(), t.target.clear();
  }
  return v;
}

}  // namespace

const char* event_level_name(EventLevel l) {
  static const char* const kNames[] = {"exact", "root+actor", "root+country", "root"};
  return kNames[static_cast<int>(l)];
}

std::string actor_key(std::string_view code, EventLevel level) {
  if (code.empty() || code == "---") return "---";
  if (level == EventLevel::kExact) return std::string(code);
  size_t country = code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("MNC") ? 6 : 3;
  return std::string(code.substr(0, level == EventLevel::kRootActor ? country + 3 : country));
}

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
      r.context = j.value("context", "");
      std::string d = j.value("date", "");
      if (d.size() == 8 && std::all_of(d.begin(), d.end(), ::isdigit))
        r.date = Date{static_cast<int16_t>(std::stoi(d.substr(0, 4))), static_cast<uint8_t>(std::stoi(d.substr(4, 2))),
                      static_cast<uint8_t>(std::stoi(d.substr(6, 2)))};
      for (const auto& e : j.value("expected", nlohmann::json::array()))
      {
        r.expected.push_back({e.value("source", ""), e.value("target", ""), e.value("code", "")});
        r.expected_places.push_back(e.value("place", ""));
      }
      if (j.value("noevents", false)) r.expected.clear(), r.expected_places.clear();
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

namespace {
// A place name compared without case and without a leading "the".
std::string lower_copy(std::string_view x) {
  std::string out = text::ascii_lower(x);
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}
}  // namespace

bool score_record(const EventRecord& record, const std::vector<EventTriple>& coded, EventScores& s,
                  const std::vector<std::string>& places) {
  // Places: a gold event with a place, found at root + country level, is placed right when
  // one such coded event's place contains the gold one or is contained in it.
  if (places.size() == coded.size())
    for (size_t g = 0; g < record.expected.size() && g < record.expected_places.size(); ++g) {
      if (record.expected_places[g].empty()) continue;
      auto key = at_level({record.expected[g]}, EventLevel::kRootCountry)[0];
      bool found = false, right = false, any = false;
      std::string want = lower_copy(record.expected_places[g]);
      for (size_t c = 0; c < coded.size(); ++c) {
        if (at_level({coded[c]}, EventLevel::kRootCountry)[0] != key) continue;
        found = true;
        std::string got = lower_copy(places[c]);
        any = any || !got.empty();
        right = right || (!got.empty() && (got.find(want) != std::string::npos || want.find(got) != std::string::npos));
      }
      s.placed += found, s.placed_right += right, s.placed_none += found && !any;
    }
  // (Compared as the exact level keys them: an unknown actor is "---" whether written so
  // or left empty.)
  std::vector<EventTriple> gold = unique_sorted(at_level(record.expected, EventLevel::kExact)),
                           got = unique_sorted(at_level(coded, EventLevel::kExact));
  uint64_t tp = common(gold, got);
  s.tp += tp, s.fp += got.size() - tp, s.fn += gold.size() - tp;
  uint64_t rtp = common(roots(gold), roots(got));
  s.root_tp += rtp, s.root_fp += got.size() - rtp, s.root_fn += gold.size() - rtp;
  for (int l = 0; l < kEventLevels; ++l) {
    auto g = at_level(gold, static_cast<EventLevel>(l)), c = at_level(got, static_cast<EventLevel>(l));
    uint64_t k = common(g, c);
    s.level[l].tp += k, s.level[l].fp += c.size() - k, s.level[l].fn += g.size() - k;
  }
  {  // per root, at root + country level
    auto g = at_level(gold, EventLevel::kRootCountry), c = at_level(got, EventLevel::kRootCountry);
    std::map<std::string, std::pair<std::vector<EventTriple>, std::vector<EventTriple>>> by;
    for (auto& t : g) by[t.code].first.push_back(t);
    for (auto& t : c) by[t.code].second.push_back(t);
    for (auto& [root, gc] : by) {
      uint64_t k = common(gc.first, gc.second);
      auto& x = s.per_root[root];
      x.tp += k, x.fp += gc.second.size() - k, x.fn += gc.first.size() - k;
    }
  }
  if (!record.expected.empty()) {
    ++s.event_records;
    s.event_records_coded += !coded.empty();
  }
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

std::string events_levels_table(const EventScores& s) {
  auto pct = [](uint64_t a, uint64_t b) { return b ? 100.0 * a / b : 0.0; };
  std::string out = fmt::format("{:<13} {:>9} {:>9} {:>9}\n", "level", "precision", "recall", "F1");
  for (int l = 0; l < kEventLevels; ++l) {
    const auto& c = s.level[l];
    out += fmt::format("{:<13} {:>9.2f} {:>9.2f} {:>9.2f}\n", event_level_name(static_cast<EventLevel>(l)),
                       pct(c.tp, c.tp + c.fp), pct(c.tp, c.tp + c.fn), EventScores::f1(c.tp, c.fp, c.fn));
  }
  out += fmt::format("\nrecords with events that get one: {}/{} = {:.2f}%\n", s.event_records_coded,
                     s.event_records, pct(s.event_records_coded, s.event_records));
  out += fmt::format("records fully correct: {}/{} = {:.2f}%\n", s.records_right, s.records, s.all_correct());
  out += fmt::format("events found with a gold place that carry it: {}/{} = {:.2f}% (carrying none: {})\n",
                     s.placed_right, s.placed, pct(s.placed_right, s.placed), s.placed_none);
  out += fmt::format("\nper root (root + country): {:>4} {:>4} {:>4} {:>9} {:>9}\n", "tp", "fp", "fn", "precision",
                     "recall");
  for (const auto& [root, c] : s.per_root)
    out += fmt::format("  {:<24} {:>4} {:>4} {:>4} {:>9.2f} {:>9.2f}\n", root, c.tp, c.fp, c.fn,
                       pct(c.tp, c.tp + c.fp), pct(c.tp, c.tp + c.fn));
  return out;
}

std::string events_json(const EventScores& s) {
  nlohmann::json j;
  for (int l = 0; l < kEventLevels; ++l) {
    const auto& c = s.level[l];
    auto pct = [](uint64_t a, uint64_t b) { return b ? 100.0 * a / b : 0.0; };
    j["levels"][event_level_name(static_cast<EventLevel>(l))] = {
        {"precision", pct(c.tp, c.tp + c.fp)}, {"recall", pct(c.tp, c.tp + c.fn)}, {"f1", EventScores::f1(c.tp, c.fp, c.fn)}};
  }
  j["event_records_coded"] = s.event_records ? 100.0 * s.event_records_coded / s.event_records : 0.0;
  j["places_right"] = s.placed ? 100.0 * s.placed_right / s.placed : 0.0;
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
